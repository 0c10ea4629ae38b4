/**
 * The etcd mode's keys and menus, the same as the Raft mode's where they mean
 * the same thing: x crash/restart, p network menu (isolate, isolate the
 * leader, split, heal), l links menu (delays), r a client request (here: the
 * next write). Its own: z pause/resume (SIGSTOP/SIGCONT), v stale read,
 * w writes on/off, f every fault in one menu. (The shell's keys come first.)
 */
import type {KeyPress} from '../engine/key-press.js';
import type {HelpEntry, KeyHint, KeyResult, Menu, MenuItem, UiState} from '../engine/mode.js';
import {splitGroups} from './fault-schedule.js';
import type {EtcdState} from './state.js';
import type {EtcdAction} from './types.js';

const readOnly = 'attached to a cluster this app did not start: faults and writes need one it started';

/** Extra latency the links menu adds. */
export const slowMs = 100;
export const verySlowMs = 300;

type Choice = {readonly key: string; readonly label: string; readonly action?: EtcdAction; readonly menu?: string; readonly disabled?: string};

function selectedOf(state: EtcdState, ui: UiState): number {
	return Math.min(Math.max(0, ui.selected), state.members.length - 1);
}

const groupsText = (state: EtcdState, groups: ReadonlyArray<readonly number[]>) => groups.map(group => group.map(i => state.members[i]!.name).join(' ')).join(' | ');

/** Only a cluster this app started takes faults and writes. */
function gated(state: EtcdState, choices: readonly Choice[], keep: readonly string[] = []): Choice[] {
	if (state.info.owned) return [...choices];
	return choices.map(choice => (keep.includes(choice.key) ? choice : {key: choice.key, label: choice.label, disabled: readOnly}));
}

/** The member keys: crash/restart, pause/resume, stale read, one write, writes on/off, and the two menus. */
export function memberChoices(state: EtcdState, ui: UiState): Choice[] {
	const selected = selectedOf(state, ui);
	const member = state.members[selected]!;
	const name = member.name;
	const down = member.role === 'down';
	const paused = member.role === 'paused';
	const writes = state.info.writes;
	const choices: Choice[] = [
		down ? {key: 'x', label: `restart ${name} (same flags and data dir)`, action: {type: 'restart', member: selected}} : {key: 'x', label: `crash ${name} (SIGKILL)`, action: {type: 'crash', member: selected}},
		paused
			? {key: 'z', label: `resume ${name} (SIGCONT)`, action: {type: 'resume', member: selected}}
			: {key: 'z', label: `pause ${name} (SIGSTOP)`, ...(down ? {disabled: `${name} is down`} : {action: {type: 'pause', member: selected}})},
		{key: 'p', label: 'network…: isolate, split, heal', menu: 'network'},
		{key: 'l', label: `links…: delay ${name}'s links`, menu: 'links'},
		{key: 'r', label: 'write the next input now', action: {type: 'write-one'}},
		{key: 'w', label: state.writer.enabled ? 'writes off' : 'writes on', action: {type: 'writes', on: !state.writer.enabled}},
		{key: 'v', label: `stale read from ${name}: serializable vs linearizable`, ...(down || paused ? {disabled: `${name} is ${member.role}`} : {action: {type: 'stale-read', member: selected}})},
	];
	return gated(state, choices.map(choice => (!writes && (choice.key === 'r' || choice.key === 'w') ? {key: choice.key, label: choice.label, disabled: readOnly} : choice)), ['v']);
}

export function networkChoices(state: EtcdState, ui: UiState): Choice[] {
	const n = state.members.length;
	const selected = selectedOf(state, ui);
	const name = state.members[selected]!.name;
	const leader = state.leader?.member;
	const noLeader = leader === undefined ? 'there is no leader now' : undefined;
	const alone = n < 2 ? 'a single member has nobody to be cut off from' : undefined;
	const splitLabel = (side: 'majority' | 'minority') => (leader === undefined ? `split: the leader in a ${side}` : `split: ${groupsText(state, splitGroups(leader, n, side))}`);
	const healthy = state.faults.partition.length === 0 && state.faults.delays.length === 0;
	return gated(state, [
		{key: 'i', label: `isolate ${name}`, ...(alone ? {disabled: alone} : {action: {type: 'isolate', member: selected}})},
		{key: 'l', label: `isolate the leader${leader === undefined ? '' : ` (${state.members[leader]!.name})`}`, ...(noLeader || alone ? {disabled: noLeader ?? alone} : {action: {type: 'isolate', member: 'leader'}})},
		{key: 'm', label: splitLabel('majority'), ...(noLeader || n < 3 ? {disabled: noLeader ?? 'needs 3 members or more'} : {action: {type: 'split', leaderSide: 'majority'}})},
		{key: 'n', label: splitLabel('minority'), ...(noLeader || n < 3 ? {disabled: noLeader ?? 'needs 3 members or more'} : {action: {type: 'split', leaderSide: 'minority'}})},
		{key: 'h', label: 'heal: every link works again, no delays', ...(healthy ? {disabled: 'no partition or delay to heal'} : {action: {type: 'heal'}})},
	]);
}

export function linkChoices(state: EtcdState, ui: UiState): Choice[] {
	const selected = selectedOf(state, ui);
	const name = state.members[selected]!.name;
	const leader = state.leader?.member;
	return gated(state, [
		{key: 'w', label: `slow ${name}'s links by ${slowMs} ms`, action: {type: 'delay', a: selected, ms: slowMs}},
		{key: 'v', label: `slow ${name}'s links by ${verySlowMs} ms`, action: {type: 'delay', a: selected, ms: verySlowMs}},
		leader === undefined || leader === selected
			? {key: 'l', label: `slow ${name}↔leader by ${verySlowMs} ms`, disabled: leader === undefined ? 'there is no leader now' : `${name} is the leader`}
			: {key: 'l', label: `slow ${name}↔${state.members[leader]!.name} (the leader) by ${verySlowMs} ms`, action: {type: 'delay', a: selected, b: leader, ms: verySlowMs}},
		{key: 'f', label: `normal latency on ${name}'s links`, action: {type: 'delay', a: selected, ms: 0}},
	]);
}

const toResult = (choice: Choice | undefined, menu: string): KeyResult<EtcdAction> | undefined => {
	if (!choice) return undefined;
	if (choice.menu && !choice.disabled) return {menu: choice.menu};
	// A key that cannot act now opens its menu, which says why.
	if (choice.disabled || !choice.action) return {menu};
	return {action: choice.action};
};

/** What a key means in the etcd mode (after the shell's own keys). */
export function etcdKeyAction(state: EtcdState, key: KeyPress, ui: UiState): KeyResult<EtcdAction> | undefined {
	if (key.ctrl || key.meta) return undefined;
	if (key.input === 'f') return {menu: 'faults'};
	return toResult(memberChoices(state, ui).find(choice => choice.key === key.input), 'faults');
}

const asItems = (choices: readonly Choice[]): Array<MenuItem<EtcdAction>> =>
	choices.map(choice => ({key: choice.key, label: choice.label, ...(choice.action ? {action: choice.action} : {}), ...(choice.disabled ? {disabled: choice.disabled} : {})}));

/**
 * Menus: `network` (p), `links` (l), and `faults` (f), which lists the member
 * keys; its `p` and `l` items name the other menus, whose keys work from the
 * main screen.
 */
export function etcdMenu(state: EtcdState, name: string, ui: UiState): Menu<EtcdAction> {
	const member = state.members[selectedOf(state, ui)]!;
	switch (name) {
		case 'network':
			return {title: `network · selected ${member.name} (cuts links in the app's peer proxy)`, items: asItems(networkChoices(state, ui))};
		case 'links':
			return {title: `links · selected ${member.name} (delays in the app's peer proxy)`, items: asItems(linkChoices(state, ui))};
		case 'faults':
			return {title: `${member.name} is ${member.role}`, items: asItems(memberChoices(state, ui).map(choice => (choice.menu ? {key: choice.key, label: choice.label, ...(choice.disabled ? {disabled: choice.disabled} : {disabled: `press ${choice.key} on the main screen`})} : choice)))};
		default:
			return {title: `no menu "${name}"`, items: []};
	}
}

export function etcdHints(state: EtcdState, ui: UiState = {selected: 0, cursor: 0}): KeyHint[] {
	if (!state.info.owned) return [{keys: 'v', label: 'stale read'}];
	const member = state.members[selectedOf(state, ui)]!;
	return [
		{keys: 'x', label: member.role === 'down' ? 'restart' : 'crash'},
		{keys: 'z', label: member.role === 'paused' ? 'resume' : 'pause'},
		{keys: 'p', label: 'network'},
		{keys: 'l', label: 'links'},
		{keys: 'v', label: 'stale read'},
		{keys: 'r', label: 'write'},
		{keys: 'w', label: state.writer.enabled ? 'writes off' : 'writes on'},
		{keys: 'f', label: 'faults'},
	];
}

export function etcdHelp(state: EtcdState): HelpEntry[] {
	const about: HelpEntry[] = [
		'A real etcd cluster: every column is a running etcd process on this machine, polled ten times a second. Role, term, commit and applied index come from etcd itself (/debug/vars and the status API); the keys are read from that member.',
		'The seeded kv inputs are written one at a time as idempotent transactions; each member\'s keys are checked against the model after the input it applied last (a member behind is late, not wrong).',
		'',
	];
	if (!state.info.owned) {
		return [
			...about,
			['v', 'stale read: one key read from the selected member serializably and linearizably'],
			'',
			'Attached to a cluster this app did not start: read-only (v: stale read; space and s write nothing).',
			'Partitions and delays are made in the peer proxies of the app that started a cluster: this one cannot see them, so the decision line says "partitions unknown".',
		];
	}

	return [
		...about,
		['x', 'crash the selected member (SIGKILL), or restart it with the same flags and data dir'],
		['z', 'pause it (SIGSTOP) or resume it (SIGCONT)'],
		['p', 'network menu: isolate it or the leader, split majority | minority, heal'],
		['l', 'links menu: slow its links (or its link to the leader), or back to normal'],
		['v', 'stale read: one key read from it serializably and linearizably'],
		['r', 'write the next input now'],
		['w', 'writes on / off'],
		['f', 'every fault in one menu'],
		'',
		'Nothing here is simulated: which member leads, the terms and the timings vary from run to run; the keys, once every member has caught up, do not.',
	];
}

/** Every glyph and abbreviation the etcd screen draws. */
export function etcdLegend(): HelpEntry[] {
	return [
		['★ ● ◆ ◇', 'roles: leader, follower, candidate, pre-candidate'],
		['‖ paused  ✗ down', 'the process is stopped (SIGSTOP) / not running'],
		['? no answer', 'it did not answer this poll'],
		['· cut off', 'its links are cut (isolated or split)'],
		['m2 sees match 48', 'in a follower\'s column: the leader\'s view of it'],
		['m3 ✓ 48/49', 'on the leader: each follower\'s match / next index'],
		['keys #N', 'the keys it holds reflect input N'],
		['✓ model', 'its keys equal the model after that input'],
		['✗ model 3f2a', 'they do not (the model\'s digest)'],
		['a=31 ✗ stale', 'a stale read: the serializable read returned an older value than the linearizable one'],
		['✓ 2.1 ms', 'the last write\'s latency'],
		['★ m1 leads term 3', 'the decision line: the leader, its term and commit index'],
		['✓ checks hold', 'every check held so far'],
		['⚠ 1 safety finding', 'a check broke, and what it found'],
		['5 writes/s', 'the write rate; +100 ms: a slowed link'],
		['—', 'nothing known yet'],
	];
}
