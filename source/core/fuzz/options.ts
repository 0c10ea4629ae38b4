/**
 * The fuzz command's own options, the same in every mode: how many seeded
 * runs (--seeds), from which seed (--seed), how many events each (--events).
 * The mode parses the rest (its bugs, its cluster size).
 */
import type {RawFlags} from '../engine/mode.js';
import {UsageError} from '../engine/usage-error.js';
import type {FuzzBudget, FuzzOptions} from './target.js';

/** The flags of `replica-tui <mode> fuzz` that no mode has itself (meow needs them declared). */
export const fuzzFlags = {
	seeds: {type: 'string'},
	events: {type: 'string'},
} as const;

function value(flags: RawFlags, name: string): string | undefined {
	const raw = flags[name];
	if (raw === undefined || typeof raw === 'boolean') return undefined;
	if (typeof raw === 'string') return raw;
	if (raw.length > 1) throw new UsageError(`--${name} takes one value, not ${raw.length}`);
	return raw[0];
}

/** A whole-number flag within [min, max], or `fallback` when absent. */
export function wholeFlag(flags: RawFlags, name: string, fallback: number, min: number, max: number): number {
	const text = value(flags, name);
	if (text === undefined) return fallback;
	if (!/^\d+$/.test(text.trim())) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
	const number = Number(text);
	if (number < min || number > max) throw new UsageError(`--${name} must be from ${min} to ${max}, not ${number}`);
	return number;
}

export function parseBudget(flags: RawFlags, defaults: FuzzBudget): FuzzBudget {
	return {
		seeds: wholeFlag(flags, 'seeds', defaults.seeds, 1, 10_000_000),
		firstSeed: wholeFlag(flags, 'seed', defaults.firstSeed, 0, 4_294_967_295),
		events: wholeFlag(flags, 'events', defaults.events, 10, 10_000_000),
	};
}

export function parseFuzzOptions<P>(flags: RawFlags, defaults: FuzzOptions<P>, parseSetup: (flags: RawFlags) => P): FuzzOptions<P> {
	return {...parseSetup(flags), ...parseBudget(flags, defaults)};
}
