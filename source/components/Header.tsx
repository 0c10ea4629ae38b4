import {Box, Text} from 'ink';
import type {Line} from '../core/engine/screen.js';
import {timelineHeld, type Session} from '../core/engine/session.js';
import {cellWidth, fit} from '../core/engine/text.js';
import {fitLine, Segments} from './StyledLine.js';
import {useColor} from './theme.js';

/** The header's left part: the product, the mode, its fields and the speed, shortened (never cut mid-field) to fit. */
export function headerText(session: Session, fields: readonly string[], width: number): string {
	const {mode} = session;
	const speed = mode.speeds.format(session.speed);
	const all = [...(mode.name === 'voting' ? [] : [mode.name]), ...fields, speed];
	// Without the dots, two spaces keep the fields apart ("day 5 21:10  2 cmd/s", not "21:10 2 cmd/s"); one space is the last resort.
	const candidates = [` replica-tui  ${all.join(' · ')}`, ` ${all.join(' · ')}`, ` ${all.join('  ')}`, ` ${all.join(' ')}`];
	return candidates.find(text => cellWidth(text) <= width) ?? fit(candidates.at(-1)!, width);
}

export function runState(session: Session): {text: string; tone: 'good' | 'warn' | 'muted'} {
	if (session.ended) return {text: '■ ENDED', tone: 'muted'};
	// A playing scenario moves a paused board itself (its keys, verbs and untils): not PAUSED until it holds.
	if (session.paused && session.playing && !session.holding && !timelineHeld(session)) return {text: '▶ PLAYING', tone: 'good'};
	return session.paused ? {text: '‖ PAUSED', tone: 'warn'} : {text: '▶ RUNNING', tone: 'good'};
}

type Props = {readonly session: Session; readonly fields: readonly string[]; readonly badges: Line | undefined; readonly position: string; readonly width: number};

export function Header({session, fields, badges, position, width}: Props) {
	const color = useColor();
	const state = runState(session);
	const right = ` ${state.text} ${position} `;
	const badgeWidth = badges ? badges.reduce((sum, part) => sum + cellWidth(part.text), 0) : 0;
	const leftWidth = Math.max(0, width - cellWidth(right) - badgeWidth);
	return (
		<Box width={width}>
			{/* One space at least between the fields and the badges. */}
			<Text bold>{fit(headerText(session, fields, badges ? leftWidth - 1 : leftWidth), leftWidth)}</Text>
			{badges ? (
				<Text>
					<Segments segments={fitLine(badges, badgeWidth)} />
				</Text>
			) : null}
			<Text bold color={color(state.tone)}>
				{fit(right, Math.min(cellWidth(right), width))}
			</Text>
		</Box>
	);
}
