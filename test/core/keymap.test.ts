import {describe, expect, it} from 'vitest';
import {faultInfo, faultTypes} from '../../source/core/fault.js';
import {actionForKey, type KeyPress} from '../../source/core/keymap.js';
import {quorumStatus} from '../../source/core/quorum.js';
import {createSession, sessionStep, type Overlay, type Session} from '../../source/core/session.js';
import {sim} from './helpers.js';

const session = (overlay: Overlay = 'none'): Session => ({...createSession(sim(), {paused: true}), overlay});
const key = (input: string, extra: Omit<KeyPress, 'input'> = {}): KeyPress => ({input, ...extra});

/** Feeds key presses through the one keymap, as the app does; stops at 'quit'. */
function press(start: Session, keys: KeyPress[]): Session | 'quit' {
	let current = start;
	for (const k of keys) {
		const action = actionForKey(current, k);
		if (action === 'quit') return 'quit';
		if (action) current = sessionStep(current, action);
	}

	return current;
}

describe('the keymap, with nothing open', () => {
	const cases: Array<[string, KeyPress, ReturnType<typeof actionForKey>]> = [
		['space', key(' '), {type: 'toggle-pause'}],
		['page up', key('', {pageUp: true}), {type: 'toggle-pause'}],
		['s', key('s'), {type: 'step'}],
		['.', key('.'), {type: 'step'}],
		['page down', key('', {pageDown: true}), {type: 'step'}],
		['↓', key('', {downArrow: true}), {type: 'step'}],
		['←', key('', {leftArrow: true}), {type: 'select-by', delta: -1}],
		['→', key('', {rightArrow: true}), {type: 'select-by', delta: 1}],
		['↑', key('', {upArrow: true}), {type: 'select-by', delta: 1}],
		['f', key('f'), {type: 'open-fault-menu'}],
		['r', key('r'), {type: 'repair'}],
		['+', key('+'), {type: 'faster'}],
		['=', key('='), {type: 'faster'}],
		['-', key('-'), {type: 'slower'}],
		['_', key('_'), {type: 'slower'}],
		['?', key('?'), {type: 'toggle-help'}],
		['h', key('h'), {type: 'toggle-help'}],
		['Esc', key('', {escape: true}), {type: 'close-overlay'}],
		['Esc as meta with no input', key('', {meta: true}), {type: 'close-overlay'}],
		['q', key('q'), 'quit'],
		['Ctrl+C', key('c', {ctrl: true}), 'quit'],
		['Ctrl+Q (flow control, not quit)', key('q', {ctrl: true}), undefined],
		['an unbound key', key('z'), undefined],
		['0', key('0'), undefined],
		['a plain c', key('c'), undefined],
	];
	for (const [name, press, expected] of cases) {
		it(`${name} → ${JSON.stringify(expected)}`, () => {
			expect(actionForKey(session(), press)).toEqual(expected);
		});
	}

	it('1–9 select R1–R9', () => {
		for (let n = 1; n <= 9; n++) expect(actionForKey(session(), key(String(n)))).toEqual({type: 'select', replica: n - 1});
	});
});

describe('the keymap, in the fault menu', () => {
	it('one letter per fault injects it', () => {
		for (const type of faultTypes) expect(actionForKey(session('fault-menu'), key(faultInfo[type].key))).toEqual({type: 'inject', fault: type});
	});

	it('s means skip here, not step', () => {
		expect(actionForKey(session('fault-menu'), key('s'))).toEqual({type: 'inject', fault: 'skip'});
	});

	it('Esc (either form) and Backspace cancel', () => {
		for (const press of [key('', {escape: true}), key('', {meta: true}), key('', {delete: true}), key('', {backspace: true})]) {
			expect(actionForKey(session('fault-menu'), press)).toEqual({type: 'close-overlay'});
		}
	});

	it('other keys do nothing, but q and Ctrl+C still quit', () => {
		for (const press of [key(' '), key('r'), key('z'), key('1'), key('', {rightArrow: true})]) expect(actionForKey(session('fault-menu'), press)).toBeUndefined();
		expect(actionForKey(session('fault-menu'), key('q'))).toBe('quit');
		expect(actionForKey(session('fault-menu'), key('c', {ctrl: true}))).toBe('quit');
	});
});

describe('the keymap, with help open', () => {
	it('?, Esc, space and Enter close it', () => {
		for (const press of [key('?'), key('', {escape: true}), key('', {meta: true}), key(' '), key('', {return: true})]) {
			expect(actionForKey(session('help'), press)).toEqual({type: 'close-overlay'});
		}
	});

	it('other keys do nothing, but q still quits', () => {
		for (const press of [key('s'), key('f'), key('r'), key('+')]) expect(actionForKey(session('help'), press)).toBeUndefined();
		expect(actionForKey(session('help'), key('q'))).toBe('quit');
	});
});

describe('keys driving a session', () => {
	it('the issue’s demo: s s 2 f <skip> s s s flags R2 on the quorum line', () => {
		const start = createSession(sim({model: 'chain', seed: 7}), {paused: true});
		const result = press(start, ['s', 's', '2', 'f', faultInfo.skip.key, 's', 's', 's'].map(input => key(input)));
		if (result === 'quit') throw new Error('quit early');
		expect(result.sim.index).toBe(5);
		expect(result.selected).toBe(1);
		expect(result.overlay).toBe('none');
		expect(quorumStatus(result.sim).outOfLine).toEqual([{name: 'R2', reason: 'diverged', divergedSince: 3, applied: 5, behind: 0}]);
	});

	it('f then Esc cancels without injecting anything', () => {
		const start = session();
		const result = press(start, [key('f'), key('', {escape: true})]);
		expect(result).not.toBe('quit');
		expect((result as Session).overlay).toBe('none');
		expect((result as Session).sim).toBe(start.sim);
	});

	it('← from R1 wraps to the last replica; 9 with three replicas changes nothing', () => {
		const result = press(session(), [key('', {leftArrow: true}), key('9')]) as Session;
		expect(result.selected).toBe(2);
	});

	it('q stops the sequence', () => {
		expect(press(session(), [key('s'), key('q'), key('s')])).toBe('quit');
	});
});
