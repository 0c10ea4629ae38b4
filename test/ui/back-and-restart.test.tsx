/** b , PgUp ↑ step one input back, exactly (the screen after b is the screen before the step); 0 restarts with the same seed. */
import {describe, expect, test} from 'vitest';
import {column, columnTitle, header, headerIndex, hintBar, keys, lines, press, renderApp, sleep, waitForFrame} from './helpers.js';

describe('step back', () => {
	test.each([
		['b', 'b'],
		[',', ','],
		['PgUp (a presenter remote)', keys.pageUp],
		['↑ (a presenter remote)', keys.up],
	])('%s steps one input back: the screen after it is the screen before the step', async (_name, key) => {
		const app = await renderApp();
		await press(app.stdin, 's', 's');
		const before = await waitForFrame(app.frame, '‖ PAUSED #2', '#2');
		await press(app.stdin, 's');
		await waitForFrame(app.frame, '‖ PAUSED #3', '#3');
		await press(app.stdin, key);
		const after = await waitForFrame(app.frame, '‖ PAUSED #2', `#2 after ${_name}`);
		expect(after).toBe(before);
	});

	test('a fault injected after the last step is undone with it: the screen is the one before the step', async () => {
		const app = await renderApp();
		await press(app.stdin, '2', 's', 's');
		const before = await waitForFrame(app.frame, '‖ PAUSED #2', '#2');
		await press(app.stdin, 's', 'f', 'x');
		await waitForFrame(app.frame, frame => columnTitle(frame, 2).includes('○ crashed'), 'R2 crashed');
		await press(app.stdin, 'b');
		const after = await waitForFrame(app.frame, '‖ PAUSED #2', '#2 after b');
		expect(after).toBe(before);
		expect(after).not.toContain('crash');
	});

	test('b while running pauses first, then steps back', async () => {
		const app = await renderApp({paused: false, rate: 64});
		await waitForFrame(app.frame, frame => headerIndex(frame) >= 5, 'inputs to stream in');
		await press(app.stdin, 'b');
		const frame = await waitForFrame(app.frame, frame => header(frame).includes('‖ PAUSED'), 'paused by b');
		const index = headerIndex(frame);
		await sleep(150);
		expect(headerIndex(app.frame())).toBe(index);
	});

	test('b at the start says there is nothing to step back to, in one line, and the next key clears it', async () => {
		const app = await renderApp();
		await press(app.stdin, 'b');
		const frame = await waitForFrame(app.frame, 'already at the start', 'the notice');
		expect(headerIndex(frame)).toBe(0);
		expect(lines(frame).filter(line => line.includes('already at the start'))).toHaveLength(1);
		await press(app.stdin, 's');
		const next = await waitForFrame(app.frame, '‖ PAUSED #1', '#1');
		expect(next).not.toContain('already at the start');
	});

	test('s s s b b b is the first screen again', async () => {
		const app = await renderApp();
		const first = app.frame();
		await press(app.stdin, 's', 's', 's');
		await waitForFrame(app.frame, '‖ PAUSED #3', '#3');
		await press(app.stdin, 'b', 'b', 'b');
		const back = await waitForFrame(app.frame, '‖ PAUSED #0', '#0');
		expect(back).toBe(first);
	});
});

describe('restart', () => {
	test('0 goes back to input 0 with the same seed and says so; the same keys then give the same screens', async () => {
		const app = await renderApp({seed: 9});
		await press(app.stdin, 's', 's', 's', '2', 'f', 'c', 's');
		const fourth = await waitForFrame(app.frame, '‖ PAUSED #4', '#4');
		await press(app.stdin, '0');
		const restarted = await waitForFrame(app.frame, '‖ PAUSED #0', '#0 after 0');
		expect(restarted).toContain('restarted from the beginning (same seed)');
		expect(column(restarted, 1)).toMatch(/applied +—/);
		await press(app.stdin, 's', 's', 's', 'f', 'c', 's');
		const again = await waitForFrame(app.frame, '‖ PAUSED #4', '#4 again');
		expect(again).toBe(fourth);
	});

	test('0 while running stops the stream at the start', async () => {
		const app = await renderApp({paused: false, rate: 64});
		await waitForFrame(app.frame, frame => headerIndex(frame) >= 5, 'inputs to stream in');
		await press(app.stdin, '0');
		await waitForFrame(app.frame, '‖ PAUSED #0', 'paused at #0');
		await sleep(150);
		expect(header(app.frame())).toMatch(/‖ PAUSED #0\s*$/);
		expect(hintBar(app.frame())).toContain('b back');
	});
});
