/**
 * Box-drawing (U+2500–U+257F) and block elements (U+2580–U+259F) as coverage masks
 * computed in code, so borders join across cells with no gaps, whatever the font does.
 * A mask is width × height bytes of coverage (0 = background, 255 = foreground).
 */

export interface Mask {
	width: number;
	height: number;
	coverage: Uint8Array;
}

/** 0 none, 1 light, 2 heavy, 3 double. */
type Weight = 0 | 1 | 2 | 3;
type Arms = [up: Weight, right: Weight, down: Weight, left: Weight];

// Arms (up right down left) for U+2500 + index; '.' = not a plain line (dashes, diagonals).
const boxTable = (
	'0101 0202 1010 2020 .... .... .... .... .... .... .... .... 0110 0210 0120 0220 '
	+ '0011 0012 0021 0022 1100 1200 2100 2200 1001 1002 2001 2002 1110 1210 2110 1120 '
	+ '2120 2210 1220 2220 1011 1012 2011 1021 2021 2012 1022 2022 0111 0112 0211 0212 '
	+ '0121 0122 0221 0222 1101 1102 1201 1202 2101 2102 2201 2202 1111 1112 1211 1212 '
	+ '2111 1121 2121 2112 2211 1122 1221 2212 1222 2122 2221 2222 .... .... .... .... '
	+ '0303 3030 0310 0130 0330 0013 0031 0033 1300 3100 3300 1003 3001 3003 1310 3130 '
	+ '3330 1013 3031 3033 0313 0131 0333 1303 3101 3303 1313 3131 3333 0110 0011 1001 '
	+ '1100 .... .... .... 0001 1000 0100 0010 0002 2000 0200 0020 0201 1020 0102 2010'
).split(' ');

const rounded = new Set([0x25_6D, 0x25_6E, 0x25_6F, 0x25_70]);

// Dashed lines: code point → [dash count, weight, vertical].
const dashed = new Map<number, [number, Weight, boolean]>([
	[0x25_04, [3, 1, false]], [0x25_05, [3, 2, false]], [0x25_06, [3, 1, true]], [0x25_07, [3, 2, true]],
	[0x25_08, [4, 1, false]], [0x25_09, [4, 2, false]], [0x25_0A, [4, 1, true]], [0x25_0B, [4, 2, true]],
	[0x25_4C, [2, 1, false]], [0x25_4D, [2, 2, false]], [0x25_4E, [2, 1, true]], [0x25_4F, [2, 2, true]],
]);

// Block elements as rectangles in eighths of the cell: [x0, y0, x1, y1][].
const half = 4;
const blocks = new Map<number, Array<[number, number, number, number]>>([
	[0x25_80, [[0, 0, 8, half]]],
	...[1, 2, 3, 4, 5, 6, 7, 8].map((eighths): [number, Array<[number, number, number, number]>] => [0x25_80 + eighths, [[0, 8 - eighths, 8, 8]]]),
	...[7, 6, 5, 4, 3, 2, 1].map((eighths, i): [number, Array<[number, number, number, number]>] => [0x25_89 + i, [[0, 0, eighths, 8]]]),
	[0x25_90, [[half, 0, 8, 8]]],
	[0x25_94, [[0, 0, 8, 1]]],
	[0x25_95, [[7, 0, 8, 8]]],
]);
const shades = new Map([[0x25_91, 64], [0x25_92, 128], [0x25_93, 191]]);
// Quadrants U+2596–U+259F as bits: 1 upper left, 2 upper right, 4 lower left, 8 lower right.
const quadrants = [4, 8, 1, 1 | 4 | 8, 1 | 8, 1 | 2 | 4, 1 | 2 | 8, 2, 2 | 4, 2 | 4 | 8];

/** True when `lineArtMask` draws this character. */
function isLineArt(char: string): boolean {
	const code = char.codePointAt(0) ?? 0;
	if (char.length !== 1 || code < 0x25_00 || code > 0x25_9F) return false;
	return code >= 0x25_80 || dashed.has(code) || boxTable[code - 0x25_00] !== '....';
}

class Canvas {
	readonly coverage: Uint8Array;

	constructor(readonly width: number, readonly height: number) {
		this.coverage = new Uint8Array(width * height);
	}

	fill(x0: number, y0: number, x1: number, y1: number, value = 255) {
		const left = Math.max(0, Math.round(x0));
		const right = Math.min(this.width, Math.round(x1));
		const top = Math.max(0, Math.round(y0));
		const bottom = Math.min(this.height, Math.round(y1));
		for (let y = top; y < bottom; y++) {
			for (let x = left; x < right; x++) {
				const i = (y * this.width) + x;
				this.coverage[i] = Math.max(this.coverage[i], value);
			}
		}
	}
}

/** [start, end) of a stroke of `thickness` centred in `size` pixels. */
const centred = (size: number, thickness: number): [number, number] => {
	const start = Math.floor((size - thickness) / 2);
	return [start, start + thickness];
};

export function lineArtMask(char: string, width: number, height: number, lineWidth: number): Mask | undefined {
	if (!isLineArt(char)) return undefined;
	const code = char.codePointAt(0)!;
	const canvas = new Canvas(width, height);
	if (code >= 0x25_80) {
		drawBlock(canvas, code);
	} else if (dashed.has(code)) {
		drawDashes(canvas, dashed.get(code)!, lineWidth);
	} else {
		const arms = [...boxTable[code - 0x25_00]].map(Number) as Arms;
		if (rounded.has(code)) drawArc(canvas, arms, lineWidth);
		else drawLines(canvas, arms, lineWidth);
	}

	return canvas;
}

function drawBlock(canvas: Canvas, code: number) {
	const {width: w, height: h} = canvas;
	const shade = shades.get(code);
	if (shade !== undefined) {
		canvas.fill(0, 0, w, h, shade);
		return;
	}

	const rects: Array<[number, number, number, number]> = blocks.get(code) ?? [];
	if (code >= 0x25_96) {
		const bits = quadrants[code - 0x25_96];
		if (bits & 1) rects.push([0, 0, half, half]);
		if (bits & 2) rects.push([half, 0, 8, half]);
		if (bits & 4) rects.push([0, half, half, 8]);
		if (bits & 8) rects.push([half, half, 8, 8]);
	}

	for (const [x0, y0, x1, y1] of rects) canvas.fill((x0 * w) / 8, (y0 * h) / 8, (x1 * w) / 8, (y1 * h) / 8);
}

function drawDashes(canvas: Canvas, [count, weight, vertical]: [number, Weight, boolean], lineWidth: number) {
	const thickness = weight === 2 ? lineWidth * 2 : lineWidth;
	const length = vertical ? canvas.height : canvas.width;
	const [a, b] = centred(vertical ? canvas.width : canvas.height, thickness);
	const step = length / count;
	for (let i = 0; i < count; i++) {
		// Gaps sit at the ends of each step so that dashes in adjacent cells stay evenly spaced.
		const start = (i * step) + (step / 4);
		const end = start + (step / 2);
		if (vertical) canvas.fill(a, start, b, end);
		else canvas.fill(start, a, end, b);
	}
}

function drawLines(canvas: Canvas, arms: Arms, lineWidth: number) {
	const {width: w, height: h} = canvas;
	const [up, right, down, left] = arms;
	const thickness = (weight: Weight) => weight === 2 ? lineWidth * 2 : weight === 3 ? lineWidth * 3 : lineWidth;
	// The span covered, across `size`, by the arms perpendicular to the one being drawn.
	const crossSpan = (size: number, weights: Weight[], fallback: number): [number, number] => {
		const present = weights.filter(weight => weight > 0);
		return centred(size, present.length > 0 ? Math.max(...present.map(weight => thickness(weight))) : fallback);
	};

	// For one line of an arm, where it stops inside the cell: at the near line of the neighbouring arm on
	// its side (an inner corner of a double line), else across the far side of the perpendicular arms.
	const innerEnd = (size: number, towardStart: boolean, neighbour: Weight, perpendicular: Weight[], own: number): number => {
		const span = crossSpan(size, perpendicular, own);
		if (neighbour === 0) return towardStart ? span[1] : span[0];
		const [start, end] = centred(size, thickness(neighbour));
		if (neighbour === 3) return towardStart ? start + lineWidth : end - lineWidth;
		return towardStart ? end : start;
	};

	const straightThrough = (a: Weight, b: Weight) => a === 3 && b === 3;

	const drawArm = (weight: Weight, vertical: boolean, towardStart: boolean, sideA: Weight, sideB: Weight, opposite: Weight) => {
		const along = vertical ? h : w;
		const across = vertical ? w : h;
		const perpendicular = [sideA, sideB];
		const line = (from: number, to: number, [a, b]: [number, number]) => {
			const [start, end] = towardStart ? [0, to] : [from, along];
			if (vertical) canvas.fill(a, start, b, end);
			else canvas.fill(start, a, end, b);
		};

		if (weight === 3) {
			const [a] = centred(across, lineWidth * 3);
			const sides: Array<[Weight, [number, number]]> = [[sideA, [a, a + lineWidth]], [sideB, [a + (2 * lineWidth), a + (3 * lineWidth)]]];
			for (const [neighbour, span] of sides) {
				const end = innerEnd(along, towardStart, neighbour, perpendicular, lineWidth * 3);
				line(end, end, span);
			}

			return;
		}

		const own = thickness(weight);
		let [from, to] = crossSpan(along, perpendicular, own);
		// A single line meeting a double line that runs straight past it attaches to the near line only.
		if (straightThrough(sideA, sideB) && opposite === 0) {
			[from, to] = [to - lineWidth, from + lineWidth];
		}

		line(from, to, centred(across, own));
	};

	if (up) drawArm(up, true, true, left, right, down);
	if (down) drawArm(down, true, false, left, right, up);
	if (left) drawArm(left, false, true, up, down, right);
	if (right) drawArm(right, false, false, up, down, left);
}

/** A rounded corner: a quarter circle joining the two arms, antialiased by supersampling. */
function drawArc(canvas: Canvas, [, right, down]: Arms, lineWidth: number) {
	const {width: w, height: h} = canvas;
	const [x0] = centred(w, lineWidth);
	const [y0] = centred(h, lineWidth);
	const cx = x0 + (lineWidth / 2);
	const cy = y0 + (lineWidth / 2);
	const sx = right ? 1 : -1;
	const sy = down ? 1 : -1;
	const radius = Math.min(sx > 0 ? w - cx : cx, sy > 0 ? h - cy : cy);
	const ox = cx + (sx * radius);
	const oy = cy + (sy * radius);
	// Straight parts from the end of the arc to the cell edges.
	if (sx > 0) canvas.fill(ox, y0, w, y0 + lineWidth);
	else canvas.fill(0, y0, ox, y0 + lineWidth);
	if (sy > 0) canvas.fill(x0, oy, x0 + lineWidth, h);
	else canvas.fill(x0, 0, x0 + lineWidth, oy);

	const samples = 4;
	for (let py = 0; py < h; py++) {
		for (let px = 0; px < w; px++) {
			let hits = 0;
			for (let i = 0; i < samples * samples; i++) {
				const x = px + (((i % samples) + 0.5) / samples);
				const y = py + ((Math.floor(i / samples) + 0.5) / samples);
				if ((x - ox) * sx > 0 || (y - oy) * sy > 0) continue;
				if (Math.abs(Math.hypot(x - ox, y - oy) - radius) <= lineWidth / 2) hits++;
			}

			if (hits > 0) canvas.fill(px, py, px + 1, py + 1, Math.round((hits * 255) / (samples * samples)));
		}
	}
}
