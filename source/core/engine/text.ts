import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

/**
 * Characters one cell wide in string-width's judgement (checked code point by
 * code point up to U+27FF): printable ASCII, Latin, Greek, punctuation, arrows,
 * technical symbols, box drawing and geometric shapes, and most symbols and
 * dingbats (✓ ✗ ⚠ ★ ♥ ⟳). Anything else, such as the wide ⚡ or 漢, takes the slow path.
 */
const singleCell = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0482\u2010-\u2027\u2030-\u205F\u2190-\u2319\u231C-\u2328\u232B-\u23E8\u23F4-\u25FC\u25FF-\u2613\u2616-\u262F\u2638-\u2647\u2654-\u267E\u2680-\u2689\u2690-\u2692\u2694-\u26A0\u2706-\u2709\u270C-\u2727\u2729-\u274B\u2758-\u2794\u27C0-\u27FF]*$/;

/** Terminal cells `text` takes; the common case skips string-width's slow Unicode segmentation. */
export function cellWidth(text: string): number {
	return singleCell.test(text) ? text.length : stringWidth(text);
}

/** How many UTF-16 units of `text` fit in `cells` terminal cells (a wide character that would straddle the edge stays out). */
function unitsIn(text: string, cells: number): number {
	if (singleCell.test(text)) return Math.min(text.length, cells);
	let used = 0;
	let units = 0;
	for (const point of text) {
		used += stringWidth(point);
		if (used > cells) break;
		units += point.length;
	}

	return units;
}

/** `text` cut to `width` terminal cells, ending with … when cut. */
export function cut(text: string, width: number): string {
	if (width <= 0) return '';
	if (singleCell.test(text)) return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
	return stringWidth(text) <= width ? text : cliTruncate(text, width);
}

/** `text` cut to `width` terminal cells with an ellipsis, then padded to exactly `width`. */
export function fit(text: string, width: number): string {
	return padEnd(cut(text, width), width);
}

/** The first of `options` that fits in `width` cells (longest first), else the last one cut to fit. */
export function fitFirst(options: readonly string[], width: number): string {
	for (const option of options) if (cellWidth(option) <= width) return option;
	return cut(options.at(-1) ?? '', width);
}

/** `text` with spaces after it up to `width` cells (unchanged if it is as wide already). */
export function padEnd(text: string, width: number): string {
	const cells = cellWidth(text);
	return cells >= width ? text : text + ' '.repeat(width - cells);
}

/** `text` with spaces before it up to `width` cells (unchanged if it is as wide already). */
export function padStart(text: string, width: number): string {
	const cells = cellWidth(text);
	return cells >= width ? text : ' '.repeat(width - cells) + text;
}

/** `text` centred in exactly `width` cells (cut with … if wider). */
export function center(text: string, width: number): string {
	const cells = cellWidth(text);
	if (cells >= width) return cut(text, width);
	const left = Math.floor((width - cells) / 2);
	return ' '.repeat(left) + text + ' '.repeat(width - cells - left);
}

export function formatRate(rate: number): string {
	return `${rate >= 1000 ? rate.toLocaleString('en-US') : rate} input${rate === 1 ? '' : 's'}/s`;
}


/**
 * `text` split into at most `rows` lines of `width` cells at the last space
 * that fits (a line with no space past its first third breaks mid-word); the
 * last line is cut with … if text is left over.
 */
export function wrapLines(text: string, width: number, rows: number): string[] {
	const lines: string[] = [];
	let rest = text;
	while (rest.length > 0 && lines.length < rows) {
		if (lines.length === rows - 1 || cellWidth(rest) <= width) {
			lines.push(cut(rest, width));
			break;
		}

		const room = unitsIn(rest, width);
		let at = rest.lastIndexOf(' ', room);
		if (at <= room / 3) at = room;
		lines.push(rest.slice(0, at).trimEnd());
		rest = rest.slice(at).trimStart();
	}

	return lines;
}

/** `text` word-wrapped to `width` cells, long words cut, at most `maxLines` lines (the last ends in … if more was cut). */
export function wrapWords(text: string, width: number, maxLines: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		const candidate = line === '' ? word : `${line} ${word}`;
		if (cellWidth(candidate) <= width) {
			line = candidate;
			continue;
		}

		if (line !== '') lines.push(line);
		line = cellWidth(word) <= width ? word : fit(word, width);
	}

	if (line !== '') lines.push(line);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	kept[maxLines - 1] = fit(`${kept[maxLines - 1]!} …`, width).trimEnd();
	return kept;
}
