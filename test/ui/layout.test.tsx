/** The dashboard fits the terminal (width, and height ≤ rows − 1), re-lays out on resize, and says when it cannot fit. */
import stringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import {column, columnTitle, keys, lines, press, quorumLines, renderApp, replicaColumns, resize, waitForFrame} from './helpers.js';

function expectFits(frame: string, columns: number, rows: number, state: string): void {
	const tooWide = lines(frame).filter(line => stringWidth(line) > columns);
	expect(tooWide, `${state}: lines wider than ${columns}`).toEqual([]);
	expect(lines(frame).length, `${state}: frame height`).toBeLessThanOrEqual(rows - 1);
}

/** The width of the columns' (or the help box's) top border: the columns' share of the terminal width. */
const topBorderWidth = (frame: string) => stringWidth(lines(frame).find(line => /^[┌╔╭]/.test(line)) ?? '');

/** How many history lines (e.g. "#12 deposit 5 → 130") a column shows. */
const historyRows = (frame: string, replica: number) => column(frame, replica).split('\n').filter(row => /^#\d+ /.test(row)).length;

describe('80×24 with three replicas', () => {
	test.each(['bank', 'chain', 'kv'])('model %s: every frame is at most 80 cells wide and 23 lines tall', async model => {
		const app = await renderApp({model, columns: 80, rows: 24});
		const seen: Array<[string, string]> = [['start', app.frame()]];
		const snap = async (state: string, predicate: (frame: string) => boolean) => {
			seen.push([state, await waitForFrame(app.frame, predicate, state)]);
		};

		await press(app.stdin, ...Array.from({length: 30}, () => 's'));
		await snap('after 30 steps', frame => frame.includes('PAUSED #30'));
		await press(app.stdin, '2', 'f');
		await snap('fault menu', frame => frame.includes('fault for R2'));
		await press(app.stdin, 's', 's', 's', '3', 'f', 'x', 's', 's');
		// R1 and R2 now disagree and R3 is down: no majority, the longest quorum text there is.
		await snap('R2 diverged, R3 crashed', frame => frame.includes('PAUSED #34') && columnTitle(frame, 3).includes('○ crashed'));
		await press(app.stdin, '?');
		await snap('help', frame => frame.includes('run or pause'));

		for (const [state, frame] of seen) {
			expectFits(frame, 80, 24, state);
			// Not vacuous: the screen is the dashboard (three columns) or the help, not a short message.
			expect(state === 'help' || replicaColumns(frame).length === 3, `${state}: three columns`).toBe(true);
		}

		// The dashboard uses the height it has: the frame is exactly rows − 1 tall.
		expect(lines(seen[1]![1]).length).toBe(23);
	});

	test('the three columns together use the width (26 cells each, full labels)', async () => {
		const app = await renderApp({columns: 80, rows: 24});
		const borderRow = lines(app.frame()).find(line => /^[╔┌]/.test(line))!;
		expect(borderRow).toMatch(/^╔═{24}╗┌─{24}┐┌─{24}┐$/);
		expect(stringWidth(borderRow)).toBe(78);
		expect(column(app.frame(), 1)).toMatch(/applied +—\nbalance +\d+\ndigest +[\da-f]{4}/);
	});
});

describe('a larger terminal', () => {
	test('120×40 gives wider columns and room for more history', async () => {
		// After 20 inputs: 80×24 has room for only part of the history, 120×40 shows all 20 transitions.
		const small = await renderApp({columns: 80, rows: 24});
		await press(small.stdin, ...Array.from({length: 20}, () => 's'));
		const smallFrame = await waitForFrame(small.frame, 'PAUSED #20');

		const large = await renderApp({columns: 120, rows: 40});
		await press(large.stdin, ...Array.from({length: 20}, () => 's'));
		const largeFrame = await waitForFrame(large.frame, 'PAUSED #20');
		expectFits(largeFrame, 120, 40, '120×40');
		expect(lines(largeFrame).length).toBe(39);
		expect(topBorderWidth(largeFrame)).toBe(120);
		expect(column(largeFrame, 1).split('\n').length).toBeGreaterThan(column(smallFrame, 1).split('\n').length);
		expect(historyRows(smallFrame, 1)).toBeLessThan(20);
		expect(historyRows(largeFrame, 1)).toBe(20);
	});
});

describe('resize', () => {
	test('the dashboard re-lays out when the terminal grows and shrinks', async () => {
		const app = await renderApp({columns: 80, rows: 24});
		await press(app.stdin, ...Array.from({length: 20}, () => 's'));
		const before = await waitForFrame(app.frame, 'PAUSED #20');
		expectFits(before, 80, 24, 'before');

		resize(app.stdout, 120, 40);
		const grown = await waitForFrame(app.frame, frame => topBorderWidth(frame) === 120 && lines(frame).length === 39, 'the 120×40 layout');
		expect(historyRows(before, 2)).toBeLessThan(20);
		expect(historyRows(grown, 2)).toBe(20);

		resize(app.stdout, 80, 24);
		const shrunk = await waitForFrame(app.frame, frame => topBorderWidth(frame) === 78, 'the 80×24 layout again');
		expectFits(shrunk, 80, 24, 'after shrinking back');
		expect(replicaColumns(shrunk)).toHaveLength(3);
	});

	test('a resize while the help is open re-lays out the help', async () => {
		const app = await renderApp({columns: 80, rows: 24});
		await press(app.stdin, '?');
		await waitForFrame(app.frame, 'run or pause');
		resize(app.stdout, 100, 30);
		const frame = await waitForFrame(app.frame, frame => topBorderWidth(frame) === 100, 'the 100×30 layout');
		expectFits(frame, 100, 30, 'help at 100×30');
		expect(frame).toContain('run or pause');
	});
});

describe('compact columns: five replicas at 80×24, nine at 120×40', () => {
	/** Keys that leave some replicas diverged, crashed or lagging: the longest statuses. */
	const faults = ['s', 's', '2', 'f', 's', 's', 's', 's', '4', 'f', 'x', 's', 's'];

	test.each<[number, number, number, string]>([
		[5, 80, 24, 'bank'],
		[5, 80, 24, 'kv'],
		[5, 80, 24, 'chain'],
		[9, 120, 40, 'bank'],
		[9, 120, 40, 'kv'],
	])('%i replicas at %i×%i (%s) are readable: every status, state value and digest whole, nothing cut', async (replicas, columns, rows, model) => {
		const app = await renderApp({replicas, columns, rows, model});
		await press(app.stdin, ...faults, String(replicas), 'f', 'l', 's');
		const frame = await waitForFrame(app.frame, frame => frame.includes('PAUSED #8') && column(frame, 4).includes('○ crashed'), 'the faults');
		expectFits(frame, columns, rows, `${replicas} replicas`);
		const boxes = replicaColumns(frame);
		expect(boxes).toHaveLength(replicas);
		for (const [i, rowsOfColumn] of boxes.entries()) {
			// The name, the status, the index, the state and the digest: the rows above the rule, all whole.
			const text = rowsOfColumn.slice(0, rowsOfColumn.findIndex(row => row.startsWith('─'))).join('\n');
			expect(text, `R${i + 1}`).toMatch(/[●✗○◐⚠?] (ok|diverged|crashed|lag \d|no majority|split|\d+ behind)/);
			expect(text, `R${i + 1}`).toMatch(/^dig(?:est)? +[\da-f]{4}$/m);
			expect(text, `R${i + 1}`).not.toContain('…');
		}

		// A skipped write in kv can be overwritten later, and the replica agrees again; in bank and chain it cannot.
		if (model !== 'kv') expect(column(frame, 2)).toMatch(/✗ diverged/);
		expect(column(frame, 4)).toMatch(/○ crashed/);
		// The quorum line names who is out of line, uncut.
		expect(quorumLines(frame)).toMatch(/R4 crashed/);
	});
	test.each(['bank', 'kv', 'chain'])('a corruption in a compact column (%s) shows the values it changed, uncut', async model => {
		const app = await renderApp({replicas: 5, columns: 80, rows: 24, model, seed: 7});
		await press(app.stdin, 's', 's', '2', 'f', 'c');
		const frame = await waitForFrame(app.frame, frame => column(frame, 2).includes('↯'), 'the corruption in R2');
		const corrupted = column(frame, 2)
			.split('\n')
			.find(row => row.includes('↯'))!;
		expect(corrupted).not.toContain('…');
		// Old value → new value, at least once.
		expect(corrupted).toMatch(/\S+→\S+/);
	});
});

describe('a terminal too small for the dashboard', () => {
	test('seven replicas at 80 columns: a plain "need 91 columns" message, no garbled columns', async () => {
		const app = await renderApp({replicas: 7, columns: 80, rows: 24});
		const frame = app.frame();
		expect(frame).toContain('7 replicas need 91 columns');
		expect(frame).toContain('this terminal has 80');
		expect(frame).not.toMatch(/[┌│║╔]/);
		expectFits(frame, 80, 24, 'too narrow');

		resize(app.stdout, 91, 24);
		const fits = await waitForFrame(app.frame, frame => replicaColumns(frame).length === 7, 'seven columns at 91');
		expect(fits).not.toContain('need 91 columns');
		expectFits(fits, 91, 24, '91 columns');
	});

	test('nine replicas at 80 columns say they need 117', async () => {
		const app = await renderApp({replicas: 9, columns: 80, rows: 24});
		expect(app.frame()).toContain('9 replicas need 117 columns');
		expectFits(app.frame(), 80, 24, 'nine replicas');
	});

	test('shrinking below the width needed replaces the columns with the message', async () => {
		const app = await renderApp({replicas: 3, columns: 80, rows: 24});
		resize(app.stdout, 38, 24);
		const frame = await waitForFrame(app.frame, 'need 39 columns', 'the message at 38 columns');
		expect(frame).not.toMatch(/[┌│║╔]/);
		expectFits(frame, 38, 24, '38 columns');
	});

	test.each([
		[3, 80, 'bank'],
		[3, 80, 'kv'],
		[5, 80, 'bank'],
		[9, 120, 'kv'],
	])('too few rows (%i replicas at %i columns, %s): says how many are needed, and the dashboard appears at exactly that height', async (replicas, columns, model) => {
		const app = await renderApp({columns, rows: 10, replicas, model});
		const frame = app.frame();
		const needed = Number(/needs at least (\d+)/.exec(frame)?.[1]);
		expect(frame).toContain('This terminal has 10 rows');
		expect(frame).toContain('Make it taller');
		expect(needed).toBeGreaterThan(10);
		expect(frame).not.toMatch(/[┌│║╔]/);

		resize(app.stdout, columns, needed - 1);
		await waitForFrame(app.frame, `This terminal has ${needed - 1} rows; the voting mode needs at least ${needed}`, `the message at ${needed - 1} rows`);
		resize(app.stdout, columns, needed);
		const fits = await waitForFrame(app.frame, frame => replicaColumns(frame).length === replicas, `the dashboard at ${needed} rows`);
		expectFits(fits, columns, needed, `${columns}×${needed}`);
		await press(app.stdin, ...Array.from({length: 5}, () => 's'), keys.right);
		const stepped = await waitForFrame(app.frame, 'PAUSED #5');
		// Under the rule, at least the latest input's line.
		const rows = column(stepped, 1).split('\n');
		expect(rows.slice(rows.findIndex(row => row.startsWith('─')) + 1).filter(row => row !== '').length).toBeGreaterThanOrEqual(1);
		expectFits(stepped, columns, needed, `${columns}×${needed} after steps`);
	});

	test('too narrow and too short at once: the width comes first (no height would help)', async () => {
		const app = await renderApp({columns: 30, rows: 8, replicas: 3});
		expect(app.frame()).toContain('3 replicas need 39 columns');
	});
});
