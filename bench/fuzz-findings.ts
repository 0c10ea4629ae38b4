// Any mode's fuzzer in the bench: for each bug its target lists, the time to
// find it from the default budget and to shrink it, the run it broke in, and
// the counterexample's size (actions, events, and the config's size); then
// the runs needed from 10 other seed ranges. A mode wires in with:
// figures.push(...fuzzFindingFigures(itsTarget, say, goals)).
import {performance} from 'node:perf_hooks';
import {search, shrinkFinding} from '../source/core/fuzz/search.js';
import type {AnyFuzzTarget} from '../source/core/fuzz/target.js';
import {median, type Figure} from './stats.js';

const fixed = (value: number, digits = 0) => value.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits});

/** The counterexample a bug should shrink to at most, and the seconds to find and shrink it. */
export type FuzzGoal = {readonly actions: number; readonly events?: number; readonly seconds: number};

export type FuzzFindingFigure = {
	readonly bug: string;
	/** From the default budget: seconds to find, seconds to shrink, runs, the property broken. */
	readonly findSeconds: number;
	readonly shrinkSeconds: number;
	readonly runs: number;
	readonly property: string | undefined;
	/** The shrunk counterexample: actions, events, the config's size in words. */
	readonly actions: number;
	readonly events: number;
	readonly size: string;
	/** Runs needed when starting from `starts` other seeds (1, 100001, 200001, …): the median and the most. */
	readonly medianRuns: number;
	readonly mostRuns: number;
};

export function fuzzFindings(target: AnyFuzzTarget, starts = 10): FuzzFindingFigure[] {
	return target.bugs.map(({name, setup}) => {
		const options = {...target.defaults, ...setup};
		const started = performance.now();
		const searched = search(target, options);
		const found = performance.now();
		const result = shrinkFinding(target, searched);
		const shrunk = performance.now();
		const spread = Array.from({length: starts}, (_, i) => search(target, {...options, firstSeed: 1 + i * 100_000}).runs);
		const finding = result.finding;
		return {
			bug: name,
			findSeconds: (found - started) / 1000,
			shrinkSeconds: (shrunk - found) / 1000,
			runs: result.runs,
			property: finding?.violation.property,
			actions: finding?.shrunk.actions.length ?? 0,
			events: finding?.shrunk.events ?? 0,
			size: finding === undefined ? '' : (target.sizeText?.(finding.config) ?? ''),
			medianRuns: median(spread),
			mostRuns: Math.max(...spread),
		};
	});
}

export function fuzzFindingFigures(target: AnyFuzzTarget, say: (text: string) => void, goal: (bug: string) => FuzzGoal | undefined = () => undefined): Figure[] {
	say(`${target.mode} fuzzer: time to find and shrink each bug, from seed ${target.defaults.firstSeed} and from 10 other seed ranges`);
	return fuzzFindings(target).map(found => {
		const wanted = goal(found.bug);
		const seconds = found.findSeconds + found.shrinkSeconds;
		const met =
			found.property !== undefined &&
			(wanted === undefined || (found.actions <= wanted.actions && (wanted.events === undefined || found.events <= wanted.events) && seconds < wanted.seconds));
		return {
			name: `${target.mode} fuzz finds ${found.bug}`,
			value:
				found.property === undefined
					? `not found in ${found.runs} runs`
					: `${fixed(found.findSeconds, 2)} s + shrink ${fixed(found.shrinkSeconds, 2)} s, run ${found.runs} (✗${found.property}): ${found.actions} actions, ${fixed(found.events)} events${found.size === '' ? '' : `, ${found.size}`}; 10 other seed ranges: median ${fixed(found.medianRuns)}, most ${found.mostRuns} runs`,
			budget:
				wanted === undefined
					? `within ${target.defaults.seeds} runs`
					: `≤ ${wanted.actions} actions${wanted.events === undefined ? '' : `, ≤ ${wanted.events} events`}, < ${wanted.seconds} s`,
			met,
		};
	});
}
