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

/** `text` cut to `width` terminal cells with an ellipsis, then padded to exactly `width`. */
export function fit(text: string, width: number): string {
	if (width <= 0) return '';
	const cut = cellWidth(text) > width ? cliTruncate(text, width) : text;
	return cut + ' '.repeat(Math.max(0, width - cellWidth(cut)));
}

export function formatRate(rate: number): string {
	return `${rate >= 1000 ? rate.toLocaleString('en-US') : rate} input${rate === 1 ? '' : 's'}/s`;
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
