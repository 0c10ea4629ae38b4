/**
 * Draws a Screen as plain text, roughly as the shell does (header, event
 * lines, panel titles, boxed columns side by side, extra lines, decision
 * lines), so tests and reports can look at a frame without Ink.
 */
import {lineText, type Line, type Screen} from '../../../source/core/engine/screen.js';

function fitTo(text: string, width: number): string {
	const cells = [...text];
	if (cells.length > width) return `${cells.slice(0, width - 1).join('')}…`;
	return text + ' '.repeat(width - cells.length);
}

export function renderScreen(screen: Screen, columns: number): string[] {
	if (screen.kind === 'too-small') return [screen.reason];
	const rows: string[] = [];
	const row = (line: Line | string) => rows.push(fitTo(typeof line === 'string' ? line : lineText(line), columns).trimEnd());
	row(` replica-tui  ${screen.header.join(' · ')}  ‖ PAUSED ${screen.position}`);
	for (const line of screen.events) row(line);
	if (screen.panels.some(panel => panel.title)) {
		row(screen.panels.map(panel => fitTo(lineText(panel.title ?? []), panel.columns.reduce((sum, column) => sum + column.width, 0))).join(''));
	}

	const boxes = screen.panels.flatMap(panel => panel.columns);
	for (let r = 0; r < screen.columnHeight; r++) {
		let text = '';
		for (const box of boxes) {
			const inner = box.width - 2;
			const [tl, tr, bl, br, h, v] = box.selected ? ['╔', '╗', '╚', '╝', '═', '║'] : ['┌', '┐', '└', '┘', '─', '│'];
			if (r === 0) text += tl + h.repeat(inner) + tr;
			else if (r === screen.columnHeight - 1) text += bl + h.repeat(inner) + br;
			else {
				const content = r === 1 ? box.title : box.lines[r - 2];
				text += v + fitTo(content ? lineText(content) : '', inner) + v;
			}
		}

		row(text);
	}

	for (const line of screen.extra ?? []) row(line);
	for (const line of screen.decision) row(line);
	row('(hints)');
	return rows;
}
