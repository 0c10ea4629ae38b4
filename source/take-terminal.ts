/**
 * Imported first by cli.tsx, so that it runs before anything else is loaded:
 * the dashboard's terminal stops echoing keys at once (see takeTerminal).
 */
import {startsDashboard, takeTerminal} from './terminal-guard.js';

if (startsDashboard(process.argv.slice(2))) takeTerminal();
