/** f opens the fault menu for the selected replica; each letter injects its fault; Esc cancels. */
import {describe, expect, test} from 'vitest';
import {column, columnTitle, header, hintBar, keys, press, quorumLines, renderApp, sleep, waitForFrame} from './helpers.js';

const menuOpen = (frame: string) => hintBar(frame).includes('fault for');
const menuClosed = (frame: string) => hintBar(frame).includes('space run/pause');

describe('the fault menu', () => {
	test('f opens it for the selected replica, with one letter per fault and how to cancel', async () => {
		const app = await renderApp();
		await press(app.stdin, '2', 'f');
		const frame = await waitForFrame(app.frame, menuOpen, 'the fault menu');
		const hints = hintBar(frame);
		expect(hints).toContain('fault for R2');
		for (const choice of ['s skip', 'f flaky', 'c corrupt', 'x crash', 'l lag', 'o reorder', 'n nondet']) expect(hints).toContain(choice);
		// At 80 columns the whole menu fits, including how to leave it.
		expect(hints).toMatch(/ esc$/);
	});

	test('Esc cancels: the menu closes and the next s steps instead of injecting a skip', async () => {
		const app = await renderApp();
		await press(app.stdin, 'f');
		await waitForFrame(app.frame, menuOpen, 'the fault menu');
		await press(app.stdin, keys.escape);
		await waitForFrame(app.frame, menuClosed, 'the key hints after Esc');
		await press(app.stdin, 's');
		const frame = await waitForFrame(app.frame, '‖ PAUSED #1', 'the step after Esc');
		expect(columnTitle(frame, 1)).toBe('▸R1 ● ok');
		expect(frame).not.toContain('skip');
	});

	test('keys that are not fault letters leave the menu open and change nothing', async () => {
		const app = await renderApp();
		await press(app.stdin, 'f');
		await waitForFrame(app.frame, menuOpen, 'the fault menu');
		await press(app.stdin, '3', keys.right, ' ', 'z');
		await sleep(50);
		const frame = app.frame();
		expect(hintBar(frame)).toContain('fault for R1');
		expect(columnTitle(frame, 1)).toBe('▸R1 ● ok');
		expect(header(frame)).toMatch(/‖ PAUSED #0\s*$/);
	});

	test('the menu is for the replica selected when it opened (R3 after 3 f)', async () => {
		const app = await renderApp();
		await press(app.stdin, '3', 'f');
		await waitForFrame(app.frame, frame => hintBar(frame).includes('fault for R3'), 'the fault menu for R3');
	});
});

describe('injecting each fault into the selected replica', () => {
	// After two clean inputs, select R2, open the menu and press the letter: R2's title shows the fault,
	// R1 and R3 stay ok, and the menu closes.
	test.each([
		['s', 'skip', '▸R2 ⚠ skip'],
		['f', 'flaky', '▸R2 ⚠ flaky'],
		['x', 'crash', '▸R2 ○ crashed'],
		['l', 'lag', '▸R2 ◐ lag 0'],
		['o', 'reorder', '▸R2 ⚠ reorder'],
	])("'%s' injects %s", async (letter, _fault, title) => {
		const app = await renderApp();
		await press(app.stdin, 's', 's', '2', 'f');
		await waitForFrame(app.frame, menuOpen, 'the fault menu');
		await press(app.stdin, letter);
		const frame = await waitForFrame(app.frame, menuClosed, 'the menu to close');
		expect(columnTitle(frame, 2)).toBe(title);
		expect(columnTitle(frame, 1)).toBe('R1 ● ok');
		expect(columnTitle(frame, 3)).toBe('R3 ● ok');
		expect(header(frame)).toMatch(/#2\s*$/);
	});

	test("'c' corrupts R2's state: it re-reports #2, and the vote on #2 outvotes it at once", async () => {
		const app = await renderApp();
		await press(app.stdin, 's', 's', '2', 'f', 'c');
		// The history line names what changed, e.g. "↯ balance 175→160".
		const corrupted = await waitForFrame(app.frame, frame => /↯ balance \d+→\d+/.test(column(frame, 2)), 'the corruption in R2');
		expect(column(corrupted, 1)).not.toContain('↯');
		const digest = (frame: string, replica: number) => /digest\s+(\w+)/.exec(column(frame, replica))?.[1];
		expect(digest(corrupted, 2)).not.toBe(digest(corrupted, 1));
		expect(columnTitle(corrupted, 2)).toBe('▸R2 ✗ diverged');
		expect(quorumLines(corrupted)).toContain('2 of 3 agree');
		expect(quorumLines(corrupted)).toContain('✗ R2 diverged since #2');
		await press(app.stdin, 's');
		const voted = await waitForFrame(app.frame, '‖ PAUSED #3', 'the next input');
		expect(columnTitle(voted, 2)).toBe('▸R2 ✗ diverged');
		expect(quorumLines(voted)).toContain('✗ R2 diverged since #2');
	});

	test('the course demo: s s 2 f s, then s s: R2 ✗ diverged and the quorum line flags R2', async () => {
		const app = await renderApp({seed: 7});
		await press(app.stdin, 's', 's', '2', 'f', 's');
		await waitForFrame(app.frame, frame => columnTitle(frame, 2) === '▸R2 ⚠ skip', 'the armed skip');
		await press(app.stdin, 's', 's');
		const frame = await waitForFrame(app.frame, '‖ PAUSED #4', '#4');
		expect(columnTitle(frame, 2)).toBe('▸R2 ✗ diverged');
		expect(column(frame, 2)).toMatch(/#3 (?:deposit |\+)40 ✗ skip/);
		expect(columnTitle(frame, 1)).toBe('R1 ● ok');
		expect(columnTitle(frame, 3)).toBe('R3 ● ok');
		const quorum = quorumLines(frame);
		expect(quorum).toMatch(/quorum #4 ✓ 2 of 3 agree/);
		expect(quorum).toContain('out of line: ✗ R2 diverged since #3');
		expect(quorum).not.toMatch(/R1|R3/);
	});

	test('a crashed replica falls behind and the quorum line says so', async () => {
		const app = await renderApp();
		await press(app.stdin, '3', 'f', 'x', 's', 's');
		const frame = await waitForFrame(app.frame, '‖ PAUSED #2', '#2');
		expect(column(frame, 3)).toContain('applied  —');
		expect(quorumLines(frame)).toContain('○ R3 crashed (2 behind)');
	});
});
