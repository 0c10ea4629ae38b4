// The timeline's jumps: to event 100,000 (new events), back to 50,000 and
// forward again along the run, and the same jumps at event 1,000, in Raft
// (5 servers, the busiest mode). A jump is as fast deep in a run as near its start.
import type {AnyMode} from '../source/core/engine/mode.js';
import {createSession, sessionStep, type Session} from '../source/core/engine/session.js';
import {modeNamed} from '../source/core/modes.js';
import {median, type Figure} from './stats.js';

const fixed = (value: number, digits = 1) => value.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits});

function timed(session: Session, event: number): {session: Session; ms: number} {
	const started = performance.now();
	const next = sessionStep(session, {type: 'jump', event});
	const ms = performance.now() - started;
	if (next.history.events !== event) throw new Error(`the jump to ${event} landed on ${next.history.events}`);
	return {session: next, ms};
}

/** Where else to jump back to from the end, as fractions of the run (no snapshot is at a round place by luck). */
const elsewhere = [0.123, 0.257, 0.391, 0.503, 0.617, 0.749, 0.883, 0.991];

/**
 * Milliseconds for: a jump to `depth` from the start (new events), back to half of it, on to the end again,
 * one back (median of `runs`), and the slowest jump back from the end to any of `elsewhere`.
 */
export function jumpTimes(depth: number, runs = 3): {out: number; back: number; forward: number; oneBack: number; worstBack: number} {
	const mode = modeNamed('raft') as AnyMode;
	const samples = {out: [] as number[], back: [] as number[], forward: [] as number[], oneBack: [] as number[]};
	let worstBack = 0;
	for (let run = 0; run < runs; run++) {
		let session = createSession(mode, mode.create(mode.parseConfig({servers: '5', seed: String(run + 1)})), {paused: true});
		let result = timed(session, depth);
		samples.out.push(result.ms);
		for (const fraction of elsewhere) worstBack = Math.max(worstBack, timed(result.session, Math.round(depth * fraction)).ms);
		result = timed(result.session, depth / 2);
		samples.back.push(result.ms);
		result = timed(result.session, depth);
		samples.forward.push(result.ms);
		session = result.session;
		result = timed(sessionStep(session, {type: 'jump', event: depth / 2 + 1000}), depth / 2 + 999);
		samples.oneBack.push(result.ms);
	}

	return {out: median(samples.out), back: median(samples.back), forward: median(samples.forward), oneBack: median(samples.oneBack), worstBack};
}

export function timelineFigures(say: (text: string) => void): Figure[] {
	say('timeline jumps: raft, 5 servers, to event 100,000 and back to 50,000 (and at 1,000 and 500)');
	const deep = jumpTimes(100_000);
	const shallow = jumpTimes(1000);
	return [
		{name: 'jump to event 100,000 (new events), raft 5 servers', value: `${fixed(deep.out, 0)} ms`, budget: 'shown', met: undefined},
		{
			name: 'jump back 100,000 → 50,000 (vs 1,000 → 500)',
			value: `${fixed(deep.back, 1)} ms vs ${fixed(shallow.back, 1)} ms`,
			budget: '≤ 100 ms',
			met: deep.back <= 100,
		},
		{name: 'slowest jump back from 100,000 (to 8 places, 3 runs)', value: `${fixed(deep.worstBack, 1)} ms`, budget: '≤ 100 ms', met: deep.worstBack <= 100},
		{name: 'jump forward 50,000 → 100,000 along the run', value: `${fixed(deep.forward, 1)} ms`, budget: '≤ 100 ms', met: deep.forward <= 100},
		{name: 'one event back at 51,000 after a jump there', value: `${fixed(deep.oneBack, 1)} ms`, budget: '≤ 20 ms', met: deep.oneBack <= 20},
	];
}
