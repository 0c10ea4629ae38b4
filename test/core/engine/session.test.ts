/** The shell's session: time, pause and step, speed, selection, overlays, captions, the end of a scenario, notices. */
import {describe, expect, it} from 'vitest';
import {createSession, maxEventsPerTick, msUntilNextEvent, sessionStep} from '../../../source/core/engine/session.js';
import {votingMode} from '../../../source/core/voting/mode.js';
import {maxRate, rateLadder} from '../../../source/core/voting/config.js';
import {faultFreeStates} from '../helpers.js';
import {run, ticks, votingSession} from './helpers.js';

describe('a new session', () => {
	it('runs at 2 inputs/s with R1 selected, nothing open, no caption, at virtual time 0, unless told otherwise', () => {
		const session = votingSession();
		expect(session).toMatchObject({paused: false, speed: 2, selected: 0, cursor: 0, overlay: {kind: 'none'}, clock: 0, caption: [], awaitingPresenter: false, ended: false, notice: undefined, watch: undefined});
		expect(session.history.events).toBe(0);
		expect(votingSession({paused: true, speed: 8})).toMatchObject({paused: true, speed: 8});
	});
});

describe('tick', () => {
	it('handles speed × seconds events (inputs)', () => {
		expect(sessionStep(votingSession({speed: 2}), {type: 'tick', ms: 1000}).sim.index).toBe(2);
		expect(sessionStep(votingSession({speed: 8}), {type: 'tick', ms: 500}).sim.index).toBe(4);
		expect(sessionStep(votingSession({speed: 1000}), {type: 'tick', ms: 33}).sim.index).toBe(33);
	});

	it('carries the fraction of an input over to the next tick, on the virtual clock', () => {
		let session = votingSession({speed: 2});
		session = sessionStep(session, {type: 'tick', ms: 300});
		expect(session.sim.index).toBe(0);
		expect(session.clock).toBeCloseTo(0.6);
		expect(msUntilNextEvent(session)).toBeCloseTo(200);
		session = sessionStep(session, {type: 'tick', ms: 300});
		expect(session.sim.index).toBe(1);
		expect(session.clock).toBeCloseTo(1.2);
		expect(msUntilNextEvent(session)).toBeCloseTo(400);
		session = sessionStep(session, {type: 'tick', ms: 400});
		expect(session.sim.index).toBe(2);
		expect(session.clock).toBeCloseTo(2);
	});

	for (const speed of [0.25, 0.5, 1, 2, 3, 7, 60, 1000]) {
		it(`at ${speed}/s, 10 s of 16 ms ticks give ⌊10·speed⌋ inputs, no more and no fewer`, () => {
			const session = ticks(votingSession({model: 'chain', replicas: 1, speed}), 16, 625);
			expect(session.sim.index).toBe(Math.floor(10 * speed));
		});
	}

	it('handles the inputs a fault-free run would, as one update, and records them for step back', () => {
		const session = sessionStep(votingSession({seed: 5, speed: 64}), {type: 'tick', ms: 500});
		expect(session.sim.index).toBe(32);
		expect(session.sim.replicas[0]!.state).toEqual(faultFreeStates('bank', 5, 32)[32]);
		expect(session.history.events).toBe(32);
	});

	it('does nothing while paused, nor for no time', () => {
		const paused = votingSession({paused: true});
		expect(sessionStep(paused, {type: 'tick', ms: 10_000})).toBe(paused);
		const running = votingSession();
		expect(sessionStep(running, {type: 'tick', ms: 0})).toBe(running);
		expect(sessionStep(running, {type: 'tick', ms: -5})).toBe(running);
	});

	it('caps what one tick can handle, so a stalled clock cannot freeze the screen, and does not owe the rest', () => {
		const session = sessionStep(votingSession({model: 'chain', replicas: 1, speed: 10_000}), {type: 'tick', ms: 3_600_000});
		expect(session.sim.index).toBe(maxEventsPerTick);
		expect(session.clock).toBe(maxEventsPerTick);
		expect(msUntilNextEvent(session)).toBeCloseTo(0.1);
	});
});

describe('pause and step', () => {
	it('space toggles pause and drops the carried fraction', () => {
		let session = sessionStep(votingSession({speed: 2}), {type: 'tick', ms: 400});
		expect(session.clock).toBeGreaterThan(0);
		session = sessionStep(session, {type: 'toggle-pause'});
		expect(session).toMatchObject({paused: true, clock: 0});
		session = sessionStep(session, {type: 'toggle-pause'});
		expect(session).toMatchObject({paused: false, clock: 0});
		expect(msUntilNextEvent(session)).toBe(500);
	});

	it('step handles exactly one input and pauses when running', () => {
		const running = votingSession({seed: 3});
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

	it('step N handles N inputs at once', () => {
		expect(sessionStep(votingSession({paused: true}), {type: 'step', count: 7}).sim.index).toBe(7);
	});
});

describe('speed', () => {
	it('+ and − move one rung along the rate ladder', () => {
		const session = votingSession({speed: 2});
		expect(sessionStep(session, {type: 'faster'}).speed).toBe(4);
		expect(sessionStep(session, {type: 'slower'}).speed).toBe(1);
		expect(run(session, {type: 'faster'}, {type: 'faster'}, {type: 'slower'}).speed).toBe(4);
	});

	it('stops at both ends of the ladder', () => {
		const bottom = rateLadder[0];
		const top = rateLadder.at(-1)!;
		expect(sessionStep(votingSession({speed: bottom}), {type: 'slower'}).speed).toBe(bottom);
		expect(sessionStep(votingSession({speed: top}), {type: 'faster'}).speed).toBe(top);
		let session = votingSession({speed: bottom});
		for (let i = 0; i < rateLadder.length + 3; i++) session = sessionStep(session, {type: 'faster'});
		expect(session.speed).toBe(top);
		expect(top).toBe(maxRate);
	});

	it('from a speed between rungs moves to the neighbouring rungs', () => {
		const session = votingSession({speed: 3});
		expect(sessionStep(session, {type: 'faster'}).speed).toBe(4);
		expect(sessionStep(session, {type: 'slower'}).speed).toBe(2);
	});

	it('the ladder climbs strictly', () => {
		for (let i = 1; i < rateLadder.length; i++) expect(rateLadder[i]).toBeGreaterThan(rateLadder[i - 1]!);
	});

	it('a speed change keeps the time already waited for the next input', () => {
		const session = sessionStep(votingSession({speed: 2}), {type: 'tick', ms: 250});
		expect(msUntilNextEvent(session)).toBeCloseTo(250);
		const faster = sessionStep(session, {type: 'faster'});
		expect(msUntilNextEvent(faster)).toBeCloseTo(125);
	});
});

describe('selection', () => {
	it('selects R1…RN directly and ignores replicas that do not exist', () => {
		const session = votingSession({replicas: 3});
		expect(sessionStep(session, {type: 'select', column: 2}).selected).toBe(2);
		expect(sessionStep(session, {type: 'select', column: 3})).toBe(session);
		expect(sessionStep(session, {type: 'select', column: -1})).toBe(session);
	});

	it('wraps around both ends', () => {
		const session = votingSession({replicas: 3});
		expect(sessionStep(session, {type: 'select-by', delta: -1}).selected).toBe(2);
		expect(run(session, {type: 'select-by', delta: 1}, {type: 'select-by', delta: 1}, {type: 'select-by', delta: 1}).selected).toBe(0);
		for (let delta = -7; delta <= 7; delta++) {
			const {selected} = sessionStep(session, {type: 'select-by', delta});
			expect(selected, `delta ${delta}`).toBe((((0 + delta) % 3) + 3) % 3);
		}
	});

	it('with one replica stays on R1', () => {
		const session = votingSession({replicas: 1});
		expect(sessionStep(session, {type: 'select-by', delta: 1}).selected).toBe(0);
		expect(sessionStep(session, {type: 'select-by', delta: -1}).selected).toBe(0);
	});

	it('the voting mode has no second cursor: cursor-by changes nothing', () => {
		const session = votingSession();
		expect(sessionStep(session, {type: 'cursor-by', delta: 1})).toBe(session);
	});
});

describe('mode actions, menus and overlays', () => {
	it('a fault goes into the replica the action names, and closes the menu it came from', () => {
		let session = run(votingSession({model: 'chain', paused: true}), {type: 'select', column: 1}, {type: 'open-menu', name: 'fault'});
		expect(session.overlay).toEqual({kind: 'menu', name: 'fault'});
		session = sessionStep(session, {type: 'mode', action: {type: 'inject', replica: 1, fault: 'crash'}});
		expect(session.overlay).toEqual({kind: 'none'});
		expect(session.sim.replicas.map(replica => replica.crashed)).toEqual([false, true, false]);
		expect(session.history.entries.at(-1)).toEqual({kind: 'action', action: {type: 'inject', replica: 1, fault: 'crash'}});
	});

	it('repairs the replica the action names', () => {
		let session = run(votingSession({model: 'chain', paused: true}), {type: 'mode', action: {type: 'inject', replica: 2, fault: 'crash'}}, {type: 'step'}, {type: 'step'});
		expect(session.sim.replicas[2]!.applied).toBe(0);
		session = sessionStep(session, {type: 'mode', action: {type: 'repair', replica: 2}});
		expect(session.sim.replicas[2]).toMatchObject({crashed: false, applied: 2});
	});

	it('an action that changes nothing is not recorded, but still closes the menu', () => {
		const session = run(votingSession({paused: true}), {type: 'open-menu', name: 'fault'});
		const after = sessionStep(session, {type: 'mode', action: {type: 'inject', replica: 7, fault: 'skip'}});
		expect(after.sim).toBe(session.sim);
		expect(after.history).toBe(session.history);
		expect(after.overlay).toEqual({kind: 'none'});
	});

	it('close-overlay closes whatever is open and is a no-op otherwise', () => {
		const session = votingSession({paused: true});
		expect(sessionStep(sessionStep(session, {type: 'open-menu', name: 'fault'}), {type: 'close-overlay'}).overlay).toEqual({kind: 'none'});
		expect(sessionStep(session, {type: 'close-overlay'})).toBe(session);
	});

	it('keeps a caption, and an empty caption clears it', () => {
		const captioned = sessionStep(votingSession(), {type: 'caption', lines: ['hello', 'world']});
		expect(captioned.caption).toEqual(['hello', 'world']);
		expect(sessionStep(captioned, {type: 'caption', lines: []}).caption).toEqual([]);
	});
});

describe('help pauses a running stream', () => {
	it('? on a running session pauses it, and closing the help resumes it where it was', () => {
		const running = sessionStep(votingSession({speed: 2}), {type: 'tick', ms: 1000});
		const help = sessionStep(running, {type: 'toggle-help'});
		expect(help).toMatchObject({overlay: {kind: 'help', resume: true}, paused: true});
		// While the help is open no time passes for the simulation.
		const later = sessionStep(help, {type: 'tick', ms: 60_000});
		expect(later.sim.index).toBe(2);
		for (const close of [{type: 'toggle-help'}, {type: 'close-overlay'}] as const) {
			const closed = sessionStep(later, close);
			expect(closed).toMatchObject({overlay: {kind: 'none'}, paused: false});
			expect(closed.sim.index).toBe(2);
			expect(sessionStep(closed, {type: 'tick', ms: 500}).sim.index).toBe(3);
		}
	});

	it('? on a paused session leaves it paused when the help closes', () => {
		const help = sessionStep(votingSession({paused: true}), {type: 'toggle-help'});
		expect(help.overlay).toEqual({kind: 'help', resume: false, page: 0});
		const closed = sessionStep(help, {type: 'close-overlay'});
		expect(closed).toMatchObject({overlay: {kind: 'none'}, paused: true});
	});
});

describe('step back and restart', () => {
	it('back goes one input back and pauses; at the start it says so and changes nothing else', () => {
		const session = run(votingSession({paused: false}), {type: 'step'}, {type: 'step'});
		const back = sessionStep(sessionStep(session, {type: 'toggle-pause'}), {type: 'back'});
		expect(back.paused).toBe(true);
		expect(back.sim.index).toBe(1);
		const start = run(back, {type: 'back'});
		expect(start.sim.index).toBe(0);
		const again = sessionStep(start, {type: 'back'});
		expect(again.sim).toBe(start.sim);
		expect(again.notice).toMatch(/already at the start/);
	});

	it('restart goes back to input 0 with the same seed, pauses, and says so', () => {
		const session = run(votingSession({seed: 9}), {type: 'tick', ms: 5000}, {type: 'mode', action: {type: 'inject', replica: 1, fault: 'skip'}});
		expect(session.sim.index).toBe(10);
		const restarted = sessionStep(session, {type: 'restart'});
		expect(restarted).toMatchObject({paused: true, clock: 0, notice: expect.stringMatching(/restarted/)});
		expect(restarted.sim).toBe(session.history.initial);
		expect(restarted.history.entries).toEqual([]);
		expect(restarted.history.events).toBe(0);
	});
});

describe('a scenario: the presenter, the end, run-until', () => {
	it('await-presenter holds, continue releases', () => {
		const waiting = sessionStep(votingSession(), {type: 'await-presenter'});
		expect(waiting.awaitingPresenter).toBe(true);
		expect(sessionStep(waiting, {type: 'continue'}).awaitingPresenter).toBe(false);
	});

	it('end stops the stream and marks the end; space runs on from there', () => {
		const ended = run(votingSession({speed: 4}), {type: 'tick', ms: 1000}, {type: 'await-presenter'}, {type: 'end'});
		expect(ended).toMatchObject({paused: true, ended: true, awaitingPresenter: false});
		expect(sessionStep(ended, {type: 'tick', ms: 10_000}).sim.index).toBe(4);
		const resumed = sessionStep(ended, {type: 'toggle-pause'});
		expect(resumed).toMatchObject({paused: false, ended: false});
		expect(sessionStep(resumed, {type: 'tick', ms: 500}).sim.index).toBe(6);
	});

	it('run-until on a paused session handles inputs at once, one at a time, until the condition holds', () => {
		const session = sessionStep(votingSession({paused: true}), {type: 'run-until', until: sim => sim.index >= 12, limit: 100});
		expect(session.sim.index).toBe(12);
		expect(session.paused).toBe(true);
		expect(session.history.events).toBe(12);
	});

	it('run-until stops after `limit` inputs when the condition never holds', () => {
		const session = sessionStep(votingSession({paused: true}), {type: 'run-until', until: () => false, limit: 25});
		expect(session.sim.index).toBe(25);
	});

	it('run-until on a running stream lets time pass and pauses at the first input where the condition holds, however fast', () => {
		let session = sessionStep(votingSession({speed: 1000}), {type: 'run-until', until: sim => sim.index === 500, limit: 10_000});
		expect(session.watch).toBeDefined();
		expect(session.sim.index).toBe(0);
		let frames = 0;
		while (!session.paused && frames < 1000) {
			session = sessionStep(session, {type: 'tick', ms: 33});
			frames++;
		}

		// 33 inputs a frame, and still exactly #500: not #495 or #528.
		expect(session.sim.index).toBe(500);
		expect(session).toMatchObject({paused: true, watch: undefined, clock: 500});
		expect(frames).toBe(Math.ceil(500 / 33));
	});

	it('a running run-until stops after `limit` inputs; a pause ends it', () => {
		let session = sessionStep(votingSession({speed: 1000}), {type: 'run-until', until: () => false, limit: 40});
		for (let i = 0; i < 10; i++) session = sessionStep(session, {type: 'tick', ms: 33});
		expect(session.sim.index).toBe(40);
		expect(session.paused).toBe(true);
		const watching = sessionStep(votingSession({speed: 1000}), {type: 'run-until', until: () => false, limit: 40});
		expect(sessionStep(watching, {type: 'toggle-pause'}).watch).toBeUndefined();
	});

	it('run-until does nothing when the condition already holds', () => {
		const start = votingSession({paused: true});
		expect(sessionStep(start, {type: 'run-until', until: () => true, limit: 25}).sim).toBe(start.sim);
	});
});

describe('notices', () => {
	it('a notice is kept until replaced; setting the same one changes nothing; a step clears it', () => {
		const start = votingSession({paused: true});
		const noticed = sessionStep(start, {type: 'notice', text: 'hello'});
		expect(noticed.notice).toBe('hello');
		expect(sessionStep(noticed, {type: 'notice', text: 'hello'})).toBe(noticed);
		expect(sessionStep(noticed, {type: 'notice', text: undefined}).notice).toBeUndefined();
		expect(sessionStep(noticed, {type: 'step'}).notice).toBeUndefined();
	});
});

describe('step back says what it did', () => {
	const voting = () => createSession(votingMode, votingMode.create(votingMode.parseConfig({seed: '7'})), {paused: true});

	it('one event back says nothing (the earlier screen, exactly); with actions undone too, one line says so', () => {
		let session = sessionStep(sessionStep(voting(), {type: 'step'}), {type: 'step'});
		session = sessionStep(session, {type: 'back'});
		expect(session.notice).toBeUndefined();
		session = sessionStep(session, {type: 'mode', action: {type: 'inject', replica: 1, fault: 'corrupt'}});
		session = sessionStep(session, {type: 'back'});
		expect(session.sim.index).toBe(0);
		expect(session.notice).toBe('↶ stepped back one event, and undid the action after it');
	});

	it('an action taken before any event is undone on its own', () => {
		let session = sessionStep(voting(), {type: 'mode', action: {type: 'inject', replica: 1, fault: 'crash'}});
		session = sessionStep(session, {type: 'back'});
		expect(session.sim.replicas[1]!.crashed).toBe(false);
		expect(session.notice).toBe('↶ undid 1 action');
	});

	it('b and 0 after the end of a scenario leave the end behind', () => {
		const ended = sessionStep(sessionStep(voting(), {type: 'step'}), {type: 'end'});
		expect(ended.ended).toBe(true);
		expect(sessionStep(ended, {type: 'back'}).ended).toBe(false);
		expect(sessionStep(ended, {type: 'restart'}).ended).toBe(false);
	});
});

describe('an action that breaks a safety property stops a running stream, as an event does', () => {
	it('rewriting a running Raft leader\'s log (Leader Append-Only) pauses the run and says why', async () => {
		const {raftMode} = await import('../../../source/core/raft/mode.js');
		const config = raftMode.parseConfig({seed: '3'});
		let session = createSession(raftMode, raftMode.create(config), {paused: true});
		session = sessionStep(session, {type: 'run-until', until: state => raftMode.scenario.expectation(['leader'], config) !== undefined && (raftMode.scenario.expectation(['leader'], config) as {check: (s: unknown) => string | undefined}).check(state) === undefined, limit: 5000});
		for (const words of [['request'], ['request']]) session = sessionStep(session, {type: 'mode', action: raftMode.scenario.verb(words, config)});
		session = sessionStep(session, {type: 'step', count: 100});
		session = sessionStep(session, {type: 'toggle-pause'});
		expect(session.paused).toBe(false);
		const leader = (raftMode.report(session.sim) as {leader: string | null}).leader;
		expect(leader).not.toBeNull();
		const log = (raftMode.report(session.sim) as {servers: Array<{name: string; log: unknown[]}>}).servers.find(server => server.name === leader)!.log;
		expect(log.length).toBeGreaterThanOrEqual(2);
		// The leader's log cut to one entry: entries it held are gone.
		const action = raftMode.scenario.verb(['set-log', leader!, '1'], config);
		expect(typeof action).not.toBe('string');
		const after = sessionStep(session, {type: 'mode', action});
		expect(raftMode.haltReason!(after.sim)).toBeDefined();
		expect(after.paused).toBe(true);
	});
});
