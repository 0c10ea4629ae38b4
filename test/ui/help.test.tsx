/** ? shows the full help over the replica columns; ? or Esc closes it again. */
import {describe, expect, test} from 'vitest';
import {column, hintBar, keys, press, renderApp, waitForFrame} from './helpers.js';

const helpShown = (frame: string) => frame.includes('pause or resume the input stream');
const columnsShown = (frame: string) => column(frame, 1).includes('applied');

describe('the help overlay', () => {
	test('? shows the keys and fault letters instead of the columns, and ? closes it', async () => {
		const app = await renderApp();
		expect(helpShown(app.frame())).toBe(false);
		await press(app.stdin, '?');
		const frame = await waitForFrame(app.frame, helpShown, 'the help overlay');
		expect(frame).toContain('Keys');
		expect(frame).toContain('step exactly one input');
		expect(frame).toMatch(/s {2}skip/);
		expect(frame).toMatch(/x {2}crash/);
		expect(frame).not.toContain('applied');
		expect(hintBar(frame)).toContain('esc or ? close help');

		await press(app.stdin, '?');
		const closed = await waitForFrame(app.frame, columnsShown, 'the columns again');
		expect(helpShown(closed)).toBe(false);
		expect(hintBar(closed)).toContain('space pause');
	});

	test('Esc closes the help too', async () => {
		const app = await renderApp();
		await press(app.stdin, '?');
		await waitForFrame(app.frame, helpShown, 'the help overlay');
		await press(app.stdin, keys.escape);
		await waitForFrame(app.frame, frame => columnsShown(frame) && !helpShown(frame), 'the help to close on Esc');
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
});
