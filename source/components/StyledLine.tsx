import {Text} from 'ink';
import type {Line, Segment} from '../core/engine/screen.js';
import {cellWidth, fit} from '../core/engine/text.js';
import {useColor} from './theme.js';

/** The segments of `line` cut to `width` cells (ending in … where something was cut) and padded to exactly `width`. */
export function fitLine(line: Line, width: number): Segment[] {
	const total = line.reduce((sum, part) => sum + cellWidth(part.text), 0);
	if (total <= width) return total === width ? [...line] : [...line, {text: ' '.repeat(width - total)}];
	const result: Segment[] = [];
	let left = width;
	for (const part of line) {
		const size = cellWidth(part.text);
		if (size < left) {
			result.push(part);
			left -= size;
			continue;
		}

		// This part is where the line overflows: cut it to end with an ellipsis.
		if (left > 0) result.push({...part, text: fit(`${part.text} `, left)});
		break;
	}

	return result;
}

/** Segments as nested Ink Text, one colour per meaning. */
export function Segments({segments}: {readonly segments: readonly Segment[]}) {
	const color = useColor();
	return (
		<>
			{segments.map((part, i) =>
				part.tone === undefined && !part.bold && !part.inverse ? (
					part.text
				) : (
					<Text key={i} color={part.tone ? color(part.tone) : undefined} bold={part.bold} inverse={part.inverse}>
						{part.text}
					</Text>
				),
			)}
		</>
	);
}

/** One screen row, exactly `width` cells wide. */
export function StyledLine({line, width}: {readonly line: Line; readonly width: number}) {
	return (
		<Text>
			<Segments segments={fitLine(line, width)} />
		</Text>
	);
}
