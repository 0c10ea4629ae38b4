/**
 * The space-time diagram of any network mode, as text: one lane per node,
 * time running down, one row per event. A mode turns its own event records
 * into `DiagramRow`s (the messages that arrived, were lost or dropped, the
 * glyphs on lanes, the action's name) and this draws them in a given width:
 *
 *   a delivered message   •──AE+1──▶    (from • to the arrow head)
 *   a refused reply       •┄┄AE↩✗┄┄⊘    (dotted, ending in ⊘)
 *   a lost message        •──RV───✗     (ends in ✗ where it was lost)
 *   a dropped message     •┈drop AE┈╳   (one of your actions: ╳ marks the drop)
 *   an action             [crash S3]    (named on its row, ! on the lanes it touched)
 */
import {seg, type Line} from '../../engine/screen.js';
import {center, cut, padStart} from '../../engine/text.js';

/** How a message's arrow ends: it arrived (a refused reply too, drawn as a refusal), was lost on the way, or was dropped by hand. */
export type ArrowEnd = 'arrived' | 'refused' | 'lost' | 'dropped';

export type DiagramArrow = {
	readonly from: number;
	readonly to: number;
	readonly end: ArrowEnd;
	/** Its label in a few widths, widest first (the widest that fits is drawn). */
	readonly labels: readonly string[];
};

export type DiagramRow = {
	readonly time: number;
	readonly arrows: readonly DiagramArrow[];
	/** A glyph on a node's lane: a role change, a timer, a crash. */
	readonly glyphs: ReadonlyArray<{readonly node: number; readonly glyph: string}>;
	/** The user's action on this row, in a few widths (widest first), drawn in brackets. */
	readonly action?: readonly string[];
};

export type DiagramLanes = {
	/** Node ids, in lane order (left to right). */
	readonly ids: readonly number[];
	readonly names: readonly string[];
	/** Lanes drawn ┆ instead of │ (e.g. a client). */
	readonly dashed?: readonly number[];
};

export const timeWidth = 7;

/** Where each arrow end is drawn and how its line looks. */
const endGlyph: Readonly<Record<Exclude<ArrowEnd, 'arrived'>, string>> = {refused: '⊘', lost: '✗', dropped: '╳'};
const lineGlyph: Readonly<Record<ArrowEnd, string>> = {arrived: '─', refused: '┄', lost: '─', dropped: '┈'};

export function diagramWidth(lanes: number, laneWidth: number): number {
	return timeWidth + laneWidth * lanes;
}

/** The lane width that fits `width` cells (at least 5). */
export function laneWidthFor(lanes: number, width: number): number {
	return Math.max(5, Math.floor((width - timeWidth) / lanes));
}

/** One event's row of lanes, `laneWidth` cells a lane. */
export function diagramRow(lanes: DiagramLanes, row: DiagramRow, laneWidth: number): string {
	const count = lanes.ids.length;
	const cells = Array.from({length: count * laneWidth}, () => ' ');
	const laneOf = new Map(lanes.ids.map((id, lane) => [id, lane]));
	const x = (node: number) => (laneOf.get(node) ?? 0) * laneWidth + Math.floor(laneWidth / 2);
	const dashed = new Set(lanes.dashed ?? []);
	for (const [lane, id] of lanes.ids.entries()) cells[lane * laneWidth + Math.floor(laneWidth / 2)] = dashed.has(id) ? '┆' : '│';
	for (const arrow of row.arrows) {
		const from = x(arrow.from);
		const to = x(arrow.to);
		const [low, high] = from < to ? [from, to] : [to, from];
		for (let i = low; i <= high; i++) cells[i] = lineGlyph[arrow.end];
		cells[from] = '•';
		cells[to] = arrow.end === 'arrived' ? (to > from ? '▶' : '◀') : endGlyph[arrow.end];
		const label = arrow.labels.find(option => option.length <= high - low - 3);
		if (label !== undefined) {
			const start = low + 1 + Math.floor((high - low - 1 - label.length) / 2);
			for (let i = 0; i < label.length; i++) cells[start + i] = label[i]!;
		}
	}

	// An action (other than a drop, drawn as its arrow) is named on its row; lanes it covers are hidden for that row.
	const covered = new Set<number>();
	if (row.action !== undefined && row.action.length > 0) {
		const labels = row.action.map(label => `[${label}]`);
		const label = labels.find(option => option.length <= cells.length) ?? cut(labels.at(-1)!, cells.length);
		const start = Math.max(0, Math.min(cells.length - label.length, laneWidth + Math.floor(laneWidth / 2) + 1));
		for (let i = 0; i < label.length; i++) {
			cells[start + i] = label[i]!;
			covered.add(start + i);
		}
	}

	for (const {node, glyph} of row.glyphs) if (!covered.has(x(node))) cells[x(node)] = glyph;
	return cells.join('');
}

/** The lanes' names, centred over them. */
export function diagramHeader(lanes: DiagramLanes, laneWidth: number): Line {
	return [seg(padStart('ms', timeWidth - 1) + ' ', 'dim'), seg(lanes.names.map(name => center(name, laneWidth)).join(''), 'dim', true)];
}

/** A header and the last `height - 1` rows, oldest first; the newest in bold. */
export function diagramLines(lanes: DiagramLanes, rows: readonly DiagramRow[], width: number, height: number): Line[] {
	if (height <= 0) return [];
	const laneWidth = laneWidthFor(lanes.ids.length, width);
	const shown = rows.slice(Math.max(0, rows.length - (height - 1)));
	const lines: Line[] = [diagramHeader(lanes, laneWidth)];
	for (const [i, row] of shown.entries()) {
		lines.push([seg(padStart(String(row.time), timeWidth - 1) + ' ', 'dim'), seg(diagramRow(lanes, row, laneWidth), undefined, i === shown.length - 1)]);
	}

	return lines;
}

/** The diagram's glyphs, for a mode's legend (after its own message labels). */
export function diagramLegend(): Array<readonly [string, string]> {
	return [
		['•──AE──▶', 'a delivered message, from • to the arrow (▶ or ◀), labelled with its type'],
		['•┄┄┄┄┄⊘', 'a refused reply (a vote or an append refused, a request turned away): dotted, ending in ⊘'],
		['•─────✗', 'a message lost on the way (link loss, a cut link, a crashed receiver) ends in ✗'],
		['•┈drop┈╳', 'a message you dropped (d, or a scenario\'s drop): dotted, cut off with ╳'],
		['[crash S3]  !', 'one of your actions, named on its row; ! on a lane it touched'],
	];
}
