/**
 * The fuzzer: seeded runs one after another until one breaks a safety
 * property (then its plan is shrunk) or the budget is spent. Pure: the
 * command around it reads the clock and prints the progress.
 */
import {adversaryRun, type RunOutcome} from './run.js';
import {shrinkRun} from './shrink.js';
import type {FuzzOptions, FuzzTarget, FuzzViolation} from './target.js';

export type FuzzProgress = {readonly runs: number; readonly events: number; readonly seed: number};

export type FuzzFinding<C, S, A, V extends FuzzViolation = FuzzViolation> = {
	readonly seed: number;
	readonly config: C;
	/** The run as the adversary played it, and as shrunk (what the scenario replays). */
	readonly found: RunOutcome<C, S, A, V>;
	readonly shrunk: RunOutcome<C, S, A, V>;
	readonly violation: V;
};

export type FuzzResult<P, C, S, A, V extends FuzzViolation = FuzzViolation> = {
	readonly options: FuzzOptions<P>;
	readonly runs: number;
	readonly events: number;
	/** The highest value of the target's `watch` measure over the runs, and in which seed (e.g. the longest time without a leader). */
	readonly watched: {readonly value: number; readonly seed: number};
	readonly finding?: FuzzFinding<C, S, A, V>;
};

/** Runs seeds firstSeed, firstSeed + 1, … until a violation or `seeds` runs, then shrinks what it found; `onRun` hears after each run. */
export function fuzz<P, C, S, A, V extends FuzzViolation>(
	target: FuzzTarget<P, C, S, A, V>,
	options: FuzzOptions<P>,
	onRun?: (progress: FuzzProgress) => void,
): FuzzResult<P, C, S, A, V> {
	return shrinkFinding(target, search(target, options, onRun));
}

/** The finding's plan shrunk (what the scenario replays). */
export function shrinkFinding<P, C, S, A, V extends FuzzViolation>(target: FuzzTarget<P, C, S, A, V>, result: FuzzResult<P, C, S, A, V>): FuzzResult<P, C, S, A, V> {
	const {finding} = result;
	if (finding === undefined) return result;
	const shrunk = shrinkRun(target, finding.config, finding.found, result.options.events);
	return {...result, finding: {...finding, config: shrunk.config, shrunk, violation: shrunk.violation!}};
}

/** The search alone: the finding, if any, is the run as played (not shrunk yet). */
export function search<P, C, S, A, V extends FuzzViolation>(
	target: FuzzTarget<P, C, S, A, V>,
	options: FuzzOptions<P>,
	onRun?: (progress: FuzzProgress) => void,
): FuzzResult<P, C, S, A, V> {
	let events = 0;
	let watched = {value: 0, seed: options.firstSeed};
	for (let run = 0; run < options.seeds; run++) {
		const seed = options.firstSeed + run;
		const config = target.config(options, seed);
		const outcome = adversaryRun(target, config, options.events);
		events += outcome.events;
		const value = target.watch?.measure(outcome.state) ?? 0;
		if (value > watched.value) watched = {value, seed};
		onRun?.({runs: run + 1, events, seed});
		if (outcome.violation !== undefined) {
			return {options, runs: run + 1, events, watched, finding: {seed, config, found: outcome, shrunk: outcome, violation: outcome.violation}};
		}
	}

	return {options, runs: options.seeds, events, watched};
}
