/**
 * Leader election, rule by rule as in Figure 2 (§5.2), with PreVote and
 * CheckQuorum (Ongaro's thesis, §9.6) when the config asks for them.
 */
import type {RaftLog} from './log.js';
import {bitCount, serverName} from './names.js';
import {sendAppendEntries} from './replication.js';
import {becomeFollower, stepDown} from './roles.js';
import type {ServerDraft, Tx} from './tx.js';
import type {Message, RequestVote, RequestVoteReply} from './types.js';

/** §5.4.1: the candidate's log is at least as up to date as `log`: a later last term, or the same last term and at least as long. */
export function logIsUpToDate(log: RaftLog, lastLogIndex: number, lastLogTerm: number): boolean {
	return lastLogTerm > log.lastTerm || (lastLogTerm === log.lastTerm && lastLogIndex >= log.length);
}

/** The election timer fires: a follower or candidate starts an election (or a pre-vote); a leader with CheckQuorum checks it still hears a majority. */
export function onElectionTimeout(tx: Tx, id: number, forced = false): void {
	const server = tx.server(id);
	server.electionDeadline = null;
	if (server.role === 'leader') {
		if (!forced) {
			checkQuorum(tx, server);
			return;
		}

		tx.say(`${serverName(id)} stops leading`);
		becomeFollower(tx, server);
	}

	if (tx.config.prevote) startPreVote(tx, server);
	else startElection(tx, server);
}

/** Candidates (§5.2): increment currentTerm, vote for self, reset the election timer, send RequestVote to all other servers. */
export function startElection(tx: Tx, server: ServerDraft): void {
	server.currentTerm++;
	server.role = 'candidate';
	server.votedFor = server.id;
	server.votes = 1 << server.id;
	server.leaderId = null;
	tx.resetElectionTimer(server);
	tx.count('elections');
	tx.say(`${serverName(server.id)} becomes candidate for term ${server.currentTerm} and asks for votes`);
	askForVotes(tx, server, false);
	if (bitCount(server.votes) >= tx.majority) becomeLeader(tx, server);
}

/** PreVote: ask whether the others would vote in the next term, without raising anyone's term. */
export function startPreVote(tx: Tx, server: ServerDraft): void {
	server.role = 'precandidate';
	server.votes = 1 << server.id;
	tx.resetElectionTimer(server);
	tx.say(`${serverName(server.id)} asks for pre-votes for term ${server.currentTerm + 1} (its own term stays ${server.currentTerm})`);
	askForVotes(tx, server, true);
	if (bitCount(server.votes) >= tx.majority) startElection(tx, server);
}

function askForVotes(tx: Tx, server: ServerDraft, preVote: boolean): void {
	const term = preVote ? server.currentTerm + 1 : server.currentTerm;
	for (let peer = 0; peer < tx.size; peer++) {
		if (peer === server.id) continue;
		tx.send(server.id, peer, {type: 'RequestVote', term, lastLogIndex: server.log.length, lastLogTerm: server.log.lastTerm, preVote});
	}
}

/** With CheckQuorum, a server that heard from its leader within the minimum election timeout ignores requests to replace it. */
function inLease(tx: Tx, server: ServerDraft): boolean {
	if (!tx.config.prevote) return false;
	if (server.role === 'leader') return true;
	return server.leaderId !== null && tx.now - server.lastHeardFromLeader < tx.config.electionMin;
}

/** RequestVote receiver (Figure 2). */
export function onRequestVote(tx: Tx, server: ServerDraft, message: Message, request: RequestVote): void {
	const candidate = message.from;
	const name = serverName(server.id);
	if (request.preVote) {
		const granted = request.term > server.currentTerm && !inLease(tx, server) && logIsUpToDate(server.log, request.lastLogIndex, request.lastLogTerm);
		tx.say(`${name} ${granted ? 'grants' : 'refuses'} a pre-vote to ${serverName(candidate)}${granted ? '' : refusalReason(tx, server, candidate, request)}`);
		reply(tx, server, candidate, {type: 'RequestVoteReply', term: granted ? request.term : server.currentTerm, voteGranted: granted, preVote: true});
		return;
	}

	if (request.term > server.currentTerm && inLease(tx, server)) {
		tx.say(`${name} ignores term ${request.term}: it heard from its leader less than ${tx.config.electionMin} ms ago`);
		reply(tx, server, candidate, {type: 'RequestVoteReply', term: server.currentTerm, voteGranted: false, preVote: false});
		return;
	}

	// 1. Reply false if term < currentTerm (after stepping down for a higher term).
	if (request.term > server.currentTerm) stepDown(tx, server, request.term);
	// 2. If votedFor is null or candidateId, and the candidate's log is at least as up to date, grant the vote.
	const granted =
		request.term === server.currentTerm &&
		(server.votedFor === null || server.votedFor === candidate) &&
		(tx.bug('no-up-to-date-check') || logIsUpToDate(server.log, request.lastLogIndex, request.lastLogTerm));
	if (granted) {
		server.votedFor = candidate;
		tx.resetElectionTimer(server);
	}

	tx.say(`${name} ${granted ? 'votes for' : 'refuses its vote to'} ${serverName(candidate)} in term ${request.term}${granted ? '' : refusalReason(tx, server, candidate, request)}`);
	reply(tx, server, candidate, {type: 'RequestVoteReply', term: server.currentTerm, voteGranted: granted, preVote: false});
}

function refusalReason(tx: Tx, server: ServerDraft, candidate: number, request: RequestVote): string {
	if (request.preVote ? request.term <= server.currentTerm : request.term < server.currentTerm) return ` (its term ${server.currentTerm} is newer)`;
	if (request.preVote && inLease(tx, server)) return ' (it still hears from a leader)';
	if (!request.preVote && server.votedFor !== null && server.votedFor !== candidate) {
		return server.votedFor === server.id ? ' (it voted for itself)' : ` (it already voted for ${serverName(server.votedFor)})`;
	}

	if (!logIsUpToDate(server.log, request.lastLogIndex, request.lastLogTerm)) return ` (its log is more up to date: last ${server.log.length}/t${server.log.lastTerm})`;
	return '';
}

function reply(tx: Tx, server: ServerDraft, to: number, body: RequestVoteReply): void {
	tx.send(server.id, to, body);
}

/** A candidate counts votes; a majority makes it leader (a pre-candidate: starts the real election). */
export function onRequestVoteReply(tx: Tx, server: ServerDraft, message: Message, answer: RequestVoteReply): void {
	const name = serverName(server.id);
	const voter = serverName(message.from);
	if (answer.preVote) {
		if (!answer.voteGranted && answer.term > server.currentTerm) {
			stepDown(tx, server, answer.term);
			return;
		}

		if (server.role !== 'precandidate' || answer.term !== server.currentTerm + 1) {
			tx.say(`${name} is not asking for pre-votes for term ${answer.term}: ignored`);
			return;
		}

		if (answer.voteGranted) server.votes |= 1 << message.from;
		tx.say(`${name} has ${bitCount(server.votes)} of ${tx.majority} pre-votes needed`);
		if (bitCount(server.votes) >= tx.majority) startElection(tx, server);
		return;
	}

	if (answer.term > server.currentTerm) {
		stepDown(tx, server, answer.term);
		return;
	}

	if (server.role !== 'candidate' || answer.term !== server.currentTerm) {
		tx.say(`${name} is not a candidate in term ${answer.term}: ${voter}'s answer is ignored`);
		return;
	}

	if (answer.voteGranted) server.votes |= 1 << message.from;
	const votes = bitCount(server.votes);
	if (votes >= tx.majority) {
		tx.say(`${name} has ${votes} of ${tx.size} votes`);
		becomeLeader(tx, server);
	} else {
		tx.say(`${name} has ${votes} of ${tx.majority} votes needed`);
	}
}

/** Leaders: initialize nextIndex to the last log index + 1 and matchIndex to 0, then send empty AppendEntries (heartbeats) to each server. */
export function becomeLeader(tx: Tx, server: ServerDraft): void {
	server.role = 'leader';
	server.leaderId = server.id;
	server.votes = 0;
	server.nextIndex = Array.from({length: tx.size}, () => server.log.length + 1);
	server.matchIndex = Array.from({length: tx.size}, () => 0);
	server.appendsSent = Array.from({length: tx.size}, () => 0);
	server.activePeers = 0;
	tx.stopElectionTimer(server);
	if (tx.config.prevote) tx.startElectionTimer(server, tx.config.electionMax);
	tx.count('leadersElected');
	tx.say(`${serverName(server.id)} becomes leader of term ${server.currentTerm}`);
	for (let peer = 0; peer < tx.size; peer++) if (peer !== server.id) sendAppendEntries(tx, server, peer);
	tx.startHeartbeatTimer(server);
}

/** CheckQuorum: a leader that has not heard from a majority (itself included) within an election timeout steps down. */
function checkQuorum(tx: Tx, server: ServerDraft): void {
	const heard = bitCount(server.activePeers & ~(1 << server.id)) + 1;
	if (heard < tx.majority) {
		tx.say(`${serverName(server.id)} heard from only ${heard} of ${tx.size} servers in ${tx.config.electionMax} ms and steps down (CheckQuorum)`);
		server.leaderId = null;
		becomeFollower(tx, server);
		return;
	}

	server.activePeers = 0;
	tx.say(`${serverName(server.id)} still hears from ${heard} of ${tx.size} servers (CheckQuorum)`);
	tx.startElectionTimer(server, tx.config.electionMax);
}
