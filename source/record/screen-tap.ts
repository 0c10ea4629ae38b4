import xterm from '@xterm/headless';
import {terminalCells, type Cell, type GridOptions} from './terminal-grid.js';

// @xterm/headless is CommonJS without named ESM exports.
const {Terminal} = xterm;

export type ScreenTap = {
	/**
	 * The screen as it stands `settleMs` from now (default 100: three frames at
	 * Ink's 30 fps), so that keys pressed just before are on it.
	 */
	cells(settleMs?: number): Promise<Cell[][]>;
	stop(): void;
};

/**
 * Follows what the program writes to the terminal in a headless terminal of the
 * same size, so the screen can be drawn at any moment exactly as it shows.
 */
export function tapScreen(stdout: NodeJS.WriteStream, background: GridOptions['background'] = 'dark'): ScreenTap {
	const terminal = new Terminal({cols: stdout.columns || 80, rows: stdout.rows || 24, allowProposedApi: true, scrollback: 0});
	const resize = () => {
		terminal.resize(stdout.columns || 80, stdout.rows || 24);
	};

	stdout.on('resize', resize);
	const originalWrite = stdout.write.bind(stdout);
	stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
		// As a terminal's line discipline would show it: a newline also returns the carriage.
		terminal.write((typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')).replaceAll(/\r?\n/g, '\r\n'));
		return (originalWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
	}) as typeof stdout.write;
	return {
		cells: async (settleMs = 100) => new Promise(resolve => {
			setTimeout(() => {
				terminal.write('', () => {
					resolve(terminalCells(terminal, background));
				});
			}, settleMs);
		}),
		stop() {
			stdout.write = originalWrite;
			stdout.off('resize', resize);
			terminal.dispose();
		},
	};
}
