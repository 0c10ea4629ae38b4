/**
 * What a mode tells the shell to draw, as plain data: no React, no Ink. The
 * shell (source/components/) turns a Screen into terminal rows; tests can read
 * a Screen without rendering anything.
 */
import {cellWidth, cut} from './text.js';

/** What a colour means. Colour is only ever an extra: every tone also comes with a glyph or a word. */
export type Tone = 'good' | 'warn' | 'bad' | 'muted' | 'accent' | 'dim';

/** A run of text in one style. */
export type Segment = {readonly text: string; readonly tone?: Tone; readonly bold?: boolean; readonly inverse?: boolean};

/** One screen row, as segments; the shell cuts it to its width (with …) and pads it. */
export type Line = readonly Segment[];

/** A boxed column (a replica, a server, a member, a pipeline). */
export type Column = {
	/** Stable across frames: the shell's React key. */
	readonly id: string;
	/** Width in cells, borders included. */
	readonly width: number;
	/** The first row inside the box, e.g. "▸S1 ★ leader". */
	readonly title: Line;
	/** Rows under the title, top to bottom; the shell cuts them to the box's height. */
	readonly lines: readonly Line[];
	/** The selected column has a double border in the accent colour. */
	readonly selected?: boolean;
	/** A border tone, e.g. 'bad' for a column a safety violation names. */
	readonly borderTone?: Tone;
};

/** Columns side by side under an optional title (the order mode has one panel per architecture). */
export type Panel = {readonly id: string; readonly title?: Line; readonly columns: readonly Column[]};

export type Screen =
	| {readonly kind: 'too-small'; readonly reason: string}
	| {
			readonly kind: 'screen';
			/** Mode fields for the header after "replica-tui", e.g. ["model bank", "seed 7", "3 replicas"]. */
			readonly header: readonly string[];
			/** Lamps or badges shown at the header's right, before the run state (e.g. the safety lamps). */
			readonly badges?: Line;
			/** Where the run is, shown beside RUNNING/PAUSED: "#42", "t=1250ms · event 57". */
			readonly position: string;
			/** The event line(s): what just happened and what happens next. Exactly `eventRows` of the mode. */
			readonly events: readonly Line[];
			/** Panels side by side; each panel's columns side by side. */
			readonly panels: readonly Panel[];
			/** Height of the boxes in rows, borders included (every column of every panel has this height). */
			readonly columnHeight: number;
			/** Rows under the columns (messages in flight, a space-time diagram), inside the body's height. */
			readonly extra?: readonly Line[];
			/** The decision line(s): what the majority/leader decided and who is out of line. Exactly `decisionRows` of the mode. */
			readonly decision: readonly Line[];
	  };

/** Shorthands for building lines. */
export const seg = (text: string, tone?: Tone, bold?: boolean): Segment => (tone === undefined && !bold ? {text} : {text, ...(tone ? {tone} : {}), ...(bold ? {bold} : {})});
export const line = (...segments: Array<Segment | string>): Line => segments.map(part => (typeof part === 'string' ? {text: part} : part));
export const plain = (text: string): Line => [{text}];
export const lineText = (row: Line): string => row.map(part => part.text).join('');

/** Terminal cells a line takes. */
export function lineWidth(row: Line): number {
	let width = 0;
	for (const part of row) width += cellWidth(part.text);
	return width;
}

/** A line cut to `width` cells: the segments that fit, then the one that does not cut with …; the rest dropped. */
export function cutLine<S extends Segment>(segments: readonly S[], width: number): S[] {
	const kept: S[] = [];
	let used = 0;
	for (const segment of segments) {
		const cells = cellWidth(segment.text);
		if (used + cells <= width) {
			kept.push(segment);
			used += cells;
			continue;
		}

		if (width - used > 0) kept.push({...segment, text: cut(segment.text, width - used)});
		break;
	}

	return kept;
}

/** A line cut or padded with spaces to exactly `width` cells. */
export function padLine(row: Line, width: number): Line {
	const kept = cutLine(row, width);
	const used = lineWidth(kept);
	return used < width ? [...kept, {text: ' '.repeat(width - used)}] : kept;
}

/** The terminal a scenario claim about the screen is judged on: the scenario's size and the rows its caption takes. */
export type ShownScreen = {readonly columns: number; readonly rows: number; readonly captionRows: number};

/**
 * Rows the shell keeps for itself at most (the header, the timeline bar of a
 * simulated mode, and up to two rows of key hints: components/KeyHints.tsx
 * gives a mode's keys a second row when they do not fit beside the shell's),
 * and a caption's rows at most. A claim about the screen is judged on the
 * fewest body rows the shell can leave.
 */
export const shellRows = 4;
export const maxCaptionRows = 2;

/** The body's rows under the shell's layout (in at most rows − 1): what is left after the header, event, caption, decision and hint rows. */
export function bodyRowsOf(shown: ShownScreen, eventRows: number, decisionRows: number): number {
	return shown.rows - 1 - shellRows - eventRows - decisionRows - Math.min(shown.captionRows, maxCaptionRows);
}

/**
 * What a screen shows, row by row as plain text, laid out as the shell lays
 * it out (the caption and the key hints aside, which are the shell's): the
 * header fields, the event lines, the panel titles, each column's title and
 * the lines its box has room for, the extra lines the body has room for,
 * and the decision lines, each cut to its width.
 */
export function shownRows(screen: Screen, columns: number, bodyRows: number): string[] {
	if (screen.kind === 'too-small') return [screen.reason];
	const text = (row: Line, width: number) => lineText(cutLine(row, width));
	const titles = screen.panels.some(panel => panel.title) ? 1 : 0;
	const boxes = screen.panels.flatMap(panel => panel.columns).flatMap(column => [column.title, ...column.lines.slice(0, Math.max(0, screen.columnHeight - 3))].map(row => text(row, column.width - 2)));
	return [
		[...screen.header, screen.position].join(' · '),
		...screen.events.map(row => text(row, columns)),
		...screen.panels.flatMap(panel => (panel.title ? [text(panel.title, panel.columns.reduce((sum, column) => sum + column.width, 0))] : [])),
		...boxes,
		...(screen.extra ?? []).slice(0, Math.max(0, bodyRows - titles - screen.columnHeight)).map(row => text(row, columns)),
		...screen.decision.map(row => text(row, columns)),
	];
}
