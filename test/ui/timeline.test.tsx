/**
 * The timeline bar and its keys in the real app: the bar draws the run's marks, } and { jump from
 * mark to mark, ! to the first violation, : to an event (and says plainly what it does not take).
 */
import {describe, expect, it} from 'vitest';
import {createSession, sessionStep, type Session} from '../../source/core/engine/session.js';
import {raftMode} from '../../source/core/raft/mode.js';
import {keys, lines, press, renderApp, stripAnsi, waitForFrame} from './helpers.js';

/** Raft, 3 servers with forget-vote: S1 elected, then an action that lets S2 be elected in the same term (a violation), run on after it. */
function raftWithViolation(): Session {
	let session = createSession(raftMode, raftMode.create(raftMode.parseConfig({servers: '3', bug: ['forget-vote'], election: '3000-4000', workload: '0', seed: '1'})), {paused: true});
	const act = (action: unknown) => {
		session = sessionStep(session, {type: 'mode', action});
	};

	act({type: 'cut', from: 0, to: 1});
	act({type: 'timeout', server: 0});
	while (!session.sim.servers.some((server: {role: string}) => server.role === 'leader')) session = sessionStep(session, {type: 'step'});
	act({type: 'crash', server: 2});
	act({type: 'restart', server: 2});
	act({type: 'timeout', server: 1});
	session = sessionStep(session, {type: 'toggle-pause'});
	while (!session.paused) session = sessionStep(session, {type: 'tick', ms: 100});
	return sessionStep(session, {type: 'step', count: 20});
}

const position = (frame: string) => /#(\d+) *$/m.exec(lines(frame)[0] ?? '')?.[1];
const bar = (frame: string) => lines(frame).at(-3) ?? '';

describe('the timeline bar', () => {
	it('draws the run so far with its marks, and { } ! : move along it', async () => {
		const session = raftWithViolation();
		const end = session.history.events;
		const app = await renderApp({session});
		let frame = stripAnsi(app.frame());
		// The bar: the marks (★ the election, ▲ the actions, ✗ the violation), and where the run stands.
		expect(bar(frame)).toMatch(/★/);
		expect(bar(frame)).toMatch(/▲/);
		expect(bar(frame)).toMatch(/✗/);
		expect(bar(frame)).toContain(`${end}/${end}`);
		expect(position(frame)).toBe(String(end));

		await press(app.stdin, '!');
		frame = stripAnsi(await waitForFrame(app.frame, text => position(stripAnsi(text)) !== String(end), 'a jump to the violation'));
		const violation = Number(position(frame));
		expect(violation).toBe(end - 20);
		expect(frame).toMatch(/both elected leader of term 1/);
		expect(bar(frame)).toContain(`${violation}/${end}`);

		await press(app.stdin, '{');
		frame = stripAnsi(await waitForFrame(app.frame, text => position(stripAnsi(text)) !== String(violation), 'a jump to the previous mark'));
		const previous = Number(position(frame));
		expect(previous).toBeLessThan(violation);

		await press(app.stdin, '}');
		frame = stripAnsi(await waitForFrame(app.frame, text => position(stripAnsi(text)) === String(violation), 'a jump to the next mark'));

		await press(app.stdin, ':', '1', '2');
		frame = stripAnsi(await waitForFrame(app.frame, 'go to: 12', 'the go-to prompt'));
		expect(frame).toContain('1200 event · t5200 time in ms · 5.2s');
		await press(app.stdin, keys.enter);
		frame = stripAnsi(await waitForFrame(app.frame, text => position(stripAnsi(text)) === '12', 'a jump to event 12'));
		expect(bar(frame)).toContain(`12/${end}`);

		await press(app.stdin, ':', 't', keys.enter);
		frame = stripAnsi(await waitForFrame(app.frame, 'is not an event or a time', 'the plain refusal'));
		await press(app.stdin, keys.escape);
		await waitForFrame(app.frame, text => !stripAnsi(text).includes('go to:'), 'the prompt to close');
	});
});
