import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {cleanEnv, cli, root} from './run.js';

export const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Polls until `condition` holds; throws with `what` (and the screen, if given) after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000, screen?: () => string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${screen ? `; the screen:\n${screen()}` : ''}`);
		await sleep(20);
	}
}

export type PtyRun = {
	/** Everything the program wrote, raw. */
	output(): string;
	/** The 80×24 (or given) screen as text, one line a row. */
	screen(): string;
	/** Waits until the screen shows `text`. */
	waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
	/** Waits until the program has written nothing for 100 ms. */
	quiet(): Promise<void>;
	/** Sends one key and waits for the frame it causes. */
	press(key: string): Promise<void>;
	write(data: string): void;
	/** Writes straight onto the screen, as another program sharing the terminal would (the app does not see it). */
	scribble(data: string): Promise<void>;
	exited: Promise<number>;
	kill(): void;
};

/** Runs `node dist/cli.js ...args` in a pseudo-terminal, as a user would, without CI variables and with TERM=xterm-256color. */
export function runInPty(args: readonly string[], {cols = 80, rows = 24, cwd = root} = {}): PtyRun {
	const env = cleanEnv({TERM: 'xterm-256color'}) as Record<string, string>;
	delete env.NO_COLOR;
	const terminal = new xterm.Terminal({cols, rows, allowProposedApi: true});
	const child = pty.spawn(process.execPath, [cli, ...args], {name: 'xterm-256color', cols, rows, cwd, env});
	let output = '';
	let shown = '';
	const show = () => {
		const buffer = terminal.buffer.active;
		shown = Array.from({length: rows}, (_, row) => buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '').join('\n');
	};
	child.onData(data => {
		output += data;
		terminal.write(data, show);
	});
	const exited = new Promise<number>(resolve => child.onExit(({exitCode}) => resolve(exitCode)));
	const quiet = async () => {
		for (let seen = -1; seen !== output.length; ) {
			seen = output.length;
			await sleep(100);
		}
	};

	return {
		output: () => output,
		screen: () => shown,
		async waitFor(text, timeoutMs = 10_000) {
			const matches = () => (typeof text === 'string' ? shown.includes(text) : text.test(shown));
			await until(matches, `${String(text)} on screen`, timeoutMs, () => shown);
		},
		quiet,
		async press(key) {
			const before = output.length;
			child.write(key);
			await until(() => output.length > before, `a frame after ${JSON.stringify(key)}`, 10_000, () => shown);
			await quiet();
		},
		write: data => child.write(data),
		scribble: async data => new Promise(resolve => {
			terminal.write(data, () => {
				show();
				resolve();
			});
		}),
		exited,
		kill: () => child.kill(),
	};
}
