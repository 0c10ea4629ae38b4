/**
 * A Screen drawn as plain text, laid out as the shell lays it out: the header
 * (fields at the left; badges, run state and position at the right), the
 * event rows, the panel titles (when a panel has one), the boxed columns side
 * by side, the extra rows, the decision rows and, when given, a row of key
 * hints. Every row is cut to `columns` cells (ending in … where cut), with
 * trailing spaces dropped. For tests and sample scripts that read a frame
 * without Ink.
 */
import {lineText, type Column, type Screen} from '../../source/core/engine/screen.js';
import {cellWidth, fit} from '../../source/core/engine/text.js';

export type ScreenTextOptions = {
	/** What the header says beside the position (the shell's run state); "‖ PAUSED" unless given. */
	readonly runState?: string;
	/** A last row of key hints; no such row unless given. */
	readonly hints?: string;
};

const singleBorder = ['┌', '┐', '└', '┘', '─', '│'] as const;
const doubleBorder = ['╔', '╗', '╚', '╝', '═', '║'] as const;

/** A column as `height` rows of text: its border, its title, then its lines (the shell's ColumnBox). */
function boxRows(column: Column, height: number): string[] {
	const [topLeft, topRight, bottomLeft, bottomRight, across, down] = column.selected ? doubleBorder : singleBorder;
	const inner = column.width - 2;
	const inside = [column.title, ...column.lines].slice(0, height - 2);
	const rows = [topLeft + across.repeat(inner) + topRight];
	for (let row = 0; row < height - 2; row++) rows.push(down + fit(inside[row] ? lineText(inside[row]!) : '', inner) + down);
	rows.push(bottomLeft + across.repeat(inner) + bottomRight);
	return rows;
}

export function screenText(screen: Screen, columns: number, options: ScreenTextOptions = {}): string[] {
	if (screen.kind === 'too-small') return [screen.reason];
	const rows: string[] = [];
	const row = (text: string) => rows.push(fit(text, columns).trimEnd());
	const badges = screen.badges ? lineText(screen.badges) : '';
	const right = ` ${options.runState ?? '‖ PAUSED'} ${screen.position} `;
	const left = ` replica-tui  ${screen.header.join(' · ')}`;
	row(fit(left, Math.max(0, columns - cellWidth(right) - cellWidth(badges))) + badges + right);
	for (const line of screen.events) row(lineText(line));
	if (screen.panels.some(panel => panel.title)) {
		row(screen.panels.map(panel => fit(lineText(panel.title ?? []), panel.columns.reduce((sum, column) => sum + column.width, 0))).join(''));
	}

	const boxes = screen.panels.flatMap(panel => panel.columns.map(column => boxRows(column, screen.columnHeight)));
	for (let r = 0; r < screen.columnHeight; r++) row(boxes.map(box => box[r]!).join(''));
	for (const line of screen.extra ?? []) row(lineText(line));
	for (const line of screen.decision) row(lineText(line));
	if (options.hints !== undefined) row(options.hints);
	return rows;
}
