import type {KeyPress} from '../engine/key-press.js';
import type {KeyHint, KeyResult, Menu, MenuItem, UiState} from '../engine/mode.js';
import {splitGroups} from './fault-schedule.js';
import type {EtcdState} from './state.js';
import type {EtcdAction} from './types.js';

const readOnly = 'attached to a cluster this app did not start: faults need one it started';

type Choice = {readonly key: string; readonly label: string; readonly action?: EtcdAction; readonly disabled?: string};

/** Every fault the selected member can be given now, each with its key: the keys and the fault menu share this list. */
export function faultChoices(state: EtcdState, ui: UiState): Choice[] {
	const n = state.members.length;
	const selected = Math.min(Math.max(0, ui.selected), n - 1);
	const member = state.members[selected]!;
	const name = member.name;
	const leader = state.leader?.member;
	const leaderName = leader === undefined ? undefined : state.members[leader]!.name;
	const owned = state.info.owned;
	const gate = (choice: Choice, reason?: string): Choice => (!owned ? {key: choice.key, label: choice.label, disabled: readOnly} : reason ? {key: choice.key, label: choice.label, disabled: reason} : choice);
	const down = member.role === 'down';
	const paused = member.role === 'paused';
	const split = leader === undefined ? undefined : splitGroups(leader, n);
	const choices: Choice[] = [
		gate({key: 'x', label: `crash ${name} (SIGKILL)`, action: {type: 'crash', member: selected}}, down ? `${name} is already down` : undefined),
		gate({key: 'r', label: paused ? `resume ${name} (SIGCONT)` : `restart ${name} (same data dir)`, action: paused ? {type: 'resume', member: selected} : {type: 'restart', member: selected}}, down || paused ? undefined : `${name} is running`),
		gate({key: 'p', label: paused ? `resume ${name} (SIGCONT)` : `pause ${name} (SIGSTOP)`, action: paused ? {type: 'resume', member: selected} : {type: 'pause', member: selected}}, down ? `${name} is down` : undefined),
		gate({key: 'i', label: `isolate ${name} from the others`, action: {type: 'isolate', member: selected}}, n < 2 ? 'a single member has nobody to be cut off from' : undefined),
		gate({key: 'l', label: leaderName ? `isolate the leader (${leaderName})` : 'isolate the leader', action: {type: 'isolate', member: 'leader'}}, leader === undefined ? 'no leader now' : n < 2 ? 'a single member has nobody to be cut off from' : undefined),
		gate(
			{key: 'm', label: split ? `split: ${groupsText(state, split)}` : 'split: leader in the minority | majority', action: {type: 'split'}},
			leader === undefined ? 'no leader now' : n < 3 ? 'needs 3 members or more' : undefined,
		),
		gate({key: 'h', label: 'heal: reconnect everyone, no delays', action: {type: 'heal'}}, state.faults.partition.length === 0 && state.faults.delays.length === 0 ? 'no partition or delay to heal' : undefined),
		gate({key: 'd', label: `delay ${name}'s links…`}, down ? `${name} is down` : undefined),
		{key: 'v', label: `stale read from ${name}: serializable vs linearizable`, action: {type: 'stale-read', member: selected}, ...(down || paused ? {disabled: `${name} is ${member.role}`} : {})},
	];
	return choices;
}

function groupsText(state: EtcdState, groups: ReadonlyArray<readonly number[]>): string {
	return groups.map(group => group.map(i => state.members[i]!.name).join(' ')).join(' | ');
}

export function delayChoices(state: EtcdState, ui: UiState): Choice[] {
	const n = state.members.length;
	const selected = Math.min(Math.max(0, ui.selected), n - 1);
	const name = state.members[selected]!.name;
	const leader = state.leader?.member;
	const choices: Choice[] = [
		{key: '1', label: `every link of ${name} +100 ms`, action: {type: 'delay', a: selected, ms: 100}},
		{key: '3', label: `every link of ${name} +300 ms`, action: {type: 'delay', a: selected, ms: 300}},
		leader === undefined || leader === selected
			? {key: 'l', label: `${name} ↔ the leader +200 ms`, disabled: leader === undefined ? 'no leader now' : `${name} is the leader`}
			: {key: 'l', label: `${name} ↔ the leader (${state.members[leader]!.name}) +200 ms`, action: {type: 'delay', a: selected, b: leader, ms: 200}},
		{key: '0', label: `no delay on ${name}'s links`, action: {type: 'delay', a: selected, ms: 0}},
	];
	return state.info.owned ? choices : choices.map(choice => ({key: choice.key, label: choice.label, disabled: readOnly}));
}

const toResult = (choice: Choice | undefined): KeyResult<EtcdAction> | undefined => {
	if (!choice) return undefined;
	if (choice.key === 'd' && !choice.disabled) return {menu: 'delay'};
	// A key whose action cannot be taken now opens the menu, which says why.
	if (choice.disabled || !choice.action) return {menu: 'faults'};
	return {action: choice.action};
};

/** What a key means in the etcd mode (after the shell's own keys). */
export function etcdKeyAction(state: EtcdState, key: KeyPress, ui: UiState): KeyResult<EtcdAction> | undefined {
	if (key.ctrl || key.meta) return undefined;
	const input = key.input;
	if (input === 'f') return {menu: 'faults'};
	if (input === 'w') {
		if (!state.info.writes) return {menu: 'faults'};
		return {action: {type: 'writes', on: !state.writer.enabled}};
	}

	return toResult(faultChoices(state, ui).find(choice => choice.key === input));
}

export function etcdMenu(state: EtcdState, name: string, ui: UiState): Menu<EtcdAction> {
	const member = state.members[Math.min(Math.max(0, ui.selected), state.members.length - 1)]!;
	const choices = name === 'delay' ? delayChoices(state, ui) : faultChoices(state, ui);
	const items: Array<MenuItem<EtcdAction>> = choices.map(choice => ({
		key: choice.key,
		label: choice.label,
		...(choice.action ? {action: choice.action} : {}),
		...(choice.disabled ? {disabled: choice.disabled} : {}),
	}));
	return {title: name === 'delay' ? `Delay ${member.name}'s links (through the app's proxy)` : `Faults: ${member.name} is ${member.role}`, items};
}

export function etcdHints(state: EtcdState): KeyHint[] {
	if (!state.info.owned) return [{keys: 'v', label: 'stale read'}];
	return [
		{keys: 'x', label: 'crash'},
		{keys: 'r', label: 'restart'},
		{keys: 'p', label: 'pause'},
		{keys: 'i', label: 'isolate'},
		{keys: 'l', label: 'cut leader'},
		{keys: 'h', label: 'heal'},
		{keys: 'v', label: 'stale read'},
		{keys: 'w', label: 'writes'},
		{keys: 'f', label: 'faults'},
	];
}

export function etcdHelp(state: EtcdState): string[] {
	const lines = [
		'A real etcd cluster: every column is a running etcd process on this machine,',
		'polled ten times a second. Its role, term, commit and applied index come from',
		'etcd itself (/debug/vars and the status API); its keys are read from that member.',
		'The seeded kv inputs are written one at a time as idempotent transactions; each',
		"member's keys are checked against the model after the input it applied last.",
		'',
	];
	if (!state.info.owned) return [...lines, 'Attached to a cluster this app did not start: read-only (v: stale read).'];
	return [
		...lines,
		'x       crash the selected member (SIGKILL)',
		'r       restart it with the same flags and data dir (or resume it if paused)',
		'p       pause (SIGSTOP) or resume (SIGCONT) it',
		'i       isolate it: its peer links are cut by the proxy in this app',
		'l       isolate the leader       m  split: leader in the minority | majority',
		'h       heal every partition and delay',
		'd       delay the selected member\'s links',
		'v       stale read: serializable vs linearizable read of one key from it',
		'w       writes on / off          f  the fault menu',
		'',
		'Nothing here is simulated: which member leads, the terms and the timings',
		'vary from run to run; the keys, once every member has caught up, do not.',
	];
}
