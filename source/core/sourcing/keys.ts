/** The mode's keys, menu, hints and help. The shell's own keys come first (space s . , b 0 ←→ ↑↓ 1-9 + - ? q PgUp PgDn Enter Esc). */
import type {HelpEntry, KeyHint, KeyResult, Menu, MenuItem} from '../engine/mode.js';
import type {KeyPress} from '../engine/key-press.js';
import type {SourcingAction} from './actions.js';
import {describeRules} from './code.js';
import type {SourcingState} from './state.js';

export const actionsMenu = 'actions';

const toggleVersion = (state: SourcingState) => (state.code.version === 1 ? 2 : 1);

export function actionForKey(state: SourcingState, input: string): SourcingAction | undefined {
	switch (input) {
		case 'd':
			return {type: 'deploy', version: toggleVersion(state)};
		case 'r':
			return {type: 'replay', from: 'empty'};
		case 'R':
			return {type: 'replay', from: 'snapshot'};
		case 'g':
			return {type: 'finish'};
		case 'n':
			return {type: 'snapshot'};
		case 'c':
			return {type: 'clock', read: !state.code.readsClock};
		case 'x':
			return {type: 'random', read: !state.code.readsRandom};
		case 'f':
			return {type: 'fix'};
		case 'e':
			return {type: 'schema', version: 2};
		default:
			return undefined;
	}
}

export function keyAction(state: SourcingState, key: KeyPress): KeyResult<SourcingAction> | undefined {
	if (key.ctrl || key.meta) return undefined;
	if (key.input === 'm') return {menu: actionsMenu};
	const action = actionForKey(state, key.input);
	return action ? {action} : undefined;
}

export function menu(state: SourcingState): Menu<SourcingAction> {
	const running = state.replay ? `replay ${state.replay.number} is running (g finishes it)` : undefined;
	const item = (key: string, label: string, disabled?: string): MenuItem<SourcingAction> =>
		disabled ? {key, label, disabled} : {key, label, action: actionForKey(state, key)!};
	const other = toggleVersion(state);
	return {
		title: 'sourcing: actions',
		items: [
			item('d', `deploy v${other} (${describeRules(other)})`, running),
			item('r', 'replay both journals from empty', running ?? (state.sequencer.issued === 0 ? 'nothing to replay yet' : undefined)),
			item('R', 'replay from the snapshot', running ?? (state.snapshot ? undefined : 'no snapshot yet (n takes one)')),
			item('g', 'finish the running replay now', state.replay ? undefined : 'no replay is running'),
			item('n', 'take a snapshot (records the code that made it)', running),
			item('c', state.code.readsClock ? 'capture time: read the time stamped in the command' : 'read the clock instead of the stamped time ⚠', running),
			item('x', state.code.readsRandom ? 'capture random: use the number stamped in the command' : 'draw a random number instead of the stamped one ⚠', running),
			item('f', "fix v1's bug (a rejected transfer still credits the payee)", running ?? (state.code.bugFixed ? 'already fixed' : undefined)),
			item('e', 'event schema 2 (interest events gain a rate; old ones upcast)', running ?? (state.schema === 2 ? 'already schema 2' : undefined)),
		],
	};
}

export function hints(state: SourcingState): KeyHint[] {
	const common: KeyHint[] = [
		{keys: 'd', label: `deploy v${toggleVersion(state)}`},
		{keys: 'r', label: 'replay'},
		{keys: 'c', label: state.code.readsClock ? 'capture time' : 'read clock'},
		{keys: 'n', label: 'snapshot'},
		{keys: 'f', label: 'fix bug'},
		{keys: 'e', label: 'schema'},
		{keys: 'x', label: state.code.readsRandom ? 'capture random' : 'read random'},
		{keys: 'R', label: 'replay snapshot'},
		{keys: 'm', label: 'menu'},
	];
	return state.replay ? [{keys: 'g', label: 'finish replay'}, ...common] : common;
}

export function help(): HelpEntry[] {
	return [
		['d', `deploy v2 (${describeRules(2)}); again: back to v1 (${describeRules(1)})`],
		['r / R', 'replay both journals from empty / from the snapshot'],
		['g', 'finish a running replay now (a replay re-runs one command a step)'],
		['n', 'take a snapshot (it records which code version made it)'],
		['c', 'the logic reads the clock ⚠ / the time stamped into the command ✓'],
		['x', 'the logic draws its own random number ⚠ / uses the stamped one ✓'],
		['f', 'fix v1\'s bug: a rejected transfer still credits the payee'],
		['e', 'event schema 2: interest events gain a rate; old events are upcast on read'],
		['m', 'all of these in a menu'],
		'',
		'Command sourcing journals the commands and derives state by running the logic: a replay runs the code deployed now, so new rules, a clock read or a random draw change history, and a bug fix re-derives it.',
		'Event sourcing journals the facts the logic decided and derives state by applying them: a replay never changes anything, and a fix must append compensating events. Replays send no messages: their outputs are suppressed and counted.',
	];
}

/** Every glyph and abbreviation the sourcing screen draws. */
export function legend(): HelpEntry[] {
	return [
		['cmd  evt', 'the command-sourced pipeline (journals commands) / the event-sourced one (journals events)'],
		['#12', 'command 12; in the event journal, the event\'s position'],
		['▸', 'the latest entry, or the one a replay is at'],
		['✓ accepted', 'what the logic decided on a command'],
		['✗ declined', 'declined; ✗ but C +45: declined, yet the payee was credited (v1\'s bug)'],
		['✓ received', 'a message the outbox sent'],
		['→  ⊘', 'a message sent / held back (a replay sends nothing)'],
		['⚠ clock read', 'the logic reads the clock itself: a replay can decide differently'],
		['⚠ random read', 'the logic draws a random number itself: a replay can decide differently'],
		['⟳  ⟳3/12', 'a replay, and how far it is'],
		['Δ', 'a decision the replay changed (Δ 2 re-decided)'],
		['✎', 'a balance the replay changed: ✎ was 107'],
		['↺', 'a compensating event (event sourcing\'s fix)'],
		['⇡', 'an event upcast from schema 1 on read'],
		['⇪', 'a new code version deployed'],
		['≈', 'the balances agree, but interest is paid through different times'],
		['=', 'nothing to compensate'],
		['+2 +1 +0 +4', 'interest credited to A, B, C, D'],
		['A 0 · B 0 · C 0', 'the balances of the accounts A to D'],
		['████░░', 'how far a replay has got'],
		['v1  v2', 'the code version deployed (its rules in the help\'s d line)'],
	];
}
