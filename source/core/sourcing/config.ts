import type {RawFlags} from '../engine/mode.js';
import {UsageError} from '../engine/usage-error.js';
import {maxSeed, numberFlag, wholeFlag} from '../engine/flags.js';
import type {SourcingConfig} from './state.js';

export const defaultJournalLimit = 500;
/** The +/- ladder's ends: --rate takes the same range. */
export const minSpeed = 0.25;
export const maxSpeed = 1000;

export const flags = {
	seed: {type: 'string'},
	rate: {type: 'string'},
	journal: {type: 'string'},
} as const;

/** Each flag once: a scenario header or a repeated flag must not pick one value silently. */
function refuseRepeats(raw: RawFlags): void {
	for (const name of Object.keys(flags)) {
		const value = raw[name];
		if (Array.isArray(value) && value.length > 1) throw new UsageError(`--${name} takes one value`);
	}
}

export function parseConfig(raw: RawFlags): SourcingConfig {
	refuseRepeats(raw);
	const seed = wholeFlag(raw, 'seed', 1, 0, maxSeed);
	const journalLimit = wholeFlag(raw, 'journal', defaultJournalLimit, 20, 100_000);
	const rate = raw['rate'] === undefined || raw['rate'] === false ? undefined : numberFlag(raw, 'rate', minSpeed, minSpeed, maxSpeed, 'a number of commands per second');
	return {seed, rate, journalLimit};
}
