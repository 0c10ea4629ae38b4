// The Raft safety lab's figures: the core's speed with and without the live
// checker, the fuzzer's runs per second with no bug, and for each bug that can
// break safety the time (and runs) the fuzzer takes to find it with its
// default budget and the size of the counterexample it shrinks to (through the
// generic ./fuzz-findings.ts). Wire in with: figures.push(...(await raftSafetyFigures()));
import {performance} from 'node:perf_hooks';
import {parseRaftConfig} from '../source/core/raft/config.js';
import {advance, createRaft} from '../source/core/raft/engine.js';
import {search} from '../source/core/fuzz/search.js';
import {defaultFuzzOptions} from '../source/core/raft/fuzz/options.js';
import {raftFuzz} from '../source/core/raft/fuzz/target.js';
import {fuzzFindingFigures, type FuzzGoal} from './fuzz-findings.js';
import {median, type Figure} from './stats.js';

const fixed = (value: number, digits = 0) => value.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits});

function eventsPerSecond(checker: boolean, seed: number, events: number): number {
	const config = {...parseRaftConfig({seed: String(seed), workload: '50', requests: '1000'}), safetyCheck: checker};
	let state = createRaft(config);
	const started = performance.now();
	for (let done = 0; done < events; done += 4096) state = advance(state, Math.min(4096, events - done));
	return state.events / ((performance.now() - started) / 1000);
}

/**
 * Headless events per second with 5 servers and a brisk client, with the
 * live safety checker on and off: runs alternate (on, off, on, off, …) on the
 * same seeds, so the machine's noise falls on both alike; medians.
 */
export function raftThroughput(runs = 4, events = 1_000_000): {on: number; off: number} {
	eventsPerSecond(true, 99, 200_000);
	const on: number[] = [];
	const off: number[] = [];
	for (let run = 0; run < runs; run++) {
		on.push(eventsPerSecond(true, run + 1, events));
		off.push(eventsPerSecond(false, run + 1, events));
	}

	return {on: median(on), off: median(off)};
}

/** Fuzz runs per second with no bug (default events per run, 5 servers). */
export function fuzzRunsPerSecond(seeds = 200): {runsPerSecond: number; eventsPerSecond: number} {
	const started = performance.now();
	const result = search(raftFuzz, {...defaultFuzzOptions, seeds});
	const seconds = (performance.now() - started) / 1000;
	return {runsPerSecond: result.runs / seconds, eventsPerSecond: result.events / seconds};
}

/** Issue 19's targets: a counterexample a student can follow, found and shrunk in under 10 s. */
export function raftFuzzGoal(bug: string): FuzzGoal {
	return bug === 'old-term-commit' ? {actions: 8, events: 300, seconds: 10} : {actions: 12, seconds: 10};
}

export async function raftSafetyFigures(say: (text: string) => void = () => undefined): Promise<Figure[]> {
	const figures: Figure[] = [];
	say('Raft core, 5 servers, 1,000,000 events × 3, checker on and off');
	const {on, off} = raftThroughput();
	figures.push(
		{name: 'Raft events/s, 5 servers, live checker on', value: `${fixed(on / 1000)} k/s`, budget: '≥ 300 k/s', met: on >= 300_000},
		{name: 'Raft events/s, 5 servers, checker off', value: `${fixed(off / 1000)} k/s (checker costs ${fixed((1 - on / off) * 100)}%)`, budget: 'shown', met: undefined},
	);
	say('fuzzer with no bug: 200 runs');
	const rate = fuzzRunsPerSecond();
	figures.push({name: 'fuzz runs/s, no bug (2,000 events a run)', value: `${fixed(rate.runsPerSecond)} runs/s (${fixed(rate.eventsPerSecond / 1000)} k events/s)`, budget: 'shown', met: undefined});
	figures.push(...fuzzFindingFigures(raftFuzz, say, raftFuzzGoal));
	return figures;
}
