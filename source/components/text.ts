import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

const printableAscii = /^[\u0020-\u007E]*$/;

/** Terminal cells `text` takes; plain ASCII, most of the screen, skips the slow Unicode path. */
export function cellWidth(text: string): number {
	return printableAscii.test(text) ? text.length : stringWidth(text);
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

export {stringWidth};
