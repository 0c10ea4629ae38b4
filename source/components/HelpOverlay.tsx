import {Box, Text} from 'ink';
import {shellHelp} from '../core/engine/keys.js';
import type {Session} from '../core/engine/session.js';
import {cellWidth, fit, wrapWords} from '../core/engine/text.js';

export function helpLines(session: Session): string[] {
	return [...shellHelp.map(([keys, what]) => `${keys.padEnd(18)} ${what}`), ...session.mode.help(session.sim)];
}

/** Help lines wrapped to `width` (a continuation indented under its text), never cut. */
export function wrappedHelp(lines: readonly string[], width: number): string[] {
	return lines.flatMap(line => {
		if (cellWidth(line) <= width) return [line];
		const indent = /^(\s*\S+(?: · \S+)*\s{2,}|\s+)/.exec(line)?.[0].length ?? 0;
		const hang = indent > 0 && indent < width / 2 ? indent : 0;
		const [first = '', ...rest] = wrapWords(line.slice(hang), width - hang, Number.POSITIVE_INFINITY);
		return [line.slice(0, hang) + first, ...rest.map(part => ' '.repeat(hang) + part)];
	});
}

/** The help, a page at a time: ↓ PgDn space next page, ↑ PgUp previous, Esc or ? closes. */
export function helpPages(session: Session, width: number, height: number): string[][] {
	const lines = wrappedHelp(helpLines(session), width - 4);
	const room = Math.max(1, height - 3);
	const pages: string[][] = [];
	for (let first = 0; first < lines.length; first += room) pages.push(lines.slice(first, first + room));
	return pages.length === 0 ? [[]] : pages;
}

export function HelpOverlay({session, width, height}: {readonly session: Session; readonly width: number; readonly height: number}) {
	const pages = helpPages(session, width, height);
	const page = Math.min(session.overlay.kind === 'help' ? session.overlay.page : 0, pages.length - 1);
	const title = pages.length === 1 ? 'Keys' : `Keys · page ${page + 1} of ${pages.length} · ↓ PgDn space next · ↑ PgUp back`;
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold>{fit(title, width - 4)}</Text>
			{pages[page]!.map((line, i) => (
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
