import {createRequire} from 'node:module';
import type Gifenc from 'gifenc';

// Required, not imported: Node gives gifenc's CommonJS build as the default export, while
// bundlers such as Vite (vitest) pick its ESM build, whose default export is GIFEncoder alone.
const {GIFEncoder, quantize, nearestColorIndex} = createRequire(import.meta.url)('gifenc') as typeof Gifenc;

export interface GifOptions {
	/** How long the last frame stays before the animation loops (ms); default 4000, long enough to read it. */
	holdLastMs?: number;
	/** Shortest frame delay (ms); default 20, since browsers stretch shorter ones. */
	minDelayMs?: number;
}

export interface RgbaFrame {
	/** Seconds from the start. */
	time: number;
	rgba: Uint8Array | Uint8ClampedArray;
}

/** The part of a frame that differs from the one before, as 24-bit RGB. */
interface Patch {
	time: number;
	x: number;
	y: number;
	width: number;
	height: number;
	pixels: Uint32Array;
}

// Set above the 24 RGB bits on pixels that equal the previous frame's: they can be transparent.
const sameAsBefore = 0x1_00_00_00;

/**
 * Collects frames and writes an animated GIF: one exact global palette when the frames
 * use at most 255 colours (quantized otherwise), later frames cropped to what changed,
 * unchanged pixels inside the crop transparent when that is smaller, looping forever.
 * Only the changed parts are kept between addFrame and finish.
 */
export class GifBuilder {
	private previous: Uint32Array | undefined;
	private readonly patches: Patch[] = [];
	private readonly colors = new Set<number>();

	constructor(readonly width: number, readonly height: number, private readonly options: GifOptions = {}) {
		if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || width > 0xff_ff || height > 0xff_ff) {
			throw new Error(`invalid GIF size ${width}x${height}`);
		}
	}

	/** Adds a frame shown from `time` seconds; a frame identical to the previous one only extends it. */
	addFrame(time: number, rgba: Uint8Array | Uint8ClampedArray): void {
		const {width, height} = this;
		if (rgba.length !== width * height * 4) throw new Error(`frame has ${rgba.length} bytes, expected ${width * height * 4}`);
		const last = this.patches.at(-1);
		if (last && time < last.time) throw new Error('frame times must not decrease');

		// Whole pixels as 32-bit words, compared for equality only (so byte order does not matter).
		const bytes = new Uint8Array(rgba);
		const current = new Uint32Array(bytes.buffer);
		const box = this.previous ? changedBox(this.previous, current, width) : {x: 0, y: 0, width, height};
		if (!box) return;
		const pixels = new Uint32Array(box.width * box.height);
		for (let y = 0; y < box.height; y++) {
			for (let x = 0; x < box.width; x++) {
				const i = ((box.y + y) * width) + box.x + x;
				const color = (bytes[i * 4] << 16) | (bytes[(i * 4) + 1] << 8) | bytes[(i * 4) + 2];
				if (this.previous?.[i] === current[i]) {
					pixels[(y * box.width) + x] = color | sameAsBefore;
				} else {
					this.colors.add(color);
					pixels[(y * box.width) + x] = color;
				}
			}
		}

		this.patches.push({time, ...box, pixels});
		this.previous = current;
	}

	finish(): Uint8Array {
		if (this.patches.length === 0) throw new Error('a GIF needs at least one frame');
		const {palette, indexOf} = buildPalette(this.colors);
		// One spare entry for transparency; the GIF colour table has a power-of-two size.
		const transparentIndex = palette.length;
		palette.push([0, 0, 0]);
		const colorDepth = Math.max(2, Math.ceil(Math.log2(palette.length)));
		const delays = this.delays();

		const parts: Uint8Array[] = [];
		const first = GIFEncoder();
		const [head, ...rest] = this.patches;
		first.writeFrame(toIndices(head.pixels, indexOf), head.width, head.height, {palette, colorDepth, delay: delays[0], repeat: 0});
		parts.push(first.bytes());

		for (const [n, patch] of rest.entries()) {
			const frameOptions = {colorDepth, delay: delays[n + 1], dispose: 1};
			const indices = toIndices(patch.pixels, indexOf);
			const opaque = encodeChunk(patch, indices, frameOptions);
			const see = encodeChunk(patch, withTransparency(patch.pixels, indices, transparentIndex), {...frameOptions, transparent: true, transparentIndex});
			parts.push(see.length < opaque.length ? see : opaque);
		}

		parts.push(Uint8Array.of(0x3B));
		return concat(parts);
	}

	/** Delays in ms, whole centiseconds, following the frame times without drifting. */
	private delays(): number[] {
		const minCs = Math.max(2, Math.ceil((this.options.minDelayMs ?? 20) / 10));
		const holdCs = Math.max(minCs, Math.round((this.options.holdLastMs ?? 4000) / 10));
		let elapsedCs = Math.round(this.patches[0].time * 100);
		return this.patches.map((_, i) => {
			const next = this.patches[i + 1];
			const delay = next ? Math.max(minCs, Math.round(next.time * 100) - elapsedCs) : holdCs;
			elapsedCs += delay;
			return delay * 10;
		});
	}
}

export function encodeGif(frames: RgbaFrame[], width: number, height: number, options: GifOptions = {}): Uint8Array {
	const builder = new GifBuilder(width, height, options);
	for (const frame of frames) builder.addFrame(frame.time, frame.rgba);
	return builder.finish();
}

function changedBox(before: Uint32Array, after: Uint32Array, width: number) {
	const height = after.length / width;
	let minX = width;
	let maxX = -1;
	let minY = -1;
	let maxY = -1;
	for (let y = 0; y < height; y++) {
		const row = y * width;
		let x = 0;
		while (x < width && before[row + x] === after[row + x]) x++;
		if (x === width) continue;
		if (minY < 0) minY = y;
		maxY = y;
		minX = Math.min(minX, x);
		let right = width - 1;
		while (before[row + right] === after[row + right]) right--;
		maxX = Math.max(maxX, right);
	}

	return minY < 0 ? undefined : {x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1};
}

function buildPalette(colors: Set<number>): {palette: number[][]; indexOf: Map<number, number>} {
	const rgb = (color: number) => [(color >> 16) & 0xff, (color >> 8) & 0xff, color & 0xff];
	const indexOf = new Map<number, number>();
	if (colors.size <= 255) {
		const palette = [...colors].map((color, index) => {
			indexOf.set(color, index);
			return rgb(color);
		});
		return {palette, indexOf};
	}

	const rgba = new Uint8Array(colors.size * 4);
	let offset = 0;
	for (const color of colors) {
		rgba.set([...rgb(color), 255], offset);
		offset += 4;
	}

	const palette = quantize(rgba, 255);
	for (const color of colors) indexOf.set(color, nearestColorIndex(palette, rgb(color)));
	return {palette, indexOf};
}

function toIndices(pixels: Uint32Array, indexOf: Map<number, number>): Uint8Array {
	const indices = new Uint8Array(pixels.length);
	for (let i = 0; i < pixels.length; i++) indices[i] = indexOf.get(pixels[i] & 0xff_ff_ff)!;
	return indices;
}

function withTransparency(pixels: Uint32Array, indices: Uint8Array, transparentIndex: number): Uint8Array {
	const result = indices.slice();
	for (let i = 0; i < pixels.length; i++) {
		if (pixels[i] & sameAsBefore) result[i] = transparentIndex;
	}

	return result;
}

/** One frame without header or trailer, placed at the patch's offset (gifenc always writes 0,0). */
function encodeChunk(patch: Patch, indices: Uint8Array, options: Parameters<ReturnType<typeof GIFEncoder>['writeFrame']>[3]): Uint8Array {
	const encoder = GIFEncoder({auto: false});
	encoder.writeFrame(indices, patch.width, patch.height, options);
	const bytes = encoder.bytes();
	// Graphic control extension (8 bytes), then the image descriptor: 0x2C, left, top (little-endian).
	if (bytes[0] !== 0x21 || bytes[1] !== 0xF9 || bytes[8] !== 0x2C) throw new Error('unexpected gifenc frame layout');
	bytes[9] = patch.x & 0xff;
	bytes[10] = patch.x >> 8;
	bytes[11] = patch.y & 0xff;
	bytes[12] = patch.y >> 8;
	return bytes;
}

function concat(parts: Uint8Array[]): Uint8Array {
	const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		result.set(part, offset);
		offset += part.length;
	}

	return result;
}
