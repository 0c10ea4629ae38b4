import {spawn} from 'node:child_process';
import {cleanEnv, cli, root, type Result} from './run.js';

/**
 * Runs `node dist/cli.js ...args` without blocking, so that slow runs (GIF
 * renders) can overlap. `env` is the child's whole environment: by default
 * the test's, minus the variables that change Ink's output and minus NO_COLOR.
 */
export async function runAsync(args: readonly string[], env: NodeJS.ProcessEnv = plainEnv(), timeoutMs = 60_000): Promise<Result> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cli, ...args], {cwd: root, env, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		const timer = setTimeout(() => {
			child.kill();
			reject(new Error(`replica-tui ${args.join(' ')} took longer than ${timeoutMs} ms`));
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', code => {
			clearTimeout(timer);
			resolve({code, stdout, stderr});
		});
	});
}

/** The test's environment without CI, CONTINUOUS_INTEGRATION and NO_COLOR, plus `extra`. */
export function plainEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env = cleanEnv();
	delete env.NO_COLOR;
	return {...env, ...extra};
}
