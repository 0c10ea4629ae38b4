import {describe, expect, test} from 'vitest';
import {framesToCast} from '../../source/record/frames-to-cast.js';
import {castToGrids} from '../../source/record/terminal-grid.js';
import xterm from '@xterm/headless';

const frames = [
	{time: 0, text: 'header #0\nline two\nhints'},
	{time: 0.5, text: 'header #1\nline two\nhints'},
	{time: 1.5, text: 'header #1\nline two\nhints'},
];

describe('frames to cast', () => {
	test('the first frame in full, then only the lines that changed; the last event at the end time', () => {
		const cast = framesToCast(frames, 20, 4);
		expect(cast.events.map(([time]) => time)).toEqual([0, 0.5, 1.5]);
		expect(cast.events[1]![2]).toContain('header #1');
		expect(cast.events[1]![2]).not.toContain('line two');
	});

	test('ends with the cursor shown on the row under the last frame, so a shell prompt after playback overwrites nothing', async () => {
		const cast = framesToCast(frames, 20, 4);
		expect(cast.events.at(-1)![2]).toMatch(/\u001B\[4;1H\u001B\[\?25h$/);
		const terminal = new xterm.Terminal({cols: 20, rows: 4, allowProposedApi: true});
		for (const [, , data] of cast.events) await new Promise<void>(resolve => terminal.write(data, resolve));
		expect(terminal.buffer.active.cursorY).toBe(3);
		const grids = await castToGrids(cast);
		expect(grids.at(-1)!.cells[2]!.map(cell => cell.char).join('').trimEnd()).toBe('hints');
	});
});
