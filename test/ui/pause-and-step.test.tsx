/** space pauses and resumes the stream; s, '.', PgDn and ↓ step exactly one input, pausing first. (PgUp and ↑ step back: back-and-restart.test.tsx.) */
import {describe, expect, test} from 'vitest';
import {column, header, headerIndex, keys, press, renderApp, sleep, waitForFrame} from './helpers.js';

const paused = (frame: string) => header(frame).includes('‖ PAUSED');
const running = (frame: string) => header(frame).includes('▶ RUNNING');

describe('pause and resume', () => {
	test('a paused session shows ‖ PAUSED and issues no inputs', async () => {
		const app = await renderApp({paused: true, rate: 1000});
		expect(header(app.frame())).toMatch(/‖ PAUSED #0\s*$/);
		await sleep(150);
		expect(headerIndex(app.frame())).toBe(0);
	});

	test('space resumes (▶ RUNNING, inputs stream in) and pauses again (the index stops)', async () => {
		const app = await renderApp({paused: true, rate: 1000});
		await press(app.stdin, ' ');
		await waitForFrame(app.frame, running, '▶ RUNNING');
		await waitForFrame(app.frame, frame => headerIndex(frame) >= 5, 'inputs to stream in');

		await press(app.stdin, ' ');
		const stopped = await waitForFrame(app.frame, paused, '‖ PAUSED');
		const index = headerIndex(stopped);
		await sleep(150);
		expect(header(app.frame())).toContain('‖ PAUSED');
		expect(headerIndex(app.frame())).toBe(index);
	});

	test('space on a stream that has reached its end marker is covered by the scenario tests; here: space twice is where you were', async () => {
		const app = await renderApp({paused: true, rate: 0.25});
		await press(app.stdin, ' ');
		await waitForFrame(app.frame, running, '▶ RUNNING');
		await press(app.stdin, ' ');
		const frame = await waitForFrame(app.frame, paused, '‖ PAUSED again');
		expect(headerIndex(frame)).toBe(0);
	});
});

describe('step', () => {
	test('s steps exactly one input, and every replica applies it', async () => {
		const app = await renderApp();
		await press(app.stdin, 's');
		const frame = await waitForFrame(app.frame, frame => headerIndex(frame) > 0, 'the step');
		expect(headerIndex(frame)).toBe(1);
		expect(frame).toContain('[#1 ');
		for (const replica of [1, 2, 3]) expect(column(frame, replica)).toMatch(/applied +#1/);
		await sleep(100);
		expect(headerIndex(app.frame())).toBe(1);
	});

	test("'.' steps exactly one input too", async () => {
		const app = await renderApp();
		await press(app.stdin, '.');
		await waitForFrame(app.frame, frame => headerIndex(frame) > 0, 'the first step');
		expect(headerIndex(app.frame())).toBe(1);
		await press(app.stdin, '.');
		await waitForFrame(app.frame, frame => headerIndex(frame) > 1, 'the second step');
		expect(headerIndex(app.frame())).toBe(2);
	});

	test('PgDn and ↓ (presenter remote keys) step one input each', async () => {
		const app = await renderApp();
		await press(app.stdin, keys.pageDown);
		await waitForFrame(app.frame, frame => headerIndex(frame) === 1, '#1 after PgDn');
		await press(app.stdin, keys.down);
		await waitForFrame(app.frame, frame => headerIndex(frame) === 2, '#2 after ↓');
	});

	test.each(['s', '.'])("'%s' while running pauses first, then steps one input", async key => {
		// 0.25 inputs/s: no input of its own arrives during the test, so the step is the only one.
		const app = await renderApp({paused: false, rate: 0.25});
		expect(header(app.frame())).toMatch(/▶ RUNNING #0\s*$/);
		await press(app.stdin, key);
		const frame = await waitForFrame(app.frame, paused, '‖ PAUSED after the step');
		expect(headerIndex(frame)).toBe(1);
		await sleep(100);
		expect(header(app.frame())).toMatch(/‖ PAUSED #1\s*$/);
	});

	test('stepping a fast running stream stops it', async () => {
		const app = await renderApp({paused: false, rate: 1000});
		await waitForFrame(app.frame, frame => headerIndex(frame) >= 3, 'inputs to stream in');
		await press(app.stdin, 's');
		const frame = await waitForFrame(app.frame, paused, '‖ PAUSED');
		const index = headerIndex(frame);
		await sleep(150);
		expect(headerIndex(app.frame())).toBe(index);
	});
});
