import {describe, expect, it} from 'vitest';
import {createSession, maxRate, msUntilNextInput, rateLadder, sessionStep, type Session, type SessionAction} from '../../source/core/session.js';
import {faultFreeStates, sim} from './helpers.js';

const run = (session: Session, ...actions: SessionAction[]) => actions.reduce(sessionStep, session);
const ticks = (session: Session, ms: number, times: number) => {
	let next = session;
	for (let i = 0; i < times; i++) next = sessionStep(next, {type: 'tick', ms});
	return next;
};

describe('a new session', () => {
	it('runs at 2 inputs/s with R1 selected and nothing open, unless told otherwise', () => {
		const session = createSession(sim());
		expect(session).toMatchObject({paused: false, rate: 2, selected: 0, overlay: 'none', carryMs: 0, caption: []});
		expect(createSession(sim(), {paused: true, rate: 8})).toMatchObject({paused: true, rate: 8});
	});
});

describe('tick', () => {
	it('issues rate × seconds inputs', () => {
		expect(sessionStep(createSession(sim(), {rate: 2}), {type: 'tick', ms: 1000}).sim.index).toBe(2);
		expect(sessionStep(createSession(sim(), {rate: 8}), {type: 'tick', ms: 500}).sim.index).toBe(4);
		expect(sessionStep(createSession(sim(), {rate: 1000}), {type: 'tick', ms: 33}).sim.index).toBe(33);
	});

	it('carries the fraction of an input over to the next tick', () => {
		let session = createSession(sim(), {rate: 2});
		session = sessionStep(session, {type: 'tick', ms: 300});
		expect(session.sim.index).toBe(0);
		expect(session.carryMs).toBeCloseTo(300);
		expect(msUntilNextInput(session)).toBeCloseTo(200);
		session = sessionStep(session, {type: 'tick', ms: 300});
		expect(session.sim.index).toBe(1);
		expect(session.carryMs).toBeCloseTo(100);
		session = sessionStep(session, {type: 'tick', ms: 400});
		expect(session.sim.index).toBe(2);
		expect(session.carryMs).toBeCloseTo(0);
	});

	for (const rate of [0.25, 0.5, 1, 2, 3, 7, 60, 1000]) {
		it(`at ${rate}/s, 10 s of 16 ms ticks give ⌊10·rate⌋ inputs, no more and no fewer`, () => {
			const session = ticks(createSession(sim({model: 'chain', replicas: 1}), {rate}), 16, 625);
			expect(session.sim.index).toBe(Math.floor(10 * rate));
		});
	}

	it('issues the inputs a fault-free run would, as one update', () => {
		const session = sessionStep(createSession(sim({seed: 5}), {rate: 64}), {type: 'tick', ms: 500});
		expect(session.sim.index).toBe(32);
		expect(session.sim.replicas[0]!.state).toEqual(faultFreeStates('bank', 5, 32)[32]);
	});

	it('does nothing while paused, nor for no time', () => {
		const paused = createSession(sim(), {paused: true});
		expect(sessionStep(paused, {type: 'tick', ms: 10_000})).toBe(paused);
		const running = createSession(sim());
		expect(sessionStep(running, {type: 'tick', ms: 0})).toBe(running);
		expect(sessionStep(running, {type: 'tick', ms: -5})).toBe(running);
	});

	it('caps what one tick can issue, so a stalled clock cannot freeze the screen', () => {
		const session = sessionStep(createSession(sim({model: 'chain', replicas: 1}), {rate: 10_000}), {type: 'tick', ms: 3_600_000});
		expect(session.sim.index).toBeLessThan(36_000_000);
		expect(session.sim.index).toBeGreaterThan(0);
		expect(session.carryMs).toBe(0);
	});
});

describe('pause and step', () => {
	it('space toggles pause and drops the carried fraction', () => {
		let session = sessionStep(createSession(sim(), {rate: 2}), {type: 'tick', ms: 400});
		expect(session.carryMs).toBeGreaterThan(0);
		session = sessionStep(session, {type: 'toggle-pause'});
		expect(session).toMatchObject({paused: true, carryMs: 0});
		session = sessionStep(session, {type: 'toggle-pause'});
		expect(session.paused).toBe(false);
	});

	it('step issues exactly one input and pauses when running', () => {
		const running = createSession(sim({seed: 3}));
		const stepped = sessionStep(running, {type: 'step'});
		expect(stepped.paused).toBe(true);
		expect(stepped.sim.index).toBe(1);
		const twice = sessionStep(stepped, {type: 'step'});
		expect(twice.paused).toBe(true);
		expect(twice.sim.index).toBe(2);
		expect(twice.sim.replicas[2]!.state).toEqual(faultFreeStates('bank', 3, 2)[2]);
		// Paused now, time does not move it on.
		expect(sessionStep(twice, {type: 'tick', ms: 5000}).sim.index).toBe(2);
	});
});

describe('speed', () => {
	it('+ and − move one rung along the rate ladder', () => {
		const session = createSession(sim(), {rate: 2});
		expect(sessionStep(session, {type: 'faster'}).rate).toBe(4);
		expect(sessionStep(session, {type: 'slower'}).rate).toBe(1);
		expect(run(session, {type: 'faster'}, {type: 'faster'}, {type: 'slower'}).rate).toBe(4);
	});

	it('stops at both ends of the ladder', () => {
		const bottom = rateLadder[0];
		const top = rateLadder.at(-1)!;
		expect(sessionStep(createSession(sim(), {rate: bottom}), {type: 'slower'}).rate).toBe(bottom);
		expect(sessionStep(createSession(sim(), {rate: top}), {type: 'faster'}).rate).toBe(top);
		let session = createSession(sim(), {rate: bottom});
		for (let i = 0; i < rateLadder.length + 3; i++) session = sessionStep(session, {type: 'faster'});
		expect(session.rate).toBe(top);
		expect(top).toBeLessThanOrEqual(maxRate);
	});

	it('from a rate between rungs moves to the neighbouring rungs', () => {
		const session = createSession(sim(), {rate: 3});
		expect(sessionStep(session, {type: 'faster'}).rate).toBe(4);
		expect(sessionStep(session, {type: 'slower'}).rate).toBe(2);
	});

	it('the ladder climbs strictly', () => {
		for (let i = 1; i < rateLadder.length; i++) expect(rateLadder[i]).toBeGreaterThan(rateLadder[i - 1]!);
	});
});

describe('selection', () => {
	it('selects R1…RN directly and ignores replicas that do not exist', () => {
		const session = createSession(sim({replicas: 3}));
		expect(sessionStep(session, {type: 'select', replica: 2}).selected).toBe(2);
		expect(sessionStep(session, {type: 'select', replica: 3})).toBe(session);
		expect(sessionStep(session, {type: 'select', replica: -1})).toBe(session);
	});

	it('wraps around both ends', () => {
		const session = createSession(sim({replicas: 3}));
		expect(sessionStep(session, {type: 'select-by', delta: -1}).selected).toBe(2);
		expect(run(session, {type: 'select-by', delta: 1}, {type: 'select-by', delta: 1}, {type: 'select-by', delta: 1}).selected).toBe(0);
		for (let delta = -7; delta <= 7; delta++) {
			const selected = sessionStep(session, {type: 'select-by', delta}).selected;
			expect(selected, `delta ${delta}`).toBe((((0 + delta) % 3) + 3) % 3);
		}
	});

	it('with one replica stays on R1', () => {
		const session = createSession(sim({replicas: 1}));
		expect(sessionStep(session, {type: 'select-by', delta: 1}).selected).toBe(0);
		expect(sessionStep(session, {type: 'select-by', delta: -1}).selected).toBe(0);
	});
});

describe('faults, repair and overlays', () => {
	it('injects into the selected replica and closes the fault menu', () => {
		let session = run(createSession(sim({model: 'chain'}), {paused: true}), {type: 'select', replica: 1}, {type: 'open-fault-menu'});
		expect(session.overlay).toBe('fault-menu');
		session = sessionStep(session, {type: 'inject', fault: 'crash'});
		expect(session.overlay).toBe('none');
		expect(session.sim.replicas.map(replica => replica.crashed)).toEqual([false, true, false]);
	});

	it('repairs the selected replica', () => {
		let session = run(createSession(sim({model: 'chain'}), {paused: true}), {type: 'select', replica: 2}, {type: 'inject', fault: 'crash'}, {type: 'step'}, {type: 'step'});
		expect(session.sim.replicas[2]!.applied).toBe(0);
		session = sessionStep(session, {type: 'repair'});
		expect(session.sim.replicas[2]).toMatchObject({crashed: false, applied: 2});
	});

	it('? toggles help; close-overlay closes whatever is open and is a no-op otherwise', () => {
		const session = createSession(sim());
		const help = sessionStep(session, {type: 'toggle-help'});
		expect(help.overlay).toBe('help');
		expect(sessionStep(help, {type: 'toggle-help'}).overlay).toBe('none');
		expect(sessionStep(help, {type: 'close-overlay'}).overlay).toBe('none');
		expect(sessionStep(session, {type: 'close-overlay'})).toBe(session);
	});

	it('keeps a caption', () => {
		expect(sessionStep(createSession(sim()), {type: 'caption', lines: ['hello']}).caption).toEqual(['hello']);
	});
});
