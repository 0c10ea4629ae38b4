import {spawn} from 'node:child_process';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {describe, expect, test} from 'vitest';
import {cleanEnv, cli, root, run} from './run.js';

const showCursor = '\u001B[?25h';
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(20);
	}
}

describe('not a terminal', () => {
	test('the dashboard with stdin and stdout piped says it needs a terminal and exits 2', () => {
		const {code, stdout, stderr} = run(['--seed', '7']);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/^replica-tui: [^\n]*needs a terminal[^\n]*\n$/);
	});

	test('headless mode works with stdin and stdout piped', () => {
		const {code, stdout, stderr} = run(['--steps', '10', '--json'], {input: 'ignored\n'});
		expect(code).toBe(0);
		expect(stderr).toBe('');
		expect(JSON.parse(stdout).inputs).toBe(10);
	});

	test('a reader that goes away early (| head) ends the run quietly', async () => {
		const child = spawn(process.execPath, [cli, '--steps', '200000', '--trace', '/dev/stdout'], {cwd: root, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe']});
		let stderr = '';
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		child.stdout.once('data', () => child.stdout.destroy());
		const code = await new Promise<number | null>(resolve => child.on('close', resolve));
		expect(stderr).toBe('');
		expect(code).toBe(0);
	});
});

describe('the interactive dashboard in a pseudo-terminal', () => {
	test('--seed 7 --paused, s s 2 f s s s flags R2; q exits 0 and restores the cursor', async () => {
		const env = cleanEnv({TERM: 'xterm-256color'}) as Record<string, string>;
		const screen = new xterm.Terminal({cols: 80, rows: 24, allowProposedApi: true});
		const child = pty.spawn(process.execPath, [cli, '--seed', '7', '--paused'], {name: 'xterm-256color', cols: 80, rows: 24, cwd: root, env});
		let output = '';
		child.onData(data => {
			output += data;
			screen.write(data);
		});
		const exited = new Promise<number>(resolve => child.onExit(({exitCode}) => resolve(exitCode)));
		try {
			await until(() => output.includes('PAUSED'), 'PAUSED');
			for (const key of ['s', 's', '2', 'f', 's', 's', 's']) {
				child.write(key);
				await sleep(60);
			}

			await until(() => output.includes('diverged'), '"diverged"');
			child.write('q');
			expect(await exited).toBe(0);
		} finally {
			child.kill();
		}

		expect(output.endsWith(showCursor)).toBe(true);
		await new Promise<void>(resolve => screen.write('', resolve));
		const buffer = screen.buffer.active;
		const lines = Array.from({length: 24}, (_, row) => buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		// Skipped input #3, so R2 is out of line from #3; the same run headless agrees.
		expect(lines.join('\n')).toMatch(/R2 diverged at #3/);
		const headless = JSON.parse(run(['--seed', '7', '--steps', '4', '--fault', '2:skip@3', '--json']).stdout);
		expect(headless.quorum.flagged).toEqual([{name: 'R2', reason: 'diverged', at: 3}]);
		expect(lines.join('\n')).toContain(headless.replicas[1].summary);
	});
});
