import {Text} from 'ink';
import {useContext} from 'react';
import {CourseContext, courseEndText, inCourse, type CourseHints} from './course-hints.js';
import {shellHints, shellTailHints} from '../core/engine/keys.js';
import type {KeyHint, Menu} from '../core/engine/mode.js';
import type {Session} from '../core/engine/session.js';
import {cellWidth, fit} from '../core/engine/text.js';
import {useColor} from './theme.js';
import {gotoSyntax} from '../core/engine/timeline.js';
import {isLive, type ShellLiveMode} from '../live/shell-mode.js';

/** Which shell keys apply: a simulation's, a live cluster's, or an attached (read-only) cluster's, where nothing writes. */
type ShellKind = 'simulated' | 'live' | 'read-only';

export function shellKindOf(session: Session): ShellKind {
	if (!isLive(session.mode)) return 'simulated';
	return (session.mode as ShellLiveMode).writable(session.sim) ? 'live' : 'read-only';
}

const show = (hints: readonly KeyHint[], separator: string) => ` ${hints.map(hint => `${hint.keys} ${hint.label}`).join(separator)}`;

/** The shell's keys: a live cluster runs in real time (space turns its writes on and off, s writes one, nothing steps back); an attached one writes nothing. */
function shellKeys(kind: ShellKind): {head: readonly KeyHint[]; tail: readonly KeyHint[]} {
	if (kind === 'simulated') return {head: shellHints, tail: shellTailHints};
	const tail = shellTailHints.filter(hint => hint.keys !== '+/-');
	return kind === 'live' ? {head: [{keys: 'space', label: 'writes on/off'}, {keys: 's', label: 'write one'}], tail} : {head: [], tail};
}

/** The widest of `candidates` (tried in order) that fits `width`, else undefined. */
function firstFitting(candidates: readonly string[], width: number): string | undefined {
	return candidates.find(text => cellWidth(text) <= width);
}

/**
 * The key hints, always ending in "q quit": the shell's and the mode's, with
 * the mode's least important ones dropped first when the line is too narrow.
 */
export function hintLine(modeHints: readonly KeyHint[], width: number, kind: ShellKind = 'simulated'): string {
	const {head, tail} = shellKeys(kind);
	for (let kept = modeHints.length; kept >= 0; kept--) {
		const text = firstFitting([' · ', '  '].map(separator => show([...head, ...modeHints.slice(0, kept), ...tail], separator)), width);
		if (text !== undefined) return text;
	}

	return fit(show([...shellHints.slice(0, 2), shellTailHints.at(-1)!], ' '), width);
}

/** Whether the shell's keys and the mode's, all but at most its least important one, fit on one line of `width`. */
export function hintsFitOneRow(modeHints: readonly KeyHint[], width: number, kind: ShellKind = 'simulated'): boolean {
	const {head, tail} = shellKeys(kind);
	const most = modeHints.slice(0, Math.max(0, modeHints.length - 1));
	return firstFitting([' · ', '  '].map(separator => show([...head, ...most, ...tail], separator)), width) !== undefined;
}

/** The mode's keys on a row of their own (when they do not fit beside the shell's), the least important dropped first. */
export function modeHintRow(modeHints: readonly KeyHint[], width: number): string {
	for (let kept = modeHints.length; kept > 0; kept--) {
		const text = firstFitting([' · ', '  '].map(separator => show(modeHints.slice(0, kept), separator)), width);
		if (text !== undefined) return text;
	}

	return '';
}

/** The rows the key hints take: one, or two when the mode's keys do not fit beside the shell's (at 80 columns: raft, order, sourcing, etcd). */
export function hintRowsFor(session: Session, width: number): 1 | 2 {
	// The help lists every key: its one hint row says how to page and close it.
	if (session.overlay.kind === 'help') return 1;
	const modeHints = session.mode.hints(session.sim, session);
	return modeHints.length === 0 || hintsFitOneRow(modeHints, width, shellKindOf(session)) ? 1 : 2;
}

/** A menu on one line, if it fits: " fault for R2: s skip · f flaky · … · esc cancel". */
export function menuLine(menu: Menu<unknown>, width: number): string | undefined {
	const choices = [...menu.items.map(item => `${item.key} ${item.label}`), 'esc cancel'];
	for (const separator of [' · ', '  ']) {
		const text = ` ${menu.title}: ${choices.join(separator)}`;
		if (cellWidth(text) <= width) return text;
	}

	// Tightest: every key stays, and Esc is named shortly.
	const tight = ` ${menu.title}: ${[...choices.slice(0, -1), 'esc'].join(' ')}`;
	return cellWidth(tight) <= width ? tight : undefined;
}

const presenterText = ' ‖ scenario paused: Enter, PgDn or n continues · other keys work · q quit';
const endedText = ' ■ end of the scenario · b steps back · 0 restarts · space runs on · q quit';
/** A real cluster has nothing to step back to: at the end its writes are off, and space turns them on. */
const liveEndedText = ' ■ end of the scenario · space turns the writes on · other keys work · q quit';

type Props = {readonly session: Session; readonly menu: Menu<unknown> | undefined; readonly width: number};

/** The key hints: one row, or two (the shell's keys, then the mode's) when the mode's do not fit beside the shell's. */
export function KeyHints({session, menu, width}: Props) {
	const color = useColor();
	const course = useContext(CourseContext);
	const rows = hintRowsFor(session, width);
	const modeHints = session.mode.hints(session.sim, session);
	const special = specialLine(session, menu, width, color, course);
	if (special) {
		// It keeps the bottom row; the row above stays empty, so that nothing above moves.
		return rows === 1 ? special : (
			<>
				<Text> </Text>
				{special}
			</>
		);
	}

	if (rows === 1) return <Text color={color('dim')}>{fit(inCourse(hintLine(modeHints, width, shellKindOf(session)), width, course), width)}</Text>;
	return (
		<>
			<Text color={color('dim')}>{fit(inCourse(hintLine([], width, shellKindOf(session)), width, course), width)}</Text>
			<Text color={color('dim')}>{fit(modeHintRow(modeHints, width), width)}</Text>
		</>
	);
}

/** The hint row of a menu, the help, a scenario's pause point or its end, instead of the keys. */
function specialLine(session: Session, menu: Menu<unknown> | undefined, width: number, color: ReturnType<typeof useColor>, course: CourseHints | undefined) {
	if (menu) {
		return (
			<Text bold inverse color={color('warn')}>
				{fit(menuLine(menu, width) ?? ` ${menu.title}: press a key above · esc cancel`, width)}
			</Text>
		);
	}

	if (session.overlay.kind === 'help') return <Text color={color('dim')}>{fit(inCourse(' ↓ ↑ page · esc or ? close help · q quit', width, course), width)}</Text>;
	if (session.overlay.kind === 'goto') {
		const typed = ` go to: ${session.overlay.text}▏`;
		const full = `${typed} ${gotoSyntax(session.mode)} · Enter go · esc cancel`;
		return (
			<Text bold inverse color={color('accent')}>
				{fit(cellWidth(full) <= width ? full : `${typed} Enter go · esc cancel`, width)}
			</Text>
		);
	}

	if (session.awaitingPresenter || session.ended) {
		const text = session.awaitingPresenter ? inCourse(presenterText, width, course) : course ? courseEndText(course, width) : isLive(session.mode) ? liveEndedText : endedText;
		return (
			<Text bold inverse color={color('accent')}>
				{fit(cellWidth(text) <= width ? text : text.replace(' · other keys work', '').replace(' · space runs on', ''), width)}
			</Text>
		);
	}

	return undefined;
}
