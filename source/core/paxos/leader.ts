/**
 * The distinguished proposer, elected with timeouts: every proposer sends
 * heartbeats to the others; each takes as leader the lowest-numbered proposer
 * it has heard from in the last `leaderTimeout` ms (itself if none). Only the
 * leader proposes, so no two proposers duel: in practice Paxos then decides.
 */
import {heartbeatMs, leaderTimeout} from './config.js';
import {flushWaiting, startPhase1} from './proposer.js';
import type {Tx} from './tx.js';
import type {Message, PaxosState} from './types.js';

/** Whom proposer `id` takes as leader now. */
export function leaderOf(state: Pick<PaxosState, 'proposers'> & {readonly now?: number; readonly time?: number}, id: number): number {
	const now = state.now ?? state.time ?? 0;
	const {heard} = state.proposers[id]!;
	for (let other = 0; other < id; other++) if (heard[other]! >= 0 && now - heard[other]! <= leaderTimeout) return other;
	return id;
}

/** The proposer every up proposer takes as leader, if they agree. */
export function agreedLeader(state: PaxosState): number | undefined {
	const up = state.proposers.filter(proposer => proposer.up);
	if (up.length === 0) return undefined;
	const leaders = new Set(up.map(proposer => leaderOf(state, proposer.id)));
	return leaders.size === 1 ? [...leaders][0] : undefined;
}

export function onHeartbeatTimer(tx: Tx, id: number): void {
	const proposer = tx.proposers[id]!;
	if (!tx.leader) return;
	tx.queue.schedule(tx.now + heartbeatMs, {kind: 'heartbeat', proposer: id});
	if (!proposer.up) return;
	for (let other = 0; other < tx.config.proposers; other++) if (other !== id) tx.send(id, other, {type: 'Heartbeat'});
	const leader = leaderOf(tx, id);
	const name = `P${id + 1}`;
	if (leader !== id) {
		if (proposer.phase !== 'follow') tx.updateProposer(id, {phase: 'follow', note: `defers to leader P${leader + 1}`});
		tx.say(`${name} sends heartbeats; it follows P${leader + 1}`);
		return;
	}

	const idle = proposer.phase === 'idle' || proposer.phase === 'follow';
	const single = !tx.config.multi;
	const listened = tx.now - Math.max(proposer.upSince, ...proposer.heard.slice(0, id));
	if (id > 0 && listened < leaderTimeout && idle) {
		tx.say(`${name} sends heartbeats; it has heard no lower-numbered proposer for ${listened} ms (it waits ${leaderTimeout} ms before it leads)`);
		return;
	}

	if (idle && (!single || !proposer.note.startsWith('knows'))) {
		tx.leads++;
		tx.lastLead = id;
		startPhase1(tx, id, id === 0 ? 'is the lowest-numbered proposer, so it takes the lead' : `has heard no lower-numbered proposer for ${listened} ms, so it takes the lead`);
		return;
	}

	tx.say(`${name} sends heartbeats${proposer.phase === 'lead' ? ' as leader' : ''}`);
	if (proposer.phase === 'lead') flushWaiting(tx, id);
}

export function onHeartbeat(tx: Tx, id: number, message: Message): void {
	const heard = tx.proposers[id]!.heard.slice();
	heard[message.from] = tx.now;
	tx.updateProposer(id, {heard});
	const leader = leaderOf(tx, id);
	tx.say(`P${id + 1} hears P${message.from + 1}'s heartbeat: it takes P${leader + 1} as leader`);
	if (leader !== id && ['lead', 'prepare', 'accept', 'wait'].includes(tx.proposers[id]!.phase)) {
		tx.updateProposer(id, {phase: 'follow', note: `steps down for P${leader + 1}`});
		tx.queue.remove(event => event.kind === 'try' && event.proposer === id);
	}
}
