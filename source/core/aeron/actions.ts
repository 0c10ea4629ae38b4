/**
 * The user's actions: kill and restart a member (it keeps its archive,
 * recording log, snapshots and candidate term; it loses everything in
 * memory), a lost disk, partitions, a slow archive, a snapshot, a client
 * request, a service timer, the determinism switches, the bugs.
 */
import {sendRequest} from './client.js';
import {enterElection} from './election.js';
import {initialMember} from './engine.js';
import {appendRecord, recordedEnd} from './stream.js';
import {memberName} from './names.js';
import {applyLinkFault, applyMessageFault, type LinkFault, type MessageFault} from '../net/faults.js';
import {findMessage, inFlightIn} from '../net/message.js';
import {messageWords} from './describe.js';
import {messageArrow} from './view/messages.js';
import {aeronNames} from './transport.js';
import {emptyService} from './service.js';
import {Tx, type DraftMember} from './tx.js';
import type {AeronAction, AeronState, Envelope, MessageType} from './types.js';

export function leaderOf(state: AeronState): number | undefined {
	let best: number | undefined;
	for (const m of state.members) if (m.role === 'leader' && (best === undefined || m.term > state.members[best]!.term)) best = m.id;
	return best;
}

function kill(tx: Tx, m: DraftMember): void {
	const fresh = initialMember(m.id, tx.size, tx.model);
	const durable = {log: m.log, recordingLog: m.recordingLog, snapshots: m.snapshots, candidateTermId: m.candidateTermId, sends: m.sends, draws: m.draws, slow: m.slow};
	Object.assign(m, fresh, durable, {role: 'down', election: 'init', term: -1});
	for (const kind of ['archive', 'election', 'heartbeat', 'liveness', 'timer'] as const) tx.cancel(kind, m.id);
}

/** Restart: load the latest snapshot (service state, timers, commit = its position), then a startup election replays the rest. */
function restart(tx: Tx, m: DraftMember): void {
	const snapshot = m.snapshots.at(-1);
	const terms = m.recordingLog.filter(entry => entry.kind === 'term');
	m.term = terms.at(-1)?.term ?? -1;
	m.role = 'follower';
	if (snapshot) {
		m.service = {position: snapshot.position, machine: snapshot.machine, time: snapshot.time, digest: snapshot.digest, applied: snapshot.applied};
		m.timers = snapshot.timers;
		m.commit = snapshot.position;
		tx.note('loaded', [...tx.seen.loaded, {member: m.id, position: snapshot.position}].slice(-40));
		tx.say(`${memberName(m.id)} restarts: loads its snapshot at ${snapshot.position}; the rest of its archive (to ${recordedEnd(m)}) will replay inside the election`);
	} else {
		m.service = emptyService(tx.model.initial());
		tx.say(`${memberName(m.id)} restarts with no snapshot: its archive (to ${recordedEnd(m)}) will replay from 0 inside the election`);
	}

	enterElection(tx, m, 'restart', true);
}

export function applyAction(state: AeronState, action: AeronAction): AeronState {
	const tx = new Tx(state, state.time);
	const size = state.members.length;
	const inRange = (member: number) => member >= 0 && member < size;
	switch (action.type) {
		case 'kill': {
			if (!inRange(action.member) || state.members[action.member]!.role === 'down') return state;
			const m = tx.member(action.member);
			const lost = m.pending.length;
			kill(tx, m);
			tx.say(`${memberName(m.id)} is killed: its archive (to ${recordedEnd(m)}), recording log, snapshots and candidate term ${m.candidateTermId} stay on disk; its memory is gone${lost > 0 ? ` (${lost} unrecorded frame${lost === 1 ? '' : 's'} lost)` : ''}`);
			return tx.finish('kill', m.id, false);
		}

		case 'restart': {
			if (!inRange(action.member) || state.members[action.member]!.role !== 'down') return state;
			restart(tx, tx.member(action.member));
			return tx.finish('restart', action.member, false);
		}

		case 'lose-disk': {
			if (!inRange(action.member)) return state;
			const m = tx.member(action.member);
			if (m.role !== 'down') kill(tx, m);
			const fresh = initialMember(m.id, size, tx.model);
			Object.assign(m, {log: fresh.log, recordingLog: [], snapshots: [], candidateTermId: -1, commit: 0});
			tx.say(`${memberName(m.id)} loses its disk: an empty archive, no recording log, no snapshots`);
			restart(tx, m);
			return tx.finish('lose-disk', m.id, false);
		}

		case 'isolate': {
			const member = action.member === 'leader' ? leaderOf(state) : action.member;
			if (member === undefined || !inRange(member)) return state;
			linkFault(tx, {type: 'partition', groups: [[member]]});
			tx.parts[0] += ' (the client still reaches it)';
			return tx.finish('isolate', member, false);
		}

		case 'slow-archive': {
			const member = action.member === 'leader' ? leaderOf(state) : action.member;
			if (member === undefined || !inRange(member)) return state;
			tx.member(member).slow = action.on;
			tx.say(`${memberName(member)}'s archive ${action.on ? 'becomes slow: its recorded position lags' : 'records at normal speed again'}`);
			return tx.finish('slow-archive', member, false);
		}

		case 'snapshot': {
			const leader = leaderOf(state);
			const m = leader === undefined ? undefined : tx.member(leader);
			if (!m || m.election !== 'closed' || m.snapshotting) return state;
			const record = appendRecord(tx, m, {type: 'action'});
			m.snapshotting = true;
			tx.cancel('timer', m.id);
			tx.say(`ClusterControl SNAPSHOT: leader ${memberName(m.id)} appends the snapshot action at ${record.start}–${record.end} and suspends appends until it is taken`);
			return tx.finish('snapshot', m.id, false);
		}

		case 'request':
			sendRequest(tx);
			return tx.finish('request', null, false);

		case 'timer':
			sendRequest(tx, action.delay);
			return tx.finish('timer', null, false);

		case 'impurity':
			tx.impurity = action.impurity;
			tx.say(action.impurity === null ? 'the service is deterministic again (it uses only the log: cluster time, seeded values)' : `the service now ${action.impurity === 'wall-clock' ? 'reads the wall clock' : action.impurity === 'random' ? 'draws an unseeded random number' : 'iterates a map in undefined order'} in each message`);
			return tx.finish('impurity', null, false);

		case 'bug': {
			const bugs = state.config.bugs.filter(bug => bug !== action.bug);
			if (action.on) bugs.push(action.bug);
			tx.say(`bug ${action.bug} ${action.on ? 'on' : 'off'}`);
			return {...tx.finish('bug', null, false), config: {...state.config, bugs}};
		}

		case 'partition':
		case 'cut':
		case 'heal':
		case 'loss':
		case 'slow':
			linkFault(tx, action);
			return tx.finish(action.type, null, false);
		case 'drop':
		case 'duplicate':
		case 'delay':
		case 'deliver':
			return messageAction(tx, state, action) ? tx.finish(action.type, null, false) : state;
	}
}

/** A fault on the links between members: the shared network's rule, in Aeron's names. */
function linkFault(tx: Tx, fault: LinkFault): void {
	const {network, text} = applyLinkFault(tx.network, aeronNames(tx.size), fault);
	tx.network = network;
	tx.say(text);
}

/** Drop, duplicate, delay or deliver one message in flight (false when none matches). */
function messageAction(tx: Tx, state: AeronState, action: MessageFault<MessageType>): boolean {
	const messages = inFlightIn<Envelope>(state.queue.items);
	const message = findMessage(messages, action.pick);
	if (message === undefined) return false;
	const due = messages.find(item => item.message === message)!.due;
	const client = tx.size;
	const context = {
		queue: tx.queue,
		now: tx.time,
		latencyMax: tx.config.latencyMax,
		remove: (item: Envelope) => {
			tx.queue.remove(event => event.kind === 'deliver' && event.message === item);
			tx.arrow = messageArrow(item, 'dropped');
			tx.stats.lost++;
		},
		newId: () => tx.nextMessageId++,
		refuseCopy: (item: Envelope) => (item.from === client || item.to === client ? 'client messages are not duplicated (this model of the client has no session ids to drop a repeated request)' : undefined),
	};
	tx.say(applyMessageFault(context, action, message, due, messageWords(message, state)));
	return true;
}
