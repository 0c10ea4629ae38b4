/**
 * The order mode on the discrete-event engine: create it, handle one event at
 * a time, or run until a virtual time. This mode's queue (client sends,
 * message arrivals, heartbeat and gap timers) and the Raft cluster's queue
 * are merged: the earlier event goes first, the Raft cluster's at equal times.
 */
import {emptyDiagrams, messageRow} from './diagram.js';
import {emptyQueue, handleEvents, peekEvent} from '../engine/event-queue.js';
import {emptyRecent} from '../engine/recent.js';
import {modelNamed} from '../models/index.js';
import {currentLeader} from '../raft/queries.js';
import {clientId, type RaftState} from '../raft/types.js';
import {createRaft, handleNextEvent as handleRaftEvent, nextTime as raftNextTime} from '../raft/engine.js';
import {clientHistoryChunk, clientNack, inputLogChunk, onWorkload, scheduleWorkload} from './clients.js';
import {consensusAfterRaftEvent, consensusRetry, raftConfigFor} from './consensus.js';
import {lamportDeliver, lamportGap, lamportNullTimer, resetNullTimer} from './lamport.js';
import {isReplicaNode, nodeName, panelPrefix} from './names.js';
import {noneDeliver} from './none.js';
import {initialReplica, initialStats} from './panel.js';
import {sequencerDeliver, sequencerGap} from './sequencer.js';
import {Step} from './step.js';
import {lossReason, messageText} from './describe.js';
import {
	replicaBase,
	replicasPerArch,
	sequencerNode,
	type Architectures,
	type Client,
	type Held,
	type InputRef,
	type OrderConfig,
	type OrderEvent,
	type OrderMessage,
	type OrderRecord,
	type OrderState,
	type Stamp,
} from './types.js';

const startRecord: OrderRecord = {n: 0, time: 0, kind: 'start', arch: null, text: '', deliveries: [], sent: 0};

function initialArchitectures(config: OrderConfig, state: Pick<OrderState, 'model' | 'raft'>): Architectures {
	const {model} = state;
	const replicas = () => Array.from({length: replicasPerArch}, (_, index) => initialReplica(index, model, config.clients));
	const perClient = <T>(value: () => T) => Array.from({length: config.clients}, value);
	return {
		none: {id: 'none', replicas: replicas(), stats: initialStats()},
		sequencer: {
			id: 'sequencer',
			replicas: replicas().map(replica => ({...replica, nextSeq: 1, holdback: [], nacks: 0})),
			stats: initialStats(),
			sequencer: {up: true, downSince: null, nextSeq: 1, clientNext: perClient(() => 1), held: [], history: emptyRecent<Stamp>(128), lostWhileDown: 0},
		},
		lamport: {
			id: 'lamport',
			replicas: replicas().map(replica => ({...replica, contiguous: perClient(() => 0), heard: perClient(() => 0), pendingNull: perClient(() => null), holdback: [], nacks: 0})),
			stats: initialStats(),
			clients: perClient(() => ({clock: 0, history: emptyRecent<Held>(clientHistoryChunk), lastSentAt: 0, nulls: 0})),
			heartbeats: config.heartbeats,
		},
		consensus: {
			id: 'consensus',
			replicas: replicas().map(replica => ({...replica, appliedFloor: 0, appliedAbove: [], rebuildTo: 0, clientNext: perClient(() => 1), heldBack: []})),
			stats: initialStats(),
			// The client connects once the cluster has a leader, and learns who it is.
			client: {leaderGuess: currentLeader(state.raft) ?? null, pending: [], resent: 0, gaveUp: 0},
			replays: 0,
			reordered: 0,
		},
	};
}

export function createOrder(config: OrderConfig): OrderState {
	const model = modelNamed(config.model);
	if (!model) throw new Error(`unknown model "${config.model}"`);
	const raft = electFirstLeader(createRaft(raftConfigFor(config)));
	const clients: Client[] = Array.from({length: config.clients}, () => ({silenced: false, sent: 0, history: emptyRecent<InputRef>(clientHistoryChunk), draws: 0}));
	const blank: OrderState = {
		config,
		model,
		time: raft.time,
		events: 0,
		queue: emptyQueue<OrderEvent>(),
		nextMessageId: 1,
		inputs: 0,
		clients,
		archs: initialArchitectures(config, {model, raft}),
		raft,
		inputLog: emptyRecent<InputRef>(inputLogChunk),
		linkSends: new Map(),
		last: startRecord,
		diagrams: emptyDiagrams(),
	};
	const step = new Step(blank, raft.time);
	const leader = currentLeader(raft);
	step.head = `4 panels of 3 replicas; the consensus panel's Raft cluster ${leader === undefined ? 'has no leader yet' : `elected S${leader + 1} (term ${raft.servers[leader]!.currentTerm}) before the run`}; the ${config.clients} clients start sending`;
	for (let client = 0; client < config.clients; client++) {
		if (config.inputs > 0) scheduleWorkload(step, client);
		resetNullTimer(step, client);
	}

	return step.finish('start', false);
}

/** Events the Raft cluster may take to elect its first leader before the run (it takes a handful). */
const electionBudget = 10_000;

/** Runs the Raft cluster alone until it first has a leader: the run starts with every panel ready. */
function electFirstLeader(raft: RaftState): RaftState {
	let current = raft;
	while (currentLeader(current) === undefined && current.events < electionBudget && raftNextTime(current) !== undefined) current = handleRaftEvent(current);
	return current;
}

function deliverMessage(step: Step, message: OrderMessage): OrderState {
	step.arch = message.arch;
	step.head = `${panelPrefix(message.arch)}${messageText(message, step.model)}`;
	const lost = lossReason(step.base, message);
	if (lost !== undefined) {
		step.head += ` — ${lost}`;
		step.row = messageRow(step.now, message, 'lost');
		if (message.to === sequencerNode && message.body.type === 'input') {
			const arch = step.edit('sequencer');
			arch.sequencer = {...arch.sequencer, lostWhileDown: arch.sequencer.lostWhileDown + 1};
		}

		return step.finish('lost', true);
	}

	step.row = messageRow(step.now, message, 'arrived');
	if (!isReplicaNode(message.to) && message.to !== sequencerNode && message.body.type === 'nack') {
		clientNack(step, message, message.body.first, message.body.last);
		return step.finish('deliver', true);
	}

	switch (message.arch) {
		case 'none':
			noneDeliver(step, message.to - replicaBase, message);
			break;
		case 'sequencer':
			sequencerDeliver(step, message);
			break;
		case 'lamport':
			lamportDeliver(step, message);
			break;
	}

	return step.finish('deliver', true);
}

/** Which queue holds the next event: this mode's or the Raft cluster's (which goes first at equal times). */
export function nextSource(state: OrderState): 'own' | 'raft' | undefined {
	const own = peekEvent(state.queue)?.time;
	const raft = raftNextTime(state.raft);
	if (raft !== undefined && (own === undefined || raft <= own)) return 'raft';
	return own === undefined ? undefined : 'own';
}

function handleRaft(state: OrderState): OrderState {
	const raft = handleRaftEvent(state.raft);
	const {message, applied} = raft.last;
	if (applied.length === 0 && message?.to !== clientId) {
		// Nothing for this panel's client or replicas: only the record changes.
		const time = Math.max(state.time, raft.time);
		const events = state.events + 1;
		return {...state, raft, time, events, last: {n: events, time, kind: 'raft', arch: 'consensus', text: `${panelPrefix('consensus')}${raft.last.text}`, deliveries: [], sent: raft.last.sent.length}};
	}

	const step = new Step({...state, raft}, Math.max(state.time, raft.time));
	step.arch = 'consensus';
	step.sent = raft.last.sent.length;
	// The Raft core says what its own state machine holds after applying ("S3 applies index 4 (balance 35)"); this panel's replicas skip duplicates and keep each client's order, so their deliveries say it instead.
	step.head = `${panelPrefix('consensus')}${raft.last.text.replaceAll(/(applies index(?:es)? [\d–]+) \([^)]*\)/g, '$1')}`;
	consensusAfterRaftEvent(step);
	return step.finish('raft', true);
}

/** Handles the next event (the state unchanged if there is none). */
export function handleNextEvent(state: OrderState): OrderState {
	const source = nextSource(state);
	if (source === undefined) return state;
	if (source === 'raft') return handleRaft(state);
	const next = peekEvent(state.queue)!;
	const step = new Step(state, Math.max(state.time, next.time));
	step.queue.pop();
	const {event} = next;
	switch (event.kind) {
		case 'send':
			onWorkload(step, event.client);
			return step.finish('send', true);
		case 'deliver':
			return deliverMessage(step, event.message);
		case 'null':
			step.arch = 'lamport';
			step.head = `${panelPrefix('lamport')}${nodeName(event.client)}'s null-message timer fires`;
			lamportNullTimer(step, event.client);
			return step.finish('null', true);
		case 'gap':
			step.arch = event.arch;
			step.head = `${panelPrefix(event.arch)}${nodeName(event.node)} checks for a gap`;
			if (event.arch === 'sequencer') sequencerGap(step, event.node, event.sender);
			else if (event.arch === 'lamport') lamportGap(step, event.node, event.sender);
			if (step.text === step.head) step.say('the gap has closed');
			return step.finish('gap', true);
		case 'request-retry':
		case 'request-timeout':
			step.arch = 'consensus';
			step.head = '[consensus]';
			consensusRetry(step, event.id, event.kind === 'request-timeout');
			return step.finish(event.kind, true);
	}
}

/** Handles exactly `count` events (fewer only if nothing is left to happen). */
export function advance(state: OrderState, count: number): OrderState {
	return handleEvents(state, count, handleNextEvent);
}

export function nextTime(state: OrderState): number | undefined {
	const own = peekEvent(state.queue)?.time;
	const raft = raftNextTime(state.raft);
	if (own === undefined) return raft;
	return raft === undefined ? own : Math.min(own, raft);
}

/**
 * Handles every event due at or before `time` (at most `cap`). The state's
 * own time stays at its last event (as the Raft mode's does): step back
 * replays events and actions only, so an action must happen at the time of
 * the event before it.
 */
export function runUntil(state: OrderState, time: number, cap: number): {state: OrderState; count: number} {
	let current = state;
	let count = 0;
	while (count < cap) {
		const next = nextTime(current);
		if (next === undefined || next > time) break;
		current = handleNextEvent(current);
		count++;
	}

	return {state: current, count};
}
