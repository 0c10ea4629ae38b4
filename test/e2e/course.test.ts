/**
 * replica-tui course, the real binary in a pseudo-terminal: the list, Enter
 * plays, q comes back to the list, q quits, and the terminal is as it was
 * (cursor shown, echo and line editing back on).
 */
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {expect, test} from 'vitest';
import {until} from './pty.js';
import {cleanEnv, cli, root} from './run.js';

const showCursor = '\u001B[?25h';

test('course: Enter plays the chosen scenario, q returns to the list, q quits and gives the terminal back', async () => {
	const env = cleanEnv({TERM: 'xterm-256color'}) as Record<string, string>;
	const terminal = new xterm.Terminal({cols: 80, rows: 24, allowProposedApi: true});
	// A shell runs the course, then prints the terminal's modes as the next program would find them.
	const script = `"$0" "$1" course --pace 20; code=$?; stty -a; echo "course exited $code"`;
	const child = pty.spawn('sh', ['-c', script, process.execPath, cli], {name: 'xterm-256color', cols: 80, rows: 24, cwd: root, env});
	let output = '';
	let screen = '';
	child.onData(data => {
		output += data;
		terminal.write(data, () => {
			const buffer = terminal.buffer.active;
			screen = Array.from({length: 24}, (_, row) => buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '').join('\n');
		});
	});
	const see = async (text: string, what: string) => until(() => screen.includes(text), what, 15_000, () => screen);
	try {
		await see('▸    faulty-machine', 'the course list with faulty-machine chosen');
		child.write('\r');
		await see('model chain · seed 3 · 2 replicas', 'faulty-machine playing');
		await see('q course', 'the hint that q goes back to the course');
		child.write('q');
		await see('replica-tui course', 'the list again');
		child.write('q');
		await until(() => output.includes('course exited'), 'the course to exit', 10_000, () => screen);
	} finally {
		child.kill();
	}

	expect(output).toMatch(/course exited 0/);
	const modes = output.slice(output.lastIndexOf(showCursor));
	// Cooked mode again: line editing and echo on (raw mode had them off).
	expect(modes).toMatch(/(^|\s)icanon(\s|$)/m);
	expect(modes).toMatch(/(^|\s)echo(\s|$)/m);
});
