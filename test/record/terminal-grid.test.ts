import {describe, expect, test} from 'vitest';
import type {Cast} from '../../source/record/asciicast.js';
import {castToGrids, defaultBackground, defaultForeground, palette256, type Cell} from '../../source/record/terminal-grid.js';

const esc = '\u001B[';
const cast = (events: Cast['events'], width = 12, height = 4): Cast => ({width, height, events});
const text = (row: Cell[]) => row.map(cell => cell.char).join('');

describe('terminal grid', () => {
	test('resolves ANSI colours and keeps the default colours elsewhere', async () => {
		const [frame] = await castToGrids(cast([[0, 'o', `${esc}31m✓ ok${esc}0m done`]]));
		const row = frame.cells[0];
		expect(text(row)).toBe('✓ ok done   ');
		expect(row[0]).toEqual({char: '✓', fg: palette256[1], bg: defaultBackground, bold: false, underline: false});
		expect(row[3].fg).toEqual(palette256[1]);
		expect(row[5].fg).toEqual(defaultForeground);
	});

	test('resolves 256-colour, truecolor, bright, bold, underline, inverse and dim', async () => {
		const data = `${esc}38;5;208mA${esc}48;2;1;2;3mB${esc}0m${esc}91mC${esc}0m${esc}1;4mD${esc}0m${esc}7mE${esc}0m${esc}2mF${esc}0m`;
		const [frame] = await castToGrids(cast([[0, 'o', data]]));
		const [a, b, c, d, e, f] = frame.cells[0];
		expect(a.fg).toEqual([255, 135, 0]);
		expect(b.bg).toEqual([1, 2, 3]);
		expect(c.fg).toEqual(palette256[9]);
		expect([d.bold, d.underline]).toEqual([true, true]);
		expect([e.fg, e.bg]).toEqual([defaultBackground, defaultForeground]);
		// Dim text sits between the foreground and the background.
		for (let i = 0; i < 3; i++) {
			expect(f.fg[i]).toBeLessThan(defaultForeground[i]);
			expect(f.fg[i]).toBeGreaterThan(defaultBackground[i]);
		}
	});

	test('gives a wide character two cells, the second one empty', async () => {
		const [frame] = await castToGrids(cast([[0, 'o', 'a中b']]));
		expect(frame.cells[0].slice(0, 4).map(cell => cell.char)).toEqual(['a', '中', '', 'b']);
	});

	test('draws a box across lines', async () => {
		const [frame] = await castToGrids(cast([[0, 'o', '┌──┐\r\n│ok│\r\n└──┘']]));
		expect(frame.cells.slice(0, 3).map(row => text(row).trimEnd())).toEqual(['┌──┐', '│ok│', '└──┘']);
	});

	test('merges events less than 20 ms apart and skips events that change nothing', async () => {
		const frames = await castToGrids(cast([
			[0, 'o', 'a'],
			[0.01, 'o', 'b'],
			[0.5, 'o', `${esc}?25l`],
			[1, 'o', 'c'],
		]));
		expect(frames.map(frame => [frame.time, text(frame.cells[0]).trimEnd()])).toEqual([[0, 'ab'], [1, 'abc']]);
	});

	test('shows the screen after scrolling', async () => {
		const [frame] = await castToGrids(cast([[0, 'o', '1\r\n2\r\n3\r\n4\r\n5']], 4, 3));
		expect(frame.cells.map(row => text(row).trimEnd())).toEqual(['3', '4', '5']);
	});

	test('a cast without events is one empty screen', async () => {
		const frames = await castToGrids(cast([], 3, 2));
		expect(frames).toHaveLength(1);
		expect(frames[0].cells.map(row => text(row))).toEqual(['   ', '   ']);
	});
});
