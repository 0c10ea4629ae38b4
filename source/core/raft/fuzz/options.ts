/**
 * `replica-tui raft fuzz`'s own part of the options: which bugs are on and
 * how many servers (the budget flags are the generic fuzzer's).
 */
import type {RawFlags} from '../../engine/mode.js';
import {wholeFlag} from '../../fuzz/options.js';
import type {FuzzOptions} from '../../fuzz/target.js';
import {defaultConfig, maxServers, parseBugs} from '../config.js';
import type {BugName, RaftConfig} from '../types.js';

export type RaftFuzzSetup = {
	readonly bugs: readonly BugName[];
	readonly servers: number;
};

export type RaftFuzzOptions = FuzzOptions<RaftFuzzSetup>;

/** The default budget: enough to find every safety bug (the test suite checks it), a few seconds without one. */
export const defaultFuzzOptions: RaftFuzzOptions = {bugs: [], seeds: 500, firstSeed: 1, events: 2000, servers: 5};

export function parseRaftFuzzSetup(flags: RawFlags): RaftFuzzSetup {
	return {bugs: parseBugs(flags), servers: wholeFlag(flags, 'servers', defaultFuzzOptions.servers, 3, maxServers)};
}

/** The cluster a fuzz run drives: the paper's timings, a brisk client, a bounded workload. */
export function fuzzConfig(options: RaftFuzzSetup, seed: number): RaftConfig {
	return {...defaultConfig, servers: options.servers, seed, workload: fuzzWorkload, requests: fuzzRequests, bugs: options.bugs};
}

/** Mean ms between client requests, and how many at most, in a fuzz run (the scenario header repeats them). */
export const fuzzWorkload = 100;
export const fuzzRequests = 200;
