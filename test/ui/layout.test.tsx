/** The dashboard fits the terminal (width, and height ≤ rows − 1), re-lays out on resize, and says when it cannot fit. */
import stringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import {column, columnTitle, keys, lines, press, renderApp, replicaColumns, resize, waitForFrame} from './helpers.js';

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
		await snap('help', frame => frame.includes('pause or resume'));

		for (const [state, frame] of seen) {
			expectFits(frame, 80, 24, state);
			// Not vacuous: the screen is the dashboard (three columns) or the help, not a short message.
			expect(state === 'help' || replicaColumns(frame).length === 3, `${state}: three columns`).toBe(true);
		}

		// The dashboard uses the height it has: the frame is exactly rows − 1 tall.
		expect(lines(seen[1]![1]).length).toBe(23);
	});

	test('the three columns together use the width (26 cells each)', async () => {
		const app = await renderApp({columns: 80, rows: 24});
		const borderRow = lines(app.frame())[2]!;
		expect(borderRow).toMatch(/^╔═+╗┌─+┐┌─+┐$/);
		expect(stringWidth(borderRow)).toBe(78);
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
		await waitForFrame(app.frame, 'pause or resume');
		resize(app.stdout, 100, 30);
		const frame = await waitForFrame(app.frame, frame => topBorderWidth(frame) === 100, 'the 100×30 layout');
		expectFits(frame, 100, 30, 'help at 100×30');
		expect(frame).toContain('pause or resume');
	});
});

describe('a terminal too small for the dashboard', () => {
	test('four replicas at 80 columns: a plain "need 88 columns" message, no garbled columns', async () => {
		const app = await renderApp({replicas: 4, columns: 80, rows: 24});
		const frame = app.frame();
		expect(frame).toContain('4 replicas need 88 columns');
		expect(frame).toContain('this terminal has 80');
		expect(frame).not.toMatch(/[┌│║╔]/);
		expectFits(frame, 80, 24, 'too narrow');

		resize(app.stdout, 88, 24);
		const fits = await waitForFrame(app.frame, frame => replicaColumns(frame).length === 4, 'four columns at 88');
		expect(fits).not.toContain('need 88 columns');
		expectFits(fits, 88, 24, '88 columns');
	});

	test('nine replicas at 80 columns say they need 198', async () => {
		const app = await renderApp({replicas: 9, columns: 80, rows: 24});
		expect(app.frame()).toContain('9 replicas need 198 columns');
		expectFits(app.frame(), 80, 24, 'nine replicas');
	});

	test('shrinking below the width needed replaces the columns with the message', async () => {
		const app = await renderApp({replicas: 3, columns: 80, rows: 24});
		resize(app.stdout, 60, 24);
		const frame = await waitForFrame(app.frame, 'need 66 columns', 'the message at 60 columns');
		expect(frame).not.toMatch(/[┌│║╔]/);
		expectFits(frame, 60, 24, '60 columns');
	});

	test('too few rows: says how many are needed, and the dashboard appears at that height', async () => {
		const app = await renderApp({columns: 80, rows: 12});
		const frame = app.frame();
		const needed = Number(/needs at least (\d+)/.exec(frame)?.[1]);
		expect(frame).toContain('This terminal has 12 rows');
		expect(needed).toBeGreaterThan(12);
		expect(frame).not.toMatch(/[┌│║╔]/);

		resize(app.stdout, 80, needed);
		const fits = await waitForFrame(app.frame, frame => replicaColumns(frame).length === 3, `the dashboard at ${needed} rows`);
		expectFits(fits, 80, needed, `80×${needed}`);
		await press(app.stdin, ...Array.from({length: 5}, () => 's'), keys.right);
		const stepped = await waitForFrame(app.frame, 'PAUSED #5');
		expect(historyRows(stepped, 1)).toBeGreaterThanOrEqual(1);
		expectFits(stepped, 80, needed, `80×${needed} after steps`);
	});
});
