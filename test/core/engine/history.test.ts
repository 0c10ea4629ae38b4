/**
 * Step back and restart: one event back, exactly (the same state as a fresh run to that point, byte for
 * byte, with the actions taken after that event undone too), and quick at any depth of a long run, with a
 * bounded number of snapshots. How quick is measured in events replayed (a counting mode), not in time.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {faultTypes} from '../../../source/core/voting/fault.js';
import {maxSnapshots, replayAll, snapshotEvery} from '../../../source/core/engine/history.js';
import {sessionStep, type SessionAction} from '../../../source/core/engine/session.js';
import type {SimState} from '../../../source/core/voting/types.js';
import {votingMode, type VotingAction} from '../../../source/core/voting/mode.js';
import {bytes, countingMode, run, votingSession, type VotingSession} from './helpers.js';

/** What happened in a run, one event or one action at a time: what a fresh run replays. */
type Happening = 'event' | VotingAction;

/** A fresh run of `happenings` from the seed, with no session and no history: the reference. */
function freshRun(start: SimState, happenings: readonly Happening[]): SimState {
	let sim = start;
	for (const happening of happenings) sim = happening === 'event' ? votingMode.advance(sim, 1) : votingMode.apply(sim, happening);
	return sim;
}

/** Step back, as the reference sees it: the last event goes, and every action after it. */
function withoutLastEvent(happenings: readonly Happening[]): Happening[] {
	const last = happenings.lastIndexOf('event');
	return last < 0 ? [] : happenings.slice(0, last);
}

const screenOf = (sim: SimState) => JSON.stringify(votingMode.view(sim, {columns: 120, bodyRows: 30, selected: 0, cursor: 0}));

/** Applies a session action and keeps the reference list of happenings in step with it. */
function act(session: VotingSession, happenings: Happening[], action: SessionAction): VotingSession {
	const next = sessionStep(session, action);
	if (action.type === 'back') return next;
	const events = next.history.events - session.history.events;
	for (let i = 0; i < events; i++) happenings.push('event');
	if (action.type === 'mode' && next.sim !== session.sim) happenings.push(action.action as VotingAction);
	return next;
}

const operation: fc.Arbitrary<SessionAction> = fc.oneof(
	{weight: 4, arbitrary: fc.integer({min: 1, max: 3}).map(count => ({type: 'step', count}) as const)},
	{weight: 2, arbitrary: fc.integer({min: 1, max: 1500}).map(ms => ({type: 'tick', ms}) as const)},
	{weight: 1, arbitrary: fc.constant({type: 'toggle-pause'} as const)},
	{weight: 3, arbitrary: fc.record({replica: fc.integer({min: 0, max: 4}), fault: fc.constantFrom(...faultTypes)}).map(({replica, fault}) => ({type: 'mode', action: {type: 'inject', replica, fault}}) as const)},
	{weight: 2, arbitrary: fc.integer({min: 0, max: 4}).map(replica => ({type: 'mode', action: {type: 'repair', replica}}) as const)},
	{weight: 3, arbitrary: fc.constant({type: 'back'} as const)},
);

describe('one event back, exactly', () => {
	it('after any mix of steps, ticks, faults, repairs and steps back, b gives the state (and the screen) of a fresh run to that point', () => {
		let backs = 0;
		let undoneActions = 0;
		fc.assert(
			fc.property(
				fc.record({model: fc.constantFrom('bank', 'chain', 'kv'), replicas: fc.integer({min: 1, max: 5}), seed: fc.nat(), speed: fc.constantFrom(2, 16, 256), operations: fc.array(operation, {minLength: 1, maxLength: 40})}),
				({model, replicas, seed, speed, operations}) => {
					let session = votingSession({model, replicas, seed, speed, paused: true});
					const start = session.sim;
					let happenings: Happening[] = [];
					for (const action of [...operations, {type: 'back'} as const]) {
						if (action.type === 'back') {
							const expected = withoutLastEvent(happenings);
							undoneActions += happenings.length - expected.length - (happenings.includes('event') ? 1 : 0);
							happenings = expected;
							backs++;
						}

						session = act(session, happenings, action);
						const fresh = freshRun(start, happenings);
						expect(bytes(session.sim), `after ${JSON.stringify(action)}`).toBe(bytes(fresh));
						expect(session.history.events).toBe(happenings.filter(happening => happening === 'event').length);
						if (action.type === 'back') expect(screenOf(session.sim)).toBe(screenOf(fresh));
					}

					expect(bytes(replayAll(session.history, votingMode))).toBe(bytes(session.sim));
				},
			),
			{numRuns: 150},
		);
		// Not vacuous: many steps back, and some of them undid actions taken after the last event.
		expect(backs).toBeGreaterThan(250);
		expect(undoneActions).toBeGreaterThan(20);
	});

	it('s s s b is s s, byte for byte, and the screen after b is the screen before the third s', () => {
		const twice = run(votingSession({paused: true, seed: 3}), {type: 'step'}, {type: 'step'});
		const back = run(twice, {type: 'step'}, {type: 'back'});
		expect(bytes(back.sim)).toBe(bytes(twice.sim));
		expect(screenOf(back.sim)).toBe(screenOf(twice.sim));
		expect(back.history.events).toBe(2);
	});

	it('a fault injected after the last step goes with that step; a fault before it stays', () => {
		const start = votingSession({paused: true, seed: 7});
		const skip: SessionAction = {type: 'mode', action: {type: 'inject', replica: 1, fault: 'skip'}};
		const corrupt: SessionAction = {type: 'mode', action: {type: 'inject', replica: 2, fault: 'corrupt'}};
		const session = run(start, {type: 'step'}, {type: 'step'}, skip, {type: 'step'}, corrupt);
		const back = sessionStep(session, {type: 'back'});
		// Back to #2 as it was just before #3 arrived: R2 armed to skip, R3 not corrupted.
		expect(back.sim.index).toBe(2);
		expect(bytes(back.sim)).toBe(bytes(run(start, {type: 'step'}, {type: 'step'}, skip).sim));
		expect(back.sim.replicas[1]!.faults.skipNext).toBe(true);
		const again = sessionStep(back, {type: 'back'});
		expect(bytes(again.sim)).toBe(bytes(run(start, {type: 'step'}).sim));
		expect(again.sim.replicas[1]!.faults.skipNext).toBe(false);
	});

	it('stepping back to the start gives the initial state; one more says so and changes nothing', () => {
		const start = votingSession({paused: true});
		const session = run(start, {type: 'step', count: 3}, {type: 'mode', action: {type: 'inject', replica: 0, fault: 'crash'}}, {type: 'back'}, {type: 'back'}, {type: 'back'});
		expect(bytes(session.sim)).toBe(bytes(start.sim));
		const again = sessionStep(session, {type: 'back'});
		expect(again.sim).toBe(session.sim);
		expect(again.notice).toMatch(/already at the start/);
	});

	it('at #0, b undoes a fault injected before the first input', () => {
		const start = votingSession({paused: true});
		const faulted = sessionStep(start, {type: 'mode', action: {type: 'inject', replica: 1, fault: 'flaky'}});
		expect(faulted.sim.replicas[1]!.faults.flaky).toBe(true);
		const back = sessionStep(faulted, {type: 'back'});
		expect(back.sim).toBe(start.sim);
		expect(back.notice).toBe('↶ undid 1 action');
	});

	it('restart is the initial state whatever happened, and a run after it is a fresh run', () => {
		const start = votingSession({paused: true, seed: 11, model: 'kv'});
		const busy = run(start, {type: 'step', count: 40}, {type: 'mode', action: {type: 'inject', replica: 2, fault: 'reorder'}}, {type: 'step', count: 5}, {type: 'back'});
		const restarted = sessionStep(busy, {type: 'restart'});
		expect(restarted.sim).toBe(start.sim);
		expect(bytes(sessionStep(restarted, {type: 'step', count: 9}).sim)).toBe(bytes(sessionStep(start, {type: 'step', count: 9}).sim));
	});
});

describe('quick at any depth, in bounded memory', () => {
	const total = 40_000;
	type Pattern = 'single steps' | 'ticks at 10,000/s' | 'one step of 40,000';
	function longRun(pattern: Pattern) {
		const counter = countingMode();
		let session = votingSession({mode: counter.mode, model: 'chain', replicas: 1, paused: pattern !== 'ticks at 10,000/s', speed: 10_000});
		let mostSnapshots = 0;
		if (pattern === 'single steps') {
			for (let i = 0; i < total; i++) {
				session = sessionStep(session, {type: 'step'});
				mostSnapshots = Math.max(mostSnapshots, session.history.snapshots.length);
			}
		} else if (pattern === 'ticks at 10,000/s') {
			while (session.sim.index < total) {
				session = sessionStep(session, {type: 'tick', ms: 33});
				mostSnapshots = Math.max(mostSnapshots, session.history.snapshots.length);
			}
		} else {
			session = sessionStep(session, {type: 'step', count: total});
			mostSnapshots = session.history.snapshots.length;
		}

		return {session, counter, mostSnapshots};
	}

	const patterns: Pattern[] = ['single steps', 'ticks at 10,000/s', 'one step of 40,000'];

	it.each(patterns)('after %s: at most maxSnapshots snapshots, one log entry, and each of the last 3,000 steps back replays fewer than 2 × snapshotEvery events', pattern => {
		const {session: end, counter, mostSnapshots} = longRun(pattern);
		expect(mostSnapshots).toBeLessThanOrEqual(maxSnapshots);
		expect(mostSnapshots).toBeGreaterThan(10);
		expect(end.history.entries).toHaveLength(1);
		let session = end;
		let most = 0;
		for (let k = 0; k < 3000; k++) {
			counter.reset();
			session = sessionStep(session, {type: 'back'});
			most = Math.max(most, counter.events());
			expect(session.history.snapshots.length).toBeLessThanOrEqual(maxSnapshots);
		}

		expect(session.sim.index).toBe(end.sim.index - 3000);
		expect(most).toBeLessThan(2 * snapshotEvery);
		expect(most).toBeGreaterThan(0);
	});

	it.each(patterns)('after %s, stepping back all the way replays fewer than snapshotEvery events a step on average, and no step replays more than an eighth of the run', pattern => {
		const {session: end, counter} = longRun(pattern);
		let session = end;
		let replayed = 0;
		let most = 0;
		const steps = end.sim.index;
		for (let k = 0; k < steps; k++) {
			counter.reset();
			session = sessionStep(session, {type: 'back'});
			replayed += counter.events();
			most = Math.max(most, counter.events());
		}

		expect(session.sim.index).toBe(0);
		expect(replayed / steps).toBeLessThan(snapshotEvery);
		expect(most).toBeLessThan(steps / 8);
		// The snapshots were used: a replay from the start every time would be steps²/2 events.
		expect(replayed).toBeGreaterThan(steps);
	});

	it('the counting mode counts: replaying everything from the start handles every event once', () => {
		const counter = countingMode();
		const session = run(votingSession({mode: counter.mode, paused: true}), {type: 'step', count: 1000});
		counter.reset();
		replayAll(session.history, counter.mode);
		expect(counter.events()).toBe(1000);
		expect(counter.calls()).toBeGreaterThan(0);
	});
});
