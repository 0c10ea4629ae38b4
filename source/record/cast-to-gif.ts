import type {Cast} from './asciicast.js';
import {gridFrames, type GridOptions} from './terminal-grid.js';
import {createFrameDrawer, type DrawOptions} from './draw-frame.js';
import {GifBuilder, type GifOptions} from './gif.js';

export type CastToGifOptions = DrawOptions & GifOptions & GridOptions;

/** Renders a cast to an animated GIF: replay in a headless terminal, draw each screen, encode. */
export async function castToGif(cast: Cast, options: CastToGifOptions = {}): Promise<Buffer> {
	const drawer = createFrameDrawer(cast.width, cast.height, options);
	const gif = new GifBuilder(drawer.width, drawer.height, options);
	for await (const frame of gridFrames(cast, options)) gif.addFrame(frame.time, drawer.draw(frame.cells));
	return Buffer.from(gif.finish());
}
