/**
 * Try to break the real Ink app with raw terminal input: escape sequences (arrows, page keys, a lone
 * Esc, a cut-off SS3, modified keys), Enter, Backspace, Tab, random bytes and several keys in one
 * write, with the fault menu and the help opened in between, some runs paused and some streaming.
 * (Sizes too small for the dashboard are tiny-terminal.test.tsx's business.)
 * After every write the app must still be running, and every frame it drew must fit the terminal:
 * no line wider than its columns, at most rows − 1 lines.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {keys, lines, press, renderApp, sleep, waitFor, type Rendered} from '../ui/helpers.js';

const sequences = [
	'\u001B[A',
	'\u001B[B',
	'\u001B[C',
	'\u001B[D',
	'\u001B[5~',
	'\u001B[6~',
	'\u001B',
	'\u001BO',
	'\u001B[1;5C',
	'\u001B[1;2A',
	'\u001B[3~',
	'\u001B[H',
	'\u001B[F',
	'\u001BOP',
	'\u001B[Z',
	'\u001B\u001B[A',
	'\u001B[',
	'\u001B[999999999999~',
	'\u001B[200~ss f?\u001B[201~',
	'\r',
	'\n',
	'\u007F',
	'\b',
	'\t',
	'\u0000',
	'\u001Bs',
	'\u001Bf',
];
const appKeys = [' ', 's', '.', 'b', ',', 'f', 'r', '+', '=', '-', '_', '?', 'h', 'n', 'c', 'x', 'l', 'o', ...'0123456789'];

/** No write may quit the app: q and Ctrl+C are left for the last test. */
const quits = (chunk: string) => chunk.includes('q') || chunk.includes('\u0003');

const piece = fc.oneof(
	{weight: 5, arbitrary: fc.constantFrom(...sequences)},
	{weight: 5, arbitrary: fc.constantFrom(...appKeys)},
	{weight: 2, arbitrary: fc.constantFrom('f', '?', '2f', '3?')},
	{weight: 2, arbitrary: fc.string({minLength: 2, maxLength: 6, unit: fc.constantFrom(...appKeys)})},
	{weight: 2, arbitrary: fc.uint8Array({minLength: 1, maxLength: 6}).map(bytes => Buffer.from(bytes).toString('latin1'))},
	{weight: 1, arbitrary: fc.string({minLength: 1, maxLength: 4, unit: 'grapheme'})},
);
/** One write: one to three pieces, so an escape sequence may arrive glued to other keys. */
const chunk = fc.array(piece, {minLength: 1, maxLength: 3}).map(parts => parts.join('')).filter(text => !quits(text));

/** One step: a random write, often made just after opening the fault menu or the help (a separate write). */
const step = fc.record({open: fc.constantFrom(undefined, undefined, undefined, 'f', '?'), text: chunk});

/** Sizes where the dashboard fits, so the overlays are on screen (terminals too small for it: tiny-terminal.test.tsx). */
const run = fc.integer({min: 1, max: 5}).chain(replicas =>
	fc.record({
		replicas: fc.constant(replicas),
		model: fc.constantFrom('bank', 'chain', 'kv'),
		columns: fc.integer({min: Math.max(30, replicas * 22), max: 140}),
		rows: fc.integer({min: 20, max: 45}),
		streaming: fc.boolean(),
		steps: fc.array(step, {minLength: 15, maxLength: 30, size: 'max'}),
	}),
);

/** Watches the Ink instance: whether it exited (a render error makes the error boundary exit) and what it printed to stderr. */
function watch(app: Rendered) {
	let exited: unknown = undefined;
	app.waitUntilExit().then(
		() => {
			exited = 'exited';
		},
		(error: unknown) => {
			exited = error;
		},
	);
	return {exited: () => exited};
}

/** Every frame Ink drew since `from` fits `columns`×`rows`; returns how many there were. */
function expectFramesFit(app: Rendered, from: number, columns: number, rows: number, what: string): number {
	const drawn = app.frames.slice(from);
	for (const frame of drawn) {
		const frameLines = lines(frame);
		expect(frameLines.filter(line => stringWidth(line) > columns), `${what}: lines wider than ${columns}`).toEqual([]);
		expect(frameLines.length, `${what}: lines in ${rows} rows`).toBeLessThanOrEqual(rows - 1);
	}

	return drawn.length;
}

describe('fuzzing the real app with raw terminal input', () => {
	it('survives a few hundred random writes, in every overlay, paused and streaming', async () => {
		let writes = 0;
		let frames = 0;
		let inFaultMenu = 0;
		let inHelp = 0;
		await fc.assert(
			fc.asyncProperty(run, async ({replicas, model, columns, rows, streaming, steps}) => {
				const app = await renderApp({replicas, model, columns, rows, paused: !streaming, rate: 64});
				const status = watch(app);
				let checked = app.frames.length;
				try {
					for (const [position, {open, text}] of steps.entries()) {
						const what = `write ${position} ${JSON.stringify(text)}${open ? ` after ${open}` : ''} at ${columns}×${rows}`;
						if (open) {
							app.stdin.write(open);
							await sleep(6);
						}

						if (app.frame().includes('fault for R')) inFaultMenu++;
						if (app.frame().includes('close help')) inHelp++;
						app.stdin.write(text);
						writes++;
						// Let Ink parse it (a pending Esc is flushed on setImmediate) and React commit the result.
						await sleep(6);
						expect(status.exited(), `${what}: the app is still running`).toBeUndefined();
						expect(app.lastFrame(), what).toBeDefined();
						expect(app.frame().trim(), `${what}: something is on screen`).not.toBe('');
						expect(app.stderr.frames, `${what}: nothing on stderr`).toEqual([]);
						frames += expectFramesFit(app, checked, columns, rows, what);
						checked = app.frames.length;
					}
				} finally {
					app.unmount();
					app.cleanup();
				}
			}),
			{numRuns: 20},
		);
		// Not vacuous: hundreds of writes, each drawn, many of them made inside the overlays.
		expect(writes).toBeGreaterThan(350);
		expect(frames).toBeGreaterThan(150);
		expect(inFaultMenu).toBeGreaterThan(30);
		expect(inHelp).toBeGreaterThan(30);
	}, 120_000);

	it.each([
		['q', 'q'],
		['Ctrl+C', keys.ctrlC],
	])('after a burst of raw input, %s still quits cleanly', async (_name, quitKey) => {
		const app = await renderApp({replicas: 3, columns: 80, rows: 24});
		const status = watch(app);
		const burst = ['\u001B', '\u001BO', '\u001B[1;5C', 'ss2f', '\u007F', '\t', '?', '\u001B[6~', '\r', '\u001B[', 'f', 'x', '\u00FF\u0001'];
		for (const text of burst) {
			app.stdin.write(text);
			await sleep(6);
		}

		expect(status.exited()).toBeUndefined();
		await press(app.stdin, quitKey);
		await waitFor(() => status.exited() !== undefined, `${_name} to exit the app`, 2000);
		expect(status.exited()).toBe('exited');
		expect(app.stderr.frames).toEqual([]);
	});
});
