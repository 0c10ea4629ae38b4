/** ? shows the full help over the columns, a page at a time; ?, h, Esc or Enter close it; a running stream pauses while it is open. */
import {describe, expect, test} from 'vitest';
import {faultInfo, faultTypes} from '../../source/core/voting/fault.js';
import {column, header, headerIndex, hintBar, keys, lines, press, renderApp, sleep, waitForFrame} from './helpers.js';

const helpShown = (frame: string) => frame.includes('run or pause') && frame.includes('Keys');
const columnsShown = (frame: string) => column(frame, 1).includes('applied');

describe('the help overlay', () => {
	test('? shows the shell keys and the mode’s keys instead of the columns, and ? closes it', async () => {
		const app = await renderApp({columns: 120, rows: 40});
		expect(helpShown(app.frame())).toBe(false);
		await press(app.stdin, '?');
		const frame = await waitForFrame(app.frame, helpShown, 'the help overlay');
		for (const text of ['step: exactly one event', 'step back one event', 'restart from the beginning, same seed', 'select a column', 'faster / slower', 'quit']) expect(frame).toContain(text);
		for (const fault of faultTypes) expect(frame).toMatch(new RegExp(`${faultInfo[fault].key} {2}${fault} `));
		expect(frame).toContain('repair the selected replica');
		expect(frame).not.toContain('more lines in a taller terminal');
		expect(frame).not.toContain('applied');
		expect(hintBar(frame)).toContain('esc or ? close help');

		await press(app.stdin, '?');
		const closed = await waitForFrame(app.frame, columnsShown, 'the columns again');
		expect(helpShown(closed)).toBe(false);
		expect(hintBar(closed)).toContain('space run/pause');
	});

	test.each([
		['Esc', keys.escape],
		['h', 'h'],
		['Enter', keys.enter],
	])('%s closes the help too', async (_name, key) => {
		const app = await renderApp();
		await press(app.stdin, '?');
		await waitForFrame(app.frame, helpShown, 'the help overlay');
		await press(app.stdin, key);
		await waitForFrame(app.frame, frame => columnsShown(frame) && !helpShown(frame), `the help to close on ${_name}`);
	});

	test('h opens the help as well', async () => {
		const app = await renderApp();
		await press(app.stdin, 'h');
		await waitForFrame(app.frame, helpShown, 'the help overlay after h');
	});

	test('the quorum line and the header stay visible under the help', async () => {
		const app = await renderApp();
		await press(app.stdin, 's', '?');
		const frame = await waitForFrame(app.frame, helpShown, 'the help overlay');
		expect(frame).toContain('‖ PAUSED #1');
		expect(frame).toContain('quorum #1 ✓ 3 of 3 agree');
	});

	test('at 80×24 the help comes in pages that fit; every line of it shows whole on some page', async () => {
		const app = await renderApp({columns: 80, rows: 24});
		await press(app.stdin, '?');
		const first = await waitForFrame(app.frame, helpShown, 'the help overlay');
		expect(lines(first).length).toBeLessThanOrEqual(23);
		const pages = Number(/page 1 of (\d+)/.exec(first)?.[1]);
		expect(pages).toBeGreaterThan(1);
		let seen = first;
		for (let page = 2; page <= pages; page++) {
			await press(app.stdin, keys.pageDown);
			// eslint-disable-next-line no-await-in-loop
			const frame = await waitForFrame(app.frame, text => text.includes(`page ${page} of ${pages}`), `help page ${page}`);
			expect(lines(frame).length).toBeLessThanOrEqual(23);
			seen += frame;
		}

		for (const fault of faultTypes) expect(seen).toMatch(new RegExp(`${faultInfo[fault].key} {2}${fault} `));
		expect(seen).toContain('repair the selected replica');
		// Nothing cut: no line ends in … at the box's edge (the legend itself draws … where the screen does).
		expect(seen).not.toMatch(/…\s*│/);
		await press(app.stdin, keys.pageUp);
		await waitForFrame(app.frame, text => text.includes(`page ${pages - 1} of ${pages}`), 'the page before');
	});

	test('keys other than the closing and paging ones do nothing while the help is open', async () => {
		const app = await renderApp();
		await press(app.stdin, '?');
		await waitForFrame(app.frame, helpShown, 'the help overlay');
		await press(app.stdin, '0', 'f', 'r', '+', '2');
		await sleep(50);
		const frame = app.frame();
		expect(helpShown(frame)).toBe(true);
		expect(header(frame)).toMatch(/· 2 inputs\/s .*‖ PAUSED #0\s*$/);
	});
});

describe('help pauses a running stream', () => {
	test('opening the help pauses the stream; closing it resumes it', async () => {
		const app = await renderApp({paused: false, rate: 64});
		await waitForFrame(app.frame, frame => headerIndex(frame) >= 3, 'inputs to stream in');
		await press(app.stdin, '?');
		const open = await waitForFrame(app.frame, frame => helpShown(frame) && header(frame).includes('‖ PAUSED'), 'the help, paused');
		const index = headerIndex(open);
		await sleep(200);
		expect(headerIndex(app.frame())).toBe(index);
		expect(header(app.frame())).toContain('‖ PAUSED');

		await press(app.stdin, keys.escape);
		await waitForFrame(app.frame, frame => columnsShown(frame) && header(frame).includes('▶ RUNNING'), 'running again');
		await waitForFrame(app.frame, frame => headerIndex(frame) > index + 3, 'inputs to stream in again');
	});

	test('a paused session stays paused after the help', async () => {
		const app = await renderApp({paused: true, rate: 64});
		await press(app.stdin, '?');
		await waitForFrame(app.frame, helpShown, 'the help');
		await press(app.stdin, '?');
		const closed = await waitForFrame(app.frame, columnsShown, 'the columns');
		expect(header(closed)).toContain('‖ PAUSED #0');
		await sleep(150);
		expect(headerIndex(app.frame())).toBe(0);
	});
});
