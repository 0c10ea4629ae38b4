/** q and Ctrl+C quit: the app unmounts, the exit promise resolves, stdin is released, the last frame stays. */
import {describe, expect, test, vi} from 'vitest';
import {header, keys, press, renderApp, sleep, waitFor, type Rendered} from './helpers.js';

async function expectExited(app: Rendered): Promise<void> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<'timeout'>(resolve => {
		timer = setTimeout(() => {
			resolve('timeout');
		}, 2000);
	});
	const outcome = await Promise.race([app.waitUntilExit().then(() => 'exited' as const), timeout]);
	clearTimeout(timer);
	expect(outcome).toBe('exited');
}

describe('quitting', () => {
	test.each([
		['q', 'q'],
		['Ctrl+C', keys.ctrlC],
	])('%s exits: waitUntilExit resolves, raw mode is off, stdin is released', async (_name, key) => {
		const app = await renderApp();
		const setRawMode = vi.spyOn(app.stdin, 'setRawMode');
		expect(app.stdin.listenerCount('readable')).toBeGreaterThan(0);
		await press(app.stdin, key);
		await expectExited(app);
		expect(setRawMode).toHaveBeenCalledWith(false);
		expect(app.stdin.listenerCount('readable')).toBe(0);
	});

	test('after q the last frame stays on screen and later keys do nothing', async () => {
		const app = await renderApp();
		await press(app.stdin, 's');
		await waitFor(() => app.frame().includes('‖ PAUSED #1'), '#1');
		await press(app.stdin, 'q');
		await expectExited(app);
		const frames = app.frames.length;
		// With CI set, Ink writes one bare newline on exit after the last frame; that is not a frame.
		const screen = () => app.frames.findLast(frame => frame.trim() !== '') ?? '';
		expect(header(screen())).toMatch(/‖ PAUSED #1\s*$/);
		expect(screen()).toContain('R3 ● ok');
		await press(app.stdin, 's', ' ');
		await sleep(50);
		expect(app.frames.length).toBe(frames);
		expect(header(screen())).toMatch(/‖ PAUSED #1\s*$/);
	});

	test('q quits while running, and the ticker stops', async () => {
		const app = await renderApp({paused: false, rate: 1000});
		await waitFor(() => app.frame().includes('#3'), 'inputs to stream in');
		await press(app.stdin, 'q');
		await expectExited(app);
		const frames = app.frames.length;
		await sleep(150);
		expect(app.frames.length).toBe(frames);
	});

	test('q in the fault menu closes the menu (a fumbled fault never quits the lecture); the next q quits', async () => {
		const app = await renderApp();
		await press(app.stdin, 'f');
		await waitFor(() => app.frame().includes('fault for R1'), 'the fault menu');
		await press(app.stdin, 'q');
		await waitFor(() => !app.frame().includes('fault for R1') && app.frame().includes('q quit'), 'the menu to close');
		await sleep(50);
		expect(app.frame()).toContain('‖ PAUSED #0');
		await press(app.stdin, 'q');
		await expectExited(app);
	});

	test('Ctrl+C quits from the fault menu, and q from the "too small" message', async () => {
		const menu = await renderApp();
		await press(menu.stdin, 'f', keys.ctrlC);
		await expectExited(menu);

		const small = await renderApp({replicas: 9});
		expect(small.frame()).toContain('q quits');
		await press(small.stdin, 'q');
		await expectExited(small);
	});

	test('q quits from the help', async () => {
		const app = await renderApp();
		await press(app.stdin, '?');
		await waitFor(() => app.frame().includes('close help'), 'the help');
		await press(app.stdin, 'q');
		await expectExited(app);
	});
});
