import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {stripVTControlCharacters} from 'node:util';
import {afterAll, expect, test} from 'vitest';
import {parseCast} from '../../source/record/asciicast.js';
import {runInPty, until} from './pty.js';

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
	const expected = recorded.replaceAll('\n', '\r\n');
	// What the cast holds is what the terminal was sent (a tty turns \n into \r\n); only the cursor is shown again after it, on exit.
	expect(sent.startsWith(expected)).toBe(true);
	expect(sent.slice(expected.length)).toMatch(/^(\u001B\[\?25h)?$/);
	expect(stripVTControlCharacters(recorded)).toMatch(/PAUSED #2/);
	expect(cast.events.at(-1)![0]).toBeGreaterThan(0);
}, 30_000);

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
