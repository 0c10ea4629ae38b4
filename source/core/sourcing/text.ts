/**
 * Width-aware text helpers for the view. Every glyph this mode prints is one
 * cell wide (✓ ✗ ⊘ ⟳ ⚠ ⇡ ↺ → − █ ░), so a string's width is its number of code points.
 */
export function width(text: string): number {
	return [...text].length;
}

/** `text` cut to `cells`, ending in … when cut. */
export function cut(text: string, cells: number): string {
	const points = [...text];
	if (points.length <= cells) return text;
	return cells <= 0 ? '' : `${points.slice(0, cells - 1).join('')}…`;
}

/** Word-wraps `text` into rows of at most `cells`, continuation rows indented by `indent`. */
export function wrap(text: string, cells: number, indent = ''): string[] {
	const rows: string[] = [];
	let row = '';
	for (const word of text.split(' ')) {
		const candidate = row === '' ? word : `${row} ${word}`;
		const limit = rows.length === 0 ? cells : cells - width(indent);
		if (width(candidate) <= limit || row === '') {
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
	const gap = cells - width(left) - width(right);
	return gap >= 1 ? `${left}${' '.repeat(gap)}${right}` : `${left} ${right}`;
}

/** A progress bar of `cells`: █ done, ░ to do. */
export function bar(done: number, total: number, cells: number): string {
	const filled = total === 0 ? cells : Math.round((done / total) * cells);
	return '█'.repeat(filled) + '░'.repeat(Math.max(0, cells - filled));
}
