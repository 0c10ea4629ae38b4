import {Box, Text} from 'ink';
import {memo} from 'react';
import type {Column} from '../core/engine/screen.js';
import {fitLine, Segments} from './StyledLine.js';
import {useColor} from './theme.js';

type Props = {readonly column: Column; readonly height: number};

/** A boxed column: its title, then its lines cut to the box. One Text node, so Ink lays out little. */
function ColumnBoxView({column, height}: Props) {
	const color = useColor();
	const inner = column.width - 2;
	const rows = Math.max(0, height - 3);
	const lines = column.lines.slice(0, rows);
	return (
		<Box
			flexDirection="column"
			width={column.width}
			height={height}
			borderStyle={column.selected ? 'double' : 'single'}
			borderColor={column.borderTone ? color(column.borderTone) : column.selected ? color('accent') : color('dim')}
		>
			<Text>
				<Segments segments={fitLine(column.title, inner)} />
				{lines.map((line, i) => (
					<Text key={i}>
						{'\n'}
						<Segments segments={fitLine(line, inner)} />
					</Text>
				))}
			</Text>
		</Box>
	);
}

/** A column re-renders only when the mode gives it a new description or the layout changes. */
export const ColumnBox = memo(ColumnBoxView, (a, b) => a.column === b.column && a.height === b.height);
