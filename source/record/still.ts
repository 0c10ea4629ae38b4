import {drawFrame, encodePng, type DrawOptions} from './draw-frame.js';
import {framesToCast} from './frames-to-cast.js';
import {castToGrids, type Cell, type GridOptions} from './terminal-grid.js';

export type StillOptions = DrawOptions & Pick<GridOptions, 'background'>;

/** One screen as a PNG, drawn as a GIF frame is (same theme colours, font and line art). */
export async function cellsToPng(cells: Cell[][], options: StillOptions = {}): Promise<Buffer> {
	const {width, height, rgba} = drawFrame(cells, options);
	return encodePng(rgba, width, height);
}

/** A rendered screen (text with colour codes, one line a row) as the cells a terminal of that size would show. */
export async function textToCells(text: string, columns: number, rows: number, options: Pick<GridOptions, 'background'> = {}): Promise<Cell[][]> {
	const grids = await castToGrids(framesToCast([{time: 0, text}], columns, rows), options);
	return grids.at(-1)!.cells;
}
