/** At 80 columns the hint rows show the keys of each mode's main features: a second row when they do not fit beside the shell's. */
import {describe, expect, test} from 'vitest';
import {createSession} from '../../source/core/engine/session.js';
import {modes} from '../../source/core/modes.js';
import {keys, lines, press, renderApp, waitForFrame} from './helpers.js';

async function start(name: string, columns = 80, rows = 24) {
	const mode = modes[name]!;
	return renderApp({session: createSession(mode, mode.create(mode.parseConfig({})), {paused: true}), columns, rows});
}

describe('the hint rows at 80×24', () => {
	test.each([
		['raft', ['x crash', 'r request', 'p network', '[ ] msg', 'm msg menu', 'B safety lab']],
		['order', ['←→ panel', 'x crash', 'k kill Q', 'n nulls on', 'f faults', 'm msg', '[] replica']],
		['sourcing', ['d deploy v2', 'r replay', 'c read clock', 'n snapshot', 'f fix bug', 'e schema']],
	])('%s: the shell\'s keys, and under them the mode\'s main ones; the frame stays within 23 rows', async (name, wanted) => {
		const app = await start(name);
		const frame = app.frame();
		const [shellRow, modeRow] = lines(frame).slice(-2);
		expect(shellRow).toMatch(/^ space run\/pause . s step . b back . \+\/- speed . \? help . q quit/);
		for (const hint of wanted) expect(modeRow).toContain(hint);
		expect(lines(frame).length).toBeLessThanOrEqual(23);
		expect(frame).toMatch(/[╔║]/);
	});

	test('voting keeps one row: its keys fit beside the shell\'s', async () => {
		const app = await start('voting');
		const frame = app.frame();
		expect(lines(frame).at(-1)).toBe(' space run/pause  s step  b back  f fault  r repair  +/- speed  ? help  q quit');
		expect(lines(frame).at(-2)).not.toContain('space run/pause');
	});

	test('raft at 120 columns: every one of its keys is on the hint rows', async () => {
		const app = await start('raft', 120, 40);
		const rows = lines(app.frame()).slice(-2).join('\n');
		for (const hint of ['space run/pause', 'x crash', 'r request', 'p network', '[ ] msg', 'm msg menu', 'B safety lab', 't timeout', 'l links', 'q quit']) expect(rows).toContain(hint);
	});

	test('a menu takes the bottom row, the row above stays empty, and the columns do not move', async () => {
		const app = await start('raft');
		const before = lines(app.frame());
		await press(app.stdin, 'p');
		const frame = await waitForFrame(app.frame, 'network · selected S1', 'the network menu');
		expect(lines(frame).at(-1)).toContain('network · selected S1');
		expect(lines(frame).at(-2)!.trim()).toBe('');
		expect(lines(frame).length).toBe(before.length);
		await press(app.stdin, keys.escape);
		await waitForFrame(app.frame, text => lines(text).at(-1)!.includes('B safety lab'), 'the hints again');
	});
});
