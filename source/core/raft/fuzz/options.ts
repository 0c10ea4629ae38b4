/**
 * `replica-tui raft fuzz`'s own part of the options: which bugs are on and
 * how many servers (the budget flags are the generic fuzzer's).
 */
import type {RawFlags} from '../../engine/mode.js';
import {wholeFlag} from '../../fuzz/options.js';
import type {FuzzOptions} from '../../fuzz/target.js';
import {defaultConfig, maxServers, parseBugs} from '../config.js';
import type {BugName, RaftConfig} from '../types.js';
import type {Tactics} from './adversary.js';

export type RaftFuzzSetup = {
	readonly bugs: readonly BugName[];
	readonly servers: number;
	/** The adversary's tactics, where not its defaults (a small search's lean adversary). */
	readonly tactics?: Partial<Tactics>;
};

export type RaftFuzzOptions = FuzzOptions<RaftFuzzSetup>;

/** The default budget: enough to find every safety bug (the test suite checks it), a few seconds without one. */
export const defaultFuzzOptions: RaftFuzzOptions = {bugs: [], seeds: 500, firstSeed: 1, events: 2000, servers: 5};

export function parseRaftFuzzSetup(flags: RawFlags): RaftFuzzSetup {
	return {bugs: parseBugs(flags), servers: wholeFlag(flags, 'servers', defaultFuzzOptions.servers, 3, maxServers)};
}

/**
 * The cluster a fuzz run drives: the paper's timings and no automatic
 * client: the adversary sends the requests (as actions of the plan, so that
 * a shrunk plan keeps only the ones the violation needs).
 */
export function fuzzConfig(options: RaftFuzzSetup, seed: number): RaftConfig {
	return {...defaultConfig, servers: options.servers, seed, requests: 0, bugs: options.bugs};
}

/** A lean adversary, for a small counterexample: random faults half as often, a dozen requests, a brisk client. */
export const leanTactics: Partial<Tactics> = {faultGap: 300, requests: 12, requestGap: 150};

/**
 * Where a small counterexample is sought once a bug is found: 3 servers and
 * the lean adversary in short runs; then 3 servers and the full adversary.
 */
export function raftSmallSearches(setup: RaftFuzzSetup): ReadonlyArray<{setup: RaftFuzzSetup; events: number; seeds: number}> {
	const three = {...setup, servers: 3};
	return [
		{setup: {...three, tactics: leanTactics}, events: 600, seeds: 200},
		{setup: three, events: 1000, seeds: 100},
	];
}
