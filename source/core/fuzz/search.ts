/**
 * The fuzzer: seeded runs one after another until one breaks a safety
 * property (then a small counterexample is sought and shrunk) or the budget
 * is spent. Pure: the command around it reads the clock and prints the
 * progress.
 */
import {adversaryRun, type RunOutcome} from './run.js';
import {shrinkRun} from './shrink.js';
import type {FuzzOptions, FuzzTarget, FuzzViolation} from './target.js';

export type FuzzProgress = {readonly runs: number; readonly events: number; readonly seed: number};

export type FuzzFinding<C, S, A, V extends FuzzViolation = FuzzViolation> = {
	/** The run shrunk: its seed and config (a small search's, if one found the bug too). */
	readonly seed: number;
	readonly config: C;
	/** Where the search first found it, when a small search then found it too (one of its runs is the one shrunk). */
	readonly first?: {readonly seed: number; readonly config: C; readonly runs: number};
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

/** Runs of a small search shrunk, at most (the smallest result is kept), and the events each shrink may spend. */
export const candidates = 3;
export const candidateBudget = 150_000;

type Found<C, S, A, V extends FuzzViolation> = {readonly seed: number; readonly config: C; readonly outcome: RunOutcome<C, S, A, V>};

/** Runs that break a property in the target's small searches: those of the first search that finds any, at most `candidates`. */
function smallFindings<P, C, S, A, V extends FuzzViolation>(target: FuzzTarget<P, C, S, A, V>, options: FuzzOptions<P>): Array<Found<C, S, A, V>> {
	for (const {setup, events, seeds} of target.smallSearches?.(options) ?? []) {
		const found: Array<Found<C, S, A, V>> = [];
		for (let seed = options.firstSeed; seed < options.firstSeed + seeds && found.length < candidates; seed++) {
			const config = target.config(setup, seed);
			const outcome = adversaryRun(target, setup, config, events);
			if (outcome.violation !== undefined) found.push({seed, config, outcome});
		}

		if (found.length > 0) return found;
	}

	return [];
}

/** Smaller is fewer actions, then fewer events. */
function smaller<C, S, A, V extends FuzzViolation>(a: RunOutcome<C, S, A, V>, b: RunOutcome<C, S, A, V>): boolean {
	return a.actions.length < b.actions.length || (a.actions.length === b.actions.length && a.events < b.events);
}

/** The finding shrunk (what the scenario replays): the smallest of a small search's runs shrunk, else the finding's own run. */
export function shrinkFinding<P, C, S, A, V extends FuzzViolation>(target: FuzzTarget<P, C, S, A, V>, result: FuzzResult<P, C, S, A, V>): FuzzResult<P, C, S, A, V> {
	const {finding: first, options} = result;
	if (first === undefined) return result;
	let best: {found: Found<C, S, A, V>; shrunk: RunOutcome<C, S, A, V>} | undefined;
	for (const found of smallFindings(target, options)) {
		const shrunk = shrinkRun(target, found.config, found.outcome, found.outcome.events, candidateBudget);
		if (best === undefined || smaller(shrunk, best.shrunk)) best = {found, shrunk};
	}

	if (best === undefined) {
		const shrunk = shrinkRun(target, first.config, first.found, options.events);
		return {...result, finding: {...first, config: shrunk.config, shrunk, violation: shrunk.violation!}};
	}

	const {found, shrunk} = best;
	return {
		...result,
		finding: {seed: found.seed, config: shrunk.config, first: {seed: first.seed, config: first.config, runs: result.runs}, found: found.outcome, shrunk, violation: shrunk.violation!},
	};
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
		const outcome = adversaryRun(target, options, config, options.events);
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
