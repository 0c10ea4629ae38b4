/**
 * A terminal far too small never crashes the app: it says plainly what it needs ("Widen it",
 * "Make it taller") within the width it has, keeps answering keys, and a resize during a run re-lays
 * out the dashboard, in ink-testing-library and in a real pseudo-terminal.
 */
import stringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import {keys, lines, maxLineWidth, press, renderApp, replicaColumns, resize, sleep, waitFor, waitForFrame, type Rendered} from '../ui/helpers.js';
import {cookedMode, startApp} from './pty-app.js';

/** The frame's text with the line breaks and spaces taken out, so a message wrapped at any width can be searched. */
const squashed = (frame: string) => lines(frame).join('').replaceAll(/\s/g, '');

/** Whether the Ink instance has exited (an error in a render makes the error boundary exit it). */
function watch(app: Rendered) {
	let exited: unknown;
	app.waitUntilExit().then(
		() => {
			exited = 'exited';
		},
		(error: unknown) => {
			exited = error;
		},
	);
	return () => exited;
}

/** The width of the columns' top border row (the replica columns' share of the width). */
const borderWidth = (frame: string) => stringWidth(lines(frame).find(line => /^[┌╔╭]/.test(line)) ?? '');

describe('a terminal far too small', () => {
	// The last column: whether the whole sentence fits in rows − 1 lines (a 10×5 terminal cannot hold it, so it is cut with …).
	// Whatever the size, the message keeps to the width and to rows − 1 lines (one line in a 1-row terminal).
	test.each([
		[10, 5, 3, 'Widenit', false],
		[20, 8, 3, 'Widenit', true],
		[3, 2, 3, 'Widenit', false],
		[1, 1, 3, 'Widenit', false],
		[10, 5, 1, 'Widenit', false],
		[30, 30, 3, 'Widenit', true],
		[25, 30, 2, 'Widenit', true],
		[80, 10, 3, 'Makeittaller', true],
		[120, 6, 5, 'Makeittaller', true],
	])('%i×%i with %i replicas says what it needs within the size, and keeps answering keys', async (columns, rows, replicas, needs, whole) => {
		// renderApp waits for a first frame no wider than `columns`.
		const app = await renderApp({columns, rows, replicas});
		const exited = watch(app);
		if (whole) {
			expect(squashed(app.frame())).toContain(needs);
			expect(squashed(app.frame())).toContain('qquit');
		} else {
			expect(app.frame()).toContain('…');
		}

		expect(replicaColumns(app.frame())).toEqual([]);
		expect(lines(app.frame()).length).toBeLessThanOrEqual(Math.max(1, rows - 1));

		await press(app.stdin, 's', 'f', 'x', '?', keys.right, keys.escape, keys.pageDown, 'r', '+', ' ', '\u001B[1;5C', '\u007F', ' ');
		await sleep(20);
		expect(exited()).toBeUndefined();
		expect(maxLineWidth(app.frame())).toBeLessThanOrEqual(columns);
		if (whole) expect(squashed(app.frame())).toContain(needs);
		for (const frame of app.frames.slice(-10)) expect(maxLineWidth(frame)).toBeLessThanOrEqual(columns);

		await press(app.stdin, 'q');
		await waitFor(() => exited() !== undefined, 'q to quit');
		expect(exited()).toBe('exited');
	});

	test('a terminal that reports 0×0 (size unknown) is drawn as 80×24', async () => {
		const app = await renderApp({columns: 100, rows: 30});
		const exited = watch(app);
		resize(app.stdout, 0, 0);
		const frame = await waitForFrame(app.frame, text => borderWidth(text) === 78, 'the 80-column layout');
		expect(maxLineWidth(frame)).toBeLessThanOrEqual(80);
		expect(lines(frame).length).toBe(23);
		expect(replicaColumns(frame)).toHaveLength(3);
		expect(exited()).toBeUndefined();
	});
});

describe('resizing during a run', () => {
	test('120×40 → 30×10 → 120×40 while inputs stream in: the message, then the columns again, never a crash', async () => {
		const app = await renderApp({columns: 120, rows: 40, paused: false, rate: 32});
		const exited = watch(app);
		const index = () => Number(/#(\d+)\s*$/.exec(lines(app.frame())[0] ?? '')?.[1] ?? -1);
		await waitFor(() => index() >= 2, 'inputs to stream in');
		expect(borderWidth(app.frame())).toBe(120);

		resize(app.stdout, 30, 10);
		const small = await waitForFrame(app.frame, text => squashed(text).includes('Widenit') && maxLineWidth(text) <= 30, 'the "too small" message');
		expect(replicaColumns(small)).toEqual([]);
		await sleep(100);
		expect(exited()).toBeUndefined();

		resize(app.stdout, 120, 40);
		const large = await waitForFrame(app.frame, text => replicaColumns(text).length === 3 && borderWidth(text) === 120, 'the 120-column layout');
		expect(lines(large).length).toBe(39);
		expect(maxLineWidth(large)).toBeLessThanOrEqual(120);
		// The run went on while the terminal was small.
		const before = index();
		await waitFor(() => index() > before, 'inputs to keep streaming in');
		expect(exited()).toBeUndefined();
	});

	test('a storm of random resizes, keys in between, settles on the last size', async () => {
		const app = await renderApp({columns: 100, rows: 30, paused: false, rate: 64, replicas: 4});
		const exited = watch(app);
		// A fixed pseudo-random walk, so a failure can be replayed.
		let x = 12_345;
		const next = (below: number) => {
			x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
			return x % below;
		};

		for (let i = 0; i < 40; i++) {
			resize(app.stdout, next(200), next(60));
			if (i % 4 === 0) app.stdin.write(['f', '?', keys.escape, 's', ' '][next(5)]!);
			await sleep(next(3) === 0 ? 5 : 0);
		}

		resize(app.stdout, 100, 30);
		await press(app.stdin, keys.escape);
		const frame = await waitForFrame(app.frame, text => replicaColumns(text).length === 4 && borderWidth(text) === 100, 'the 100×30 layout');
		expect(lines(frame).length).toBeLessThanOrEqual(29);
		expect(maxLineWidth(frame)).toBeLessThanOrEqual(100);
		expect(exited()).toBeUndefined();
	});
});

describe('resizing the real binary in a pseudo-terminal', () => {
	test('80×24 → 30×12 → 100×30: the message, then the dashboard again; the process keeps running and q quits cleanly', async () => {
		const app = startApp(['--paused', '--seed', '7']);
		try {
			await app.waitForOutput('quorum');
			await app.quiet();
			const pid = await app.appPid();

			let mark = app.output().length;
			app.resize(30, 12);
			await app.waitForOutput('Widen', mark);
			expect(app.alive(pid)).toBe(true);

			mark = app.output().length;
			app.resize(100, 30);
			await app.waitForOutput('quorum', mark);
			await sleep(200);
			expect(app.alive(pid)).toBe(true);
			// The screen shows the dashboard at the new width, and the keys still work.
			expect(app.screen()).toContain('quorum');
			expect(app.screen()).not.toContain('Widen');
			app.write('s');
			await app.waitForScreen('PAUSED #1');

			app.write('q');
			const {status, before, after, stty} = await app.finished();
			expect(status).toBe(0);
			expect(cookedMode(stty)).toEqual({icanon: true, echo: true});
			expect(after).toBe(before);
		} finally {
			app.kill();
		}
	});
});
