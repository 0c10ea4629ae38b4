/**
 * The real binary in a pseudo-terminal, for the robustness tests: run through bash so the terminal
 * can be inspected after the app has gone (`stty -a`), with the app's process id at hand for
 * signals, the raw output, and the screen as a terminal would show it (resizable).
 */
import {readFileSync} from 'node:fs';
import {stripVTControlCharacters} from 'node:util';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {cleanEnv, cli, root} from '../e2e/run.js';

export const showCursor = '\u001B[?25h';
export const hideCursor = '\u001B[?25l';

export const sleep = async (ms: number) =>
	new Promise(resolve => {
		setTimeout(resolve, ms);
	});

export async function until(condition: () => boolean, what: string, timeoutMs: number, detail?: () => string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `:\n${detail()}` : ''}`);
		await sleep(20);
	}
}

export type AppInPty = {
	/** Everything written to the terminal, raw. */
	output(): string;
	/** What the app wrote: the output before bash's "EXIT=" line. */
	appOutput(): string;
	/** The visible screen, one line a row. */
	screen(): string;
	/** Waits for `text` in the raw output after position `from` (ANSI codes stripped). */
	waitForOutput(text: string, from?: number, timeoutMs?: number): Promise<void>;
	/** Waits for `text` on the screen: Ink rewrites only the changed part of a row, so a changed row's text is on the screen, not whole in the output. */
	waitForScreen(text: string, timeoutMs?: number): Promise<void>;
	/** Waits until nothing has been written for `ms` (the app has drawn, and its input handler is attached). */
	quiet(ms?: number): Promise<void>;
	/** The node process running dist/cli.js (bash's child). */
	appPid(): Promise<number>;
	write(data: string): void;
	resize(cols: number, rows: number): void;
	/**
	 * Resolves when the app has ended and bash has printed its exit status, the terminal settings before
	 * and after (`stty -g`) and `stty -a`.
	 */
	finished(timeoutMs?: number): Promise<{status: number; before: string; after: string; stty: string}>;
	/** Whether the app process is still alive. */
	alive(pid: number): boolean;
	kill(): void;
};

/**
 * Runs `node dist/cli.js ...args` in the foreground of a bash in a pty (80×24 unless given), without CI
 * variables, with TERM=xterm-256color; when it ends, bash prints "EXIT=<status>" and `stty -a`.
 */
export function startApp(args: readonly string[], {cols = 80, rows = 24, env: extra = {}}: {cols?: number; rows?: number; env?: Record<string, string>} = {}): AppInPty {
	const env = cleanEnv({TERM: 'xterm-256color', ...extra}) as Record<string, string>;
	delete env.NO_COLOR;
	delete env.REPLICA_TUI_TEST_CRASH;
	Object.assign(env, extra);
	const quoted = args.map(arg => `'${arg.replaceAll("'", String.raw`'\''`)}'`).join(' ');
	const script = `echo "BEFORE=$(stty -g)"; "$0" "$1" ${quoted}; echo "EXIT=$?"; echo "AFTER=$(stty -g)"; stty -a; echo STTY-DONE`;
	const terminal = new xterm.Terminal({cols, rows, allowProposedApi: true});
	const child = pty.spawn('bash', ['-c', script, process.execPath, cli], {name: 'xterm-256color', cols, rows, cwd: root, env});
	let output = '';
	child.onData(data => {
		output += data;
		terminal.write(data);
	});
	let ended = false;
	child.onExit(() => {
		ended = true;
	});
	const screen = () => {
		const buffer = terminal.buffer.active;
		return Array.from({length: terminal.rows}, (_, row) => buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '').join('\n');
	};

	/** Between bash's BEFORE= line and its EXIT= line. */
	const appOutput = () => {
		const start = output.indexOf('\n', output.indexOf('BEFORE=')) + 1;
		const end = output.indexOf('EXIT=');
		return output.slice(start, end === -1 ? undefined : end);
	};

	return {
		output: () => output,
		appOutput,
		screen,
		async waitForOutput(text, from = 0, timeoutMs = 15_000) {
			await until(() => stripVTControlCharacters(output.slice(from)).includes(text), JSON.stringify(text), timeoutMs, () => stripVTControlCharacters(output).slice(-2000));
		},
		async waitForScreen(text, timeoutMs = 15_000) {
			await until(() => screen().includes(text), JSON.stringify(text), timeoutMs, screen);
		},
		async quiet(ms = 100) {
			for (let seen = -1; seen !== output.length; ) {
				seen = output.length;
				await sleep(ms);
			}
		},
		async appPid() {
			// Bash's only child is the app (bash runs it in the foreground).
			let pid = 0;
			await until(
				() => {
					try {
						pid = Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
					} catch {
						pid = 0;
					}

					return pid > 0;
				},
				'the app process',
				10_000,
			);
			return pid;
		},
		write: data => {
			child.write(data);
		},
		resize(newCols, newRows) {
			terminal.resize(newCols, newRows);
			child.resize(newCols, newRows);
		},
		async finished(timeoutMs = 15_000) {
			await until(() => output.includes('STTY-DONE') || ended, 'the app to exit and bash to print its status', timeoutMs, () => stripVTControlCharacters(output).slice(-2000));
			const before = /BEFORE=(\S+)/.exec(output);
			const match = /EXIT=(\d+)\r?\nAFTER=(\S+)\r?\n([\s\S]*)STTY-DONE/.exec(output);
			if (!before || !match) throw new Error(`no exit status in the output:\n${stripVTControlCharacters(output).slice(-2000)}`);
			return {status: Number(match[1]), before: before[1]!, after: match[2]!, stty: match[3]!};
		},
		alive(pid) {
			try {
				process.kill(pid, 0);
				return true;
			} catch {
				return false;
			}
		},
		kill() {
			if (!ended) child.kill();
		},
	};
}

/** The terminal is back in cooked mode: `stty -a` shows icanon and echo set (not "-icanon", "-echo"). */
export function cookedMode(stty: string): {icanon: boolean; echo: boolean} {
	const settings = new Set(stty.split(/\s+/));
	return {icanon: settings.has('icanon'), echo: settings.has('echo')};
}

/** The cursor is visible at the end: the last show/hide sequence the app wrote shows it. */
export function cursorShown(output: string): boolean {
	return output.lastIndexOf(showCursor) > output.lastIndexOf(hideCursor);
}
