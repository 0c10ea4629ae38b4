/**
 * Log replication, rule by rule as in Figure 2 (§5.3, §5.4.2).
 */
import {becomeFollower, stepDown} from './roles.js';
import type {Entry} from './log.js';
import {countText} from './describe.js';
import {countRefusal, countStepBack} from './mechanisms.js';
import {serverName} from './names.js';
import type {ServerDraft, Tx} from './tx.js';
import {withValue} from './tx.js';
import type {AppendEntries, AppendEntriesReply, Message} from './types.js';

const noEntries: readonly Entry[] = Object.freeze([]);

function indexes(first: number, last: number): string {
	return first === last ? `index ${first}` : `indexes ${first}–${last}`;
}

/** The heartbeat timer fires: the leader sends AppendEntries to every follower (empty where it has nothing new). */
export function onHeartbeat(tx: Tx, id: number): void {
	const leader = tx.server(id);
	leader.heartbeatDue = null;
	if (leader.role !== 'leader') return;
	tx.say(`${serverName(id)} sends AppendEntries to every follower`);
	for (let peer = 0; peer < tx.size; peer++) if (peer !== id) sendAppendEntries(tx, leader, peer);
	tx.startHeartbeatTimer(leader);
}

/** Leaders: send AppendEntries with the entries from nextIndex on (at most `batch` of them). */
export function sendAppendEntries(tx: Tx, leader: ServerDraft, peer: number): void {
	const prevLogIndex = leader.nextIndex[peer]! - 1;
	const last = Math.min(leader.log.length, prevLogIndex + tx.config.batch);
	const entries = last > prevLogIndex ? leader.log.slice(prevLogIndex + 1, last) : noEntries;
	leader.appendsSent = withValue(leader.appendsSent, peer, (leader.appendsSent[peer] ?? 0) + 1);
	tx.send(leader.id, peer, {
		type: 'AppendEntries',
		term: leader.currentTerm,
		prevLogIndex,
		prevLogTerm: leader.log.termAt(prevLogIndex),
		entries,
		leaderCommit: leader.commitIndex,
	});
}

/** AppendEntries receiver (Figure 2). */
export function onAppendEntries(tx: Tx, server: ServerDraft, message: Message, request: AppendEntries): void {
	const name = serverName(server.id);
	const leader = message.from;
	// 1. Reply false if term < currentTerm (the stale-append bug lets a follower skip this rule).
	const stale = request.term < server.currentTerm;
	if (stale && !(tx.bug('stale-append') && server.role === 'follower')) {
		tx.say(`${name} refuses: term ${request.term} is older than its term ${server.currentTerm}`);
		reply(tx, server, leader, false, request.prevLogIndex);
		return;
	}

	if (stale) {
		tx.say(`${name} accepts AppendEntries of the older term ${request.term} from ${serverName(leader)} (stale-append bug)`);
	} else if (request.term > server.currentTerm) {
		stepDown(tx, server, request.term);
	} else if (server.role !== 'follower') {
		const was = server.role;
		becomeFollower(tx, server);
		tx.say(`${name} ${was === 'leader' ? `was also leading term ${request.term} (!) and` : `stops its ${was === 'precandidate' ? 'pre-vote' : 'candidacy'} and`} follows ${serverName(leader)}`);
	}

	server.leaderId = leader;
	server.lastHeardFromLeader = tx.now;
	tx.resetElectionTimer(server);

	// 2. Reply false if the log has no entry at prevLogIndex whose term matches prevLogTerm.
	const {prevLogIndex, prevLogTerm, entries} = request;
	if (prevLogIndex > server.log.length || server.log.termAt(prevLogIndex) !== prevLogTerm) {
		const has = prevLogIndex > server.log.length ? `its log ends at ${server.log.length}` : `its entry ${prevLogIndex} has term ${server.log.termAt(prevLogIndex)}`;
		tx.say(`${name} has no entry ${prevLogIndex}/t${prevLogTerm} (${has}): refuses`);
		reply(tx, server, leader, false, prevLogIndex);
		return;
	}

	// 3. If an existing entry conflicts with a new one (same index, different term), delete it and all that follow it.
	// 4. Append any new entries not already in the log.
	if (tx.bug('truncate-always')) {
		const removed = server.log.length - prevLogIndex;
		tx.truncateLog(server, prevLogIndex);
		for (const entry of entries) tx.appendEntry(server, entry);
		if (removed > 0 || entries.length > 0) tx.say(`${name} deletes everything after ${prevLogIndex} (${countText(removed, 'entry', 'entries')}) and appends ${entries.length}`);
	} else {
		appendNew(tx, server, prevLogIndex, entries);
	}

	if (entries.length === 0) tx.say(`${name}'s log matches at ${prevLogIndex}/t${prevLogTerm}: accepts; its election timer starts again`);
	if (tx.bug('apply-uncommitted') && server.lastApplied < server.log.length) {
		tx.say(`${name} applies what it appended without waiting for the commit (apply-uncommitted bug)`);
		tx.applyThrough(server, server.log.length);
	}

	// 5. If leaderCommit > commitIndex, set commitIndex = min(leaderCommit, index of last new entry).
	const lastNew = prevLogIndex + entries.length;
	const commit = Math.min(request.leaderCommit, lastNew);
	if (commit > server.commitIndex) {
		server.commitIndex = commit;
		tx.say(`${name} learns entries up to ${commit} are committed`);
		tx.applyCommitted(server);
	}

	reply(tx, server, leader, true, lastNew);
}

function appendNew(tx: Tx, server: ServerDraft, prevLogIndex: number, entries: readonly Entry[]): void {
	const name = serverName(server.id);
	for (let i = 0; i < entries.length; i++) {
		const index = prevLogIndex + 1 + i;
		if (server.log.termAt(index) === entries[i]!.term) continue;
		if (index <= server.log.length) {
			tx.say(`${name} deletes conflicting ${indexes(index, server.log.length)} (its entry ${index} has term ${server.log.termAt(index)}, the leader's ${entries[i]!.term})`);
			tx.truncateLog(server, index - 1);
		}

		for (let j = i; j < entries.length; j++) tx.appendEntry(server, entries[j]!);
		tx.say(`${name} appends ${indexes(index, prevLogIndex + entries.length)}`);
		return;
	}

	if (entries.length > 0) tx.say(`${name} already has ${indexes(prevLogIndex + 1, prevLogIndex + entries.length)}`);
}

function reply(tx: Tx, server: ServerDraft, leader: number, success: boolean, index: number): void {
	let conflictTerm = 0;
	let conflictIndex = 0;
	if (!success && tx.config.backoff === 'term') {
		if (index > server.log.length) {
			conflictIndex = server.log.length + 1;
		} else {
			conflictTerm = server.log.termAt(index);
			conflictIndex = server.log.firstIndexOfTermRun(index);
		}
	}

	if (!success) tx.mechanisms = countRefusal(tx.mechanisms, tx.size, leader, server.id);
	tx.send(server.id, leader, {type: 'AppendEntriesReply', term: server.currentTerm, success, index, conflictTerm, conflictIndex});
}

/** A leader hears how an AppendEntries went: on success it updates nextIndex and matchIndex; on refusal it decrements nextIndex and retries. */
export function onAppendEntriesReply(tx: Tx, leader: ServerDraft, message: Message, answer: AppendEntriesReply): void {
	const name = serverName(leader.id);
	const peer = message.from;
	const peerName = serverName(peer);
	if (answer.term > leader.currentTerm) {
		stepDown(tx, leader, answer.term);
		return;
	}

	if (leader.role !== 'leader' || answer.term !== leader.currentTerm) {
		tx.say(`${name} is not leader of term ${answer.term}: ignored`);
		return;
	}

	leader.activePeers |= 1 << peer;
	if (answer.success) {
		const match = Math.max(leader.matchIndex[peer]!, answer.index);
		const next = Math.max(leader.nextIndex[peer]!, answer.index + 1);
		if (match !== leader.matchIndex[peer]) leader.matchIndex = withValue(leader.matchIndex, peer, match);
		if (next !== leader.nextIndex[peer]) leader.nextIndex = withValue(leader.nextIndex, peer, next);
		tx.say(`${name} knows ${peerName} holds its log up to ${match}`);
		advanceCommitIndex(tx, leader);
		if (leader.nextIndex[peer]! <= leader.log.length) sendAppendEntries(tx, leader, peer);
		return;
	}

	if (answer.index <= leader.matchIndex[peer]!) {
		tx.say(`${name} already knows ${peerName} matches up to ${leader.matchIndex[peer]}: an old refusal, ignored`);
		return;
	}

	let next = answer.index;
	if (tx.config.backoff === 'term' && answer.conflictIndex > 0) {
		const last = answer.conflictTerm > 0 ? leader.log.lastIndexOfTerm(answer.conflictTerm) : 0;
		next = Math.min(answer.index, last > 0 ? last + 1 : answer.conflictIndex);
	}

	next = Math.max(leader.matchIndex[peer]! + 1, Math.min(leader.nextIndex[peer]!, next));
	if (next === leader.nextIndex[peer]) {
		tx.say(`${name} already retries ${peerName} from ${next}: ignored`);
		return;
	}

	if (next < leader.nextIndex[peer]!) tx.mechanisms = countStepBack(tx.mechanisms, tx.size, leader.id, peer);
	leader.nextIndex = withValue(leader.nextIndex, peer, next);
	tx.say(`${name} sets nextIndex for ${peerName} to ${next} and retries`);
	sendAppendEntries(tx, leader, peer);
}

/**
 * Leaders: if there is an N > commitIndex such that a majority of matchIndex[i] ≥ N and log[N].term == currentTerm,
 * set commitIndex = N. (The old-term-commit bug drops the term condition: Figure 8's trap.)
 */
export function advanceCommitIndex(tx: Tx, leader: ServerDraft): void {
	if (leader.log.length <= leader.commitIndex) return;
	const matches: number[] = [];
	for (let peer = 0; peer < tx.size; peer++) matches.push(peer === leader.id ? leader.log.length : leader.matchIndex[peer]!);
	matches.sort((a, b) => b - a);
	const n = matches[tx.majority - 1]!;
	if (n <= leader.commitIndex) return;
	const holders = matches.filter(match => match >= n).length;
	const term = leader.log.termAt(n);
	if (term !== leader.currentTerm && !tx.bug('old-term-commit')) {
		tx.say(`${serverName(leader.id)} knows index ${n} is on ${holders} of ${tx.size} servers, but it has term ${term}, not ${leader.currentTerm}: not committed by counting`);
		return;
	}

	leader.commitIndex = n;
	tx.say(`${serverName(leader.id)} commits up to index ${n} (it knows ${holders} of ${tx.size} servers hold it)`);
	tx.applyCommitted(leader);
}
