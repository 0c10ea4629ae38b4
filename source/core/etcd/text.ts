/**
 * Text helpers for the etcd view (cutting and fitting are engine/text.ts's).
 * Everything it prints is ASCII or a one-cell glyph, so a string's length is
 * its width in cells.
 */

/** A label padded to a fixed column, then the value: "term     4". */
export function labelled(label: string, value: string, labelWidth = 8): string {
	return `${label.padEnd(labelWidth)} ${value}`;
}

export function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Milliseconds as seconds, e.g. "0.31 s", "12.4 s". */
export function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Packs items into lines of at most `width` cells, separated by two spaces. */
export function pack(items: readonly string[], width: number): string[] {
	const lines: string[] = [];
	let current = '';
	for (const item of items) {
		const candidate = current === '' ? item : `${current}  ${item}`;
		if (candidate.length <= width || current === '') {
			current = candidate;
		} else {
			lines.push(current);
			current = item;
		}
	}

	if (current !== '') lines.push(current);
	return lines;
}
