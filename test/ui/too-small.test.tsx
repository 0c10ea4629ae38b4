/** Below 80×24 (the voting mode: below what its replica count needs, and 24 rows) every mode says plainly that the terminal is too small. */
import {describe, expect, test} from 'vitest';
import {smallest, tooSmallLines} from '../../source/components/Shell.js';
import {createSession} from '../../source/core/engine/session.js';
import {modes} from '../../source/core/modes.js';
import {lines, renderApp, resize, waitForFrame} from './helpers.js';

const columnBorders = /[┌│║╔╭]/;

describe('a 60×20 terminal', () => {
	test.each(Object.keys(modes))('the %s mode shows the "too small" notice, not squeezed columns', async name => {
		const mode = modes[name]!;
		const session = createSession(mode, mode.create(mode.parseConfig({})), {paused: true});
		const app = await renderApp({session, columns: 60, rows: 20});
		const frame = app.frame();
		expect(frame).not.toMatch(columnBorders);
		const notice = lines(frame).map(line => line.trimEnd());
		expect(notice.slice(0, -1).join(' ')).toMatch(/^⚠ This terminal has (60 columns|20 rows); the \w+ mode needs at least (80|24)\. (Widen it|Make it taller)\.$/);
		expect(notice.at(-1)).toBe('q quits.');
		expect(lines(frame).length).toBeLessThanOrEqual(19);

		resize(app.stdout, smallest.columns, smallest.rows);
		const fits = await waitForFrame(app.frame, text => columnBorders.test(text), `the ${name} screen at 80×24`);
		expect(fits).not.toContain('q quits.');
	});
});

describe('the notice', () => {
	test('a reason without a full stop gets one, so that it never runs into "q quits."', () => {
		const notice = tooSmallLines('the sourcing mode needs at least 64 columns and 9 body rows for its two pipelines', 60, 20);
		expect(notice).toEqual(['⚠ The sourcing mode needs at least 64 columns and 9 body', 'rows for its two pipelines.', 'q quits.']);
	});

	test('with no room for a line of its own, "q quits." follows the last sentence, if it fits', () => {
		expect(tooSmallLines('This terminal has 20 columns. Widen it.', 24, 4)).toEqual(['⚠ This terminal has 20', 'columns. Widen it.', 'q quits.']);
		expect(tooSmallLines('This terminal has 20 columns. Widen it.', 21, 4)).toEqual(['⚠ This terminal has', '20 columns. Widen it.', 'q quits.']);
		expect(tooSmallLines('This terminal has 20 columns. Widen it.', 32, 3)).toEqual(['⚠ This terminal has 20 columns.', 'Widen it. q quits.']);
		// In the course, q goes back to the list, and the notice says so.
		expect(tooSmallLines('This terminal has 20 columns. Widen it.', 40, 4, 'q goes back to the course.')).toEqual(['⚠ This terminal has 20 columns. Widen', 'it.', 'q goes back to the course.']);
		// No room for it at all: the reason comes first.
		expect(tooSmallLines('This terminal has 20 columns. Widen it.', 24, 3)).toEqual(['⚠ This terminal has 20', 'columns. Widen it.']);
	});
});
