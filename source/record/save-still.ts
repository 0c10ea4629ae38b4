import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {cellsToPng, type StillOptions} from './still.js';
import type {Cell} from './terminal-grid.js';

/**
 * Writes the screen as a PNG into `folder`, named `prefix-001.png` or the next
 * free number (an existing file is never overwritten); returns the file's name.
 */
export async function saveStill(cells: Cell[][], folder: string, prefix: string, options: StillOptions = {}): Promise<string> {
	const png = await cellsToPng(cells, options);
	for (let number = 1; ; number++) {
		const name = `${prefix}-${String(number).padStart(3, '0')}.png`;
		try {
			writeFileSync(path.join(folder, name), png, {flag: 'wx'});
			return name;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
	}
}
