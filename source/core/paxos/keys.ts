/**
 * The Paxos mode's keys and menus (the shell's own keys come first). ←→ and
 * 1–9 select a column: acceptors first, then proposers.
 */
import type {KeyPress} from '../engine/key-press.js';
import type {HelpEntry, KeyHint, KeyResult, Menu, MenuItem, UiState} from '../engine/mode.js';
import {bugKeys, bugNames, bugText} from './bugs.js';
import {holdMs} from './config.js';
import {acceptorNode, nodeName, paxosNames, roleOf} from './names.js';
import {cursorMessage} from '../net/message.js';
import type {LinkFault} from '../net/faults.js';
import {linksMenu, messageMenu, netHelp, netKeyAction, networkMenu} from '../net/keys.js';
import {messageText} from './describe.js';
import {diagramLegend} from '../net/view/diagram.js';
import {messagesInFlight} from './queries.js';
import type {PaxosAction, PaxosState} from './types.js';

/** The node of the selected column (acceptors first, then proposers). */
export function selectedNode(state: PaxosState, ui: UiState): number {
	const {acceptors, proposers} = state.config;
	const column = Math.max(0, Math.min(ui.selected, acceptors + proposers - 1));
	return column < acceptors ? acceptorNode(state.config, column) : column - acceptors;
}

function isUp(state: PaxosState, node: number): boolean {
	return node < state.config.proposers ? state.proposers[node]!.up : state.acceptors[node - state.config.proposers]!.up;
}

function crashToggle(state: PaxosState, ui: UiState): PaxosAction {
	const node = selectedNode(state, ui);
	return {type: isUp(state, node) ? 'crash' : 'restart', node};
}

function cursorMessageId(state: PaxosState, ui: UiState): number | undefined {
	return cursorMessage(messagesInFlight(state), ui.cursor)?.message.id;
}

export function paxosKeyAction(state: PaxosState, key: KeyPress, ui: UiState): KeyResult<PaxosAction> | undefined {
	switch (key.input) {
		case 'x':
			return {action: crashToggle(state, ui)};
		case 'n': {
			const node = selectedNode(state, ui);
			return node < state.config.proposers ? {action: {type: 'propose', proposer: node}} : undefined;
		}

		case 'a':
			return {action: {type: 'adversary', on: !state.adversary}};
		case 'e':
			return {action: {type: 'leader', on: !state.leader}};
		case 'r':
			return state.config.multi ? {action: {type: 'request'}} : undefined;
		case 'B':
			return {menu: 'bugs'};
		default:
			return netKeyAction(key.input, cursorMessageId(state, ui));
	}
}

/**
 * The links a node's messages travel, to cut one way, keyed so they read: from
 * an acceptor, 1…k cut it from P1…Pk and a, b… from the learners L1, L2…;
 * from a proposer, 1…n cut it from A1…An and a, b… from the other proposers
 * (their heartbeats). Links that carry nothing (acceptor to acceptor) are left out.
 */
export function paxosCutItems(state: PaxosState, selected: number): Array<MenuItem<LinkFault>> {
	const {config} = state;
	const {proposers, acceptors, learners} = config;
	const from = roleOf(config, selected).role;
	const numbered = from === 'acceptor' ? Array.from({length: proposers}, (_, i) => i) : Array.from({length: acceptors}, (_, i) => proposers + i);
	const lettered = from === 'acceptor' ? Array.from({length: learners}, (_, i) => proposers + acceptors + i) : Array.from({length: proposers}, (_, i) => i).filter(id => id !== selected);
	const item = (key: string, to: number): MenuItem<LinkFault> => ({key, label: `cut ${nodeName(config, selected)}→${nodeName(config, to)} (one way)`, action: {type: 'cut', from: selected, to}});
	return [...numbered.map((to, i) => item(String(i + 1), to)), ...lettered.map((to, i) => item(String.fromCharCode(97 + i), to))];
}

export function paxosMenu(state: PaxosState, name: string, ui: UiState): Menu<PaxosAction> {
	const names = paxosNames(state.config);
	if (name === 'network') return networkMenu<PaxosAction>(names, selectedNode(state, ui), [], undefined, paxosCutItems(state, selectedNode(state, ui)));
	if (name === 'links') return linksMenu(names, selectedNode(state, ui));
	if (name === 'message') {
		const id = cursorMessageId(state, ui);
		const message = messagesInFlight(state).find(item => item.message.id === id)?.message;
		return messageMenu(id, message === undefined ? '' : messageText(state.config, message));
	}

	if (name !== 'bugs') return {title: `no menu "${name}"`, items: []};
	return {
		title: 'bugs: break one rule and watch a lamp',
		items: bugNames.map(bug => {
			const on = state.bugs.includes(bug);
			const multiOnly = bug === 'skip-phase1' && !state.config.multi;
			return {key: bugKeys[bug], label: `${on ? '■' : '□'} ${bug}: ${bugText[bug]}`, ...(multiOnly ? {disabled: 'skip-phase1 needs Multi-Paxos (--multi)'} : {action: {type: 'bug' as const, bug, on: !on}})};
		}),
	};
}

export function paxosHints(state: PaxosState, ui: UiState): KeyHint[] {
	const node = selectedNode(state, ui);
	const hints: KeyHint[] = [{keys: 'x', label: isUp(state, node) ? 'crash' : 'restart'}];
	if (node < state.config.proposers) hints.push({keys: 'n', label: 'propose'});
	if (state.config.multi) hints.push({keys: 'r', label: 'command'});
	hints.push({keys: 'a', label: state.adversary ? 'adversary off' : 'adversary'}, {keys: 'e', label: state.leader ? 'no leader' : 'leader'}, {keys: 'v', label: ui.diagram ? 'columns' : 'diagram'}, {keys: '[]m', label: 'msg'}, {keys: 'p', label: 'network'}, {keys: 'B', label: 'bugs'}, {keys: 'd/g', label: 'drop/deliver'});
	return hints;
}

export function paxosHelp(): HelpEntry[] {
	return [
		['← → 1–9', 'select a column: acceptors A1…, then proposers P1…'],
		['x', 'crash the selected acceptor or proposer, or restart it (an acceptor keeps its promise and accepted proposal: they are on disk)'],
		['n', 'the selected proposer starts phase 1 now with a higher number'],
		['a', `the adversary on or off: it holds every Accept until a higher Prepare overtakes it (at most ${holdMs} ms)`],
		['e', 'a distinguished proposer on or off: heartbeats, and only the lowest-numbered proposer heard from proposes'],
		['r', 'Multi-Paxos: a client sends a command to the leader'],
		...netHelp('node'),
		['B', 'bugs: break one of Paxos\'s rules and watch a lamp go red'],
		'',
		'Paxos (Lamport, "Paxos Made Simple"): a proposer sends Prepare(n) to the acceptors; each promises never to accept below n and reports the highest proposal it accepted. With promises from a majority the proposer sends Accept(n, v), where v is the value of the highest-numbered proposal reported (the key rule), or its own value if none was. A value is chosen once a majority has accepted the same proposal.',
		'Two proposers can preempt each other forever: no algorithm can guarantee a decision with asynchronous messages and one possible crash (Fischer, Lynch, Paterson 1985). A leader elected with timeouts makes progress in practice.',
	];
}

export function paxosLegend(): HelpEntry[] {
	return [
		['3.P1', 'a proposal number: round 3 of proposer P1 (numbers are unique: round, then proposer)'],
		['promised 3.P1', 'the acceptor will accept nothing numbered below 3.P1 (on disk)'],
		['accepted (3.P1, x)', 'the highest proposal it accepted (on disk)'],
		['· promised …  ✗ refused …', 'what the acceptor last did, and why'],
		['phase 1 · phase 2 · preempted', 'a proposer gathering promises · asking acceptors to accept · refused, waiting to try a higher number'],
		['promises 2/2 A1 A2', 'promises gathered for its number, of the majority needed'],
		['must adopt x · adopts x · own y', 'the key rule: an acceptor in its majority accepted x, so it must propose x / it proposes its own value'],
		['✓ chosen x · known / unknown', 'a majority accepted the same proposal: the value is chosen, whether or not anyone has counted it yet'],
		['held', 'a message the adversary holds'],
		['#3 ✓2.P1 c3 …', 'Multi-Paxos: instance 3, accepted under 2.P1, the command (✓: chosen)'],
		['○hole', 'an instance not learned yet: it blocks applying everything after it'],
		['Prep Prom Acc Acc✓ ✗', 'on the messages panel and the diagram (v): Prepare, Promise, Accept, Accepted, a refusal; ⟳ a proposer\'s timer starts phase 1, ★ a proposer takes the lead (heartbeats are not drawn)'],
		...diagramLegend(),
		['✓one ✓stable ✓valid ✓learn ✓apply', 'the lamps: at most one value chosen per instance · a chosen value never changes · only proposed values are chosen · learners learn only chosen values · replicas apply the same value per instance'],
	];
}
