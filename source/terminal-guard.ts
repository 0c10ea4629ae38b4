const showCursor = '\u001B[?25h';

/**
 * Puts the terminal back as it was found (cursor visible, raw mode off). Ink
 * does this when it unmounts; this covers a crash that happens outside it.
 */
export function restoreTerminal(): void {
	if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
	if (process.stdout.isTTY) process.stdout.write(showCursor);
}

/**
 * Keys typed before the dashboard reads them would be echoed by the terminal
 * wherever the cursor is, and the frame drawn after them would be shifted for
 * as long as the app runs. Raw mode (no echo) keeps them in the input buffer,
 * unseen, until the dashboard reads and presses them. Stdin is not read here,
 * so nothing typed is lost; the exit handler gives the terminal back.
 */
export function takeTerminal(): void {
	if (!process.stdin.isTTY || !process.stdout.isTTY || process.stdin.isRaw) return;
	process.stdin.setRawMode(true);
	process.once('exit', () => {
		if (process.stdin.isRaw) process.stdin.setRawMode(false);
	});
}

/** Gives cooked mode back while nothing reads keys for a long time (an etcd cluster starting), so that Ctrl+C still works. */
export function releaseTerminal(): void {
	if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
}

/** Words that mean the command line does not start the dashboard (help, headless runs, scenario tools). */
const notDashboard = new Set(['--help', '--version', '--steps', 'run', 'check', 'record', 'scenarios', 'fuzz']);

/**
 * Whether these arguments start the dashboard (a mode or `play`), read before
 * anything else is loaded. A guess that errs on no: the dashboard takes the
 * terminal again when it starts. etcd is left out: a cluster takes seconds to
 * start, and Ctrl+C must stop it (its scenarios are named etcd-…).
 */
export function startsDashboard(args: readonly string[]): boolean {
	// `course --record DIR` renders GIFs for minutes: Ctrl+C must stop it.
	if (args.includes('course') && args.some(arg => arg === '--record' || arg.startsWith('--record='))) return false;
	return !args.some(arg => notDashboard.has(arg) || arg.startsWith('--steps=') || arg.startsWith('etcd'));
}

/** Test seam: REPLICA_TUI_TEST_CRASH=render|timer makes the dashboard fail on purpose, to prove the terminal is restored. */
export function plannedCrash(): 'render' | 'timer' | undefined {
	const value = process.env['REPLICA_TUI_TEST_CRASH'];
	return value === 'render' || value === 'timer' ? value : undefined;
}
