/** The help at 80×24, in every mode: whole entries on a page, keys in one column, prose wrapped once, a legend page of its own. */
import {describe, expect, test} from 'vitest';
import {bodyRowsFor} from '../../source/components/Shell.js';
import {createSession, sessionStep} from '../../source/core/engine/session.js';
import type {HelpEntry} from '../../source/core/engine/mode.js';
import {cellWidth} from '../../source/core/engine/text.js';
import {modes} from '../../source/core/modes.js';
import {entryLines, helpPages, helpSections, keyColumn} from '../../source/help-pages.js';
import {renderApp, lines, press, waitForFrame} from './helpers.js';

const width = 76;

function helpAt80x24(name: string) {
	const mode = modes[name]!;
	const session = sessionStep(createSession(mode, mode.create(mode.parseConfig({})), {paused: true}), {type: 'toggle-help'});
	const sections = helpSections(session);
	return {sections, pages: helpPages(sections, width, bodyRowsFor(session, 24, 80) - 3)};
}

describe.each(Object.keys(modes))('the %s help at 80×24', name => {
	const {sections, pages} = helpAt80x24(name);

	test('no entry is split across two pages, and no line is wider than the box', () => {
		const pageText = pages.map(page => page.lines.join('\n'));
		for (const section of sections) {
			const column = keyColumn(section.entries, width);
			for (const entry of section.entries.filter(entry => entry !== '')) {
				const block = entryLines(entry, width, column).join('\n');
				expect(pageText.some(text => text.includes(block)), `"${block}" whole on one page`).toBe(true);
			}
		}

		for (const line of pages.flatMap(page => page.lines)) expect(cellWidth(line)).toBeLessThanOrEqual(width);
	});

	test('every key\'s meaning starts in one column (r / R, n and o alike)', () => {
		for (const section of sections) {
			const column = keyColumn(section.entries, width);
			const pairs = section.entries.filter((entry): entry is readonly [string, string] => typeof entry !== 'string' && cellWidth(entry[0]) <= column);
			for (const [keys, what] of pairs) {
				const [first] = entryLines([keys, what], width, column);
				expect(first!.slice(0, column + 1).trimEnd(), keys).toBe(keys);
				expect(first![column + 1], `the meaning of ${keys}`).not.toBe(' ');
			}
		}
	});

	test('text is wrapped once, at the width: a line breaks only where the next word would not fit', () => {
		for (const section of sections) {
			const column = keyColumn(section.entries, width);
			for (const entry of section.entries) {
				const block = entryLines(entry, width, column);
				for (let i = 1; i < block.length; i++) {
					const next = block[i]!.trimStart().split(' ')[0]!;
					const room = typeof entry === 'string' ? width : width - column - 1;
					const previous = typeof entry === 'string' ? block[i - 1]! : block[i - 1]!.slice(column + 1);
					// A wide key's meaning starts on the line under it.
					if (i === 1 && typeof entry !== 'string' && cellWidth(entry[0]) > column) continue;
					expect(cellWidth(`${previous} ${next}`), `"${previous}" could take "${next}"`).toBeGreaterThan(room);
				}
			}
		}
	});

	test('the legend ("What the screen shows") starts a page of its own', () => {
		const first = pages.findIndex(page => page.title === 'What the screen shows');
		expect(first).toBeGreaterThan(0);
		expect(pages.slice(first).every(page => page.title === 'What the screen shows')).toBe(true);
		expect(pages.slice(0, first).every(page => page.title === 'Keys')).toBe(true);
	});
});

describe('the help entries themselves', () => {
	test('"the ladder" is only named where it is defined', () => {
		for (const name of Object.keys(modes)) {
			const mode = modes[name]!;
			const sim = mode.create(mode.parseConfig({}));
			const text = helpSections({mode, sim}).flatMap(section => section.entries.map((entry: HelpEntry) => (typeof entry === 'string' ? entry : entry.join(' '))));
			for (const line of text.filter(line => line.includes('ladder'))) expect(line).toMatch(/At 120×40 and larger, the ladder: a space-time diagram/);
		}
	});

	test('on screen: the raft help at 80×24 pages through to the legend, every frame within 23 rows', async () => {
		const mode = modes['raft']!;
		const session = createSession(mode, mode.create(mode.parseConfig({})), {paused: true});
		const app = await renderApp({session, columns: 80, rows: 24});
		await press(app.stdin, '?');
		const first = await waitForFrame(app.frame, 'Keys · page 1 of', 'the help');
		const count = Number(/page 1 of (\d+)/.exec(first)![1]);
		let frame = first;
		for (let page = 2; page <= count; page++) {
			await press(app.stdin, ' ');
			frame = await waitForFrame(app.frame, `page ${page} of ${count}`, `help page ${page}`);
			expect(lines(frame).length).toBeLessThanOrEqual(23);
		}

		expect(frame).toContain('What the screen shows');
		expect(frame).not.toMatch(/…\s*│/);
	});
});

describe('the help in the course', () => {
	test('says that q goes back to the course (and Ctrl+C quits); outside it, that q quits', () => {
		const mode = modes['raft']!;
		const session = createSession(mode, mode.create(mode.parseConfig({})), {paused: true});
		const quitLine = (inCourse: boolean) => helpSections(session, inCourse)[0]!.entries.find(entry => typeof entry !== 'string' && entry[0] === 'q · Ctrl+C');
		expect(quitLine(false)).toEqual(['q · Ctrl+C', 'quit']);
		expect(quitLine(true)).toEqual(['q · Ctrl+C', 'q: back to the course · Ctrl+C: quit']);
	});
});
