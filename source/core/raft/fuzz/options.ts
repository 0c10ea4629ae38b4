/**
 * `replica-tui raft fuzz`'s options: how many seeded runs, how many events
 * each, how many servers, which bugs are on.
 */
import type {RawFlags} from '../../engine/mode.js';
import {UsageError} from '../../engine/usage-error.js';
import {defaultConfig, maxServers, parseBugs} from '../config.js';
import type {BugName, RaftConfig} from '../types.js';

export type FuzzOptions = {
	readonly bugs: readonly BugName[];
	/** Runs, with seeds firstSeed, firstSeed + 1, … */
	readonly seeds: number;
	readonly firstSeed: number;
	/** Events handled in each run, at most (a run stops at the first violation). */
	readonly events: number;
	readonly servers: number;
};

/** The default budget: enough to find every safety bug (the test suite checks it), a few seconds without one. */
export const defaultFuzzOptions: FuzzOptions = {bugs: [], seeds: 500, firstSeed: 1, events: 2000, servers: 5};

/** The flags of `replica-tui raft fuzz` that the Raft mode itself does not have. */
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

function whole(flags: RawFlags, name: string, fallback: number, min: number, max: number): number {
	const text = value(flags, name);
	if (text === undefined) return fallback;
	if (!/^\d+$/.test(text.trim())) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
	const number = Number(text);
	if (number < min || number > max) throw new UsageError(`--${name} must be from ${min} to ${max}, not ${number}`);
	return number;
}

export function parseFuzzOptions(flags: RawFlags): FuzzOptions {
	return {
		bugs: parseBugs(flags),
		seeds: whole(flags, 'seeds', defaultFuzzOptions.seeds, 1, 10_000_000),
		firstSeed: whole(flags, 'seed', defaultFuzzOptions.firstSeed, 0, 4_294_967_295),
		events: whole(flags, 'events', defaultFuzzOptions.events, 10, 10_000_000),
		servers: whole(flags, 'servers', defaultFuzzOptions.servers, 3, maxServers),
	};
}

/** The cluster a fuzz run drives: the paper's timings, a brisk client, a bounded workload. */
export function fuzzConfig(options: Pick<FuzzOptions, 'bugs' | 'servers'>, seed: number): RaftConfig {
	return {...defaultConfig, servers: options.servers, seed, workload: fuzzWorkload, requests: fuzzRequests, bugs: options.bugs};
}

/** Mean ms between client requests, and how many at most, in a fuzz run (the scenario header repeats them). */
export const fuzzWorkload = 100;
export const fuzzRequests = 200;
