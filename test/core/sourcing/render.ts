/**
 * A plain-text drawing of a Screen, close to what the shell draws: header,
 * event line, boxed columns side by side, the lines under them, the decision
 * lines and the key hints. For reading the view in tests and reports.
 */
import {type Line, lineText, type Screen} from '../../../source/core/engine/screen.js';
import type {AnyMode} from '../../../source/core/engine/mode.js';
import {cut, width} from '../../../source/core/sourcing/text.js';

/** Rows of the terminal the shell keeps for itself: Ink's spare row, header, event, decision (2) and hint rows. */
export function bodyRowsFor(mode: AnyMode, rows: number): number {
	return rows - 1 - 1 - mode.eventRows - mode.decisionRows - 1 - 1;
}

const pad = (text: string, cells: number): string => {
	const fitted = cut(text, cells);
	return fitted + ' '.repeat(Math.max(0, cells - width(fitted)));
};

function box(title: Line, lines: readonly Line[], cells: number, height: number, selected: boolean): string[] {
	const [h, v, tl, tr, bl, br] = selected ? ['═', '║', '╔', '╗', '╚', '╝'] : ['─', '│', '┌', '┐', '└', '┘'];
	const inner = cells - 2;
	const rows = [`${tl}${h.repeat(inner)}${tr}`, `${v}${pad(lineText(title), inner)}${v}`];
	for (let i = 0; i < height - 3; i++) rows.push(`${v}${pad(lines[i] ? lineText(lines[i]!) : '', inner)}${v}`);
	rows.push(`${bl}${h.repeat(inner)}${br}`);
	return rows;
}

export function renderScreen(screen: Screen, columns: number, hints = ''): string[] {
	if (screen.kind === 'too-small') return [pad(screen.reason, columns)];
	const out: string[] = [];
	const right = `${screen.badges ? lineText(screen.badges) : ''} ▮ PAUSED ${screen.position}`;
	const left = ` replica-tui  sourcing · ${screen.header.join(' · ')}`;
	out.push(pad(`${left}${' '.repeat(Math.max(1, columns - width(left) - width(right)))}${right}`, columns));
	for (const row of screen.events) out.push(pad(` ${lineText(row)}`, columns));
	const boxes = screen.panels.flatMap(panel => panel.columns.map(column => box(column.title, column.lines, column.width, screen.columnHeight, Boolean(column.selected))));
	for (let r = 0; r < screen.columnHeight; r++) out.push(pad(boxes.map(rows => rows[r]!).join(''), columns));
	for (const row of screen.extra ?? []) out.push(pad(` ${lineText(row)}`, columns));
	for (const row of screen.decision) out.push(pad(` ${lineText(row)}`, columns));
	out.push(pad(` ${hints}`, columns));
	return out;
}
