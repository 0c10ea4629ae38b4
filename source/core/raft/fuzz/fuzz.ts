/**
 * The fuzzer: seeded runs one after another until one breaks a safety
 * property (then its plan is shrunk) or the budget is spent. Pure: the
 * command around it reads the clock and prints the progress.
 */
import type {Violation} from '../safety/properties.js';
import {longestLeaderless} from '../safety/liveness.js';
import type {RaftConfig} from '../types.js';
import {fuzzConfig, type FuzzOptions} from './options.js';
import {adversaryRun, type RunOutcome} from './run.js';
import {shrinkRun} from './shrink.js';

export type FuzzProgress = {readonly runs: number; readonly events: number; readonly seed: number};

export type FuzzFinding = {
	readonly seed: number;
	readonly config: RaftConfig;
	/** The run as the adversary played it, and as shrunk (what the scenario replays). */
	readonly found: RunOutcome;
	readonly shrunk: RunOutcome;
	readonly violation: Violation;
};

export type FuzzResult = {
	readonly options: FuzzOptions;
	readonly runs: number;
	readonly events: number;
	/** The longest time any run went without a leader, and in which seed (liveness, never a violation). */
	readonly longestLeaderless: {readonly ms: number; readonly seed: number};
	readonly finding?: FuzzFinding;
};

/** Runs seeds firstSeed, firstSeed + 1, … until a violation or `seeds` runs, then shrinks what it found; `onRun` hears after each run. */
export function fuzz(options: FuzzOptions, onRun?: (progress: FuzzProgress) => void): FuzzResult {
	return shrinkFinding(search(options, onRun));
}

/** The finding's plan shrunk (what the scenario replays). */
export function shrinkFinding(result: FuzzResult): FuzzResult {
	const {finding} = result;
	if (finding === undefined) return result;
	const shrunk = shrinkRun(finding.config, finding.found, result.options.events);
	return {...result, finding: {...finding, shrunk, violation: shrunk.violation!}};
}

/** The search alone: the finding, if any, is the run as played (not shrunk yet). */
export function search(options: FuzzOptions, onRun?: (progress: FuzzProgress) => void): FuzzResult {
	let events = 0;
	let longest = {ms: 0, seed: options.firstSeed};
	for (let run = 0; run < options.seeds; run++) {
		const seed = options.firstSeed + run;
		const config = fuzzConfig(options, seed);
		const outcome = adversaryRun(config, options.events);
		events += outcome.events;
		const leaderless = longestLeaderless(outcome.state);
		if (leaderless > longest.ms) longest = {ms: leaderless, seed};
		onRun?.({runs: run + 1, events, seed});
		if (outcome.violation !== undefined) {
			return {options, runs: run + 1, events, longestLeaderless: longest, finding: {seed, config, found: outcome, shrunk: outcome, violation: outcome.violation}};
		}
	}

	return {options, runs: options.seeds, events, longestLeaderless: longest};
}
