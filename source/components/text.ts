import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

/** `text` cut to `width` terminal cells with an ellipsis, then padded to exactly `width`. */
export function fit(text: string, width: number): string {
	if (width <= 0) return '';
	const cut = stringWidth(text) > width ? cliTruncate(text, width) : text;
	return cut + ' '.repeat(Math.max(0, width - stringWidth(cut)));
}

export function formatRate(rate: number): string {
	return `${rate >= 1000 ? rate.toLocaleString('en-US') : rate} input${rate === 1 ? '' : 's'}/s`;
}

export {stringWidth};
