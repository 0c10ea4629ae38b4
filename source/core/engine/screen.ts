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
