import type {SimState} from './types.js';
import {summaryText} from './verdict.js';

/** A headless run without --json, in the words the screen uses. */
export function headlessSummary(sim: SimState): string {
	return summaryText(sim);
}
