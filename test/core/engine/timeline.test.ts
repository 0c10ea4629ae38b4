/**
 * The timeline: a jump to event N lands on exactly the state (and the screen) that stepping there
 * reaches, in every simulated mode, whatever the user did on the way (steps, ticks, actions, jumps
 * back and forth, stepping and running along a run left behind); `!` lands on the first violation.
 */
import {describe, expect, it} from 'vitest';
import type {AnyMode} from '../../../source/core/engine/mode.js';
import {createSession, sessionStep, timelineEnd, timelineMarks, type Session, type SessionAction} from '../../../source/core/engine/session.js';
import {modes} from '../../../source/core/modes.js';
import {parseGoto} from '../../../source/core/engine/timeline.js';

/** A few actions each mode takes (some are no-ops in some states: they change nothing and are not recorded). */
const sampleActions: Readonly<Record<string, readonly unknown[]>> = {
	voting: [
		{type: 'inject', replica: 1, fault: 'skip'},
		{type: 'repair', replica: 1},
		{type: 'inject', replica: 2, fault: 'flaky'},
	],
	raft: [{type: 'crash', server: 'leader'}, {type: 'restart', server: 0}, {type: 'restart', server: 1}, {type: 'timeout', server: 2}, {type: 'isolate', server: 'leader'}, {type: 'heal'}, {type: 'request'}],
	order: [{type: 'crash-leader'}, {type: 'crash-sequencer'}, {type: 'restart-sequencer'}, {type: 'send', client: 0}],
	sourcing: [{type: 'snapshot'}, {type: 'deploy', version: 2}, {type: 'replay', from: 'snapshot'}, {type: 'finish'}],
};

/** A small deterministic generator for the test's own choices (the seed is in the test's name). */
function chooser(seed: number): (n: number) => number {
	// Mulberry32.
	let value = seed >>> 0;
	return n => {
		value = (value + 0x6d_2b_79_f5) >>> 0;
		let t = value;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (((t ^ (t >>> 14)) >>> 0) % n);
	};
}

/** What happened, one event or one action at a time: the reference that stepping replays. */
type Happening = {readonly event: true} | {readonly action: unknown};

const stateBytes = (state: unknown) => JSON.stringify(state, (key, value: unknown) => (key === 'model' ? undefined : value));
const frame = (mode: AnyMode, state: unknown) => JSON.stringify(mode.view(state, {columns: 80, bodyRows: 15, selected: 0, cursor: 0}));

/** The state after `events` events, stepping one at a time from the start, with every action taken before the event after them. */
function stepped(mode: AnyMode, start: unknown, happenings: readonly Happening[], events: number): unknown {
	let state = start;
	let handled = 0;
	for (const happening of happenings) {
		if ('event' in happening) {
			if (handled === events) break;
			state = mode.advance(state, 1);
			handled++;
		} else {
			state = mode.apply(state, happening.action);
		}
	}

	return state;
}

/** A session run through `choices` of steps, ticks and actions, with the reference list kept in step. */
function buildRun(name: string, seed: number): {session: Session; happenings: Happening[]; start: unknown} {
	const mode = modes[name]!;
	const start = mode.create(mode.parseConfig({seed: String(seed)}));
	let session = createSession(mode, start, {paused: true});
	const happenings: Happening[] = [];
	const choose = chooser(seed);
	const actions = sampleActions[name]!;
	for (let i = 0; i < 24; i++) {
		const pick = choose(4);
		const action: SessionAction =
			pick === 0 ? {type: 'mode', action: actions[choose(actions.length)]} : pick === 1 ? {type: 'step', count: 1 + choose(40)} : {type: 'step', count: 1 + choose(5)};
		const next = sessionStep(session, action);
		for (let e = session.history.events; e < next.history.events; e++) happenings.push({event: true});
		if (action.type === 'mode' && next.sim !== session.sim) happenings.push({action: action.action});
		session = next;
	}

	// Running: ticks as the ticker sends them.
	session = sessionStep(session, {type: 'toggle-pause'});
	const before = session.history.events;
	for (let i = 0; i < 6; i++) session = sessionStep(session, {type: 'tick', ms: 200});
	session = sessionStep(session, {type: 'pause'});
	for (let e = before; e < session.history.events; e++) happenings.push({event: true});
	return {session, happenings, start};
}

describe('a jump lands where stepping lands', () => {
	for (const name of ['voting', 'raft', 'order', 'sourcing']) {
		for (const seed of [1, 5, 9]) {
			it(`${name}, seed ${seed}: jumps back and forth, then s and b along the run, give the stepped state and screen`, () => {
				const mode = modes[name]!;
				const built = buildRun(name, seed);
				let {session} = built;
				const end = session.history.events;
				expect(end).toBeGreaterThan(20);
				const choose = chooser(seed + 100);
				const check = (label: string) => {
					const expected = stepped(mode, built.start, built.happenings, session.history.events);
					expect(stateBytes(session.sim), label).toBe(stateBytes(expected));
					expect(frame(mode, session.sim), label).toBe(frame(mode, expected));
				};

				for (let i = 0; i < 6; i++) {
					const target = choose(end + 1);
					session = sessionStep(session, {type: 'jump', event: target});
					expect(session.history.events).toBe(target);
					// The run so far is kept: its end and its actions stay on the timeline.
					expect(timelineEnd(session)).toBe(end);
					check(`jump to ${target}`);
				}

				session = sessionStep(session, {type: 'jump', event: Math.floor(end / 3)});
				for (const key of ['step', 'step', 'back', 'step'] as const) {
					session = sessionStep(session, {type: key});
					check(`${key} along the run at ${session.history.events}`);
				}

				// Every mark is a place stepping reaches, and { } visit them in order.
				const marks = [...new Set(timelineMarks(session).map(mark => mark.event))];
				session = sessionStep(session, {type: 'jump', event: 0});
				const visited: number[] = [];
				for (;;) {
					const next = sessionStep(session, {type: 'jump-mark', delta: 1});
					if (next.history.events === session.history.events) break;
					session = next;
					visited.push(session.history.events);
					check(`} to ${session.history.events}`);
				}

				expect(visited).toEqual(marks.filter(event => event > 0));
				// Running along the run takes its actions again where they were, and reaches its end as it was.
				session = sessionStep(sessionStep(session, {type: 'jump', event: 0}), {type: 'toggle-pause'});
				for (let i = 0; i < 400 && session.run; i++) session = sessionStep(session, {type: 'tick', ms: 500});
				session = sessionStep(session, {type: 'pause'});
				expect(session.history.events).toBeGreaterThanOrEqual(end);
				session = sessionStep(session, {type: 'jump', event: end});
				check('after running along the run, back at its end');
			});
		}
	}

	it('a jump past the end handles new events, as stepping does; an action behind the end leaves the rest of the run', () => {
		const mode = modes.raft!;
		const built = buildRun('raft', 3);
		let {session} = built;
		const end = session.history.events;
		session = sessionStep(session, {type: 'jump', event: end + 150});
		expect(session.history.events).toBe(end + 150);
		expect(stateBytes(session.sim)).toBe(stateBytes(mode.advance(stepped(mode, built.start, built.happenings, end), 150)));
		session = sessionStep(session, {type: 'jump', event: 40});
		expect(timelineEnd(session)).toBe(end + 150);
		session = sessionStep(session, {type: 'mode', action: {type: 'timeout', server: 1}});
		expect(session.run).toBeUndefined();
		expect(timelineEnd(session)).toBe(40);
	});

	it('go to a time: every event due by then handled, none after', () => {
		const mode = modes.raft!;
		let {session} = buildRun('raft', 5);
		const last = mode.now(session.sim);
		const time = Math.floor(last / 2);
		session = sessionStep(session, {type: 'jump-time', time});
		expect(mode.now(session.sim)).toBeLessThanOrEqual(time);
		expect(mode.nextTime(session.sim)).toBeGreaterThan(time);
		// Beyond the run so far: on into new events, to that time.
		session = sessionStep(session, {type: 'jump-time', time: last + 500});
		expect(mode.now(session.sim)).toBeLessThanOrEqual(last + 500);
		expect(mode.nextTime(session.sim)).toBeGreaterThan(last + 500);
	});

	it('the go-to prompt takes 1200, t5200 and 5.2s (in ms modes) and says what it takes otherwise', () => {
		expect(parseGoto('1200', modes.raft!)).toEqual({event: 1200});
		expect(parseGoto('t5200', modes.raft!)).toEqual({time: 5200});
		expect(parseGoto('5.2s', modes.raft!)).toEqual({time: 5200});
		expect(parseGoto('5.2s', modes.voting!)).toMatch(/is not an event or a time: type 1200 \(event 1200\) or t40/);
		expect(parseGoto('12x', modes.raft!)).toBe('"12x" is not an event or a time: type 1200 (event 1200), t5200 (time 5200 ms) or 5.2s');
		let session = createSession(modes.raft!, modes.raft!.create(modes.raft!.parseConfig({})), {paused: true});
		for (const action of [{type: 'goto-open'}, {type: 'goto-text', text: 't'}, {type: 'goto-submit'}] as const) session = sessionStep(session, action);
		expect(session.notice).toMatch(/^"t" is not an event or a time/);
		expect(session.overlay.kind).toBe('goto');
		session = sessionStep(sessionStep(session, {type: 'goto-text', text: '30'}), {type: 'goto-submit'});
		expect(session.history.events).toBe(30);
		expect(session.overlay.kind).toBe('none');
	});
});

describe('the first violation', () => {
	it('raft with forget-vote: ! lands on the event that broke Election Safety, the state stepping reaches; the event before is clean', () => {
		const mode = modes.raft!;
		const start = mode.create(mode.parseConfig({servers: '3', bug: ['forget-vote'], election: '3000-4000', workload: '0', seed: '1'}));
		let session = createSession(mode, start, {paused: true});
		const act = (action: unknown) => {
			session = sessionStep(session, {type: 'mode', action});
		};

		act({type: 'cut', from: 0, to: 1});
		act({type: 'timeout', server: 0});
		for (let i = 0; i < 200 && !session.sim.servers.some((server: {role: string}) => server.role === 'leader'); i++) session = sessionStep(session, {type: 'step'});
		act({type: 'crash', server: 2});
		act({type: 'restart', server: 2});
		act({type: 'timeout', server: 1});
		session = sessionStep(session, {type: 'toggle-pause'});
		for (let i = 0; i < 200 && !session.paused; i++) session = sessionStep(session, {type: 'tick', ms: 100});
		expect(mode.haltReason!(session.sim)).toMatch(/ES: S1 and S2 were both elected leader of term 1/);
		const violationAt = session.history.events;
		// Run on past it, then go back to the start: ! finds it.
		session = sessionStep(session, {type: 'step', count: 30});
		session = sessionStep(session, {type: 'jump', event: 0});
		session = sessionStep(session, {type: 'jump-violation'});
		expect(session.history.events).toBe(violationAt);
		expect(mode.haltReason!(session.sim)).toMatch(/ES: S1 and S2 were both elected leader of term 1/);
		const marks = timelineMarks(session);
		expect(marks.some(mark => mark.kind === 'leader' && /S1 leads term 1/.test(mark.label))).toBe(true);
		expect(marks.filter(mark => mark.kind === 'violation').map(mark => mark.event)).toEqual([violationAt]);
		session = sessionStep(session, {type: 'back'});
		expect(mode.haltReason!(session.sim)).toBeUndefined();
	});

	it('without a violation, ! says so and stays', () => {
		const mode = modes.voting!;
		let session = createSession(mode, mode.create(mode.parseConfig({})), {paused: true});
		session = sessionStep(sessionStep(session, {type: 'step', count: 5}), {type: 'jump-violation'});
		expect(session.history.events).toBe(5);
		expect(session.notice).toBe('no violation in the run so far');
	});
});
