import {Box, Text} from 'ink';
import {shellHelp} from '../core/engine/keys.js';
import type {Session} from '../core/engine/session.js';
import {fit} from '../core/engine/text.js';

export function helpLines(session: Session): string[] {
	return [...shellHelp.map(([keys, what]) => `${keys.padEnd(18)} ${what}`), ...session.mode.help(session.sim)];
}

export function HelpOverlay({session, width, height}: {readonly session: Session; readonly width: number; readonly height: number}) {
	const all = helpLines(session);
	const room = height - 3;
	const lines = all.length <= room ? all : [...all.slice(0, room - 1), `… ${all.length - room + 1} more lines in a taller terminal (or see --help)`];
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold>{fit('Keys', width - 4)}</Text>
			{lines.map((line, i) => (
				<Text key={i}>{fit(line, width - 4)}</Text>
			))}
		</Box>
	);
}

/** A menu too long for the hint line, as a box in the body: one item a line. */
export function MenuOverlay({title, items, width, height}: {readonly title: string; readonly items: ReadonlyArray<{key: string; label: string; disabled?: string}>; readonly width: number; readonly height: number}) {
	const room = height - 3;
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold>{fit(`${title} (esc cancels)`, width - 4)}</Text>
			{items.slice(0, room).map(item => (
				<Text key={item.key} dimColor={item.disabled !== undefined}>
					{fit(`${item.key}  ${item.label}${item.disabled ? ` — ${item.disabled}` : ''}`, width - 4)}
				</Text>
			))}
		</Box>
	);
}
