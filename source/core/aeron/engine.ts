/**
 * The Aeron cluster on the discrete-event engine: create it, handle one event
 * at a time, run until a virtual time. Every function returns a new state and
 * leaves the one it was given unchanged.
 */
import {emptyQueue, handleEvents, peekEvent} from '../engine/event-queue.js';
import {emptyRecent} from '../engine/recent.js';
import {modelNamed} from '../models/index.js';
import type {Model} from '../models/model.js';
import {onClientMessage, onIngress, onWorkload, scheduleWorkload} from './client.js';
import {onAppendPosition, onCommitPosition} from './commit.js';
import {messageText} from './describe.js';
import {enterElection, onCanvassPosition, onCatchupPosition, onElectionDeadline, onHeartbeat, onLiveness, onNewLeadershipTerm, onReplicate, onRequestVote, onStopCatchup, onVote} from './election.js';
import {emptyLog} from './log.js';
import {memberName} from './names.js';
import {initialNetwork} from '../net/network.js';
import {lossReason} from './transport.js';
import {messageArrow} from './view/messages.js';
import {emptyService} from './service.js';
import {onArchive, onLog} from './stream.js';
import {onTimerDue} from './timers.js';
import {Tx} from './tx.js';
import type {AeronConfig, AeronState, Envelope, Member} from './types.js';

/** Recent event lines kept for the space-time diagram (at least this many, at most twice). */
export const historyChunk = 40;

export function modelOf(name: string): Model {
	const model = modelNamed(name);
	if (!model) throw new Error(`unknown model "${name}"`);
	return model;
}

export function initialMember(id: number, size: number, model: Model): Member {
	const none = Array.from({length: size}, () => -1);
	return {
		id,
		log: emptyLog(),
		recordingLog: [],
		snapshots: [],
		candidateTermId: -1,
		role: 'follower',
		election: 'init',
		term: -1,
		leader: null,
		pending: [],
		commit: 0,
		leaderCommit: 0,
		service: emptyService(model.initial()),
		timers: [],
		uncommittedTimers: [],
		positions: none,
		heardAt: none.map(() => 0),
		stalledSince: none.map(() => 0),
		streamFrom: none,
		streamKind: none.map(() => 'live' as const),
		canvass: none.map(() => null),
		votes: none.map(() => null),
		leaderHeardAt: 0,
		deadline: null,
		stateSince: 0,
		startup: true,
		truncated: false,
		termBase: 0,
		target: 0,
		snapshotting: false,
		ingress: [],
		slow: false,
		archiveBusy: false,
		sends: 0,
		draws: 0,
	};
}

export function createAeron(config: AeronConfig): AeronState {
	const model = modelOf(config.model);
	const size = config.members;
	const blank: AeronState = {
		config,
		model,
		time: 0,
		events: 0,
		queue: emptyQueue(),
		members: Array.from({length: size}, (_, id) => initialMember(id, size, model)),
		client: {nextRequest: 1, automatic: 0, leaderGuess: 0, sent: 0, replies: 0, lastReply: null, draws: 0, nextTimer: 1},
		network: initialNetwork(size, 0),
		linkClear: Array.from({length: (size + 1) * (size + 1)}, () => 0),
		nextMessageId: 1,
		impurity: null,
		divergence: null,
		digestAt: [],
		lamps: {'one-leader': undefined, 'commit-kept': undefined, 'same-records': undefined, 'service-commit': undefined},
		committed: 0,
		fresh: undefined,
		last: {n: 0, time: 0, kind: 'start', member: null, text: ''},
		changed: [],
		history: emptyRecent(historyChunk),
		stats: {sent: 0, delivered: 0, lost: 0, elections: 0, appended: 0},
		seen: {truncations: [], vetoes: 0, replications: 0, catchups: 0, replays: [], timerFires: [], snapshots: [], loaded: [], leaders: [], stepDowns: 0, followerTimerFires: 0, cappedByOwn: 0, held: 0},
	};
	const tx = new Tx(blank, 0);
	tx.say(`${size} member${size === 1 ? '' : 's'} start with empty archives: a cold-start election`);
	for (let id = 0; id < size; id++) enterElection(tx, tx.member(id), 'cluster start', true);
	tx.parts = [tx.parts[0]!, `each canvasses the others (CanvassPosition every ${config.timings.statusInterval} ms)`];
	scheduleWorkload(tx);
	return tx.finish('start', null, false);
}

function deliver(tx: Tx, message: Envelope): AeronState {
	tx.say(messageText(message, tx.base));
	const lost = lossReason(tx.base, message);
	tx.arrow = messageArrow(message, lost === undefined ? 'arrived' : 'lost');
	if (lost !== undefined) {
		tx.parts[0] += ` — ${lost}`;
		tx.stats.lost++;
		return tx.finish('lost', message.to === tx.size ? null : message.to);
	}

	tx.stats.delivered++;
	const {body} = message;
	if (message.to === tx.size) {
		onClientMessage(tx, message, body);
		return tx.finish('deliver', null);
	}

	const m = tx.member(message.to);
	const from = message.from;
	switch (body.type) {
		case 'CanvassPosition':
			onCanvassPosition(tx, m, from, body);
			break;
		case 'RequestVote':
			onRequestVote(tx, m, from, body);
			break;
		case 'Vote':
			onVote(tx, m, from, body);
			break;
		case 'NewLeadershipTerm':
			onNewLeadershipTerm(tx, m, from, body);
			break;
		case 'AppendPosition':
			onAppendPosition(tx, m, from, body);
			break;
		case 'CommitPosition':
			onCommitPosition(tx, m, from, body);
			break;
		case 'CatchupPosition':
			onCatchupPosition(tx, m, from, body);
			break;
		case 'StopCatchup':
			onStopCatchup(tx, m, body);
			break;
		case 'Replicate':
			onReplicate(tx, m, from, body);
			break;
		case 'Log':
			onLog(tx, m, from, body.record, body.kind);
			break;
		case 'Ingress':
			onIngress(tx, m, body.item);
			break;
		default:
			break;
	}

	return tx.finish('deliver', message.to);
}

/** Handles the next event in the queue (the same state if there is none). */
export function handleNextEvent(state: AeronState): AeronState {
	const next = peekEvent(state.queue);
	if (next === undefined) return state;
	const tx = new Tx(state, Math.max(state.time, next.time));
	tx.queue.pop();
	const {event} = next;
	switch (event.kind) {
		case 'deliver':
			return deliver(tx, event.message);
		case 'workload':
			onWorkload(tx);
			return tx.finish('workload', null);
		case 'archive':
			onArchive(tx, tx.member(event.member));
			return tx.finish('archive', event.member);
		case 'election':
			onElectionDeadline(tx, tx.member(event.member));
			return tx.finish('election', event.member);
		case 'heartbeat':
			onHeartbeat(tx, tx.member(event.member));
			return tx.finish('heartbeat', event.member);
		case 'liveness':
			onLiveness(tx, tx.member(event.member));
			return tx.finish('liveness', event.member);
		case 'timer':
			onTimerDue(tx, tx.member(event.member));
			return tx.finish('timer', event.member);
	}
}

export function advance(state: AeronState, count: number): AeronState {
	return handleEvents(state, count, handleNextEvent);
}

const lampCount = (state: AeronState): number => Object.values(state.lamps).filter(value => value !== undefined).length;

/** Handles every event due at or before `time` (at most `cap`); stops where a lamp goes out. */
export function runUntil(state: AeronState, time: number, cap: number): {state: AeronState; count: number} {
	let current = state;
	let count = 0;
	const broken = lampCount(state);
	while (count < cap) {
		const next = peekEvent(current.queue);
		if (next === undefined || next.time > time) break;
		current = handleNextEvent(current);
		count++;
		if (lampCount(current) > broken) break;
	}

	return {state: current, count};
}

export function nextTime(state: AeronState): number | undefined {
	return peekEvent(state.queue)?.time;
}

export {memberName};
