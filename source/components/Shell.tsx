import {Box, Text} from 'ink';
import {useContext} from 'react';
import type {Line, Screen} from '../core/engine/screen.js';
import type {Session} from '../core/engine/session.js';
import {fit, wrapWords} from '../core/engine/text.js';
import {ColumnBox} from './ColumnBox.js';
import {CourseContext} from './course-hints.js';
import {Header} from './Header.js';
import {HelpOverlay, MenuOverlay} from './HelpOverlay.js';
import {hintRowsFor, KeyHints, menuLine, shellKindOf} from './KeyHints.js';
import {TimelineBar} from './TimelineBar.js';
import {StyledLine} from './StyledLine.js';
import {useColor} from './theme.js';

type Props = {readonly session: Session; readonly columns: number; readonly rows: number};

/** Rows the shell itself takes: the header, the timeline bar (simulated modes) and the key hints (one row, or two at widths where the mode's keys need their own). */
const shellRows = (session: Session, columns: number) => 1 + timelineRows(session) + hintRowsFor(session, columns);

/** A simulated mode has the timeline bar; a real cluster runs in real time and has none. */
const timelineRows = (session: Session) => (shellKindOf(session) === 'simulated' ? 1 : 0);
/** A body shorter than this cannot show a column. */
const minBodyRows = 4;

/** The rows left for a mode's body once the header, event, caption, decision and hint rows are placed, in at most rows − 1. */
export function bodyRowsFor(session: Session, rows: number, columns: number): number {
	const captionRows = Math.min(session.caption.length, 2);
	return rows - 1 - shellRows(session, columns) - session.mode.eventRows - session.mode.decisionRows - captionRows;
}

/** Rows beyond which a taller terminal is not looked for: the mode cannot be shown at this width at all. */
const tallest = 400;

/** The smallest terminal every mode is laid out for: below it, a plain "too small" notice instead of squeezed columns. */
export const smallest = {columns: 80, rows: 24} as const;

/**
 * The mode's screen, or why it cannot be drawn. Too narrow comes first (no
 * height helps then); too short says the exact height at which the screen
 * appears, found by asking the mode, so a user who resizes to it sees it.
 */
export function screenFor(session: Session, columns: number, rows: number): Screen {
	const {mode, sim} = session;
	const narrowest = mode.narrowest ?? smallest.columns;
	if (columns < narrowest) return {kind: 'too-small', reason: `This terminal has ${columns} columns; the ${mode.name} mode needs at least ${narrowest}. Widen it.`};
	const view = (bodyRows: number): Screen => mode.view(sim, {columns, bodyRows, selected: session.selected, cursor: session.cursor, diagram: session.diagram});
	const bodyRows = bodyRowsFor(session, rows, columns);
	const screen = rows >= smallest.rows && bodyRows >= minBodyRows ? view(bodyRows) : undefined;
	if (screen?.kind === 'screen') return screen;
	const tall = view(Math.max(bodyRows, bodyRowsFor(session, tallest, columns)));
	if (tall.kind === 'too-small') return tall;
	let needed = Math.max(rows + 1, smallest.rows);
	while (needed < tallest && (bodyRowsFor(session, needed, columns) < minBodyRows || view(bodyRowsFor(session, needed, columns)).kind === 'too-small')) needed++;
	return {kind: 'too-small', reason: `This terminal has ${rows} rows; the ${mode.name} mode needs at least ${needed}. Make it taller.`};
}

/** A reason as a sentence of its own: a capital first, a full stop last. */
export function asSentence(text: string): string {
	const trimmed = text.trim();
	const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
	return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The "too small" notice: why, in sentences of its own, then what q does on a line of its own ("q quits.", or in the course where q goes back to the list). */
export function tooSmallLines(reason: string, columns: number, rows: number, quit = 'q quits.'): string[] {
	const width = Math.max(1, columns);
	const room = Math.max(1, rows - 1);
	const why = wrapWords(`⚠ ${asSentence(reason)}`, width, room);
	if (why.length < room) return [...why, ...wrapWords(quit, width, 1)];
	const together = wrapWords(`⚠ ${asSentence(reason)} ${quit}`, width, Number.POSITIVE_INFINITY);
	return together.length <= room ? together : why;
}

/** The whole screen of any mode, drawn from a session snapshot; it holds no state of its own. */
export function Shell({session, columns, rows}: Props) {
	const color = useColor();
	const course = useContext(CourseContext);
	const {mode, sim} = session;
	const bodyRows = bodyRowsFor(session, rows, columns);
	const screen = screenFor(session, columns, rows);
	if (screen.kind === 'too-small') {
		const lines = tooSmallLines(screen.reason, columns, rows, course ? 'q goes back to the course.' : 'q quits.');
		return (
			<Box flexDirection="column" width={columns}>
				{lines.map((line, i) => (
					<Text key={i} bold color={color('warn')}>
						{line}
					</Text>
				))}
			</Box>
		);
	}

	const menu = session.overlay.kind === 'menu' ? mode.menu(sim, session.overlay.name, session) : undefined;
	const menuFits = menu === undefined || menuLine(menu, columns) !== undefined;
	const notice = session.notice ?? (session.paused ? mode.haltReason?.(sim) : undefined);
	const events: Line[] = [...screen.events];
	if (notice && events.length > 0) events[events.length - 1] = [{text: ` ⓘ ${notice}`, tone: 'warn', bold: true}];
	const extra = screen.extra ?? [];
	const titleRows = screen.panels.some(panel => panel.title) ? 1 : 0;
	return (
		<Box flexDirection="column" width={columns}>
			<Header session={session} fields={screen.header} badges={screen.badges} position={screen.position} width={columns} />
			{events.map((line, i) => (
				<StyledLine key={`event${i}`} line={line} width={columns} />
			))}
			{session.caption.slice(0, 2).map((line, i) => (
				<Text key={`caption${i}`} bold color={color('accent')}>
					{fit(` ${line}`, columns)}
				</Text>
			))}
			{session.overlay.kind === 'help' ? (
				<HelpOverlay session={session} width={columns} height={bodyRows} />
			) : menu && !menuFits ? (
				<MenuOverlay title={menu.title} items={menu.items} width={columns} height={bodyRows} />
			) : (
				<Box flexDirection="column" height={bodyRows}>
					{titleRows > 0 ? (
						<Box>
							{screen.panels.map(panel => (
								<StyledLine key={`title/${panel.id}`} line={panel.title ?? []} width={panel.columns.reduce((sum, column) => sum + column.width, 0)} />
							))}
						</Box>
					) : null}
					<Box height={screen.columnHeight}>
						{screen.panels.flatMap(panel => panel.columns.map(column => <ColumnBox key={`${panel.id}/${column.id}`} column={column} height={screen.columnHeight} />))}
					</Box>
					{extra.slice(0, Math.max(0, bodyRows - titleRows - screen.columnHeight)).map((line, i) => (
						<StyledLine key={`extra${i}`} line={line} width={columns} />
					))}
				</Box>
			)}
			{screen.decision.map((line, i) => (
				<StyledLine key={`decision${i}`} line={line} width={columns} />
			))}
			{timelineRows(session) > 0 ? <TimelineBar session={session} width={columns} /> : null}
			<KeyHints session={session} menu={menu} width={columns} />
		</Box>
	);
}
