import {Box, Text} from 'ink';
import {useContext} from 'react';
import type {Session} from '../core/engine/session.js';
import {fit} from '../core/engine/text.js';
import {helpPages, helpSections} from '../help-pages.js';
import {CourseContext} from './course-hints.js';

/** The help, a page at a time: ↓ PgDn space next page, ↑ PgUp previous, Esc or ? closes. */
export function HelpOverlay({session, width, height}: {readonly session: Session; readonly width: number; readonly height: number}) {
	const inCourse = useContext(CourseContext) !== undefined;
	const pages = helpPages(helpSections(session, inCourse), width - 4, Math.max(1, height - 3));
	const index = Math.min(session.overlay.kind === 'help' ? session.overlay.page : 0, pages.length - 1);
	const page = pages[index]!;
	const title = pages.length === 1 ? page.title : `${page.title} · page ${index + 1} of ${pages.length} · ↓ PgDn space next · ↑ PgUp back`;
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold>{fit(title, width - 4)}</Text>
			{page.lines.map((line, i) => (
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
