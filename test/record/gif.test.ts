import {GifReader} from 'omggif';
import {describe, expect, test} from 'vitest';
import {encodeGif, type RgbaFrame} from '../../source/record/gif.js';

const width = 40;
const height = 30;

/** A frame filled with one colour plus a rectangle of another. */
function frame(time: number, background: number[], rect?: {x: number; y: number; w: number; h: number; color: number[]}): RgbaFrame {
	const rgba = new Uint8Array(width * height * 4);
	for (let i = 0; i < width * height; i++) rgba.set([...background, 255], i * 4);
	if (rect) {
		for (let y = rect.y; y < rect.y + rect.h; y++) {
			for (let x = rect.x; x < rect.x + rect.w; x++) rgba.set([...rect.color, 255], ((y * width) + x) * 4);
		}
	}

	return {time, rgba};
}

/** Every frame as the viewer shows it (frames blitted over the previous ones), plus the frame infos. */
function decode(bytes: Uint8Array) {
	const reader = new GifReader(bytes);
	const canvas = new Uint8Array(reader.width * reader.height * 4);
	const screens: Uint8Array[] = [];
	const infos = [];
	for (let i = 0; i < reader.numFrames(); i++) {
		reader.decodeAndBlitFrameRGBA(i, canvas);
		screens.push(canvas.slice());
		infos.push(reader.frameInfo(i));
	}

	return {reader, screens, infos};
}

describe('gif', () => {
	const frames = [
		frame(0, [30, 30, 46]),
		frame(0.5, [30, 30, 46], {x: 5, y: 6, w: 10, h: 4, color: [255, 107, 107]}),
		frame(1.25, [30, 30, 46], {x: 20, y: 20, w: 3, h: 3, color: [95, 215, 107]}),
	];

	test('decodes to exactly the frames given, with delays from the frame times', () => {
		const {reader, screens, infos} = decode(encodeGif(frames, width, height));
		expect([reader.width, reader.height, reader.numFrames(), reader.loopCount()]).toEqual([width, height, 3, 0]);
		// The last frame holds 4 s by default.
		expect(infos.map(info => info.delay)).toEqual([50, 75, 400]);
		screens.forEach((screen, i) => {
			expect(Buffer.from(screen).equals(Buffer.from(frames[i].rgba)), `frame ${i}`).toBe(true);
		});
	});

	test('crops later frames to the changed region', () => {
		const {infos} = decode(encodeGif(frames, width, height));
		expect(infos.map(({x, y, width, height}) => ({x, y, width, height}))).toEqual([
			{x: 0, y: 0, width, height},
			{x: 5, y: 6, width: 10, height: 4},
			// The red rectangle goes back to the background and a green one appears.
			{x: 5, y: 6, width: 18, height: 17},
		]);
	});

	test('keeps delays at 20 ms or more and honours the last-frame hold', () => {
		const close = [frame(0, [0, 0, 0]), frame(0.001, [9, 9, 9]), frame(0.002, [0, 0, 0])];
		const {infos} = decode(encodeGif(close, width, height, {holdLastMs: 3000}));
		expect(infos.map(info => info.delay)).toEqual([2, 2, 300]);
	});

	test('a frame identical to the previous one only extends it', () => {
		const same = [frames[0], {...frames[0], time: 0.3}, frames[1]];
		const {infos} = decode(encodeGif(same, width, height));
		expect(infos.map(info => info.delay)).toEqual([50, 400]);
	});

	test('falls back to a quantized palette beyond 255 colours', () => {
		const rgba = new Uint8Array(width * height * 4);
		for (let i = 0; i < width * height; i++) rgba.set([i % 256, Math.floor(i / 4) % 256, 128, 255], i * 4);
		const {screens} = decode(encodeGif([{time: 0, rgba}], width, height));
		let maxError = 0;
		for (let i = 0; i < rgba.length; i++) maxError = Math.max(maxError, Math.abs(screens[0][i] - rgba[i]));
		expect(maxError).toBeLessThan(48);
	});

	test('is byte-for-byte reproducible', () => {
		expect(Buffer.from(encodeGif(frames, width, height)).equals(Buffer.from(encodeGif(frames, width, height)))).toBe(true);
	});

	test('rejects bad input', () => {
		expect(() => encodeGif([], width, height)).toThrow(/at least one frame/);
		expect(() => encodeGif([frame(0, [0, 0, 0])], width + 1, height)).toThrow(/expected/);
		expect(() => encodeGif([frame(1, [0, 0, 0]), frame(0, [1, 1, 1])], width, height)).toThrow(/must not decrease/);
	});
});
