/**
 * Fitting text into narrow columns. Every glyph this mode draws is one cell
 * wide, so a string's length is its width.
 */

/** `text` cut to `width` cells, ending with … when cut. */
export function cut(text: string, width: number): string {
	if (width <= 0) return '';
	return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** The first option that fits in `width`, else the last one cut to fit. */
export function fit(options: readonly string[], width: number): string {
	for (const option of options) if (option.length <= width) return option;
	return cut(options.at(-1) ?? '', width);
}

export function padEnd(text: string, width: number): string {
	return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function padStart(text: string, width: number): string {
	return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

export function center(text: string, width: number): string {
	if (text.length >= width) return cut(text, width);
	const left = Math.floor((width - text.length) / 2);
	return ' '.repeat(left) + text + ' '.repeat(width - text.length - left);
}

/** Splits `text` into at most `rows` lines of `width` cells at spaces; the last line is cut with … if needed. */
export function wrap(text: string, width: number, rows: number): string[] {
	const lines: string[] = [];
	let rest = text;
	while (rest.length > 0 && lines.length < rows) {
		if (rest.length <= width || lines.length === rows - 1) {
			lines.push(cut(rest, width));
			break;
		}

		let at = rest.lastIndexOf(' ', width);
		if (at <= width / 3) at = width;
		lines.push(rest.slice(0, at).trimEnd());
		rest = rest.slice(at).trimStart();
	}

	return lines;
}

/** A line of segments cut to `width` cells (the last kept segment ends with … when cut). */
export function cutLine<S extends {readonly text: string}>(segments: readonly S[], width: number): S[] {
	const kept: S[] = [];
	let used = 0;
	for (const segment of segments) {
		if (used + segment.text.length <= width) {
			kept.push(segment);
			used += segment.text.length;
			continue;
		}

		if (width - used > 0) kept.push({...segment, text: cut(segment.text, width - used)});
		break;
	}

	return kept;
}
