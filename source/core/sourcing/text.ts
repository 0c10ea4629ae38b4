/**
 * Width-aware text helpers for the view, on engine/text.ts's cellWidth and cut.
 */
import {cellWidth, cut} from '../engine/text.js';

/** Word-wraps `text` into rows of at most `cells`, continuation rows indented by `indent`. */
export function wrap(text: string, cells: number, indent = ''): string[] {
	const rows: string[] = [];
	let row = '';
	for (const word of text.split(' ')) {
		const candidate = row === '' ? word : `${row} ${word}`;
		const limit = rows.length === 0 ? cells : cells - cellWidth(indent);
		if (cellWidth(candidate) <= limit || row === '') {
			row = candidate;
		} else {
			rows.push(row);
			row = word;
		}
	}

	if (row !== '') rows.push(row);
	return rows.map((each, i) => (i === 0 ? cut(each, cells) : cut(indent + each, cells)));
}

/** `left` and `right` on one row of `cells`, `right` flush right when there is room. */
export function spread(left: string, right: string, cells: number): string {
	const gap = cells - cellWidth(left) - cellWidth(right);
	return gap >= 1 ? `${left}${' '.repeat(gap)}${right}` : `${left} ${right}`;
}

/** A progress bar of `cells`: █ done, ░ to do. */
export function bar(done: number, total: number, cells: number): string {
	const filled = total === 0 ? cells : Math.round((done / total) * cells);
	return '█'.repeat(filled) + '░'.repeat(Math.max(0, cells - filled));
}
