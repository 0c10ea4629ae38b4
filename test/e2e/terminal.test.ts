import {spawnSync} from 'node:child_process';
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

	test('a reader that goes away early (| head) ends the run quietly', () => {
		// A shell pipe, since Node's own 'pipe' stdio is a socket, which /dev/stdout cannot be opened on.
		const script = `{ "$0" "$1" --steps 200000 --trace /dev/stdout; echo "exit $?" >&2; } | head -n 1`;
		const result = spawnSync('sh', ['-c', script, process.execPath, cli], {cwd: root, env: cleanEnv(), encoding: 'utf8', timeout: 20_000});
		// The first line is the trace's start line (index 0, before any input).
		expect(JSON.parse(result.stdout)).toMatchObject({kind: 'start', index: 0});
		expect(result.stderr).toBe('exit 0\n');
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
		/** Waits until the app has written nothing for 50 ms. */
		const quiet = async () => {
			for (let seen = -1; seen !== output.length; ) {
				seen = output.length;
				await sleep(50);
			}
		};

		const exited = new Promise<number>(resolve => child.onExit(({exitCode}) => resolve(exitCode)));
		try {
			await until(() => output.includes('PAUSED'), 'PAUSED');
			await quiet();
			// One key at a time, each answered by a new frame: keys that reach the app in one read are lost (see the report).
			for (const key of ['s', 's', '2', 'f', 's', 's', 's']) {
				const before = output.length;
				child.write(key);
				await until(() => output.length > before, `a frame after "${key}"`);
				await quiet();
			}

			await until(() => output.includes('diverged'), '"diverged"');
			child.write('q');
			expect(await exited).toBe(0);
		} finally {
			child.kill();
		}

		// The pty can report the exit before the last bytes are read: give them a moment.
		await until(() => output.endsWith(showCursor), 'the cursor-show sequence', 1000).catch(() => undefined);
		expect(output.slice(-60)).toMatch(/\u001B\[\?25h$/);
		await new Promise<void>(resolve => screen.write('', resolve));
		const buffer = screen.buffer.active;
		const lines = Array.from({length: 24}, (_, row) => buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		// Ink rewrites only the changed part of a row ("#4" after "PAUSED "), so the screen is read, not the raw output.
		expect(lines.join('\n')).toContain('PAUSED #4');
		// R2 skipped input #3, so it is out of line from #3; the same run headless agrees, down to R2's state.
		expect(lines.join('\n')).toMatch(/R2 diverged since #3/);
		const headless = JSON.parse(run(['--seed', '7', '--steps', '4', '--fault', '2:skip@3', '--json']).stdout);
		expect(headless.quorum.flagged).toEqual([{name: 'R2', reason: 'diverged', divergedSince: 3, applied: 4, behind: 0}]);
		const [label, value] = (headless.replicas[1].summary as string).split(' ');
		expect(lines.join('\n')).toMatch(new RegExp(`${label} +${value}`));
	});
});
