/**
 * However the real binary ends in a terminal (SIGINT, SIGTERM, an uncaught error during a render or
 * in a timer, Ctrl+C), the terminal is left as it was found: the cursor visible, raw mode off (the
 * `stty` settings afterwards equal those before), and an exit status that says what happened.
 * Each case runs `node dist/cli.js` in the foreground of a bash in an 80×24 pty, which prints the
 * app's exit status and the terminal settings once it is gone.
 */
import {constants} from 'node:os';
import {stripVTControlCharacters} from 'node:util';
import {describe, expect, test} from 'vitest';
import {cookedMode, cursorShown, hideCursor, sleep, startApp, until, type AppInPty} from './pty-app.js';

/** Starts the dashboard and waits for its first frame. */
async function started(args: readonly string[], env: Record<string, string> = {}): Promise<AppInPty> {
	const app = startApp(args, {env});
	await app.waitForOutput('quorum');
	if (!args.includes('--rate')) await app.quiet();
	// The first frame is on screen, so raw mode is on and the cursor hidden: the restoring is not vacuous.
	expect(app.output()).toContain(hideCursor);
	return app;
}

/** Asserts the terminal was restored; returns bash's view of the exit status. */
async function expectRestored(app: AppInPty): Promise<number> {
	const {status, before, after, stty} = await app.finished();
	expect(cursorShown(app.appOutput()), 'the cursor is visible again').toBe(true);
	expect(cookedMode(stty), 'raw mode is off').toEqual({icanon: true, echo: true});
	expect(after, 'the terminal settings are as they were before').toBe(before);
	return status;
}

const signalled = (signal: 'SIGINT' | 'SIGTERM') => 128 + constants.signals[signal];

describe('signals', () => {
	test('SIGINT to the paused dashboard: the terminal is restored and the status says SIGINT (130)', async () => {
		const app = await started(['--paused']);
		try {
			process.kill(await app.appPid(), 'SIGINT');
			expect(await expectRestored(app)).toBe(signalled('SIGINT'));
		} finally {
			app.kill();
		}
	});

	test('SIGTERM while inputs stream in: the terminal is restored and the status says SIGTERM (143)', async () => {
		const app = await started(['--rate', '50']);
		try {
			const pid = await app.appPid();
			// Running, not paused: frames keep coming.
			const seen = app.output().length;
			await until(() => app.output().length > seen, 'frames while running', 5000);
			process.kill(pid, 'SIGTERM');
			expect(await expectRestored(app)).toBe(signalled('SIGTERM'));
		} finally {
			app.kill();
		}
	});

	test('the checks can fail: SIGKILL leaves raw mode on and the cursor hidden', async () => {
		// Nothing can restore the terminal after SIGKILL, so this shows the checks above detect a broken terminal.
		const app = await started(['--paused']);
		try {
			process.kill(await app.appPid(), 'SIGKILL');
			const {status, before, after, stty} = await app.finished();
			expect(status).toBe(128 + constants.signals.SIGKILL);
			expect(cursorShown(app.appOutput())).toBe(false);
			expect(cookedMode(stty)).toEqual({icanon: false, echo: false});
			expect(after).not.toBe(before);
		} finally {
			app.kill();
		}
	});
});

describe('an uncaught error', () => {
	test.each(['render', 'timer'])(
		'REPLICA_TUI_TEST_CRASH=%s: exit 1, one "replica-tui: …" line and no stack, the terminal restored',
		async crash => {
			const app = await started(['--paused', '--seed', '7'], {REPLICA_TUI_TEST_CRASH: crash});
			try {
				app.write('s');
				expect(await expectRestored(app)).toBe(1);
				const text = stripVTControlCharacters(app.appOutput());
				const messages = text.split(/\r?\n/).filter(line => line.includes('replica-tui:'));
				expect(messages).toHaveLength(1);
				expect(messages[0]).toMatch(new RegExp(`^replica-tui: .*planned crash.*REPLICA_TUI_TEST_CRASH=${crash}\\)$`));
				expect(text, 'no stack trace').not.toMatch(/^\s+at /m);
				expect(text).not.toMatch(/Error: |\.js:\d+/);
			} finally {
				app.kill();
			}
		},
	);
});

describe('quitting from the keyboard', () => {
	test('Ctrl+C exits 0 with the terminal restored', async () => {
		const app = await started(['--paused']);
		try {
			app.write('s');
			await app.waitForScreen('PAUSED #1');
			await sleep(50);
			app.write('\u0003');
			expect(await expectRestored(app)).toBe(0);
		} finally {
			app.kill();
		}
	});
});
