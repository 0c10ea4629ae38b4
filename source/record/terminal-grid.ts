import xterm from '@xterm/headless';
import type {IBufferCell} from '@xterm/headless';
import type {Cast} from './asciicast.js';

// @xterm/headless is CommonJS without named ESM exports.
const {Terminal} = xterm;

export type RGB = readonly [r: number, g: number, b: number];

export interface Cell {
	/** '' for the second half of a wide character. */
	char: string;
	fg: RGB;
	bg: RGB;
	bold: boolean;
	underline: boolean;
}

export interface GridFrame {
	/** Seconds from the start of the cast. */
	time: number;
	cells: Cell[][];
}

export interface GridOptions {
	/** Events closer than this to the start of a frame are merged into it (seconds). */
	minFrameSeconds?: number;
	/** The terminal's own colours: light text on a dark background (default), or dark on light for the light theme. */
	background?: 'dark' | 'light';
}

// RGB colours are interned so that equal colours are the same instance and compare with ===.
const rgbCache = new Map<number, RGB>();
function rgbFromHex(hex: number): RGB {
	let rgb = rgbCache.get(hex);
	if (!rgb) {
		rgb = [(hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff];
		rgbCache.set(hex, rgb);
	}

	return rgb;
}

/** Dark background, light text. */
export const defaultBackground = rgbFromHex(0x1e_1e_2e);
export const defaultForeground = rgbFromHex(0xe6_e6_e6);

// Saturated but light enough to survive a washed-out projector on the dark background.
const ansi16: RGB[] = [
	0x3b_3d_4f, // Black: still visible on the background
	0xff_6b_6b,
	0x5f_d7_6b,
	0xf9_d3_5c,
	0x6c_a8_ff,
	0xd8_8c_ff,
	0x4f_d6_e0,
	0xd0_d0_d8,
	0x9a_9c_b4, // Bright black (chalk's gray): hints must stay readable
	0xff_95_95,
	0x8e_f0_95,
	0xff_e8_8a,
	0x9c_c4_ff,
	0xe8_b0_ff,
	0x8f_f0_f5,
	0xff_ff_ff,
].map(hex => rgbFromHex(hex));

function buildPalette256(): RGB[] {
	const palette = [...ansi16];
	const levels = [0, 95, 135, 175, 215, 255];
	for (let r = 0; r < 6; r++) {
		for (let g = 0; g < 6; g++) {
			for (let b = 0; b < 6; b++) palette.push(rgbFromHex((levels[r] << 16) | (levels[g] << 8) | levels[b]));
		}
	}

	for (let i = 0; i < 24; i++) {
		const v = 8 + (i * 10);
		palette.push(rgbFromHex(v * 0x01_01_01));
	}

	return palette;
}

export const palette256: readonly RGB[] = buildPalette256();

const toHex = ([r, g, b]: RGB): number => (r << 16) | (g << 8) | b;

function mix(a: RGB, b: RGB, amountOfA: number): RGB {
	const channel = (i: number) => Math.round((a[i] * amountOfA) + (b[i] * (1 - amountOfA)));
	return rgbFromHex(toHex([channel(0), channel(1), channel(2)]));
}

const dimAmount = 0.6;

type Defaults = {readonly fg: RGB; readonly bg: RGB};
const darkDefaults: Defaults = {fg: defaultForeground, bg: defaultBackground};
const lightDefaults: Defaults = {fg: rgbFromHex(0x1e_1e_2e), bg: rgbFromHex(0xfa_fa_f7)};

function resolveColor(mode: 'fg' | 'bg', cell: IBufferCell, defaults: Defaults): RGB {
	const isFg = mode === 'fg';
	if (isFg ? cell.isFgRGB() : cell.isBgRGB()) return rgbFromHex(isFg ? cell.getFgColor() : cell.getBgColor());
	if (isFg ? cell.isFgPalette() : cell.isBgPalette()) {
		return palette256[isFg ? cell.getFgColor() : cell.getBgColor()] ?? (isFg ? defaults.fg : defaults.bg);
	}

	return isFg ? defaults.fg : defaults.bg;
}

function toCell(cell: IBufferCell, defaults: Defaults): Cell {
	let fg = resolveColor('fg', cell, defaults);
	let bg = resolveColor('bg', cell, defaults);
	if (cell.isInverse()) [fg, bg] = [bg, fg];
	if (cell.isDim()) fg = mix(fg, bg, dimAmount);
	if (cell.isInvisible()) fg = bg;
	const width = cell.getWidth();
	return {
		char: width === 0 ? '' : cell.getChars() || ' ',
		fg,
		bg,
		bold: cell.isBold() !== 0,
		underline: cell.isUnderline() !== 0,
	};
}

export type HeadlessTerminal = InstanceType<typeof Terminal>;

function snapshot(terminal: HeadlessTerminal, defaults: Defaults): Cell[][] {
	const buffer = terminal.buffer.active;
	const scratch = buffer.getNullCell();
	const rows: Cell[][] = [];
	for (let y = 0; y < terminal.rows; y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		const row: Cell[] = [];
		for (let x = 0; x < terminal.cols; x++) {
			const cell = line?.getCell(x, scratch);
			row.push(cell ? toCell(cell, defaults) : {char: ' ', fg: defaults.fg, bg: defaults.bg, bold: false, underline: false});
		}

		rows.push(row);
	}

	return rows;
}

/** What a headless terminal shows now, as cells in the recorder's colours. */
export function terminalCells(terminal: HeadlessTerminal, background: GridOptions['background'] = 'dark'): Cell[][] {
	return snapshot(terminal, background === 'light' ? lightDefaults : darkDefaults);
}

const sameCell = (a: Cell, b: Cell): boolean =>
	a.char === b.char && a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.underline === b.underline;

const sameGrid = (a: Cell[][], b: Cell[][]): boolean =>
	a.length === b.length && a.every((row, y) => row.length === b[y].length && row.every((cell, x) => sameCell(cell, b[y][x])));

/**
 * Replays a cast and yields the screen after each group of events. Events less than
 * `minFrameSeconds` after the first event of a group join that group (so GIF delays
 * stay ≥ 20 ms), and a group that leaves the screen unchanged yields nothing.
 */
export async function * gridFrames(cast: Cast, options: GridOptions = {}): AsyncGenerator<GridFrame> {
	const minFrameSeconds = options.minFrameSeconds ?? 0.02;
	const defaults = options.background === 'light' ? lightDefaults : darkDefaults;
	const terminal = new Terminal({cols: cast.width, rows: cast.height, allowProposedApi: true, scrollback: 0});
	const write = async (data: string) => new Promise<void>(resolve => {
		terminal.write(data, resolve);
	});

	try {
		let previous: Cell[][] | undefined;
		const {events} = cast;
		if (events.length === 0) yield {time: 0, cells: snapshot(terminal, defaults)};
		for (let index = 0; index < events.length;) {
			const groupTime = events[index][0];
			let data = '';
			for (; index < events.length && events[index][0] - groupTime < minFrameSeconds; index++) data += events[index][2];
			// eslint-disable-next-line no-await-in-loop
			await write(data);
			const cells = snapshot(terminal, defaults);
			if (previous && sameGrid(previous, cells)) continue;
			previous = cells;
			yield {time: groupTime, cells};
		}
	} finally {
		terminal.dispose();
	}
}

export async function castToGrids(cast: Cast, options: GridOptions = {}): Promise<GridFrame[]> {
	const frames: GridFrame[] = [];
	for await (const frame of gridFrames(cast, options)) frames.push(frame);
	return frames;
}
