import {GifReader} from 'omggif';
import {describe, expect, test} from 'vitest';
import type {Cast} from '../../source/record/asciicast.js';
import {castToGif} from '../../source/record/cast-to-gif.js';
import {castToGrids} from '../../source/record/terminal-grid.js';
import {createFrameDrawer} from '../../source/record/draw-frame.js';

const esc = '\u001B[';
const cast: Cast = {
	width: 24,
	height: 5,
	events: [
		[0, 'o', `┌ R1 ${esc}32m●${esc}0m ────────────┐\r\n│ balance 100      │\r\n└──────────────────┘`],
		[0.4, 'o', `${esc}2;11H130`],
		[1.1, 'o', `${esc}1;6H${esc}31m✗ skip${esc}0m `],
	],
};

describe('castToGif', () => {
	test('gives one GIF frame per screen, at the cast size, with delays of at least 2 cs', async () => {
		const reader = new GifReader(await castToGif(cast));
		expect([reader.width, reader.height]).toEqual([24 * 10, 5 * 19]);
		expect(reader.numFrames()).toBe(3);
		const delays = Array.from({length: 3}, (_, i) => reader.frameInfo(i).delay);
		// The last frame holds 4 s, long enough to read before the animation loops.
		expect(delays).toEqual([40, 70, 400]);
		expect(Math.min(...delays)).toBeGreaterThanOrEqual(2);
	});

	test('shows exactly the drawn screens', async () => {
		const reader = new GifReader(await castToGif(cast, {fontSize: 20}));
		const drawer = createFrameDrawer(cast.width, cast.height, {fontSize: 20});
		const screen = new Uint8Array(drawer.width * drawer.height * 4);
		const grids = await castToGrids(cast);
		for (const [i, grid] of grids.entries()) {
			reader.decodeAndBlitFrameRGBA(i, screen);
			expect(Buffer.from(screen).equals(Buffer.from(drawer.draw(grid.cells))), `frame ${i}`).toBe(true);
		}
	});

	test('gives identical bytes for the same cast', async () => {
		const [first, second] = await Promise.all([castToGif(cast), castToGif(cast)]);
		expect(first.equals(second)).toBe(true);
	});
});
