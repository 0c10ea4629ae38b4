/**
 * The order mode's keys and menus (the shell's own keys come first: space s
 * . , b 0 ←→ ↑↓ 1-9 + - ? q PgUp PgDn Enter Esc). ←→ and 1–4 pick the
 * panel in focus (and so which panels are shown); [ ] pick a replica in it.
 */
import type {KeyPress} from '../engine/key-press.js';
import {diagramLegend} from '../net/view/diagram.js';
import type {HelpEntry, KeyHint, KeyResult, Menu, MenuItem, UiState} from '../engine/mode.js';
import {currentLeader} from '../raft/queries.js';
import {archTitle, clientName, replicaName, replicaNode} from './names.js';
import {isUp} from './queries.js';
import {archIds, replicasPerArch, type ArchId, type OrderAction, type OrderState} from './types.js';

/** How long the message menu delays a message. */
export const delayMs = 300;

export function focusedArch(ui: UiState): ArchId {
	return archIds[Math.max(0, Math.min(ui.selected, archIds.length - 1))]!;
}

export function selectedReplica(ui: UiState): number {
	return ((ui.cursor % replicasPerArch) + replicasPerArch) % replicasPerArch;
}

function replicaToggle(state: OrderState, ui: UiState): OrderAction {
	const arch = focusedArch(ui);
	const replica = selectedReplica(ui);
	return isUp(state, arch, replica) ? {type: 'crash', arch, replica} : {type: 'restart', arch, replica};
}

function sequencerToggle(state: OrderState): OrderAction {
	return state.archs.sequencer.sequencer.up ? {type: 'crash-sequencer'} : {type: 'restart-sequencer'};
}

export function orderKeyAction(state: OrderState, key: KeyPress, ui: UiState): KeyResult<OrderAction> | undefined {
	switch (key.input) {
		case 'x':
			return {action: replicaToggle(state, ui)};
		case 'k':
			return {action: sequencerToggle(state)};
		case 'n':
			return {action: {type: 'heartbeats', on: !state.archs.lamport.heartbeats}};
		case '[':
			return {cursor: -1};
		case ']':
			return {cursor: 1};
		case 'f':
			return {menu: 'faults'};
		case 'm':
			return {menu: 'message'};
		case 'i':
			return {menu: 'input'};
		case 'v':
			return {toggle: 'diagram'};
		default:
			return undefined;
	}
}

function faultsMenu(state: OrderState, ui: UiState): Menu<OrderAction> {
	const arch = focusedArch(ui);
	const replica = selectedReplica(ui);
	const up = isUp(state, arch, replica);
	const leader = currentLeader(state.raft);
	const items: Array<MenuItem<OrderAction>> = [
		{key: 'x', label: `${up ? 'crash' : 'restart'} ${replicaName(arch, replica)} of ${archTitle[arch]}`, action: replicaToggle(state, ui)},
		{key: 'k', label: state.archs.sequencer.sequencer.up ? 'crash the sequencer Q' : 'restart the sequencer Q (from its journal)', action: sequencerToggle(state)},
		{key: 'l', label: `crash the Raft leader${leader === undefined ? '' : ` (S${leader + 1})`}`, ...(leader === undefined ? {disabled: 'the consensus panel has no leader now'} : {action: {type: 'crash-leader'}})},
		{key: 'n', label: `null messages (heartbeats) ${state.archs.lamport.heartbeats ? 'off' : 'on'}`, action: {type: 'heartbeats', on: !state.archs.lamport.heartbeats}},
	];
	for (let client = 0; client < state.config.clients; client++) {
		const silenced = state.clients[client]!.silenced;
		items.push({key: clientName(client).toLowerCase(), label: `${silenced ? 'resume' : 'silence'} client ${clientName(client)}`, action: {type: silenced ? 'resume' : 'silence', client}});
	}

	return {title: `faults · focus ${archTitle[arch]} ${replicaName(arch, replica)}`, items};
}

function messageMenu(ui: UiState): Menu<OrderAction> {
	const arch = focusedArch(ui);
	const replica = selectedReplica(ui);
	const name = replicaName(arch, replica);
	const to = replicaNode(replica);
	return {
		title: `messages in ${archTitle[arch]}`,
		items: [
			{key: 'd', label: 'drop the next message to arrive', action: {type: 'drop', arch, link: {from: 'any', to: 'any'}}},
			{key: 'y', label: `delay the next message ${delayMs} ms`, action: {type: 'delay', arch, link: {from: 'any', to: 'any'}, ms: delayMs}},
			{key: 'r', label: `drop the next message to ${name}`, action: {type: 'drop', arch, link: {from: 'any', to}}},
			{key: 'w', label: `delay the next message to ${name} ${delayMs} ms`, action: {type: 'delay', arch, link: {from: 'any', to}, ms: delayMs}},
		],
	};
}

function inputMenu(state: OrderState): Menu<OrderAction> {
	const items: Array<MenuItem<OrderAction>> = [];
	for (let client = 0; client < state.config.clients; client++) items.push({key: clientName(client).toLowerCase(), label: `${clientName(client)} sends an input now`, action: {type: 'send', client}});
	return {title: 'send an input now (to every panel)', items};
}

export function orderMenu(state: OrderState, name: string, ui: UiState): Menu<OrderAction> {
	switch (name) {
		case 'faults':
			return faultsMenu(state, ui);
		case 'message':
			return messageMenu(ui);
		case 'input':
			return inputMenu(state);
		default:
			return {title: `no menu "${name}"`, items: []};
	}
}

export function orderHints(state: OrderState, ui: UiState): KeyHint[] {
	const arch = focusedArch(ui);
	const up = isUp(state, arch, selectedReplica(ui));
	return [
		{keys: '←→', label: 'panel'},
		{keys: 'v', label: ui.diagram ? 'columns' : 'diagram'},
		{keys: 'x', label: up ? 'crash' : 'restart'},
		{keys: 'k', label: state.archs.sequencer.sequencer.up ? 'kill Q' : 'restart Q'},
		{keys: 'n', label: state.archs.lamport.heartbeats ? 'nulls off' : 'nulls on'},
		{keys: 'f', label: 'faults'},
		{keys: 'm', label: 'msg'},
		{keys: '[]', label: 'replica'},
		{keys: 'i', label: 'input'},
	];
}

export function orderHelp(): HelpEntry[] {
	return [
		['← → 1–4', 'focus a panel (and show it): 1 no ordering · 2 fixed sequencer · 3 Lamport timestamps · 4 consensus (Raft)'],
		['[ ]', 'pick a replica in the focused panel'],
		['x', 'crash the picked replica, or restart it'],
		['k', 'crash the sequencer Q, or restart it from its journal'],
		['n', 'null messages (heartbeats) on or off: they let Lamport replicas go on past a silent client'],
		['f', 'faults menu: crash or restart, crash the Raft leader, silence or resume a client, heartbeats'],
		['m', 'messages: drop or delay the next message in the focused panel (or the next one to the picked replica)'],
		['i', 'a client sends one input now'],
		['v', 'switch the panels and the focused panel\'s space-time diagram (its latest events, a lane per node, time running down)'],
		'',
		'Who decides the order? Clients A, B, C send the same inputs at the same times to four architectures, three replicas each. One step is one event: a message arrives, a client sends, a timer fires (the consensus panel\'s Raft events too).',
	];
}

/** Every glyph and abbreviation the order screen draws. */
export function orderLegend(): HelpEntry[] {
	return [
		['▸1 … ▸4', 'the focused panel: 1 no ordering, 2 fixed sequencer, 3 Lamport, 4 consensus; [unordered] [sequencer] [Lamport] [consensus] name them in the event lines'],
		['● 3  ○ down', 'a replica up, with how many inputs it delivered / down'],
		['d6df 115', 'its state\'s digest and the state'],
		['A1 B2', 'an input: client A\'s first, client B\'s second'],
		['hold 19 B1', 'its hold-back queue: received, not yet delivered (Lamport: timestamp 19)'],
		['A4 B∅6', 'the Lamport clocks it heard from each client; ∅ a silenced client'],
		['… needs BC', 'waiting to hear from clients B and C with a later timestamp'],
		['✓ in step  … waiting', 'it delivered what the others did / it waits for something'],
		['⚠ stalled', 'it has waited longer than --stall-after, and why'],
		['≠  ≠ since #4', 'another input than the first replica at that position: diverged from position 4'],
		['Q ● up  Q ○ DOWN', 'the fixed sequencer; #4: the next number it gives'],
		['♥ nulls on', 'null messages (heartbeats) are on'],
		['★ S2 leads T1', 'the consensus panel\'s Raft leader and term; T1 log 4 ✓3: term, log length, commit index'],
		['prev 6/t1 +3', 'AppendEntries, as in the Raft mode: the entry before the new ones (index 6, term 1), 3 entries carried; commit 8: the leader\'s commit index'],
		['vote ✓ granted', 'a RequestVote reply (vote ✗ refused: not granted)'],
		'',
		['✓ agree  ✗', 'under each panel: the replicas\' sequences agree as prefixes (or where they do not)'],
		['✓ FIFO', 'each client\'s inputs are delivered in the order it sent them'],
		['latency 12/40 ms', 'delivery latency, median / worst (lat where narrow)'],
		['msg/input (msg/in)', 'messages sent per input'],
		['—', 'nothing to show yet'],
		'',
		'The space-time diagram (v): the focused panel\'s latest events, a lane per node (┆ the clients A, B…; │ the sequencer Q and the replicas R1–R3; the consensus panel: the Raft client and S1–S3), time running down.',
		...diagramLegend(),
		['A2  #3 A2  A2@7', 'an input on an arrow: as sent by its client / numbered 3 by Q / with Lamport timestamp 7; ↻ sent again after a NACK'],
		['null@9  NACK 2–4  gone 2', 'a null message; a request to send 2–4 again; gone: the sender no longer keeps it (drawn as a refusal, ⊘)'],
	];
}
