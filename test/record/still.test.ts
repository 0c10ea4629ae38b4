/** A still is the screen drawn as the GIF draws it: decoded, its pixels are those of the screen's cells, and a different screen gives different pixels. */
import {stripVTControlCharacters} from 'node:util';
import {createCanvas, loadImage} from '@napi-rs/canvas';
import {describe, expect, it} from 'vitest';
import {loadScenario} from '../../source/scenario/bundled.js';
import {scenarioPauseScreens, stillName} from '../../source/record/scenario-stills.js';
import {cellMetrics, drawFrame} from '../../source/record/draw-frame.js';
import {cellsToPng, textToCells} from '../../source/record/still.js';
import type {Cell} from '../../source/record/terminal-grid.js';

async function decode(png: Buffer): Promise<{width: number; height: number; rgba: Uint8ClampedArray}> {
	const image = await loadImage(png);
	const canvas = createCanvas(image.width, image.height);
	const context = canvas.getContext('2d');
	context.drawImage(image, 0, 0);
	return {width: image.width, height: image.height, rgba: context.getImageData(0, 0, image.width, image.height).data};
}

const rowText = (cells: Cell[][]) => cells.map(row => row.map(cell => cell.char).join('').trimEnd());

/** The cells (x, y) whose pixels differ between two frames of the same size. */
function changedCells(a: Uint8ClampedArray, b: Uint8ClampedArray, width: number, fontSize: number): Set<string> {
	const {cellWidth, cellHeight} = cellMetrics(fontSize);
	const changed = new Set<string>();
	for (let i = 0; i < a.length; i += 4) {
		if (a[i] === b[i] && a[i + 1] === b[i + 1] && a[i + 2] === b[i + 2] && a[i + 3] === b[i + 3]) continue;
		const pixel = i / 4;
		changed.add(`${Math.floor((pixel % width) / cellWidth)},${Math.floor(Math.floor(pixel / width) / cellHeight)}`);
	}

	return changed;
}

describe('a screen as a PNG', () => {
	const screen = '\u001B[1mreplica-tui\u001B[22m  \u001B[32m✓ 3 of 3\u001B[39m\n┌─ R1 ●─┐\n│ #12 → 90 │\n└───────┘';

	it('holds the screen\'s text, cell for cell, in the GIF\'s colours and font', async () => {
		const cells = await textToCells(screen, 24, 5);
		expect(rowText(cells)).toEqual([...stripVTControlCharacters(screen).split('\n'), '']);
		const png = await cellsToPng(cells, {fontSize: 16});
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		const decoded = await decode(png);
		const drawn = drawFrame(cells, {fontSize: 16});
		expect([decoded.width, decoded.height]).toEqual([drawn.width, drawn.height]);
		expect(changedCells(decoded.rgba, drawn.rgba, drawn.width, 16).size, 'pixels unlike the GIF frame of the same screen').toBe(0);
	});

	it('differs exactly where the screen differs: one other character, one other cell', async () => {
		const cells = await textToCells(screen, 24, 5);
		const other = await textToCells(screen.replace('#12', '#13'), 24, 5);
		const [a, b] = await Promise.all([cellsToPng(cells, {fontSize: 16}).then(decode), cellsToPng(other, {fontSize: 16}).then(decode)]);
		expect([...changedCells(a.rgba, b.rgba, a.width, 16)]).toEqual(['4,2']);
	});

	it('is the same bytes every time', async () => {
		const cells = await textToCells(screen, 24, 5, {background: 'light'});
		expect((await cellsToPng(cells)).equals(await cellsToPng(await textToCells(screen, 24, 5, {background: 'light'})))).toBe(true);
	});
});

describe('a scenario\'s stills', () => {
	it('are one screen per pause point, each taken under the caption before it', async () => {
		const scenario = loadScenario('sourcing-schema');
		const screens = await scenarioPauseScreens(scenario, {theme: 'dark'});
		const pauses = scenario.steps.filter(step => step.kind === 'pause');
		expect(screens).toHaveLength(pauses.length);
		expect(pauses.length).toBeGreaterThan(1);
		for (const [index, pause] of pauses.entries()) {
			const caption = scenario.steps.findLast(step => step.kind === 'caption' && step.line < pause.line);
			if (caption?.kind !== 'caption') throw new Error(`no caption before the pause on line ${pause.line}`);
			const text = stripVTControlCharacters(screens[index]!).replaceAll(/\s+/g, ' ');
			expect(text, `the still of pause ${index + 1}`).toContain(caption.lines[0]!.split(/\s+/).slice(0, 4).join(' '));
			expect(screens[index]!.split('\n').length).toBeLessThanOrEqual(scenario.rows);
		}
	});

	it('are named by scenario and pause number, sorting in order', () => {
		expect(stillName('raft-figure-8', 3, 15)).toBe('raft-figure-8-03.png');
		expect(stillName('long', 7, 120)).toBe('long-007.png');
	});
});
