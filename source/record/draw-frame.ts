import {createRequire} from 'node:module';
import {createCanvas, GlobalFonts, ImageData} from '@napi-rs/canvas';
import {defaultBackground, defaultForeground, type Cell, type RGB} from './terminal-grid.js';
import {lineArtMask} from './line-art.js';
import {drawnGlyphs} from './drawn-glyphs.js';

const fontFamily = 'ReplicaTuiMono';

export interface DrawOptions {
	/** Font size in pixels; default 16. */
	fontSize?: number;
	/**
	 * Antialiased glyph edges are snapped to this many coverage levels, so that each
	 * foreground/background pair gives at most this many colours and the GIF palette stays
	 * exact and small. 2 is bitmap-like text; 3 is about 15% smaller than the default 5.
	 */
	coverageLevels?: number;
}

export interface CellMetrics {
	cellWidth: number;
	cellHeight: number;
	/** Pixels from the top of a cell to the text baseline. */
	baseline: number;
	/** Thickness of light box-drawing lines and underlines. */
	lineWidth: number;
}

export interface FrameDrawer extends CellMetrics {
	readonly width: number;
	readonly height: number;
	/** Draws the grid and returns its RGBA pixels, in a buffer that the next call overwrites. */
	draw(cells: Cell[][]): Uint8ClampedArray;
}

let fontsRegistered = false;
function registerFonts() {
	if (fontsRegistered) return;
	const require = createRequire(import.meta.url);
	for (const file of ['DejaVuSansMono.ttf', 'DejaVuSansMono-Bold.ttf']) {
		const key = GlobalFonts.registerFromPath(require.resolve(`dejavu-fonts-ttf/ttf/${file}`), fontFamily);
		if (!key) throw new Error(`could not load the font ${file}`);
	}

	fontsRegistered = true;
}

const fontFor = (bold: boolean, fontSize: number) => `${bold ? 'bold ' : ''}${fontSize}px ${fontFamily}`;

export function cellMetrics(fontSize = 16): CellMetrics {
	registerFonts();
	const context = createCanvas(1, 1).getContext('2d');
	context.font = fontFor(false, fontSize);
	const m = context.measureText('M');
	const cellWidth = Math.round(m.width);
	const cellHeight = Math.round(fontSize * 1.2);
	const ascent = m.fontBoundingBoxAscent;
	const descent = m.fontBoundingBoxDescent;
	return {
		cellWidth,
		cellHeight,
		baseline: Math.round(((cellHeight - ascent - descent) / 2) + ascent),
		lineWidth: Math.max(1, Math.floor(fontSize / 12)),
	};
}

// The frame buffer is written as 32-bit pixels, which are RGBA in memory only on little-endian machines.
if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) throw new Error('draw-frame assumes a little-endian machine');

const packed = ([r, g, b]: RGB): number => ((0xff_00_00_00 | (b << 16) | (g << 8) | r) >>> 0);
const hex = ([r, g, b]: RGB): number => (r << 16) | (g << 8) | b;

/** A glyph as coverage levels (0 … coverageLevels - 1); undefined when it paints nothing. */
type LevelMask = Uint8Array | undefined;

function toLevels(coverage: Uint8Array | Uint8ClampedArray, coverageLevels: number, stride = 1): LevelMask {
	const levels = new Uint8Array(coverage.length / stride);
	let any = false;
	for (let i = 0; i < levels.length; i++) {
		const level = Math.round((coverage[i * stride] * (coverageLevels - 1)) / 255);
		levels[i] = level;
		if (level > 0) any = true;
	}

	return any ? levels : undefined;
}

export function createFrameDrawer(cols: number, rows: number, options: DrawOptions = {}): FrameDrawer {
	const fontSize = options.fontSize ?? 16;
	if (!(fontSize >= 4 && fontSize <= 256)) throw new Error('fontSize must be from 4 to 256 pixels');
	const coverageLevels = options.coverageLevels ?? 5;
	if (!Number.isInteger(coverageLevels) || coverageLevels < 2 || coverageLevels > 256) {
		throw new Error('coverageLevels must be an integer from 2 to 256');
	}

	const metrics = cellMetrics(fontSize);
	const {cellWidth, cellHeight, baseline, lineWidth} = metrics;
	const width = cols * cellWidth;
	const height = rows * cellHeight;
	const rgba = new Uint8ClampedArray(width * height * 4);
	const pixels = new Uint32Array(rgba.buffer);

	const glyphCanvas = createCanvas(cellWidth * 2, cellHeight);
	const glyphContext = glyphCanvas.getContext('2d');
	glyphContext.lang = 'en';
	glyphContext.textBaseline = 'alphabetic';

	function rasterize(char: string, bold: boolean, boxWidth: number): Uint8ClampedArray {
		glyphContext.fillStyle = '#000';
		glyphContext.fillRect(0, 0, glyphCanvas.width, cellHeight);
		glyphContext.font = fontFor(bold, fontSize);
		glyphContext.fillStyle = '#fff';
		const drawn = drawnGlyphs.get(char);
		if (drawn) {
			drawn(glyphContext, {width: boxWidth, height: cellHeight, baseline, fontSize, font: size => fontFor(bold, size)});
			return glyphContext.getImageData(0, 0, boxWidth, cellHeight).data;
		}

		const x = Math.round((boxWidth - glyphContext.measureText(char).width) / 2);
		glyphContext.fillText(char, x, baseline);
		return glyphContext.getImageData(0, 0, boxWidth, cellHeight).data;
	}

	const glyphs = new Map<string, LevelMask>();
	function glyph(char: string, bold: boolean, underline: boolean, span: number): LevelMask {
		const key = `${bold ? 'b' : 'r'}${underline ? 'u' : '-'}${span}${char}`;
		if (glyphs.has(key)) return glyphs.get(key);
		const boxWidth = cellWidth * span;
		let mask: LevelMask;
		const art = lineArtMask(char, boxWidth, cellHeight, lineWidth);
		if (art) mask = toLevels(art.coverage, coverageLevels);
		else if (char.trim() !== '') mask = toLevels(rasterize(char, bold, boxWidth), coverageLevels, 4);
		if (underline) {
			mask ??= new Uint8Array(boxWidth * cellHeight);
			const top = Math.min(cellHeight - lineWidth, baseline + lineWidth + 1);
			mask.fill(coverageLevels - 1, top * boxWidth, (top + lineWidth) * boxWidth);
		}

		glyphs.set(key, mask);
		return mask;
	}

	// Colours for each coverage level, blended from background to foreground.
	const ramps = new Map<number, Uint32Array>();
	function ramp(fg: RGB, bg: RGB): Uint32Array {
		const key = (hex(fg) * 0x1_00_00_00) + hex(bg);
		let colors = ramps.get(key);
		if (!colors) {
			colors = new Uint32Array(coverageLevels);
			for (let level = 0; level < coverageLevels; level++) {
				const t = level / (coverageLevels - 1);
				const channel = (i: number) => Math.round((fg[i] * t) + (bg[i] * (1 - t)));
				colors[level] = packed([channel(0), channel(1), channel(2)]);
			}

			ramps.set(key, colors);
		}

		return colors;
	}

	function paintCell(x0: number, y0: number, boxWidth: number, mask: LevelMask, colors: Uint32Array) {
		for (let y = 0; y < cellHeight; y++) {
			const row = ((y0 + y) * width) + x0;
			if (mask) {
				const maskRow = y * boxWidth;
				for (let x = 0; x < boxWidth; x++) pixels[row + x] = colors[mask[maskRow + x]];
			} else {
				pixels.fill(colors[0], row, row + boxWidth);
			}
		}
	}

	function draw(cells: Cell[][]): Uint8ClampedArray {
		for (let y = 0; y < rows; y++) {
			const row = cells[y] ?? [];
			for (let x = 0; x < cols;) {
				const cell = row[x];
				// A wide character is painted across its own cell and the empty one after it.
				const span = x + 1 < cols && cell?.char && row[x + 1]?.char === '' ? 2 : 1;
				const mask = cell ? glyph(cell.char, cell.bold, cell.underline, span) : undefined;
				paintCell(x * cellWidth, y * cellHeight, cellWidth * span, mask, ramp(cell?.fg ?? defaultForeground, cell?.bg ?? defaultBackground));
				x += span;
			}
		}

		return rgba;
	}

	return {...metrics, width, height, draw};
}

/** Draws one grid into a new buffer. */
export function drawFrame(cells: Cell[][], options: DrawOptions = {}): {width: number; height: number; rgba: Uint8ClampedArray} {
	const drawer = createFrameDrawer(cells[0]?.length ?? 0, cells.length, options);
	return {width: drawer.width, height: drawer.height, rgba: drawer.draw(cells).slice()};
}

/** PNG bytes of an RGBA frame, handy for stills and for looking at a frame. */
export async function encodePng(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Promise<Buffer> {
	const canvas = createCanvas(width, height);
	const data = new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength);
	canvas.getContext('2d').putImageData(new ImageData(data, width, height), 0, 0);
	return canvas.encode('png');
}
