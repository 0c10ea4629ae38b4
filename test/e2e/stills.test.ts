/** Stills for slides: `record NAME --stills DIR` (one PNG per pause point) and P in the live app (the screen, into the current folder). */
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createCanvas, loadImage} from '@napi-rs/canvas';
import {afterAll, describe, expect, test} from 'vitest';
import {cellMetrics, drawFrame} from '../../source/record/draw-frame.js';
import {castToGrids} from '../../source/record/terminal-grid.js';
import {bundledFolder, loadScenario} from '../../source/scenario/bundled.js';
import {runInPty} from './pty.js';
import {runAsync} from './run-async.js';

const folder = mkdtempSync(path.join(tmpdir(), 'replica-tui-stills-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

async function decode(file: string): Promise<{width: number; height: number; rgba: Uint8ClampedArray}> {
	const image = await loadImage(readFileSync(file));
	const context = createCanvas(image.width, image.height).getContext('2d');
	context.drawImage(image, 0, 0);
	return {width: image.width, height: image.height, rgba: context.getImageData(0, 0, image.width, image.height).data};
}

describe('record NAME --stills DIR', () => {
	const name = 'sourcing-schema';
	const scenario = loadScenario(name);
	const pauses = scenario.steps.filter(step => step.kind === 'pause').length;

	test('writes one PNG per pause point, named by scenario and pause number, the same bytes every run', async () => {
		const [a, b] = [path.join(folder, 'a'), path.join(folder, 'new', 'b')];
		const runs = await Promise.all([runAsync(['record', name, '--stills', a]), runAsync(['record', name, '--stills', b])]);
		const expected = Array.from({length: pauses}, (_, index) => `${name}-0${index + 1}.png`);
		for (const [run, dir] of [[runs[0], a], [runs[1], b]] as const) {
			expect(run.stderr).toBe(`recorded ${name}: ${pauses} stills, one per pause point → ${dir} (${expected[0]} … ${expected.at(-1)})\n`);
			expect(run.stdout).toBe('');
			expect(run.code).toBe(0);
			expect(readdirSync(dir).sort()).toEqual(expected);
		}

		// Counted from the file too, not only from the parser: a `pause` line each (the `paused` header is not one).
		expect(readFileSync(path.join(bundledFolder, `${name}.scenario`), 'utf8').match(/^pause\b(?!d)/gm)).toHaveLength(pauses);
		expect(pauses).toBeGreaterThan(1);
		for (const file of expected) expect(readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file))), `${file} twice`).toBe(true);
		// The GIF's font and size: 20 px cells for the scenario's terminal.
		const cell = cellMetrics(20);
		const first = await decode(path.join(a, expected[0]!));
		expect([first.width, first.height]).toEqual([scenario.columns * cell.cellWidth, scenario.rows * cell.cellHeight]);
		expect(readFileSync(path.join(a, expected[0]!)).equals(readFileSync(path.join(a, expected[1]!)))).toBe(false);
	}, 90_000);

	test('a folder that cannot be one gives one plain line and a non-zero exit', async () => {
		const file = path.join(folder, 'a-file');
		writeFileSync(file, '');
		for (const [dir, why] of [[file, 'it is a file'], [path.join(file, 'inside'), 'a part of its path is a file']] as const) {
			const run = await runAsync(['record', name, '--stills', dir]);
			expect(run.stderr).toBe(`replica-tui: cannot write --stills into "${dir}": ${why}\n`);
			expect(run.code).toBe(2);
		}

		// A bad -o alongside is refused before anything is written: no stills folder either.
		const untouched = path.join(folder, 'untouched');
		const badOutput = await runAsync(['record', name, '--stills', untouched, '-o', path.join(folder, 'x.txt')]);
		expect(badOutput.stderr).toMatch(/^replica-tui: -o must name a \.cast or a \.gif file, not "[^"]+x\.txt"\n$/);
		expect(badOutput.code).toBe(2);
		expect(existsSync(untouched)).toBe(false);

		const neither = await runAsync(['record', name]);
		expect(neither.stderr).toBe('replica-tui: "record" needs -o FILE.cast or -o FILE.gif (or --stills DIR)\n');
		expect(neither.code).toBe(2);

		const cast = await runAsync(['record', 'x.cast', '--stills', folder]);
		expect(cast.stderr).toBe('replica-tui: --stills writes a scenario\'s pause points: a cast has none\n');
		expect(cast.code).toBe(2);
		const play = await runAsync(['raft', '--steps', '3', '--stills', folder]);
		expect(play.stderr).toBe('replica-tui: --stills only applies to "record"\n');
		expect(play.code).toBe(2);
	}, 60_000);
});

test('P in the live app saves the screen, as it shows, as a PNG in the current folder, and says where', async () => {
	const cwd = mkdtempSync(path.join(folder, 'live-'));
	const app = runInPty(['--seed', '7', '--paused'], {cwd});
	let screen: string;
	try {
		await app.waitFor('PAUSED #0');
		await app.quiet();
		await app.press('s');
		await app.waitFor('PAUSED #1');
		await app.quiet();
		screen = app.output();
		app.write('P');
		await app.waitFor('saved this screen as ./replica-tui-voting-001.png');
		app.write('P');
		await app.waitFor('saved this screen as ./replica-tui-voting-002.png');
		app.write('q');
		expect(await app.exited).toBe(0);
	} finally {
		app.kill();
	}

	expect(readdirSync(cwd).sort()).toEqual(['replica-tui-voting-001.png', 'replica-tui-voting-002.png']);
	// The still is the screen before P, drawn as the GIF recorder draws it: replay what the terminal got, draw, compare pixel for pixel.
	const cells = (await castToGrids({width: 80, height: 24, events: [[0, 'o', screen]]})).at(-1)!.cells;
	expect(cells.map(row => row.map(cell => cell.char).join('')).join('\n')).toContain('PAUSED #1');
	const drawn = drawFrame(cells, {fontSize: 20});
	const still = await decode(path.join(cwd, 'replica-tui-voting-001.png'));
	expect([still.width, still.height]).toEqual([drawn.width, drawn.height]);
	expect(Buffer.from(still.rgba).equals(Buffer.from(drawn.rgba)), 'the still shows the screen').toBe(true);
	// The second still shows the notice the first one left: a different screen, a different picture.
	expect(Buffer.from((await decode(path.join(cwd, 'replica-tui-voting-002.png'))).rgba).equals(Buffer.from(drawn.rgba))).toBe(false);
	expect(existsSync(path.join(cwd, 'replica-tui-voting-003.png'))).toBe(false);
}, 60_000);
