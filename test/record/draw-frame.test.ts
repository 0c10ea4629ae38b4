import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import {castToGrids, type Cell, type RGB} from '../../source/record/terminal-grid.js';
import {cellMetrics, createFrameDrawer, drawFrame, encodePng} from '../../source/record/draw-frame.js';

const white: RGB = [255, 255, 255];
const black: RGB = [0, 0, 0];
const {cellWidth: cw, cellHeight: ch} = cellMetrics(16);

const cellsOf = (lines: string[], fg = white, bg = black): Cell[][] =>
	lines.map(line => [...line].map(char => ({char, fg, bg, bold: false, underline: false})));

const range = (length: number) => Array.from({length}, (_, i) => i);
const lit = (rgba: Uint8ClampedArray, width: number, x: number, y: number) => rgba[((y * width) + x) * 4] > 128;

describe('draw frame', () => {
	test('cells are sized from the font: 80x24 at 16 px', () => {
		expect([cw, ch]).toEqual([10, 19]);
		const drawer = createFrameDrawer(80, 24, {fontSize: 16});
		expect([drawer.width, drawer.height]).toEqual([800, 456]);
		expect(drawer.draw(cellsOf(Array.from({length: 24}, () => ' '.repeat(80))))).toHaveLength(800 * 456 * 4);
		expect(cellMetrics(24).cellHeight).toBe(29);
	});

	test('a box border is continuous across cells, horizontally and vertically', () => {
		const {width, rgba} = drawFrame(cellsOf(['┌──────┐', '│      │', '│      │', '└──────┘']));
		const lineY = range(ch).filter(y => lit(rgba, width, cw + 3, y));
		const lineX = range(cw).filter(x => lit(rgba, width, x, ch + 3));
		expect(lineY).toHaveLength(1);
		expect(lineX).toHaveLength(1);
		for (const y of [lineY[0], (3 * ch) + lineY[0]]) {
			for (let x = lineX[0]; x <= (7 * cw) + lineX[0]; x++) expect(lit(rgba, width, x, y), `pixel ${x},${y}`).toBe(true);
		}

		for (const x of [lineX[0], (7 * cw) + lineX[0]]) {
			for (let y = lineY[0]; y <= (3 * ch) + lineY[0]; y++) expect(lit(rgba, width, x, y), `pixel ${x},${y}`).toBe(true);
		}
	});

	// Arms up, right, down, left: 1 light, 2 heavy, 3 double.
	const arms: Record<string, string> = {
		'─': '0101', '│': '1010', '┌': '0110', '┐': '0011', '└': '1100', '┘': '1001', '├': '1110', '┤': '1011', '┬': '0111',
		'┴': '1101', '┼': '1111', '═': '0303', '║': '3030', '╔': '0330', '╗': '0033', '╚': '3300', '╝': '3003', '╭': '0110',
		'╮': '0011', '╯': '1001', '╰': '1100', '━': '0202', '┃': '2020', '┏': '0220', '┓': '0022', '┗': '2200', '┛': '2002',
	};

	test.each(Object.keys(arms))('%s meets the cell edges exactly where its neighbours do', char => {
		const edges = (c: string) => {
			const {width, rgba} = drawFrame(cellsOf([c]));
			const column = (x: number) => range(ch).filter(y => lit(rgba, width, x, y)).join(',');
			const row = (y: number) => range(cw).filter(x => lit(rgba, width, x, y)).join(',');
			return [row(0), column(cw - 1), row(ch - 1), column(0)];
		};

		const reference = {vertical: ['', '│', '┃', '║'], horizontal: ['', '─', '━', '═']};
		const actual = edges(char);
		for (const [side, weight] of [...arms[char]].map(Number).entries()) {
			const kind = side % 2 === 0 ? 'vertical' : 'horizontal';
			const expected = weight === 0 ? '' : edges(reference[kind][weight])[side];
			expect(actual[side], `side ${side}`).toBe(expected);
		}
	});

	test('block elements are drawn as rectangles', () => {
		const {width, rgba} = drawFrame(cellsOf(['█▀▄']));
		for (let y = 0; y < ch; y++) {
			expect(lit(rgba, width, 4, y)).toBe(true);
			expect(lit(rgba, width, cw + 4, y)).toBe(y < ch / 2);
			expect(lit(rgba, width, (2 * cw) + 4, y)).toBe(y >= ch / 2);
		}
	});

	test('text uses the colours of its cell and the bold face when bold', () => {
		const ink = (cells: Cell[][]) => {
			const {rgba} = drawFrame(cells);
			let sum = 0;
			for (let i = 0; i < rgba.length; i += 4) sum += rgba[i] + rgba[i + 1] + rgba[i + 2];
			return sum;
		};

		const {rgba} = drawFrame(cellsOf(['✓'], [255, 0, 0]));
		const colors = new Set<string>();
		for (let i = 0; i < rgba.length; i += 4) colors.add(rgba.slice(i, i + 3).join(','));
		expect(colors).toContain('255,0,0');
		expect([...colors].every(color => color.endsWith(',0,0'))).toBe(true);
		const bold = cellsOf(['M']);
		bold[0][0].bold = true;
		expect(ink(bold)).toBeGreaterThan(ink(cellsOf(['M'])));
	});

	test.each([2, 3, 5])('antialiased text uses at most %i colours per colour pair', levels => {
		const {rgba} = drawFrame(cellsOf(['Quorum ✓ 3 of 3 agree ●'], [255, 107, 107], [30, 30, 46]), {coverageLevels: levels});
		const colors = new Set<string>();
		for (let i = 0; i < rgba.length; i += 4) colors.add(rgba.slice(i, i + 3).join(','));
		expect(colors.size).toBe(levels);
	});

	test('draws a frame from a terminal grid and encodes it as PNG', async () => {
		const [frame] = await castToGrids({width: 20, height: 3, events: [[0, 'o', '\u001B[32m●\u001B[0m ok 中文\r\n╭──╮']]});
		const drawer = createFrameDrawer(20, 3);
		const png = await encodePng(drawer.draw(frame.cells), drawer.width, drawer.height);
		expect([...png.subarray(1, 4)].map(byte => String.fromCodePoint(byte)).join('')).toBe('PNG');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([200, 57]);
	});
});

describe('every character the app draws is in the font or drawn in code', () => {
	const sourceRoot = fileURLToPath(new URL('../../source', import.meta.url));
	const sourceFiles = (folder: string): string[] => readdirSync(folder, {withFileTypes: true}).flatMap(entry => {
		const file = path.join(folder, entry.name);
		return entry.isDirectory() ? sourceFiles(file) : /\.tsx?$/.test(entry.name) ? [file] : [];
	});
	const drawn = (char: string) => drawFrame(cellsOf([char]), {fontSize: 20}).rgba;
	// A private-use character no font has: what a missing glyph looks like.
	const missing = drawn('\uE000');

	test('no character in source/ comes out as the missing-glyph box (ⓘ did, in the notice line)', () => {
		const used = new Set(sourceFiles(sourceRoot).flatMap(file => [...readFileSync(file, 'utf8')].filter(char => char > '\u007F' && stringWidth(char) === 1)));
		expect(used.has('ⓘ')).toBe(true);
		const boxes = [...used].filter(char => Buffer.from(drawn(char)).equals(Buffer.from(missing)));
		expect(boxes).toEqual([]);
	});

	test("ⓘ is a ring with an i inside: lit at the ring's left and right and in the middle, dark between", () => {
		const {cellWidth: width, cellHeight: height} = cellMetrics(20);
		const rgba = drawn('ⓘ');
		const litIn = (x: number) => range(height).some(y => lit(rgba, width, x, y));
		const middle = Math.floor(width / 2);
		expect(litIn(middle)).toBe(true);
		expect(litIn(1) || litIn(2)).toBe(true);
		expect(litIn(width - 2) || litIn(width - 3)).toBe(true);
		expect(litIn(middle - 3) && litIn(middle + 3)).toBe(true);
		// The row through the i's stem: ring, gap, stem, gap, ring.
		const stemRow = range(height).find(y => lit(rgba, width, middle, y) && !lit(rgba, width, middle - 2, y) && !lit(rgba, width, middle + 2, y));
		expect(stemRow).toBeDefined();
	});
});
