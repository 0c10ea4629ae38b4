/**
 * The user's actions: crashes and restarts, a silent client, heartbeats on or
 * off, an extra input, and dropping or delaying a message on a link. An
 * action never advances time; it changes the state at the current instant.
 */
import {applyAction as applyRaftAction} from '../raft/actions.js';
import {clientId, type MessagePick, type RaftAction} from '../raft/types.js';
import {scheduleWorkload, sendInput} from './clients.js';
import {messageRow} from './diagram.js';
import type {DiagramRow} from '../net/view/diagram.js';
import {raftAt, syncUp} from './consensus.js';
import {messageText} from './describe.js';
import {resetNullTimer} from './lamport.js';
import {archShort, clientName, isReplicaNode, nodeName, panelPrefix, replicaName, replicaNode} from './names.js';
import {Step} from './step.js';
import {replicaBase, sequencerNode, type LinkPick, type NetArch, type OrderAction, type OrderEvent, type OrderState} from './types.js';

export function applyOrderAction(state: OrderState, action: OrderAction): OrderState {
	const step = new Step(state, state.time);
	act(step, action);
	step.row ??= actionRow(step, action);
	return step.finish('action', false);
}

/** The lane an action touches on its panel's diagram, if one. */
function touchedNode(action: OrderAction): number | undefined {
	switch (action.type) {
		case 'crash':
		case 'restart':
			return replicaNode(action.replica);
		case 'crash-sequencer':
		case 'restart-sequencer':
			return sequencerNode;
		case 'silence':
		case 'resume':
		case 'send':
			return action.client;
		default:
			return undefined;
	}
}

/** An action on the diagram: its words (without the panel's prefix) and a ! on the lane it touched. */
function actionRow(step: Step, action: OrderAction): DiagramRow {
	const node = touchedNode(action);
	const words = step.head.replace(/^\[[^\]]*\] /, '').replace(/^\(by hand\) /, '');
	return {time: step.now, arrows: [], glyphs: node === undefined ? [] : [{node, glyph: '!'}], action: [words, action.type]};
}

function linkMatches(link: LinkPick, from: number, to: number): boolean {
	return (link.from === 'any' || link.from === from) && (link.to === 'any' || link.to === to);
}

export function linkText(link: LinkPick): string {
	if (link.from === 'any' && link.to === 'any') return '';
	return ` on ${link.from === 'any' ? '*' : nodeName(link.from)}→${link.to === 'any' ? '*' : nodeName(link.to)}`;
}

/** A node of the consensus panel in the Raft core's numbering: S1… are servers 0…, a client is the Raft client. */
function raftNode(node: number | 'any'): number | 'any' {
	if (node === 'any') return 'any';
	return isReplicaNode(node) ? node - replicaBase : clientId;
}

function raftPick(link: LinkPick): MessagePick {
	if (link.from === 'any' && link.to === 'any') return {by: 'next'};
	return {by: 'match', from: raftNode(link.from), to: raftNode(link.to)};
}

function raftAction(step: Step, action: RaftAction): void {
	step.raft = applyRaftAction(raftAt(step.raft, step.now), action);
	step.say(step.raft.last.text);
	syncUp(step);
}

function act(step: Step, action: OrderAction): void {
	if ('client' in action && (action.client < 0 || action.client >= step.config.clients)) {
		step.say(`there is no client ${clientName(action.client)} (this run has ${step.config.clients})`);
		return;
	}

	switch (action.type) {
		case 'crash':
		case 'restart':
			step.arch = action.arch;
			step.head = `${panelPrefix(action.arch)}${action.type} ${replicaName(action.arch, action.replica)}`;
			if (action.arch === 'consensus') raftAction(step, {type: action.type, server: action.replica});
			else if (action.type === 'crash') crashReplica(step, action.arch, action.replica);
			else restartReplica(step, action.arch, action.replica);
			return;
		case 'crash-leader':
			step.arch = 'consensus';
			step.head = `${panelPrefix('consensus')}crash the leader`;
			raftAction(step, {type: 'crash', server: 'leader'});
			return;
		case 'crash-sequencer':
		case 'restart-sequencer':
			step.arch = 'sequencer';
			step.head = `${panelPrefix('sequencer')}${action.type === 'crash-sequencer' ? 'crash' : 'restart'} the sequencer Q`;
			setSequencerUp(step, action.type === 'restart-sequencer');
			return;
		case 'silence':
		case 'resume':
			setSilenced(step, action.client, action.type === 'silence');
			return;
		case 'heartbeats':
			setHeartbeats(step, action.on);
			return;
		case 'send':
			if (sendInput(step, action.client) !== undefined) step.head = `(by hand) ${step.head}`;
			return;
		case 'drop':
		case 'delay':
			step.arch = action.arch;
			step.head = `${panelPrefix(action.arch)}${action.type} the next message${linkText(action.link)}`;
			if (action.arch === 'consensus') {
				raftAction(step, action.type === 'drop' ? {type: 'drop', pick: raftPick(action.link)} : {type: 'delay', pick: raftPick(action.link), ms: action.ms});
			} else {
				messageAction(step, action.arch, action.link, action.type === 'delay' ? action.ms : undefined);
			}
	}
}

function crashReplica(step: Step, arch: NetArch, index: number): void {
	const name = replicaName(arch, index);
	if (!step.read(arch).replicas[index]!.up) {
		step.say(`${name} is already down`);
		return;
	}

	const replica = step.replica(arch, index);
	replica.up = false;
	replica.downSince = step.now;
	const node = replicaNode(index);
	step.queue.remove(event => event.kind === 'gap' && event.arch === arch && event.node === node);
	step.say(`${name} crashes: it keeps what it has delivered; messages that reach it while it is down are lost`);
}

function restartReplica(step: Step, arch: NetArch, index: number): void {
	const name = replicaName(arch, index);
	if (step.read(arch).replicas[index]!.up) {
		step.say(`${name} is already running`);
		return;
	}

	const replica = step.replica(arch, index);
	replica.up = true;
	replica.downSince = null;
	const recovers = arch === 'none' ? 'what it missed is missed for good (no ordering, no retransmission)' : 'it will notice a gap at the next message and ask for what it missed';
	step.say(`${name} restarts with what it had: ${recovers}`);
}

function setSequencerUp(step: Step, up: boolean): void {
	const current = step.read('sequencer').sequencer;
	if (current.up === up) {
		step.say(`Q is already ${up ? 'running' : 'down'}`);
		return;
	}

	const arch = step.edit('sequencer');
	arch.sequencer = {...current, up, downSince: up ? null : step.now};
	if (up) {
		for (const client of new Set(current.held.map(item => item.client))) step.scheduleGapCheck('sequencer', sequencerNode, client, step.config.nackWait);
		step.say(`Q restarts from its journal: numbering resumes at #${current.nextSeq}; it will ask clients for inputs it missed when their next ones show a gap`);
	} else {
		step.queue.remove(event => event.kind === 'gap' && event.arch === 'sequencer' && event.node === sequencerNode);
		step.say('Q crashes: inputs sent to it are lost and nothing gets a number; the replicas wait. Choosing a new sequencer needs every replica to agree on who it is and where its numbers start: that is consensus');
	}
}

function setSilenced(step: Step, client: number, silenced: boolean): void {
	const name = clientName(client);
	step.head = `${silenced ? 'silence' : 'resume'} client ${name}`;
	if (step.clients[client]!.silenced === silenced) {
		step.say(`${name} is already ${silenced ? 'silent' : 'sending'}`);
		return;
	}

	step.client(client).silenced = silenced;
	step.queue.remove(event => event.kind === 'send' && event.client === client);
	if (silenced) {
		step.say(`${name} stops sending inputs; it is idle, not crashed: it still answers and, with heartbeats on, sends null messages`);
	} else {
		if (step.inputs < step.config.inputs) scheduleWorkload(step, client);
		step.say(`${name} sends inputs again`);
	}
}

function setHeartbeats(step: Step, on: boolean): void {
	step.arch = 'lamport';
	step.head = `${panelPrefix('lamport')}heartbeats ${on ? 'on' : 'off'}`;
	if (step.read('lamport').heartbeats === on) {
		step.say(`they are already ${on ? 'on' : 'off'}`);
		return;
	}

	step.edit('lamport').heartbeats = on;
	if (on) {
		for (let client = 0; client < step.config.clients; client++) resetNullTimer(step, client);
		step.say(`a client silent for ${step.config.nullEvery} ms sends a null message with its clock; replicas can tell nothing earlier will come from it`);
	} else {
		step.queue.remove(event => event.kind === 'null');
		step.say('no more null messages: a silent client holds every replica back');
	}
}

function messageAction(step: Step, arch: NetArch, link: LinkPick, delay: number | undefined): void {
	const found = step.queue.pending.find(item => item.event.kind === 'deliver' && item.event.message.arch === arch && linkMatches(link, item.event.message.from, item.event.message.to));
	if (found === undefined || found.event.kind !== 'deliver') {
		step.say(`no message in flight in the ${archShort[arch]} panel${linkText(link)}`);
		return;
	}

	const {message} = found.event;
	const text = messageText(message, step.model);
	step.queue.remove((event: OrderEvent) => event.kind === 'deliver' && event.message === message);
	if (delay === undefined) {
		step.row = messageRow(step.now, message, 'dropped');
		step.say(`dropped: ${text} (due at ${found.time} ms)`);
		return;
	}

	step.queue.schedule(found.time + delay, {kind: 'deliver', message});
	step.say(`delayed by ${delay} ms: ${text} (now due at ${found.time + delay} ms)`);
}
