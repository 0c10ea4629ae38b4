import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import xterm from '@xterm/headless';
import {GifReader} from 'omggif';
import {parseCast} from '../../source/record/asciicast.js';
import {cellMetrics} from '../../source/record/draw-frame.js';
import {runInPty, until} from './pty.js';
import {runAsync} from './run-async.js';

const folder = mkdtempSync(path.join(tmpdir(), 'replica-tui-live-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

test('--record FILE.cast records the live session as the user drives it', async () => {
	const file = path.join(folder, 'live.cast');
	const app = runInPty(['--seed', '7', '--paused', '--record', file]);
	try {
		await app.waitFor('PAUSED #0');
		await app.quiet();
		await app.press('s');
		await app.waitFor('PAUSED #1');
		await app.press('s');
		await app.waitFor('PAUSED #2');
		app.write('q');
		expect(await app.exited).toBe(0);
		// The pty can report the exit before the last bytes are read: give them a moment.
		await until(() => app.output().endsWith('\u001B[?25h'), 'the cursor-show sequence', 1000).catch(() => undefined);
	} finally {
		app.kill();
	}

	const cast = parseCast(readFileSync(file, 'utf8'));
	expect([cast.width, cast.height]).toEqual([80, 24]);
	expect(cast.events.length).toBeGreaterThanOrEqual(1);
	const recorded = cast.events.map(([, , data]) => data).join('');
	expect(recorded).toContain('PAUSED');
	const sent = app.output();
	// What the cast holds is what the terminal showed (newlines as a tty sends them, \r\n); only the cursor is shown again after it, on exit.
	expect(recorded).not.toMatch(/[^\r]\n/);
	expect(sent.startsWith(recorded)).toBe(true);
	expect(sent.slice(recorded.length)).toMatch(/^(\u001B\[\?25h)?$/);
	// Ink rewrites only the changed part of a row ("#2" after "PAUSED "): the recording replayed shows the last frame.
	const replay = new xterm.Terminal({cols: 80, rows: 24, allowProposedApi: true});
	await new Promise<void>(resolve => {
		replay.write(recorded, resolve);
	});
	const buffer = replay.buffer.active;
	expect(Array.from({length: 24}, (_, row) => buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '').join('\n')).toMatch(/PAUSED #2/);
	replay.dispose();
	expect(cast.events.at(-1)![0]).toBeGreaterThan(0);

	// `record FILE.cast -o FILE.gif` turns the live recording into a GIF of the same size, showing the last screen.
	const gif = path.join(folder, 'live.gif');
	const converted = await runAsync(['record', file, '-o', gif]);
	expect(converted.stderr).toMatch(/^converted .*live\.cast: \d+ frames, [\d.]+ s, \d+ bytes → .*live\.gif\n$/);
	expect(converted.code).toBe(0);
	const reader = new GifReader(readFileSync(gif));
	const cell = cellMetrics(20);
	expect([reader.width, reader.height]).toEqual([80 * cell.cellWidth, 24 * cell.cellHeight]);
	expect(reader.numFrames()).toBeGreaterThanOrEqual(2);
	// The last frame is held long enough to read before the loop.
	expect(reader.frameInfo(reader.numFrames() - 1).delay).toBeGreaterThanOrEqual(400);
	// And the same cast gives the same GIF.
	const again = path.join(folder, 'live-again.gif');
	expect((await runAsync(['record', file, '-o', again])).code).toBe(0);
	expect(readFileSync(again).equals(readFileSync(gif))).toBe(true);
}, 60_000);

test('record FILE.cast refuses what does not apply to a cast, and what is not a cast, in one line', async () => {
	const notCast = path.join(folder, 'notes.cast');
	writeFileSync(notCast, 'these are my lecture notes\n');
	const good = path.join(folder, 'good.cast');
	writeFileSync(good, '{"version":2,"width":20,"height":5}\n[0.1,"o","hello"]\n');
	const cases: Array<[string[], RegExp]> = [
		[['record', notCast, '-o', path.join(folder, 'n.gif')], /"[^"]*notes\.cast" is not an asciicast v2 file: cast line 1 is not valid JSON/],
		[['record', path.join(folder, 'missing.cast'), '-o', path.join(folder, 'm.gif')], /no such file "[^"]*missing\.cast"/],
		[['record', good, '-o', path.join(folder, 'g.cast')], /a cast can only be turned into a \.gif/],
		[['record', good, '-o', path.join(folder, 's.gif'), '--size', '100x30'], /--size does not apply to a cast/],
		[['record', good], /"record" needs -o FILE\.cast or -o FILE\.gif/],
	];
	for (const [args, message] of cases) {
		const result = await runAsync(args);
		expect(result.stderr, args.join(' ')).toMatch(/^replica-tui: [^\n]+\n$/);
		expect(result.stderr, args.join(' ')).toMatch(message);
		expect(result.code, args.join(' ')).toBe(2);
	}

	expect(existsSync(path.join(folder, 'n.gif'))).toBe(false);
	expect(existsSync(path.join(folder, 'g.cast'))).toBe(false);
	const fine = await runAsync(['record', good, '-o', path.join(folder, 'good.gif'), '--font-size', '12']);
	expect(fine.code, fine.stderr).toBe(0);
}, 60_000);

test('--record into a folder that does not exist exits 2 with one line, before drawing anything', async () => {
	const app = runInPty(['--seed', '7', '--record', '/nonexistent/dir/x.cast']);
	try {
		expect(await app.exited).toBe(2);
		await until(() => app.output().length > 0, 'the error line', 1000).catch(() => undefined);
	} finally {
		app.kill();
	}

	expect(app.output()).toMatch(/^replica-tui: cannot write --record file "\/nonexistent\/dir\/x\.cast": its folder does not exist\r?\n$/);
	expect(existsSync('/nonexistent/dir/x.cast')).toBe(false);
});
