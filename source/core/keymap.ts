import {faultForKey} from './fault.js';
import type {Session, SessionAction} from './session.js';
import {isQuitKey, type KeyPress} from './engine/key-press.js';

export {isQuitKey, type KeyPress} from './engine/key-press.js';

/**
 * The one keyboard map. Presenter remotes send space, '.', arrows and page
 * up/down, so those do the most common things. 'quit' is left to the caller.
 */
export function actionForKey(session: Session, key: KeyPress): SessionAction | 'quit' | undefined {
	const {input} = key;
	if (isQuitKey(key)) return 'quit';
	const isEscape = key.escape || (key.meta && input === '');
	if (session.overlay === 'fault-menu') {
		if (isEscape || key.delete || key.backspace) return {type: 'close-overlay'};
		const fault = faultForKey(input);
		return fault ? {type: 'inject', fault} : undefined;
	}

	if (session.overlay === 'help') {
		return isEscape || input === '?' || input === ' ' || key.return ? {type: 'close-overlay'} : undefined;
	}

	if (session.awaitingPresenter && (key.return || key.pageDown || input === 'n')) return {type: 'continue'};
	if (input === ' ' || key.pageUp) return {type: 'toggle-pause'};
	if (input === 's' || input === '.' || key.pageDown || key.downArrow) return {type: 'step'};
	if (key.leftArrow) return {type: 'select-by', delta: -1};
	if (key.rightArrow || key.upArrow) return {type: 'select-by', delta: 1};
	if (/^[1-9]$/.test(input)) return {type: 'select', replica: Number(input) - 1};
	if (input === 'f') return {type: 'open-fault-menu'};
	if (input === 'r') return {type: 'repair'};
	if (input === '+' || input === '=') return {type: 'faster'};
	if (input === '-' || input === '_') return {type: 'slower'};
	if (input === '?' || input === 'h') return {type: 'toggle-help'};
	if (isEscape) return {type: 'close-overlay'};
	return undefined;
}
