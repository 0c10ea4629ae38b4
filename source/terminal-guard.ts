const showCursor = '\u001B[?25h';

/**
 * Puts the terminal back as it was found (cursor visible, raw mode off). Ink
 * does this when it unmounts; this covers a crash that happens outside it.
 */
export function restoreTerminal(): void {
	if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
	if (process.stdout.isTTY) process.stdout.write(showCursor);
}

/** Test seam: REPLICA_TUI_TEST_CRASH=render|timer makes the dashboard fail on purpose, to prove the terminal is restored. */
export function plannedCrash(): 'render' | 'timer' | undefined {
	const value = process.env['REPLICA_TUI_TEST_CRASH'];
	return value === 'render' || value === 'timer' ? value : undefined;
}
