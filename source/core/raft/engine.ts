/**
 * The Raft cluster on the discrete-event engine: create it, handle one event
 * at a time, or run until a virtual time. Every function returns a new state
 * and leaves the one it was given unchanged.
 */
import {emptyQueue, handleEvents, peekEvent} from '../engine/event-queue.js';
import {emptyRecent} from '../engine/recent.js';
import {modelNamed} from '../models/index.js';
import type {Model} from '../models/model.js';
import {onClientReply, onClientRequest, onClientTimeout, onRetry, onWorkload, scheduleWorkload} from './client.js';
import {messageText} from './describe.js';
import {onElectionTimeout, onRequestVote, onRequestVoteReply} from './election.js';
import {RaftLog} from './log.js';
import {serverName, nodeName} from './names.js';
import {onAppendEntries, onAppendEntriesReply, onHeartbeat, sendAppendEntries, advanceCommitIndex} from './replication.js';
import {initialMechanisms, noteDelivered} from './mechanisms.js';
import {initialNetwork} from '../net/network.js';
import {initialSafety} from './safety/state.js';
import {Tx} from './tx.js';
import {clientId, type ClientState, type EventRecord, type Message, type Network, type RaftConfig, type RaftEvent, type RaftState, type Server} from './types.js';

/** Events kept for the space-time diagram: between this many and twice as many. */
export const historyChunk = 32;

export function modelOf(name: string): Model {
	const model = modelNamed(name);
	if (!model) throw new Error(`unknown model "${name}"`);
	return model;
}

function initialServer(id: number, size: number, model: Model): Server {
	return {
		id,
		currentTerm: 0,
		votedFor: null,
		log: RaftLog.empty(),
		role: 'follower',
		commitIndex: 0,
		lastApplied: 0,
		machine: model.initial(),
		leaderId: null,
		votes: 0,
		nextIndex: [],
		matchIndex: [],
		electionDeadline: null,
		electionTimeout: 0,
		heartbeatDue: null,
		lastHeardFromLeader: 0,
		activePeers: 0,
		appendsSent: [],
		timerDraws: 0,
		sends: Array.from({length: size + 1}, () => 0),
	};
}


const startRecord: EventRecord = {n: 0, time: 0, kind: 'start', text: '', head: '', outcomes: [], server: null, message: null, sent: [], removed: [], changes: [], applied: []};

export function createRaft(config: RaftConfig): RaftState {
	const model = modelOf(config.model);
	const size = config.servers;
	const client: ClientState = {
		nextRequest: 1,
		automatic: 0,
		manual: 0,
		leaderGuess: null,
		pending: [],
		acked: 0,
		lateAcks: 0,
		gaveUp: 0,
		lastAck: null,
		draws: 0,
		sends: Array.from({length: size + 1}, () => 0),
	};
	const blank: RaftState = {
		config,
		model,
		time: 0,
		events: 0,
		queue: emptyQueue<RaftEvent>(),
		servers: Array.from({length: size}, (_, id) => initialServer(id, size, model)),
		client,
		network: initialNetwork(size, config.loss),
		nextMessageId: 1,
		last: startRecord,
		history: emptyRecent<EventRecord>(historyChunk),
		stats: {elections: 0, leadersElected: 0, sent: 0, delivered: 0, lost: 0, copiesDelivered: 0},
		mechanisms: initialMechanisms(size),
		safety: initialSafety(),
	};
	const tx = new Tx(blank, 0);
	tx.head = `${size} server${size === 1 ? '' : 's'} start as followers in term 0 with empty logs; their election timers run`;
	for (let id = 0; id < size; id++) tx.resetElectionTimer(tx.server(id));
	if (config.requests > 0) scheduleWorkload(tx);
	return tx.finish('start', false, null, null);
}

/** Why a message is lost when it arrives, or undefined if it is delivered. */
export function lossReason(state: RaftState, message: Message): string | undefined {
	if (message.doomed) return 'lost on the way';
	if (message.to === clientId || message.from === clientId) return message.to !== clientId && state.servers[message.to]!.role === 'crashed' ? `lost: ${serverName(message.to)} is down` : undefined;
	if (state.network.cut[message.from * state.servers.length + message.to]) return `lost: the link ${nodeName(message.from)}→${nodeName(message.to)} is cut`;
	if (state.servers[message.to]!.role === 'crashed') return `lost: ${serverName(message.to)} is down`;
	return undefined;
}

function deliver(tx: Tx, message: Message): RaftState {
	tx.head = messageText(message, tx.model);
	const lost = lossReason(tx.base, message);
	if (lost !== undefined) {
		tx.head += ` — ${lost}`;
		tx.count('lost');
		return tx.finish('lost', true, message.to === clientId ? null : message.to, message);
	}

	tx.count('delivered');
	if (message.copyOf !== undefined) tx.count('copiesDelivered');
	if (message.copyOf !== undefined || tx.mechanisms.duplicated.length > 0) tx.mechanisms = noteDelivered(tx.mechanisms, message.id, message.copyOf);
	const {body} = message;
	if (body.type === 'ClientReply') {
		onClientReply(tx, message, body);
		return tx.finish('deliver', true, null, message);
	}

	const server = tx.server(message.to);
	switch (body.type) {
		case 'RequestVote':
			onRequestVote(tx, server, message, body);
			break;
		case 'RequestVoteReply':
			onRequestVoteReply(tx, server, message, body);
			break;
		case 'AppendEntries':
			onAppendEntries(tx, server, message, body);
			break;
		case 'AppendEntriesReply':
			onAppendEntriesReply(tx, server, message, body);
			break;
		case 'ClientRequest':
			onClientRequest(tx, server, message, body, leader => {
				for (let peer = 0; peer < tx.size; peer++) if (peer !== leader.id) sendAppendEntries(tx, leader, peer);
				advanceCommitIndex(tx, leader);
			});
			break;
	}

	return tx.finish('deliver', true, message.to, message);
}

/** Handles the next event in the queue (the state unchanged if there is none). */
export function handleNextEvent(state: RaftState): RaftState {
	const next = peekEvent(state.queue);
	if (next === undefined) return state;
	const tx = new Tx(state, Math.max(state.time, next.time));
	tx.queue.pop();
	const {event} = next;
	switch (event.kind) {
		case 'deliver':
			return deliver(tx, event.message);
		case 'election':
			tx.head = `${serverName(event.server)}'s election timer ${event.forced ? 'is fired by hand' : 'fires'}`;
			onElectionTimeout(tx, event.server, event.forced);
			return tx.finish('election', true, event.server, null);
		case 'heartbeat':
			tx.head = `${serverName(event.server)}'s heartbeat timer fires`;
			onHeartbeat(tx, event.server);
			return tx.finish('heartbeat', true, event.server, null);
		case 'workload':
			onWorkload(tx);
			return tx.finish('workload', true, null, null);
		case 'retry':
			onRetry(tx, event.request);
			return tx.finish('retry', true, null, null);
		case 'client-timeout':
			tx.head = `the client's wait for #${event.request} runs out`;
			onClientTimeout(tx, event.request);
			return tx.finish('client-timeout', true, null, null);
	}
}

/** Handles exactly `count` events (fewer only if nothing is left to happen). */
export function advance(state: RaftState, count: number): RaftState {
	return handleEvents(state, count, handleNextEvent);
}

/**
 * Handles every event due at or before `time` (at most `cap`), and stops at
 * an event that breaks a safety property (the run halts there). The state's
 * own time stays at its last event: the shell keeps its clock between events,
 * and step back replays events and actions only, so a state's time must be
 * where its last event left it.
 */
export function runUntil(state: RaftState, time: number, cap: number): {state: RaftState; count: number} {
	let current = state;
	let count = 0;
	while (count < cap) {
		const next = peekEvent(current.queue);
		if (next === undefined || next.time > time) break;
		current = handleNextEvent(current);
		count++;
		if (current.safety.fresh.length > 0) break;
	}

	return {state: current, count};
}

export function nextTime(state: RaftState): number | undefined {
	return peekEvent(state.queue)?.time;
}
