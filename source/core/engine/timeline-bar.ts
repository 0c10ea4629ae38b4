/**
 * The timeline bar: one row, the run so far from its first event to its last,
 * where the session stands on it, and its marks. Plain data (a Line), drawn
 * by the shell above the key hints.
 */
import type {Line, Segment} from './screen.js';
import {cellWidth} from './text.js';
import type {MarkKind, TimelineMark} from './timeline.js';

/** Each mark's glyph and tone (colour is only an extra: the glyph says it), strongest first where marks share a cell. */
export const markGlyphs: Readonly<Record<MarkKind, Segment>> = {
	violation: {text: '✗', tone: 'bad', bold: true},
	pause: {text: '‖', tone: 'accent', bold: true},
	leader: {text: '★', tone: 'good'},
	action: {text: '▲', tone: 'warn'},
};

const strength: readonly MarkKind[] = ['violation', 'pause', 'leader', 'action'];

/** What the bar's glyphs mean, for the help (each line fits the 80-column help box). */
export const timelineLegend: ReadonlyArray<readonly [keys: string, what: string]> = [
	['timeline', 'the row above the keys: the run so far, and its marks'],
	['● ━ ─', 'where you are · behind you · ahead (after a jump back)'],
	['‖ ▲ ★ ✗', 'pause · your action · leader or value chosen · violation'],
];

/** The shortest track worth drawing; below it the bar says only where the run stands. */
const shortestTrack = 10;

/** The bar for a session at event `current` of a run of `end` events, `width` cells wide. */
export function timelineRow(current: number, end: number, marks: readonly TimelineMark[], width: number): Line {
	// Events as the shell counts them (a step is one), which a mode's own numbers (inputs, commands) need not be.
	const labels = [
		{text: ` event ${current} of ${end} · { } marks · ! violation · : go to `, track: 48},
		{text: ` ${current}/${end} · { } ! : jump `, track: 24},
		{text: ` ${current}/${end} `, track: shortestTrack},
	];
	const label = labels.find(candidate => width - 1 - cellWidth(candidate.text) >= candidate.track) ?? labels.at(-1)!;
	const track = width - 1 - cellWidth(label.text);
	if (track < shortestTrack) return [{text: label.text.trimEnd(), tone: 'dim'}];
	const cellOf = (event: number) => (end === 0 ? 0 : Math.round((Math.min(event, end) / end) * (track - 1)));
	const here = cellOf(current);
	const strongest = new Map<number, MarkKind>();
	for (const mark of marks) {
		const cell = cellOf(mark.event);
		const held = strongest.get(cell);
		if (held === undefined || strength.indexOf(mark.kind) < strength.indexOf(held)) strongest.set(cell, mark.kind);
	}

	const cells: Segment[] = [];
	for (let cell = 0; cell < track; cell++) {
		const kind = strongest.get(cell);
		if (cell === here) cells.push(kind ? {...markGlyphs[kind], inverse: true} : {text: '●', tone: 'accent', bold: true});
		else if (kind) cells.push(markGlyphs[kind]);
		else cells.push(cell < here ? {text: '━', tone: 'accent'} : {text: '─', tone: 'dim'});
	}

	return [{text: ' '}, ...joinPlain(cells), {text: label.text, tone: 'dim'}];
}

/** Neighbouring cells of one style as one segment (fewer segments to draw). */
function joinPlain(cells: readonly Segment[]): Segment[] {
	const joined: Segment[] = [];
	for (const cell of cells) {
		const last = joined.at(-1);
		if (last && last.tone === cell.tone && last.bold === cell.bold && last.inverse === cell.inverse) joined[joined.length - 1] = {...last, text: last.text + cell.text};
		else joined.push({...cell});
	}

	return joined;
}
