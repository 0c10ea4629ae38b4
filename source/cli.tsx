#!/usr/bin/env node
import meow from 'meow';
import {helpText} from './help-text.js';
import {UsageError} from './options.js';
import {main} from './main.js';

const flagSpec = {
	replicas: {type: 'string'},
	model: {type: 'string'},
	seed: {type: 'string'},
	rate: {type: 'string'},
	paused: {type: 'boolean'},
	fault: {type: 'string', isMultiple: true},
	steps: {type: 'string'},
	json: {type: 'boolean'},
	trace: {type: 'string'},
	record: {type: 'string'},
} as const;

function fail(message: string): never {
	process.stderr.write(`replica-tui: ${message}\n`);
	process.exit(2);
}

try {
	const cli = meow(helpText, {importMeta: import.meta, flags: flagSpec, allowUnknownFlags: true, booleanDefault: undefined});
	const known = new Set([...Object.keys(flagSpec), 'help', 'version']);
	const unknown = Object.keys(cli.unnormalizedFlags).find(flag => !known.has(flag));
	if (unknown) fail(`unknown flag --${unknown} (see replica-tui --help)`);
	process.exitCode = await main(cli.input, cli.flags);
} catch (error) {
	if (error instanceof UsageError) fail(error.message);
	process.stderr.write(`replica-tui: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
}
