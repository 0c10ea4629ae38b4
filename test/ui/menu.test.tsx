/** A mode's menu (the voting mode's fault menu): on the hint line when it fits, else as a box over the columns; q and Esc close it. */
import {describe, expect, test} from 'vitest';
import {faultInfo, faultTypes} from '../../source/core/voting/fault.js';
import {columnTitle, hintBar, keys, lines, press, renderApp, replicaColumns, sleep, waitForFrame} from './helpers.js';

describe('a menu too long for the hint line', () => {
	test('at 60 columns the fault menu is a box over the columns, one fault a line, and the hint line says how to leave', async () => {
		const app = await renderApp({columns: 60, rows: 24});
		await press(app.stdin, '2', 'f');
		const frame = await waitForFrame(app.frame, 'fault for R2 (esc cancels)', 'the menu box');
		for (const fault of faultTypes) expect(lines(frame)).toContainEqual(expect.stringMatching(new RegExp(`^│ ${faultInfo[fault].key} {2}${fault} +│$`)));
		// The box covers the columns.
		expect(frame).not.toMatch(/R1 ● ok/);
		expect(hintBar(frame)).toContain('fault for R2: press a key above · esc cancel');
		expect(lines(frame).length).toBeLessThanOrEqual(23);

		await press(app.stdin, 'x');
		const after = await waitForFrame(app.frame, frame => replicaColumns(frame).length === 3, 'the columns again');
		expect(columnTitle(after, 2)).toMatch(/○ crashed/);
	});

	test.each([
		['q', 'q'],
		['Esc', keys.escape],
		['Backspace', '\u007F'],
	])('%s closes the box without injecting anything', async (_name, key) => {
		const app = await renderApp({columns: 60, rows: 24});
		await press(app.stdin, 'f');
		await waitForFrame(app.frame, 'fault for R1 (esc cancels)', 'the menu box');
		await press(app.stdin, key);
		const frame = await waitForFrame(app.frame, frame => replicaColumns(frame).length === 3, 'the columns again');
		expect(columnTitle(frame, 1)).toMatch(/● ok/);
		await sleep(30);
		expect(app.frame()).toContain('‖ PAUSED #0');
	});
});

describe('a menu on the hint line', () => {
	test('at 80 columns the whole menu is on the hint line, the columns stay in view', async () => {
		const app = await renderApp({columns: 80, rows: 24});
		await press(app.stdin, '3', 'f');
		const frame = await waitForFrame(app.frame, frame => hintBar(frame).includes('fault for R3'), 'the menu');
		// Every fault and the way out, on one line.
		const hints = hintBar(frame);
		expect(hints).toMatch(/^ fault for R3: /);
		for (const fault of faultTypes) expect(hints).toContain(`${faultInfo[fault].key} ${fault}`);
		expect(hints).toMatch(/ esc(?: cancel)?$/);
		expect(replicaColumns(frame)).toHaveLength(3);
	});

	test('keys that are not in the menu do nothing: no step, no selection, no quit', async () => {
		const app = await renderApp();
		await press(app.stdin, 'f', ' ', 'b', '0', '2', keys.right, keys.pageDown, 'z');
		await sleep(50);
		const frame = app.frame();
		expect(hintBar(frame)).toContain('fault for R1');
		expect(frame).toContain('‖ PAUSED #0');
		expect(columnTitle(frame, 1)).toBe('▸R1 ● ok');
	});
});
