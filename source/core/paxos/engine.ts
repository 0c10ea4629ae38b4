/**
 * The Paxos cluster on the discrete-event engine: create it, handle one event
 * at a time, or run until a virtual time. Every function returns a new state.
 */
import {emptyQueue, handleEvents, peekEvent} from '../engine/event-queue.js';
import {emptyRecent} from '../engine/recent.js';

/** Event records kept for the space-time diagram: at least this many. */
export const historyChunk = 48;
import {drawFor, intBetween, sequenceDraw, StreamId} from '../engine/streams.js';
import {modelNamed} from '../models/index.js';
import {initialNetwork, isCut} from '../net/network.js';
import {onAccept, onPrepare} from './acceptor.js';
import {ballotText} from './ballot.js';
import {heartbeatMs} from './config.js';
import {agreedLeader, onHeartbeat, onHeartbeatTimer, leaderOf} from './leader.js';
import {onLearnerAccepted} from './learner.js';
import {messageText} from './describe.js';
import {nodeCount, nodeName, ownValueText, roleOf} from './names.js';
import {flushWaiting, onNack, onPromise, onProposerAccepted, onTry, scheduleTry} from './proposer.js';
import {initialLamps} from './safety.js';
import {Tx} from './tx.js';
import type {EventRecord, Message, PaxosConfig, PaxosEvent, PaxosState, Proposer, Value} from './types.js';

export function createPaxos(config: PaxosConfig): PaxosState {
	const model = modelNamed(config.model)!;
	const nodes = nodeCount(config);
	const proposer = (id: number): Proposer => ({
		id,
		up: true,
		round: 0,
		phase: 'idle',
		ballot: null,
		promises: 0,
		adopted: [],
		own: {id: ownValueText(id), text: ownValueText(id)},
		proposing: [],
		nextInstance: 1,
		waiting: [],
		attempts: 0,
		retryAt: null,
		note: '',
		heard: Array.from({length: config.proposers}, () => -1),
		timerDraws: 0,
		upSince: 0,
	});
	const blank: PaxosState = {
		config,
		model,
		time: 0,
		events: 0,
		queue: emptyQueue<PaxosEvent>(),
		proposers: Array.from({length: config.proposers}, (_, id) => proposer(id)),
		acceptors: Array.from({length: config.acceptors}, (_, id) => ({id, up: true, promised: null, accepted: [], last: 'nothing yet', lastRefused: false})),
		learners: Array.from({length: config.learners}, (_, id) => ({id, counts: [], learned: [], applied: 0, machine: model.initial()})),
		adversary: config.adversary,
		leader: config.leader,
		bugs: config.bugs,
		network: initialNetwork(nodes, 0),
		nextMessageId: 1,
		commands: 0,
		sends: Array.from({length: nodes * nodes}, () => 0),
		roundsWithoutDecision: 0,
		leads: 0,
		lastLead: -1,
		last: {n: 0, time: 0, kind: 'start', text: '', message: null, sent: [], changed: []},
		history: emptyRecent<EventRecord>(historyChunk),
		stats: {sent: 0, delivered: 0, lost: 0, rounds: 0},
		lamps: initialLamps,
	};
	const tx = new Tx(blank, 0);
	for (let id = 0; id < config.proposers; id++) {
		if (config.leader) tx.queue.schedule(id, {kind: 'heartbeat', proposer: id});
		if (!config.multi) scheduleTry(tx, id, id * config.stagger);
	}

	if (config.multi && config.workload > 0 && config.requests > 0) scheduleCommand(tx);
	const who = `${config.proposers} proposer${config.proposers === 1 ? '' : 's'}, ${config.acceptors} acceptors, ${config.learners} learner${config.learners === 1 ? '' : 's'}`;
	tx.say(
		config.multi
			? `Multi-Paxos: ${who}; the proposers elect a leader by heartbeats and timeouts; clients send commands`
			: `${who}; ${config.proposers === 1 ? 'P1 proposes x' : `P1 proposes x at 0 ms, P2 y at ${config.stagger} ms${config.proposers > 2 ? ', …' : ''}`}${config.adversary ? '; the adversary holds every Accept' : ''}`,
	);
	return tx.finish('start', null, false);
}

function scheduleCommand(tx: Tx): void {
	const mean = tx.config.workload;
	const gap = intBetween(drawFor(tx.config.seed, StreamId.workload, 0, tx.commands), Math.ceil(mean / 2), Math.floor((mean * 3) / 2));
	tx.queue.schedule(tx.now + Math.max(1, gap), {kind: 'command'});
}

/** A client command, to the proposer that leads (or would: the lowest-numbered one up). */
export function clientCommand(tx: Tx): void {
	const number = tx.commands + 1;
	tx.commands = number;
	const input = tx.model.generate(sequenceDraw(tx.config.seed, StreamId.input, number));
	const value: Value = {id: `c${number}`, text: `c${number} ${tx.model.shortInput?.(input) ?? tx.model.describeInput(input)}`, input};
	const target = tx.proposers.find(proposer => proposer.up && leaderOf(tx, proposer.id) === proposer.id);
	if (target === undefined) {
		tx.say(`a client sends command ${value.text}: no proposer is up, it is lost`);
		return;
	}

	tx.updateProposer(target.id, {waiting: [...target.waiting, value]});
	tx.say(`a client sends ${value.text} to P${target.id + 1}${target.phase === 'lead' ? '' : ` (it does not lead yet: the command waits)`}`);
	flushWaiting(tx, target.id);
}

/** Why a message is lost on arrival, or undefined. */
export function lossReason(state: PaxosState, message: Message): string | undefined {
	if (message.doomed) return 'lost on the way';
	if (isCut(state.network, nodeCount(state.config), message.from, message.to)) return `lost: the link ${nodeName(state.config, message.from)}→${nodeName(state.config, message.to)} is cut`;
	const {role, index} = roleOf(state.config, message.to);
	if (role === 'acceptor' && !state.acceptors[index]!.up) return `lost: A${index + 1} is down`;
	if (role === 'proposer' && !state.proposers[index]!.up) return `lost: P${index + 1} is down`;
	return undefined;
}

function deliver(tx: Tx, message: Message): PaxosState {
	const lost = lossReason(tx.base, message);
	if (lost !== undefined) {
		tx.say(`${messageText(tx.config, message)} — ${lost}`);
		tx.count('lost');
		return tx.finish('lost', message);
	}

	tx.count('delivered');
	const {role, index} = roleOf(tx.config, message.to);
	const {body} = message;
	if (role === 'acceptor') {
		if (body.type === 'Prepare') onPrepare(tx, index, message, body);
		else if (body.type === 'Accept') onAccept(tx, index, message, body);
	} else if (role === 'learner') {
		if (body.type === 'Accepted') onLearnerAccepted(tx, index, message, body);
	} else if (body.type === 'Promise') {
		onPromise(tx, index, message, body);
	} else if (body.type === 'Nack') {
		onNack(tx, index, message, body);
	} else if (body.type === 'Accepted') {
		onProposerAccepted(tx, index, message, body);
	} else if (body.type === 'Heartbeat') {
		onHeartbeat(tx, index, message);
	}

	return tx.finish('deliver', message);
}

export function handleNextEvent(state: PaxosState): PaxosState {
	const next = peekEvent(state.queue);
	if (next === undefined) return state;
	const tx = new Tx(state, Math.max(state.time, next.time));
	tx.queue.pop();
	const {event} = next;
	switch (event.kind) {
		case 'deliver':
			return deliver(tx, event.message);
		case 'try':
			onTry(tx, event.proposer);
			return tx.finish('try', null);
		case 'heartbeat':
			onHeartbeatTimer(tx, event.proposer);
			return tx.finish('heartbeat', null);
		case 'command':
			clientCommand(tx);
			if (tx.commands < tx.config.requests) scheduleCommand(tx);
			return tx.finish('command', null);
	}
}

export function advance(state: PaxosState, count: number): PaxosState {
	return handleEvents(state, count, handleNextEvent);
}

export function runUntil(state: PaxosState, time: number, cap: number): {state: PaxosState; count: number} {
	let current = state;
	let count = 0;
	while (count < cap) {
		const next = peekEvent(current.queue);
		if (next === undefined || next.time > time) break;
		current = handleNextEvent(current);
		count++;
		if (current.lamps.fresh.length > 0) break;
	}

	return {state: current, count};
}

export function nextTime(state: PaxosState): number | undefined {
	return peekEvent(state.queue)?.time;
}

/** For the event line: the next event in words. */
export function nextEventText(state: PaxosState): string {
	const next = peekEvent(state.queue);
	if (next === undefined) return 'nothing more will happen';
	const {event} = next;
	const at = `at ${next.time} ms`;
	switch (event.kind) {
		case 'deliver':
			return `${messageText(state.config, event.message)} arrives ${at}${event.message.held ? ' (held by the adversary)' : ''}`;
		case 'try':
			return `P${event.proposer + 1}'s timer fires ${at}`;
		case 'heartbeat':
			return `P${event.proposer + 1}'s heartbeat timer fires ${at}`;
		case 'command':
			return `a client sends command c${state.commands + 1} ${at}`;
	}
}

export {agreedLeader, ballotText, heartbeatMs};
