/**
 * A --trace, --record or -o target that cannot be written is refused up front: exit status 2 and one
 * clear line on stderr, before any input runs or anything is drawn.
 */
import {existsSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {stripVTControlCharacters} from 'node:util';
import {afterAll, describe, expect, test} from 'vitest';
import {run} from '../e2e/run.js';
import {cookedMode, startApp} from './pty-app.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'replica-tui-unwritable-'));
afterAll(() => {
	rmSync(scratch, {recursive: true, force: true});
});

const missing = '/nonexistent-replica-tui/x';

/** Exactly one line on stderr: "replica-tui: " and the message. */
const oneLine = (message: RegExp) => new RegExp(`^replica-tui: ${message.source}\\n$`);

describe('headless --trace', () => {
	test('a file in a folder that does not exist: exit 2, one line, nothing on stdout', () => {
		const result = run(['--steps', '5', '--trace', `${missing}.jsonl`]);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(oneLine(/cannot write --trace file "\/nonexistent-replica-tui\/x\.jsonl": its folder does not exist/));
	});

	test('a folder: exit 2, one line, refused before running (a billion steps would take minutes)', () => {
		const result = run(['--steps', '1000000000', '--trace', scratch], {timeout: 10_000});
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(oneLine(/cannot write --trace file ".*": it is a folder/));
	});

	test('a device that fails on write (/dev/full) cannot be refused up front, but still ends in one line and a non-zero status', () => {
		const result = run(['--steps', '5', '--trace', '/dev/full']);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(oneLine(/.*(ENOSPC|no space).*/));
	});
});

describe('record -o', () => {
	test('a .gif in a folder that does not exist: exit 2, one line, nothing recorded', () => {
		const result = run(['record', 'majority-vote', '-o', `${missing}.gif`]);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(oneLine(/cannot write --output file "\/nonexistent-replica-tui\/x\.gif": its folder does not exist/));
	});

	test('a folder named like a .cast: exit 2, one line, the folder untouched', () => {
		const folder = path.join(scratch, 'demo.cast');
		mkdirSync(folder);
		const result = run(['record', 'majority-vote', '-o', folder]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(oneLine(/cannot write --output file ".*demo\.cast": it is a folder/));
		expect(existsSync(folder)).toBe(true);
	});
});

describe('--record in a terminal', () => {
	test.each([
		['the dashboard, a folder that does not exist', ['--record', `${missing}.cast`], /cannot write --record file "\/nonexistent-replica-tui\/x\.cast": its folder does not exist/],
		['play, a folder that does not exist', ['play', 'majority-vote', '--record', `${missing}.cast`], /cannot write --record file ".*": its folder does not exist/],
		['the dashboard, a folder', ['--record', path.join(scratch, 'live.cast')], /cannot write --record file ".*live\.cast": it is a folder/],
	])('%s: exit 2 with one line before anything is drawn', async (_name, args, message) => {
		mkdirSync(path.join(scratch, 'live.cast'), {recursive: true});
		const app = startApp(args);
		try {
			const {status, before, after, stty} = await app.finished();
			expect(status).toBe(2);
			const text = stripVTControlCharacters(app.appOutput());
			// The pty turns \n into \r\n.
			expect(text).toMatch(new RegExp(`^replica-tui: ${message.source}\\r\\n$`));
			expect(text).not.toContain('quorum');
			// Not even a cursor movement or a hidden cursor: nothing was drawn.
			expect(app.appOutput()).toBe(text);
			expect(cookedMode(stty)).toEqual({icanon: true, echo: true});
			expect(after).toBe(before);
		} finally {
			app.kill();
		}
	});
});
