import {Text} from 'ink';
import {shellHints, shellTailHints} from '../core/engine/keys.js';
import type {KeyHint, Menu} from '../core/engine/mode.js';
import type {Session} from '../core/engine/session.js';
import {cellWidth, fit} from '../core/engine/text.js';
import {useColor} from './theme.js';
import {isLive} from '../live/shell-mode.js';

const show = (hints: readonly KeyHint[], separator: string) => ` ${hints.map(hint => `${hint.keys} ${hint.label}`).join(separator)}`;

/**
 * The key hints, always ending in "q quit": the shell's and the mode's, with
 * the mode's least important ones dropped first when the line is too narrow.
 */
export function hintLine(modeHints: readonly KeyHint[], width: number, live = false): string {
	// A live cluster runs in real time: space turns its writes on and off, s writes one, and nothing steps back.
	const head = live ? [{keys: 'space', label: 'writes on/off'}, {keys: 's', label: 'write one'}] : shellHints;
	const tail = live ? shellTailHints.filter(hint => hint.keys !== '+/-') : shellTailHints;
	for (let kept = modeHints.length; kept >= 0; kept--) {
		const hints = [...head, ...modeHints.slice(0, kept), ...tail];
		for (const separator of [' · ', '  ']) {
			const text = show(hints, separator);
			if (cellWidth(text) <= width) return text;
		}
	}

	return fit(show([...shellHints.slice(0, 2), shellTailHints.at(-1)!], ' '), width);
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

export function KeyHints({session, menu, width}: Props) {
	const color = useColor();
	if (menu) {
		return (
			<Text bold inverse color={color('warn')}>
				{fit(menuLine(menu, width) ?? ` ${menu.title}: press a key above · esc cancel`, width)}
			</Text>
		);
	}

	if (session.overlay.kind === 'help') return <Text color={color('dim')}>{fit(' ↓ ↑ page · esc or ? close help · q quit', width)}</Text>;
	if (session.awaitingPresenter || session.ended) {
		const text = session.awaitingPresenter ? presenterText : isLive(session.mode) ? liveEndedText : endedText;
		return (
			<Text bold inverse color={color('accent')}>
				{fit(cellWidth(text) <= width ? text : text.replace(' · other keys work', '').replace(' · space runs on', ''), width)}
			</Text>
		);
	}

	return <Text color={color('dim')}>{fit(hintLine(session.mode.hints(session.sim, session), width, isLive(session.mode)), width)}</Text>;
}
