/** The one keymap every mode shares, then the voting mode's keys, through the app's own path (actionForKey → sessionStep). */
import {describe, expect, it} from 'vitest';
import {faultInfo, faultTypes} from '../../../source/core/voting/fault.js';
import type {KeyPress} from '../../../source/core/engine/key-press.js';
import {actionForKey, shellHelp} from '../../../source/core/engine/keys.js';
import {sessionStep, type Overlay} from '../../../source/core/engine/session.js';
import {flagged} from '../helpers.js';
import {votingSession, type VotingSession} from './helpers.js';

const session = (overlay: Overlay = {kind: 'none'}, start: VotingSession = votingSession({paused: true})): VotingSession => ({...start, overlay});
const menu: Overlay = {kind: 'menu', name: 'fault'};
const help: Overlay = {kind: 'help', resume: false, page: 0};
const key = (input: string, extra: Omit<KeyPress, 'input'> = {}): KeyPress => ({input, ...extra});
const escapes = [key('', {escape: true}), key('', {escape: true, meta: true}), key('', {meta: true})];

/** Feeds key presses through the one keymap, as the app does; stops at 'quit'. */
function press(start: VotingSession, keys: KeyPress[]): VotingSession | 'quit' {
	let current = start;
	for (const k of keys) {
		const action = actionForKey(current, k);
		if (action === 'quit') return 'quit';
		if (action) current = sessionStep(current, action);
	}

	return current;
}

const pressed = (start: VotingSession, keys: KeyPress[]): VotingSession => {
	const result = press(start, keys);
	if (result === 'quit') throw new Error('quit early');
	return result;
};

describe('the shell keys, with nothing open', () => {
	const cases: Array<[string, KeyPress, ReturnType<typeof actionForKey>]> = [
		['space', key(' '), {type: 'toggle-pause'}],
		['s', key('s'), {type: 'step'}],
		['.', key('.'), {type: 'step'}],
		['page down', key('', {pageDown: true}), {type: 'step'}],
		['↓', key('', {downArrow: true}), {type: 'step'}],
		['b', key('b'), {type: 'back'}],
		[',', key(','), {type: 'back'}],
		['page up', key('', {pageUp: true}), {type: 'back'}],
		['↑', key('', {upArrow: true}), {type: 'back'}],
		['0', key('0'), {type: 'restart'}],
		['←', key('', {leftArrow: true}), {type: 'select-by', delta: -1}],
		['→', key('', {rightArrow: true}), {type: 'select-by', delta: 1}],
		['+', key('+'), {type: 'faster'}],
		['=', key('='), {type: 'faster'}],
		['-', key('-'), {type: 'slower'}],
		['_', key('_'), {type: 'slower'}],
		['?', key('?'), {type: 'toggle-help'}],
		['h', key('h'), {type: 'toggle-help'}],
		['Esc', key('', {escape: true}), {type: 'close-overlay'}],
		['Esc as Ink 6.8 sends it (escape + meta)', key('', {escape: true, meta: true}), {type: 'close-overlay'}],
		['Esc as meta with no input', key('', {meta: true}), {type: 'close-overlay'}],
		['q', key('q'), 'quit'],
		['Ctrl+C', key('c', {ctrl: true}), 'quit'],
		['Ctrl+Q (flow control, not quit)', key('q', {ctrl: true}), undefined],
		['Ctrl+F (not the fault menu)', key('f', {ctrl: true}), undefined],
		['Meta+R (not repair)', key('r', {meta: true}), undefined],
		['an unbound key', key('z'), undefined],
		['a plain c', key('c'), undefined],
		['Enter with no scenario holding', key('\r', {return: true}), undefined],
		['n with no scenario holding', key('n'), undefined],
	];
	for (const [name, press, expected] of cases) {
		it(`${name} → ${JSON.stringify(expected)}`, () => {
			expect(actionForKey(session(), press)).toEqual(expected);
		});
	}

	it('1–9 select columns 1–9', () => {
		for (let n = 1; n <= 9; n++) expect(actionForKey(session(), key(String(n)))).toEqual({type: 'select', column: n - 1});
	});
});

describe('presenter remotes: the keys they send do the common things, and ↑/↓ are one consistent pair', () => {
	it('space runs and pauses, PgDn/↓/. step forward, PgUp/↑ step back: the same as s and b', () => {
		const start = pressed(votingSession({paused: true}), [key('s'), key('s'), key('s')]);
		for (const forward of [key('', {pageDown: true}), key('', {downArrow: true}), key('.')]) {
			expect(pressed(start, [forward]).sim.index, JSON.stringify(forward)).toBe(4);
		}

		for (const backward of [key('', {pageUp: true}), key('', {upArrow: true}), key(',')]) {
			expect(pressed(start, [backward]).sim.index, JSON.stringify(backward)).toBe(2);
		}

		// ↓ then ↑ is where you were: the pair undo each other.
		expect(pressed(start, [key('', {downArrow: true}), key('', {upArrow: true})]).sim).toEqual(start.sim);
		expect(pressed(start, [key(' ')]).paused).toBe(false);
	});

	it('while a scenario holds at a pause point, Enter, space, PgDn and n continue it (and PgDn does not step)', () => {
		const waiting = sessionStep(votingSession({paused: true}), {type: 'await-presenter'});
		for (const go of [key('\r', {return: true}), key(' '), key('', {pageDown: true}), key('n')]) {
			expect(actionForKey(waiting, go), JSON.stringify(go)).toEqual({type: 'continue'});
		}

		// Every other key still works at a pause point.
		expect(actionForKey(waiting, key('s'))).toEqual({type: 'step'});
		expect(actionForKey(waiting, key('b'))).toEqual({type: 'back'});
		expect(actionForKey(waiting, key('q'))).toBe('quit');
	});
});

describe('the voting mode keys', () => {
	it('f opens the fault menu; r repairs the selected replica', () => {
		expect(actionForKey(session(), key('f'))).toEqual({type: 'open-menu', name: 'fault'});
		expect(actionForKey(session(), key('r'))).toEqual({type: 'mode', action: {type: 'repair', replica: 0}});
		const third = sessionStep(votingSession({paused: true}), {type: 'select', column: 2});
		expect(actionForKey(third, key('r'))).toEqual({type: 'mode', action: {type: 'repair', replica: 2}});
	});
});

describe('in the fault menu', () => {
	it('one letter per fault injects it into the selected replica', () => {
		const second = sessionStep(votingSession({paused: true}), {type: 'select', column: 1});
		for (const type of faultTypes) {
			expect(actionForKey(session(menu, second), key(faultInfo[type].key))).toEqual({type: 'mode', action: {type: 'inject', replica: 1, fault: type}});
		}
	});

	it('s means skip here, not step', () => {
		expect(actionForKey(session(menu), key('s'))).toEqual({type: 'mode', action: {type: 'inject', replica: 0, fault: 'skip'}});
	});

	it('Esc (either form), Backspace and q close the menu: a fumbled fault never quits the lecture', () => {
		for (const press of [...escapes, key('', {delete: true}), key('', {backspace: true}), key('q')]) {
			expect(actionForKey(session(menu), press), JSON.stringify(press)).toEqual({type: 'close-overlay'});
		}
	});

	it('other keys do nothing, and Ctrl+C still quits', () => {
		for (const press of [key(' '), key('r'), key('z'), key('1'), key('b'), key('0'), key('', {rightArrow: true}), key('', {pageUp: true})]) {
			expect(actionForKey(session(menu), press), JSON.stringify(press)).toBeUndefined();
		}

		expect(actionForKey(session(menu), key('c', {ctrl: true}))).toBe('quit');
	});
});

describe('with help open', () => {
	it('?, h, Esc and Enter close it', () => {
		for (const press of [key('?'), key('h'), ...escapes, key('', {return: true})]) {
			expect(actionForKey(session(help), press), JSON.stringify(press)).toEqual({type: 'close-overlay'});
		}
	});

	it('the stepping keys turn its pages: ↓ PgDn space s . forward, ↑ PgUp b , back', () => {
		for (const press of [key('', {downArrow: true}), key('', {pageDown: true}), key(' '), key('s'), key('.')]) expect(actionForKey(session(help), press)).toEqual({type: 'help-page', delta: 1});
		for (const press of [key('', {upArrow: true}), key('', {pageUp: true}), key('b'), key(',')]) expect(actionForKey(session(help), press)).toEqual({type: 'help-page', delta: -1});
	});

	it('other keys do nothing, but q and Ctrl+C still quit', () => {
		for (const press of [key('0'), key('f'), key('r'), key('+'), key('2')]) expect(actionForKey(session(help), press)).toBeUndefined();
		expect(actionForKey(session(help), key('q'))).toBe('quit');
		expect(actionForKey(session(help), key('c', {ctrl: true}))).toBe('quit');
	});
});

describe('keys driving a session', () => {
	it('the issue’s demo: s s 2 f <skip> s s s flags R2 on the quorum line', () => {
		const result = pressed(votingSession({model: 'chain', seed: 7, paused: true}), ['s', 's', '2', 'f', faultInfo.skip.key, 's', 's', 's'].map(input => key(input)));
		expect(result.sim.index).toBe(5);
		expect(result.selected).toBe(1);
		expect(result.overlay).toEqual({kind: 'none'});
		expect(flagged(result.sim)).toEqual([['R2', 'diverged', 3]]);
	});

	it('f then q closes the menu without injecting anything, and the next q quits', () => {
		const start = session();
		const result = pressed(start, [key('f'), key('q')]);
		expect(result.overlay).toEqual({kind: 'none'});
		expect(result.sim).toBe(start.sim);
		expect(press(result, [key('q')])).toBe('quit');
	});

	it('← from R1 wraps to the last replica; 9 with three replicas changes nothing', () => {
		expect(pressed(session(), [key('', {leftArrow: true}), key('9')]).selected).toBe(2);
	});

	it('s s s b b is s: the same state, byte for byte', () => {
		const start = votingSession({paused: true, seed: 4});
		expect(pressed(start, ['s', 's', 's', 'b', 'b'].map(input => key(input))).sim).toEqual(pressed(start, [key('s')]).sim);
	});

	it('0 after steps and a fault is the start again', () => {
		const start = votingSession({paused: true, seed: 4});
		const restarted = pressed(start, ['s', 's', '2', 'f', 'c', 's', '0'].map(input => key(input)));
		expect(restarted.sim).toBe(start.sim);
		expect(restarted.selected).toBe(1);
	});

	it('q stops the sequence', () => {
		expect(press(session(), [key('s'), key('q'), key('s')])).toBe('quit');
	});
});

describe('the shell help', () => {
	it('every line of the shell’s own help fits the help box of an 80-column terminal (76 cells), uncut', () => {
		// The overlay draws `${keys.padEnd(18)} ${what}` inside a border and a space of padding each side.
		for (const [keys, what] of shellHelp) expect(`${keys.padEnd(18)} ${what}`.length, keys).toBeLessThanOrEqual(76);
	});

	it('names every shell key the keymap knows', () => {
		const text = shellHelp.map(([keys, what]) => `${keys} ${what}`).join('\n');
		for (const key of ['space', 's', '.', 'PgDn', '↓', 'b', ',', 'PgUp', '↑', '0', '←', '→', '1–9', '+', '-', '?', 'esc', 'q', 'Ctrl+C']) expect(text, key).toContain(key);
	});
});
