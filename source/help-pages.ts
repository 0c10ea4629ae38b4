/**
 * The help, laid out for the screen (and for `<mode> --help`): sections of
 * entries wrapped to a width, keys in one aligned column, pages that never
 * split an entry. Plain functions, no React.
 */
import {liveShellHelp, shellHelp} from './core/engine/keys.js';
import type {HelpEntry} from './core/engine/mode.js';
import type {Session} from './core/engine/session.js';
import {cellWidth, wrapWords} from './core/engine/text.js';

export type HelpSection = {readonly title: string; readonly entries: readonly HelpEntry[]};
export type HelpPage = {readonly title: string; readonly lines: readonly string[]};

/** The widest key column: a wider key has its meaning on the lines under it. */
const widestKeyColumn = 20;

/** In a scenario played from the course, q goes back to the list; Ctrl+C still quits. */
const courseQuit: HelpEntry = ['q · Ctrl+C', 'q: back to the course · Ctrl+C: quit'];

/** The help of a session's mode: its keys (the shell's, then the mode's), then what its screen shows. */
export function helpSections(session: Pick<Session, 'mode' | 'sim'>, inCourse = false): HelpSection[] {
	const {mode, sim} = session;
	// A live mode (a real cluster) runs in real time: its shell keys write and select, nothing steps back.
	const modeShell = (mode as {live?: boolean}).live === true ? liveShellHelp : shellHelp;
	const shell = inCourse ? modeShell.map(entry => (typeof entry !== 'string' && entry[0] === 'q · Ctrl+C' ? courseQuit : entry)) : modeShell;
	const keys: HelpSection = {title: 'Keys', entries: [...shell, '', ...mode.help(sim)]};
	const legend = mode.legend?.(sim) ?? [];
	return legend.length === 0 ? [keys] : [keys, {title: 'What the screen shows', entries: legend}];
}

/** The key column's width for these entries: the widest key, at most 20 cells and a third of the width. */
export function keyColumn(entries: readonly HelpEntry[], width: number): number {
	const widths = entries.filter(entry => typeof entry !== 'string').map(([keys]) => cellWidth(keys));
	return Math.min(widestKeyColumn, Math.floor(width / 3), Math.max(0, ...widths));
}

const wrap = (text: string, width: number) => wrapWords(text, Math.max(1, width), Number.POSITIVE_INFINITY);

/** One entry as lines of at most `width` cells: a pair's meaning in the column after its key, wrapped under itself. */
export function entryLines(entry: HelpEntry, width: number, column: number): string[] {
	if (typeof entry === 'string') return entry === '' ? [''] : wrap(entry, width);
	const [keys, what] = entry;
	const keyWidth = cellWidth(keys);
	const indent = ' '.repeat(column + 1);
	// A wide key: its meaning on the lines under it, in the meaning column.
	if (keyWidth > column) return [keys, ...wrap(what, width - column - 1).map(line => `${indent}${line}`)];

	const pad = ' '.repeat(column - keyWidth + 1);
	const [first = '', ...rest] = wrap(what, width - column - 1);
	return [`${keys}${pad}${first}`, ...rest.map(line => `${indent}${line}`)];
}

/** A section's entries as blocks of lines, one block per entry. */
function blocks(section: HelpSection, width: number): string[][] {
	const column = keyColumn(section.entries, width);
	return section.entries.map(entry => entryLines(entry, width, column));
}

/**
 * Pages of at most `room` lines: each section starts a page, an entry that
 * does not fit on what is left of a page starts the next one (only an entry
 * taller than a page is split), and no page starts or ends with a gap.
 */
export function helpPages(sections: readonly HelpSection[], width: number, room: number): HelpPage[] {
	const pages: Array<{title: string; lines: string[]}> = [];
	for (const section of sections) {
		let page: string[] = [];
		const finish = () => {
			while (page.at(-1) === '') page.pop();
			if (page.length > 0) pages.push({title: section.title, lines: page});
			page = [];
		};

		for (const block of blocks(section, width)) {
			if (block.length === 1 && block[0] === '') {
				if (page.length > 0 && page.length < room) page.push('');
				continue;
			}

			if (page.length + block.length > room && page.length > 0) finish();
			for (let first = 0; first < block.length; first += room) {
				const part = block.slice(first, first + room);
				if (page.length + part.length > room) finish();
				page.push(...part);
			}
		}

		finish();
	}

	return pages.length === 0 ? [{title: sections[0]?.title ?? 'Keys', lines: []}] : pages;
}
