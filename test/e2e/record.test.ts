import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {stripVTControlCharacters} from 'node:util';
import {GifReader} from 'omggif';
import {afterAll, describe, expect, test} from 'vitest';
import {parseCast, type Cast} from '../../source/record/asciicast.js';
import {cellMetrics} from '../../source/record/draw-frame.js';
import {bundledNames, loadScenario, simulatedBundledNames} from '../../source/scenario/bundled.js';
import {run} from './run.js';
import {plainEnv, runAsync} from './run-async.js';

const folder = mkdtempSync(path.join(tmpdir(), 'replica-tui-record-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

const names = simulatedBundledNames();
/** GIFs are drawn at 20 px by default: readable from the back of a lecture hall. */
const cell = cellMetrics(20);
const renderTimeout = 90_000;

/**
 * Every scenario's recording is the same on every run (test/scenario/playback.test.ts compares the frames of each):
 * these few, one or more a mode, are also recorded twice here, the second time with CI=true, to the same bytes.
 */
const recordedTwice = new Set(['majority-vote', 'too-many-faults', 'raft-figure-8', 'raft-replication', 'order-consensus-survives', 'sourcing-code-upgrade']);

/**
 * The GIF is drawn from the cast, whatever the mode: these cover every mode, every scenario size and the glyphs
 * drawn in code (ⓘ, box drawing); `npm run demo`'s two GIFs are checked byte for byte in demo-gif.test.ts.
 */
const gifNames = ['majority-vote', 'too-many-faults', 'raft-figure-7', 'raft-figure-8', 'raft-replication', 'order-consensus-survives', 'sourcing-code-upgrade', 'order-lamport-waits'];

function checkRecorded(name: string, result: {code: number | null; stdout: string; stderr: string}, out: string): void {
	expect(result.code, result.stderr).toBe(0);
	expect(result.stderr).toMatch(new RegExp(`^recorded ${name}: \\d+ frames, [\\d.]+ s, \\d+ bytes → .*\\n$`));
	expect(result.stdout).toBe('');
	expect(Number(/(\d+) bytes/.exec(result.stderr)![1]), 'the size reported').toBe(readFileSync(out).length);
}

/** Records `name` to `file` (for the sampled scenarios, twice at once, the second time with CI=true, to identical bytes). */
async function record(name: string, file: string): Promise<Buffer> {
	if (!recordedTwice.has(name)) {
		const result = await runAsync(['record', name, '-o', file]);
		checkRecorded(name, result, file);
		return readFileSync(file);
	}

	const second = file.replace(/\.(\w+)$/, '.again.$1');
	const [a, b] = await Promise.all([
		runAsync(['record', name, '-o', file]),
		runAsync(['record', name, '-o', second], plainEnv({CI: 'true'})),
	]);
	checkRecorded(name, a, file);
	checkRecorded(name, b, second);
	const bytes = readFileSync(file);
	expect(bytes.equals(readFileSync(second)), 'a second run (with CI=true) gives the same bytes').toBe(true);
	return bytes;
}

function checkCast(cast: Cast, columns: number, rows: number): void {
	expect([cast.width, cast.height]).toEqual([columns, rows]);
	expect(cast.events.length).toBeGreaterThanOrEqual(2);
	expect(cast.events[0]![0]).toBe(0);
	for (const [i, [time]] of cast.events.entries()) if (i > 0) expect(time).toBeGreaterThanOrEqual(cast.events[i - 1]![0]);
}

function checkGif(bytes: Buffer, columns: number, rows: number, metrics = cell): GifReader {
	const reader = new GifReader(bytes);
	expect([reader.width, reader.height]).toEqual([columns * metrics.cellWidth, rows * metrics.cellHeight]);
	expect(reader.numFrames()).toBeGreaterThanOrEqual(2);
	// Every frame decodes, and no delay is below what browsers honour (2 cs).
	const pixels = new Uint8Array(reader.width * reader.height * 4);
	for (let i = 0; i < reader.numFrames(); i++) {
		reader.decodeAndBlitFrameRGBA(i, pixels);
		expect(reader.frameInfo(i).delay).toBeGreaterThanOrEqual(2);
	}

	return reader;
}

describe('record every bundled scenario', () => {
	test('the scenarios recorded twice are bundled ones', () => {
		expect(names).toEqual(expect.arrayContaining([...recordedTwice, ...gifNames]));
	});

	test.each(names)('%s → .cast: a valid asciicast at the scenario size (sampled: the same bytes twice)', async name => {
		const scenario = loadScenario(name);
		const bytes = await record(name, path.join(folder, `${name}.cast`));
		const cast = parseCast(bytes.toString('utf8'));
		checkCast(cast, scenario.columns, scenario.rows);
		// The cast shows the scenario: its first caption is on screen.
		const firstCaption = scenario.steps.find(step => step.kind === 'caption' && step.lines.length > 0);
		const shown = stripVTControlCharacters(cast.events.map(([, , data]) => data).join(''));
		expect(firstCaption?.kind === 'caption' && shown.includes(firstCaption.lines[0]!)).toBe(true);
	}, renderTimeout);

	test.each(gifNames)('%s → .gif: decodes at columns × cell width by rows × cell height, ≥ 2 frames (sampled: the same bytes twice)', async name => {
		const scenario = loadScenario(name);
		const bytes = await record(name, path.join(folder, `${name}.gif`));
		expect(bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
		checkGif(bytes, scenario.columns, scenario.rows);
	}, renderTimeout);
});

describe('record options', () => {
	test('--size 100x30 changes the cast header and the GIF size; --font-size 16 the cell size', async () => {
		const castFile = path.join(folder, 'sized.cast');
		const gifFile = path.join(folder, 'sized.gif');
		const fontFile = path.join(folder, 'font.gif');
		const results = await Promise.all([
			runAsync(['record', 'majority-vote', '-o', castFile, '--size', '100x30']),
			runAsync(['record', 'majority-vote', '-o', gifFile, '--size', '100x30']),
			runAsync(['record', 'two-disagree', '-o', fontFile, '--font-size', '16']),
		]);
		for (const result of results) expect(result.code, result.stderr).toBe(0);
		checkCast(parseCast(readFileSync(castFile, 'utf8')), 100, 30);
		checkGif(readFileSync(gifFile), 100, 30);
		const small = cellMetrics(16);
		expect(small.cellWidth).toBeLessThan(cell.cellWidth);
		checkGif(readFileSync(fontFile), 80, 24, small);
	}, renderTimeout);

	test('colour follows NO_COLOR, not the terminal: NO_COLOR gives a cast without colour; TERM=dumb FORCE_COLOR=0 still gives colour', async () => {
		const plain = path.join(folder, 'no-color.cast');
		const coloured = path.join(folder, 'color.cast');
		const results = await Promise.all([
			runAsync(['record', 'two-disagree', '-o', plain], plainEnv({NO_COLOR: '1'})),
			runAsync(['record', 'two-disagree', '-o', coloured], plainEnv({TERM: 'dumb', FORCE_COLOR: '0'})),
		]);
		for (const result of results) expect(result.code, result.stderr).toBe(0);
		const data = (file: string) => parseCast(readFileSync(file, 'utf8')).events.map(([, , text]) => text).join('');
		expect(data(plain)).toContain('quorum');
		expect(data(plain)).not.toMatch(/\u001B\[[\d;]*m/);
		expect(data(coloured)).toMatch(/\u001B\[[\d;]*m/);
	});
});

describe('record --theme', () => {
	/** The brightness (0–765) of the GIF's first frame at its top-left pixel: the background. */
	const background = (file: string) => {
		const reader = new GifReader(readFileSync(file));
		const pixels = new Uint8Array(reader.width * reader.height * 4);
		reader.decodeAndBlitFrameRGBA(0, pixels);
		return pixels[0]! + pixels[1]! + pixels[2]!;
	};

	test('light draws on a light background, dark and high-contrast on a dark one; a cast carries the theme’s colours', async () => {
		const files = Object.fromEntries(['dark', 'light', 'high-contrast'].map(theme => [theme, path.join(folder, `theme-${theme}.gif`)]));
		const casts = Object.fromEntries(['dark', 'light'].map(theme => [theme, path.join(folder, `theme-${theme}.cast`)]));
		const results = await Promise.all([
			...Object.entries(files).map(async ([theme, file]) => runAsync(['record', 'two-disagree', '-o', file, '--theme', theme])),
			...Object.entries(casts).map(async ([theme, file]) => runAsync(['record', 'two-disagree', '-o', file, '--theme', theme])),
		]);
		for (const result of results) expect(result.code, result.stderr).toBe(0);
		expect(background(files['light']!)).toBeGreaterThan(600);
		expect(background(files['dark']!)).toBeLessThan(200);
		expect(background(files['high-contrast']!)).toBeLessThan(200);
		const data = (file: string) => parseCast(readFileSync(file, 'utf8')).events.map(([, , text]) => text).join('');
		expect(stripVTControlCharacters(data(casts['light']!))).toBe(stripVTControlCharacters(data(casts['dark']!)));
		expect(data(casts['light']!)).not.toBe(data(casts['dark']!));
	}, renderTimeout);

	test('an unknown theme is refused in one line', () => {
		const {code, stderr} = run(['record', 'two-disagree', '-o', path.join(folder, 'x.gif'), '--theme', 'sepia']);
		expect(stderr).toMatch(/^replica-tui: unknown --theme "sepia": choose one of dark, light, high-contrast\n$/);
		expect(code).toBe(2);
	});
});

describe('bad record command lines exit 2 with one line on stderr and write nothing', () => {
	const broken = path.join(folder, 'broken.scenario');
	writeFileSync(broken, 'description A broken one\nmodel bank\nwait 1s\nfrobnicate 3\n');
	const bad = path.join(folder, 'bad');
	mkdirSync(bad);
	const out = (file: string) => path.join(bad, file);

	test.each<[string, string[], RegExp]>([
		['an unknown scenario', ['record', 'no-such-scenario', '-o', out('a.cast')], /no scenario named "no-such-scenario"/],
		['a broken scenario file', ['record', broken, '-o', out('a.cast')], /broken\.scenario:4: unknown directive "frobnicate"/],
		['-o x.txt', ['record', 'majority-vote', '-o', out('x.txt')], /-o must name a \.cast or a \.gif file/],
		['no -o', ['record', 'majority-vote'], /"record" needs -o FILE\.cast or -o FILE\.gif/],
		['an unwritable -o path', ['record', 'majority-vote', '-o', '/nonexistent/dir/x.gif'], /\/nonexistent\/dir\/x\.gif.*folder does not exist/],
		['--size 80', ['record', 'majority-vote', '-o', out('a.cast'), '--size', '80'], /--size must be COLUMNSxROWS/],
		['--size 10x5', ['record', 'majority-vote', '-o', out('a.cast'), '--size', '10x5'], /--size .*"10x5"/],
		['--font-size 3', ['record', 'majority-vote', '-o', out('a.gif'), '--font-size', '3'], /--font-size .*"3"/],
		['--font-size big', ['record', 'majority-vote', '-o', out('a.gif'), '--font-size', 'big'], /--font-size .*"big"/],
		['--replicas', ['record', 'majority-vote', '-o', out('a.cast'), '--replicas', '5'], /--replicas does not apply to "record"/],
		['--seed', ['record', 'majority-vote', '-o', out('a.cast'), '--seed', '3'], /--seed does not apply/],
		['--paused', ['record', 'majority-vote', '-o', out('a.cast'), '--paused'], /--paused does not apply/],
		['--fault', ['record', 'majority-vote', '-o', out('a.cast'), '--fault', '2:skip'], /--fault does not apply/],
		['--record with record', ['record', 'majority-vote', '-o', out('a.cast'), '--record', out('b.cast')], /--record .*does not apply to "record"/],
		['two scenarios', ['record', 'majority-vote', 'two-disagree', '-o', out('a.cast')], /needs one scenario/],
	])('%s', (_what, args, mentions) => {
		const {code, stdout, stderr} = run(args);
		expect(stderr).toMatch(/^replica-tui: [^\n]+\n$/);
		expect(stderr).toMatch(mentions);
		expect(stdout).toBe('');
		expect(code).toBe(2);
		expect(readdirSync(bad), 'nothing written').toEqual([]);
	});
});

test('replica-tui scenarios prints at least six lines, one per scenario', () => {
	const {code, stdout, stderr} = run(['scenarios']);
	expect(code).toBe(0);
	expect(stderr).toBe('');
	const lines = stdout.trimEnd().split('\n');
	expect(lines.length).toBeGreaterThanOrEqual(6);
	expect(lines.map(line => line.split(/\s+/)[0])).toEqual(bundledNames());
});
