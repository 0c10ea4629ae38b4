/**
 * Fitting text into narrow places. Every glyph this mode draws is one cell
 * wide, so a string's length is its width.
 */
import type {Line} from '../../engine/screen.js';

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

export function lineWidth(line: Line): number {
	let width = 0;
	for (const part of line) width += part.text.length;
	return width;
}

/** `line` cut or padded to exactly `width` cells. */
export function fitLine(line: Line, width: number): Line {
	const result: Array<Line[number]> = [];
	let used = 0;
	for (const part of line) {
		if (used >= width) break;
		const room = width - used;
		if (part.text.length <= room) {
			result.push(part);
			used += part.text.length;
		} else {
			result.push({...part, text: cut(part.text, room)});
			used = width;
		}
	}

	if (used < width) result.push({text: ' '.repeat(width - used)});
	return result;
}
