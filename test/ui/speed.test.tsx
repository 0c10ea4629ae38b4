/** + and - move the speed along the ladder; the header shows it and the stream really changes pace. */
import {describe, expect, test} from 'vitest';
import {header, headerIndex, press, renderApp, sleep, waitForFrame} from './helpers.js';

const showsRate = (rate: string) => (frame: string) => header(frame).includes(` ${rate} `);

describe('speed', () => {
	test('+ doubles the rate shown in the header, - halves it', async () => {
		const app = await renderApp({rate: 2});
		expect(header(app.frame())).toContain('· 2 inputs/s');
		await press(app.stdin, '+');
		await waitForFrame(app.frame, showsRate('4 inputs/s'), '4 inputs/s');
		await press(app.stdin, '-', '-');
		await waitForFrame(app.frame, showsRate('1 input/s'), '1 input/s (singular)');
	});

	test('= and _ (the unshifted keys) work like + and -', async () => {
		const app = await renderApp({rate: 2});
		await press(app.stdin, '=');
		await waitForFrame(app.frame, showsRate('4 inputs/s'), '4 inputs/s after =');
		await press(app.stdin, '_');
		await waitForFrame(app.frame, showsRate('2 inputs/s'), '2 inputs/s after _');
	});

	test('the speed stops at the slowest and fastest rates', async () => {
		const app = await renderApp({rate: 2});
		await press(app.stdin, ...Array.from({length: 6}, () => '-'));
		await waitForFrame(app.frame, showsRate('0.25 inputs/s'), 'the slowest rate');
		await press(app.stdin, ...Array.from({length: 20}, () => '+'));
		const frame = await waitForFrame(app.frame, showsRate('10,000 inputs/s'), 'the fastest rate');
		expect(headerIndex(frame)).toBe(0);
	});

	test('speeding up a running stream makes inputs arrive sooner', async () => {
		// At 0.25 inputs/s the first input is 4 s away; at 1000 inputs/s it arrives within a frame or two.
		const app = await renderApp({paused: false, rate: 0.25});
		await sleep(150);
		expect(headerIndex(app.frame())).toBe(0);
		await press(app.stdin, ...Array.from({length: 12}, () => '+'));
		await waitForFrame(app.frame, showsRate('1,000 inputs/s'), '1,000 inputs/s');
		await waitForFrame(app.frame, frame => headerIndex(frame) >= 10, 'the faster stream', 2000);
	});
});
