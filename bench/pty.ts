import {spawn, type IPty} from '@lydell/node-pty';

const env = {...process.env, TERM: 'xterm-256color'} as Record<string, string>;
delete env['CI'];
delete env['CONTINUOUS_INTEGRATION'];

export type Started = {pty: IPty; output: () => string; exited: Promise<number>};

/** Starts a command in a pseudo-terminal of the given size. */
export function startInPty(file: string, args: string[], columns = 120, rows = 40): Started {
	const pty = spawn(file, args, {cols: columns, rows, env, cwd: process.cwd()});
	let output = '';
	pty.onData(data => {
		output += data;
	});
	const exited = new Promise<number>(resolve => {
		pty.onExit(({exitCode}) => {
			resolve(exitCode);
		});
	});
	return {pty, output: () => output, exited};
}

export async function waitFor(started: Started, text: string, timeoutMs = 10_000): Promise<number> {
	const begin = performance.now();
	while (!started.output().includes(text)) {
		if (performance.now() - begin > timeoutMs) throw new Error(`timed out waiting for "${text}"`);
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}

	return performance.now() - begin;
}
