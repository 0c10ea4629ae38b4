/**
 * The one keyboard map, shared by every mode. The same keys mean the same
 * things everywhere; a mode only adds its own (faults, partitions, …).
 * Presenter remotes send space, '.', arrows and page up/down, so those do the
 * most common things: PgDn and ↓ step forward, PgUp and ↑ step back.
 */
import {isQuitKey, type KeyPress} from './key-press.js';
import type {KeyHint} from './mode.js';
import type {Session, SessionAction} from './session.js';
import {timelineLegend} from './timeline-bar.js';

export const shellHints: readonly KeyHint[] = [
	{keys: 'space', label: 'run/pause'},
	{keys: 's', label: 'step'},
	{keys: 'b', label: 'back'},
];
export const shellTailHints: readonly KeyHint[] = [
	{keys: '+/-', label: 'speed'},
	{keys: '?', label: 'help'},
	{keys: 'q', label: 'quit'},
];

/** The shell's keys, for the help overlay. */
export const shellHelp: ReadonlyArray<readonly [keys: string, what: string]> = [
	['space', 'run or pause'],
	['s · . · PgDn · ↓', 'step: exactly one event (pauses first)'],
	['b · , · PgUp · ↑', 'step back one event (undoes your actions after it too)'],
	['0 · Home', 'restart from the beginning, same seed'],
	['{ · }', 'jump to the previous / next mark on the timeline'],
	['!', 'jump to the first violation'],
	[':', 'go to an event (:1200) or a time (:t5200; :5.2s in ms)'],
	...timelineLegend,
	['← → · 1–9', 'select a column'],
	['+ / -', 'faster / slower'],
	['P', 'save the screen as a PNG in the current folder'],
	['? · esc', 'this help, or close it (pauses a running stream)'],
	['Ctrl+L', 'redraw the whole screen'],
	['q · Ctrl+C', 'quit'],
];

/** The shell's keys with a live mode (a real cluster runs in real time: nothing steps back, the rate is --rate). */
export const liveShellHelp: ReadonlyArray<readonly [keys: string, what: string]> = [
	['space', 'turn the writes on or off'],
	['s · . · PgDn · ↓', 'write one input now'],
	['← → · 1–9', 'select a column'],
	['? · esc', 'this help, or close it'],
	['Ctrl+L', 'redraw the whole screen'],
	['q · Ctrl+C', 'quit (a cluster this app started is stopped, its files removed)'],
];

function isEscape(key: KeyPress): boolean {
	return Boolean(key.escape || (key.meta && key.input === ''));
}

/** A key in the go-to prompt: what it takes is typed (digits, t, s, a point), Backspace erases, Enter goes, esc or q closes. */
function gotoKey(text: string, key: KeyPress): SessionAction | 'quit' | undefined {
	if (key.ctrl && key.input === 'c') return 'quit';
	if (isEscape(key) || key.input === 'q') return {type: 'close-overlay'};
	if (key.return) return {type: 'goto-submit'};
	if (key.delete || key.backspace) return {type: 'goto-text', text: text.slice(0, -1)};
	if (/^[\dts.]$/.test(key.input) && text.length < 16) return {type: 'goto-text', text: text + key.input};
	return undefined;
}

export function actionForKey(session: Session, key: KeyPress): SessionAction | 'quit' | undefined {
	const {input} = key;
	const {overlay, mode} = session;
	if (overlay.kind === 'menu') {
		// In a menu, q and Esc close the menu: a presenter fumbling a fault never quits the lecture.
		if (isEscape(key) || key.delete || key.backspace || input === 'q') return {type: 'close-overlay'};
		if (isQuitKey(key)) return 'quit';
		const item = mode.menu(session.sim, overlay.name, session).items.find((candidate: {key: string}) => candidate.key === input);
		if (!item) return undefined;
		if (item.action === undefined) return {type: 'notice', text: item.disabled ?? `${item.label}: not possible now`};
		return {type: 'mode', action: item.action};
	}

	if (overlay.kind === 'goto') return gotoKey(overlay.text, key);
	if (isQuitKey(key)) return 'quit';
	if (overlay.kind === 'help') {
		if (key.pageDown || key.downArrow || input === ' ' || input === 's' || input === '.') return {type: 'help-page', delta: 1};
		if (key.pageUp || key.upArrow || input === 'b' || input === ',') return {type: 'help-page', delta: -1};
		return isEscape(key) || input === '?' || input === 'h' || key.return ? {type: 'close-overlay'} : undefined;
	}

	// Space at a pause point goes on with the scenario, as it does after a hold between pause points: running the
	// board on from there would leave the script behind, and its next claims would be judged on a board it never made.
	if (session.awaitingPresenter && (key.return || key.pageDown || input === 'n' || input === ' ')) return {type: 'continue'};
	if (input === ' ') return {type: 'toggle-pause'};
	if (input === 's' || input === '.' || key.pageDown || key.downArrow) return {type: 'step'};
	if (input === 'b' || input === ',' || key.pageUp || key.upArrow) return {type: 'back'};
	if (input === '0' || key.home) return {type: 'restart'};
	if (input === '{' || input === '}') return {type: 'jump-mark', delta: input === '{' ? -1 : 1};
	if (input === '!') return {type: 'jump-violation'};
	if (input === ':') return {type: 'goto-open'};
	if (key.leftArrow) return {type: 'select-by', delta: -1};
	if (key.rightArrow) return {type: 'select-by', delta: 1};
	if (/^[1-9]$/.test(input)) return {type: 'select', column: Number(input) - 1};
	if (input === '+' || input === '=') return {type: 'faster'};
	if (input === '-' || input === '_') return {type: 'slower'};
	if (input === '?') return {type: 'toggle-help'};
	const result = key.ctrl || key.meta ? undefined : mode.keyAction(session.sim, key, session);
	if (result) {
		if ('action' in result) return {type: 'mode', action: result.action};
		if ('menu' in result) return {type: 'open-menu', name: result.menu};
		if ('toggle' in result) return {type: 'toggle-diagram'};
		return {type: 'cursor-by', delta: result.cursor};
	}

	if (input === 'h') return {type: 'toggle-help'};
	if (isEscape(key)) return {type: 'close-overlay'};
	return undefined;
}
