import {lineText, type Screen} from '../../source/core/engine/screen.js';

/**
 * A plain-text drawing of a Screen, close to what the shell draws: the header,
 * the event rows, the columns as boxes, extra rows, the decision rows and a
 * hint row. For tests (reading what the view claims) and for samples.
 */
export function screenText(screen: Screen, columns: number, hints = ''): string[] {
	if (screen.kind === 'too-small') return [screen.reason];
	const fit = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
	const rows: string[] = [];
	const badges = screen.badges ? lineText(screen.badges) : '';
	const left = ` replica-tui  ${screen.header.join(' · ')}`;
	const right = `${badges}  ▶ LIVE ${screen.position}`;
	rows.push(fit(left, Math.max(0, columns - right.length - 1)) + ' ' + right);
	for (const row of screen.events) rows.push(fit(lineText(row), columns));
	const boxes = screen.panels.flatMap(panel => panel.columns);
	for (let r = 0; r < screen.columnHeight; r++) {
		let row = '';
		for (const column of boxes) {
			const inner = column.width - 2;
			const [tl, tr, bl, br, h, v] = column.selected ? ['╔', '╗', '╚', '╝', '═', '║'] : ['┌', '┐', '└', '┘', '─', '│'];
			if (r === 0) row += tl + h.repeat(inner) + tr;
			else if (r === screen.columnHeight - 1) row += bl + h.repeat(inner) + br;
			else {
				const content = r === 1 ? column.title : column.lines[r - 2];
				row += v + ' ' + fit(content ? lineText(content) : '', inner - 2) + ' ' + v;
			}
		}

		rows.push(row);
	}

	for (const row of screen.extra ?? []) rows.push(fit(lineText(row), columns));
	for (const row of screen.decision) rows.push(fit(lineText(row), columns));
	if (hints) rows.push(fit(hints, columns));
	return rows;
}
