/**
 * Elections, as Aeron's Election.java runs them: canvass the members' logs,
 * nominate after a random delay, ask for votes (one NO vetoes a quorum win),
 * then the new leader waits until a quorum holds its whole log, replays it,
 * and opens the term with a NewLeadershipTermEvent. Followers truncate an
 * uncommitted tail once per election, copy what they lack from the leader's
 * archive, replay, and catch up.
 */
import {hash4} from '../engine/random.js';
import {drainIngress} from './client.js';
import {quorumOf} from './config.js';
import {leaderUpdate, followerCommit, setPosition} from './commit.js';
import {logTerm, truncate} from './log.js';
import {memberName, stateWords} from './names.js';
import {send, sendToAll} from './transport.js';
import {consume} from './service.js';
import {appendRecord, pump, receivedEnd, recordedEnd, startStream} from './stream.js';
import {armTimers} from './timers.js';
import type {DraftMember, Tx} from './tx.js';
import type {ElectionState, Member, Message} from './types.js';

type LogId = {readonly logTerm: number; readonly position: number};

/** Aeron's compareLog: lexicographic on (log term, position). */
export function compareLog(a: LogId, b: LogId): number {
	return a.logTerm === b.logTerm ? a.position - b.position : a.logTerm - b.logTerm;
}

export const logIdOf = (m: Member): LogId => ({logTerm: logTerm(m.log), position: recordedEnd(m)});

const ballotStates: readonly ElectionState[] = ['canvass', 'nominate', 'candidate-ballot', 'follower-ballot'];

function setElection(tx: Tx, m: DraftMember, state: ElectionState, deadline: number | null): void {
	m.election = state;
	m.stateSince = tx.time;
	m.deadline = deadline;
	if (deadline === null) tx.cancel('election', m.id);
	else tx.reschedule('election', m.id, deadline);
}

function sendCanvass(tx: Tx, m: DraftMember): void {
	const mine = logIdOf(m);
	sendToAll(tx, m.id, () => ({type: 'CanvassPosition', logTerm: mine.logTerm, position: mine.position, term: m.term}));
}

/** The member starts (or restarts) an election: role follower, log and ingress closed, canvass. */
export function enterElection(tx: Tx, m: DraftMember, why: string, startup = false): void {
	if (m.role === 'leader') {
		// restoreUncommittedEntries: timers appended but not committed will fire again.
		m.timers = [...m.timers, ...m.uncommittedTimers.map(timer => ({id: timer.id, deadline: 0}))];
		m.uncommittedTimers = [];
		tx.note('stepDowns', tx.seen.stepDowns + 1);
	}

	if (m.election === 'closed') tx.stats.elections++;
	m.role = 'follower';
	m.leader = null;
	if (m.pending.length > 0) tx.say(`${memberName(m.id)} stops recording: ${m.pending.length} unrecorded frame${m.pending.length === 1 ? '' : 's'} dropped`);
	m.pending = [];
	m.archiveBusy = false;
	m.leaderCommit = m.commit;
	m.canvass = Array.from({length: tx.size}, () => null);
	m.votes = Array.from({length: tx.size}, () => null);
	m.positions = Array.from({length: tx.size}, () => -1);
	m.streamFrom = Array.from({length: tx.size}, () => -1);
	m.snapshotting = false;
	m.ingress = [];
	m.truncated = false;
	m.startup = startup;
	for (const kind of ['archive', 'heartbeat', 'liveness', 'timer'] as const) tx.cancel(kind, m.id);
	setElection(tx, m, 'canvass', tx.time + tx.config.timings.statusInterval);
	tx.say(`${memberName(m.id)} enters an election (${why}): canvasses its log (term ${logTerm(m.log)}, position ${recordedEnd(m)})`);
	sendCanvass(tx, m);
}

function canvassDecision(tx: Tx, m: DraftMember): void {
	if (m.election !== 'canvass') return;
	const mine = logIdOf(m);
	const others = m.canvass.filter((entry, id) => id !== m.id && entry !== null) as LogId[];
	const noneBetter = others.every(other => compareLog(other, mine) <= 0);
	const unanimous = others.length === tx.size - 1 && noneBetter;
	const {timings} = tx.config;
	const waited = tx.time >= m.stateSince + (m.startup ? timings.startupCanvass : timings.electionTimeout);
	const notWorse = 1 + others.filter(other => compareLog(other, mine) <= 0).length;
	if (!unanimous && !(waited && notWorse >= quorumOf(tx.size))) return;
	const delay = hash4(tx.config.seed, 13, m.id, m.draws) % Math.max(1, Math.floor(timings.electionTimeout / 2));
	m.draws++;
	setElection(tx, m, 'nominate', tx.time + delay);
	tx.say(`${memberName(m.id)}: ${unanimous ? 'every member has reported and none has a better log' : `${notWorse} of ${tx.size} have a log no better than its own`}: it will nominate itself in ${delay} ms (random delay)`);
}

export function onCanvassPosition(tx: Tx, m: DraftMember, from: number, body: Extract<Message, {type: 'CanvassPosition'}>): void {
	const canvass = m.canvass.slice();
	canvass[from] = {logTerm: body.logTerm, position: body.position};
	m.canvass = canvass;
	if (m.role === 'leader' && body.logTerm <= m.term) {
		sendNewLeadershipTerm(tx, m, from);
		tx.say(`leader ${memberName(m.id)} answers with a NewLeadershipTerm tailored to ${memberName(from)}'s log (term ${body.logTerm})`);
		return;
	}

	canvassDecision(tx, m);
}

/** Where, in the leader's history, the term after `followerLogTerm` starts. */
export function nextTermBase(m: Member, followerLogTerm: number): number {
	const terms = m.recordingLog.filter(entry => entry.kind === 'term') as Array<{term: number; base: number}>;
	const all = terms.some(entry => entry.term === m.term) ? terms : [...terms, {term: m.term, base: m.termBase}];
	for (const entry of all) if (entry.term > followerLogTerm) return entry.base;
	return recordedEnd(m);
}

function sendNewLeadershipTerm(tx: Tx, m: DraftMember, to: number): void {
	const entry = m.canvass[to];
	if (!entry) return;
	send(tx, m.id, to, {
		type: 'NewLeadershipTerm',
		logTerm: entry.logTerm,
		nextTermBase: nextTermBase(m, entry.logTerm),
		term: m.term,
		termBase: m.termBase,
		position: recordedEnd(m),
		commit: m.commit,
		timestamp: tx.time,
	});
}

function nominate(tx: Tx, m: DraftMember): void {
	m.candidateTermId = Math.max(m.candidateTermId, m.term) + 1;
	m.role = 'candidate';
	const votes: Array<boolean | null> = Array.from({length: tx.size}, () => null);
	votes[m.id] = true;
	m.votes = votes;
	setElection(tx, m, 'candidate-ballot', tx.time + tx.config.timings.electionTimeout);
	const mine = logIdOf(m);
	tx.say(`${memberName(m.id)} nominates itself: candidate term ${m.candidateTermId} (saved to disk), asks for votes`);
	sendToAll(tx, m.id, () => ({type: 'RequestVote', logTerm: mine.logTerm, position: mine.position, candidateTerm: m.candidateTermId}));
	if (tx.size === 1) win(tx, m);
}

function win(tx: Tx, m: DraftMember): void {
	const yes = m.votes.filter(vote => vote === true).length;
	m.term = m.candidateTermId;
	m.role = 'leader';
	m.leader = m.id;
	m.termBase = recordedEnd(m);
	m.positions = m.positions.map((_, id) => (id === m.id ? recordedEnd(m) : -1));
	m.heardAt = m.heardAt.map(() => tx.time);
	m.stalledSince = m.stalledSince.map(() => tx.time);
	m.streamFrom = m.streamFrom.map(() => -1);
	m.streamKind = m.streamKind.map(() => 'live' as const);
	const rival = tx.seen.leaders.find(leader => leader.term === m.term && leader.member !== m.id);
	if (rival) tx.breakLamp('one-leader', `${memberName(m.id)} and ${memberName(rival.member)} both lead term ${m.term}`);
	if (recordedEnd(m) < tx.committed) tx.breakLamp('commit-kept', `position ${tx.committed} was committed, but the new leader ${memberName(m.id)} holds only ${recordedEnd(m)}`);
	tx.note('leaders', [...tx.seen.leaders, {member: m.id, term: m.term}].slice(-40));
	setElection(tx, m, 'leader-log-replication', null);
	tx.say(`${memberName(m.id)} wins term ${m.term} (${yes} of ${tx.size} YES): waits until a quorum holds its log to ${m.termBase}`);
	for (let f = 0; f < tx.size; f++) if (f !== m.id) sendNewLeadershipTerm(tx, m, f);
	tx.reschedule('heartbeat', m.id, tx.time + tx.config.timings.heartbeatInterval);
	leaderUpdate(tx, m);
}

export function onRequestVote(tx: Tx, m: DraftMember, from: number, body: Extract<Message, {type: 'RequestVote'}>): void {
	const canvass = m.canvass.slice();
	canvass[from] = {logTerm: body.logTerm, position: body.position};
	m.canvass = canvass;
	const mine = logIdOf(m);
	const vote = (yes: boolean) => send(tx, m.id, from, {type: 'Vote', candidateTerm: body.candidateTerm, logTerm: mine.logTerm, position: mine.position, vote: yes});
	if (body.candidateTerm <= m.candidateTermId) {
		tx.say(`${memberName(m.id)} votes NO: candidate term ${body.candidateTerm} is not above its own ${m.candidateTermId}`);
		vote(false);
		return;
	}

	if (compareLog(mine, body) > 0) {
		m.candidateTermId = body.candidateTerm;
		tx.say(`${memberName(m.id)} votes NO: its log (term ${mine.logTerm}, ${mine.position}) is better than ${memberName(from)}'s (term ${body.logTerm}, ${body.position})`);
		vote(false);
		if (m.role === 'leader') sendNewLeadershipTerm(tx, m, from);
		return;
	}

	if (!ballotStates.includes(m.election)) {
		if (body.candidateTerm <= m.term) {
			tx.say(`${memberName(m.id)} votes NO: it is in term ${m.term}`);
			vote(false);
			return;
		}

		enterElection(tx, m, `a RequestVote for term ${body.candidateTerm}`);
	}

	m.candidateTermId = body.candidateTerm;
	m.role = 'follower';
	setElection(tx, m, 'follower-ballot', tx.time + tx.config.timings.electionTimeout);
	tx.say(`${memberName(m.id)} votes YES for ${memberName(from)} in term ${body.candidateTerm} (saved to disk)`);
	vote(true);
}

export function onVote(tx: Tx, m: DraftMember, from: number, body: Extract<Message, {type: 'Vote'}>): void {
	const canvass = m.canvass.slice();
	canvass[from] = {logTerm: body.logTerm, position: body.position};
	m.canvass = canvass;
	if (m.election !== 'candidate-ballot' || body.candidateTerm !== m.candidateTermId) {
		tx.say(`${memberName(m.id)} no longer counts votes for term ${body.candidateTerm}`);
		return;
	}

	const votes = m.votes.slice();
	votes[from] = body.vote;
	m.votes = votes;
	if (votes.every(vote => vote === true)) win(tx, m);
	else if (!body.vote) tx.say(`${memberName(m.id)} got a NO from ${memberName(from)}: it cannot win term ${m.candidateTermId} on a quorum`);
}

function ballotTimeout(tx: Tx, m: DraftMember): void {
	const yes = m.votes.filter(vote => vote === true).length;
	const no = m.votes.filter(vote => vote === false).length;
	if (yes >= quorumOf(tx.size) && no === 0) {
		win(tx, m);
		return;
	}

	const vetoed = no > 0 && yes >= quorumOf(tx.size);
	if (vetoed) tx.note('vetoes', tx.seen.vetoes + 1);
	m.role = 'follower';
	tx.say(`${memberName(m.id)}'s ballot for term ${m.candidateTermId} ends: ${yes} YES, ${no} NO (${vetoed ? 'a quorum, but one NO vetoes it' : 'no quorum'}); back to canvass`);
	setElection(tx, m, 'canvass', tx.time + tx.config.timings.statusInterval);
	sendCanvass(tx, m);
}

/** The follower accepts a NewLeadershipTerm: truncate once, copy what it lacks, or replay and join. */
export function onNewLeadershipTerm(tx: Tx, m: DraftMember, from: number, body: Extract<Message, {type: 'NewLeadershipTerm'}>): void {
	if (m.role === 'leader' && body.term <= m.term) {
		tx.say(`${memberName(m.id)} leads term ${m.term}: ignores it`);
		return;
	}

	if (!ballotStates.includes(m.election)) {
		if (body.term <= m.term) {
			if (m.leader === from) m.leaderHeardAt = tx.time;
			tx.say(`${memberName(m.id)} already follows term ${m.term}`);
			return;
		}

		enterElection(tx, m, `a NewLeadershipTerm for term ${body.term}`);
	}

	if (body.term < m.term || (m.election !== 'canvass' && body.term < m.candidateTermId)) {
		tx.say(`${memberName(m.id)} ignores term ${body.term}: it is in ${Math.max(m.term, m.candidateTermId)}`);
		return;
	}

	const mine = logIdOf(m);
	if (body.logTerm !== mine.logTerm) {
		tx.say(`${memberName(m.id)}: it was tailored to log term ${body.logTerm}, not its ${mine.logTerm}; keeps canvassing`);
		return;
	}

	m.term = body.term;
	m.candidateTermId = Math.max(m.candidateTermId, body.term);
	m.leader = from;
	m.role = 'follower';
	m.leaderHeardAt = tx.time;
	m.leaderCommit = Math.max(m.leaderCommit, body.commit);
	m.termBase = body.termBase;
	m.target = body.position;
	if (mine.position > body.nextTermBase && !tx.config.bugs.includes('no-truncation')) {
		if (m.truncated) {
			tx.say(`${memberName(m.id)} already truncated in this election`);
			return;
		}

		if (body.nextTermBase < m.commit) tx.breakLamp('commit-kept', `${memberName(m.id)} truncates to ${body.nextTermBase}, below its commit position ${m.commit}`);
		m.log = truncate(m.log, body.nextTermBase);
		m.recordingLog = m.recordingLog.filter(entry => (entry.kind === 'term' ? entry.base <= body.nextTermBase : entry.position <= body.nextTermBase));
		m.truncated = true;
		tx.note('truncations', [...tx.seen.truncations, {member: m.id, from: mine.position, to: body.nextTermBase}].slice(-40));
		tx.say(`${memberName(m.id)} truncates its uncommitted tail ${body.nextTermBase}–${mine.position} (the next term starts at ${body.nextTermBase} in ${memberName(from)}'s log) and restarts its election`);
		setElection(tx, m, 'canvass', tx.time + tx.config.timings.statusInterval);
		sendCanvass(tx, m);
		return;
	}

	if (mine.position < body.termBase) {
		setElection(tx, m, 'follower-log-replication', tx.time + tx.config.timings.heartbeatTimeout);
		tx.note('replications', tx.seen.replications + 1);
		tx.say(`${memberName(m.id)} follows ${memberName(from)} in term ${body.term} but holds ${mine.position} of ${body.termBase}: copies the rest from ${memberName(from)}'s archive`);
		send(tx, m.id, from, {type: 'Replicate', term: body.term, position: mine.position, to: body.termBase});
		return;
	}

	tx.say(`${memberName(m.id)} follows ${memberName(from)} in term ${body.term}`);
	followerReplay(tx, m);
}

/** The follower replays its own archive up to commit, then catches up or joins. */
export function followerReplay(tx: Tx, m: DraftMember): void {
	m.election = 'follower-replay';
	const recorded = recordedEnd(m);
	const from = m.service.position;
	m.commit = Math.max(m.commit, Math.min(m.leaderCommit, recorded));
	consume(tx, m, m.commit);
	if (m.service.position > from) {
		tx.note('replays', [...tx.seen.replays, {member: m.id, from, to: m.service.position}].slice(-40));
		tx.say(`${memberName(m.id)} replays its archive ${from}–${m.service.position} through its service`);
	}

	if (recorded < m.target) {
		setElection(tx, m, 'follower-catchup', tx.time + tx.config.timings.heartbeatTimeout);
		tx.note('catchups', tx.seen.catchups + 1);
		tx.say(`${memberName(m.id)} is at ${recorded}, the leader at ${m.target}: asks for a catch-up replay (CatchupPosition)`);
		send(tx, m.id, m.leader!, {type: 'CatchupPosition', term: m.term, position: recorded});
		return;
	}

	followerReady(tx, m);
}

function followerReady(tx: Tx, m: DraftMember): void {
	const lastTerm = [...m.recordingLog].reverse().find(entry => entry.kind === 'term');
	if (!lastTerm || lastTerm.term !== m.term) m.recordingLog = [...m.recordingLog, {kind: 'term', term: m.term, base: m.termBase}];
	setElection(tx, m, 'closed', null);
	m.truncated = false;
	send(tx, m.id, m.leader!, {type: 'AppendPosition', term: m.term, position: recordedEnd(m), catchup: false});
	tx.reschedule('heartbeat', m.id, tx.time + tx.config.timings.heartbeatInterval);
	tx.reschedule('liveness', m.id, m.leaderHeardAt + tx.config.timings.heartbeatTimeout);
	tx.say(`${memberName(m.id)} is ready: follows ${memberName(m.leader!)} in term ${m.term} from ${recordedEnd(m)}`);
	armTimers(tx, m);
	followerCommit(tx, m);
}

export function onStopCatchup(tx: Tx, m: DraftMember, body: Extract<Message, {type: 'StopCatchup'}>): void {
	if (m.election !== 'follower-catchup' || body.term !== m.term) {
		tx.say(`${memberName(m.id)} is not catching up: ignores it`);
		return;
	}

	followerReady(tx, m);
}

export function onCatchupPosition(tx: Tx, m: DraftMember, from: number, body: Extract<Message, {type: 'CatchupPosition'}>): void {
	if (m.role !== 'leader' || body.term !== m.term) {
		tx.say(`${memberName(m.id)} is not the leader of term ${body.term}: ignores it`);
		return;
	}

	setPosition(m, from, body.position, tx.time);
	startStream(m, from, body.position, 'catch-up');
	tx.say(`leader ${memberName(m.id)} replays its archive from ${body.position} to ${memberName(from)} (catch-up)`);
	pump(tx, m, from);
}

export function onReplicate(tx: Tx, m: DraftMember, from: number, body: Extract<Message, {type: 'Replicate'}>): void {
	if (m.role !== 'leader' || body.term !== m.term) {
		tx.say(`${memberName(m.id)} is not the leader of term ${body.term}: ignores it`);
		return;
	}

	setPosition(m, from, body.position, tx.time);
	startStream(m, from, body.position, 'replication');
	tx.say(`${memberName(m.id)}'s archive replicates ${body.position}–${body.to} to ${memberName(from)}`);
	pump(tx, m, from);
}

/** LEADER_REPLAY: a quorum holds the leader's log, so it is committed; the leader's service replays it. */
export function enterLeaderReplay(tx: Tx, m: DraftMember): void {
	const own = recordedEnd(m);
	setElection(tx, m, 'leader-replay', tx.time + 1);
	const from = m.service.position;
	if (own > m.commit) {
		m.commit = own;
		tx.committed = Math.max(tx.committed, own);
		for (let f = 0; f < tx.size; f++) if (f !== m.id) send(tx, m.id, f, {type: 'CommitPosition', term: m.term, position: own});
	}

	consume(tx, m, m.commit);
	if (m.service.position > from) tx.note('replays', [...tx.seen.replays, {member: m.id, from, to: m.service.position}].slice(-40));
	tx.say(`${tx.config.bugs.includes('skip-replication-wait') ? '⚠ without waiting for a quorum, ' : 'a quorum holds its log: '}${memberName(m.id)} commits ${m.commit} and replays ${from}–${m.service.position}`);
}

/** LEADER_INIT → LEADER_READY: the term's entry in the recording log; followers are told again. */
function leaderInit(tx: Tx, m: DraftMember): void {
	m.recordingLog = [...m.recordingLog, {kind: 'term', term: m.term, base: m.termBase}];
	setElection(tx, m, 'leader-ready', null);
	tx.say(`${memberName(m.id)} starts recording term ${m.term} at ${m.termBase}; waits for a quorum to join`);
	for (let f = 0; f < tx.size; f++) if (f !== m.id && m.positions[f]! < m.termBase) sendNewLeadershipTerm(tx, m, f);
	checkLeaderReady(tx, m);
}

/** LEADER_READY: once a quorum reports the new term's base, the leader appends NewLeadershipTermEvent and the election is done. */
export function checkLeaderReady(tx: Tx, m: DraftMember): void {
	if (m.election !== 'leader-ready') return;
	const joined = m.positions.filter(position => position >= m.termBase).length;
	if (joined < quorumOf(tx.size)) return;
	setElection(tx, m, 'closed', null);
	const record = appendRecord(tx, m, {type: 'new-term', leader: m.id});
	tx.say(`${joined} of ${tx.size} are in term ${m.term}: ${memberName(m.id)} appends NewLeadershipTermEvent at ${record.start}; the election is complete`);
	send(tx, m.id, tx.size, {type: 'NewLeaderEvent', term: m.term, leader: m.id});
	armTimers(tx, m);
	drainIngress(tx, m);
}

/** The member's election deadline passes. */
export function onElectionDeadline(tx: Tx, m: DraftMember): void {
	const {timings} = tx.config;
	m.deadline = null;
	switch (m.election) {
		case 'canvass':
			{
				const since = m.stateSince;
				tx.say(`${memberName(m.id)} canvasses again`);
				sendCanvass(tx, m);
				setElection(tx, m, 'canvass', tx.time + timings.statusInterval);
				m.stateSince = since;
				canvassDecision(tx, m);
			}

			break;
		case 'nominate':
			nominate(tx, m);
			break;
		case 'candidate-ballot':
			ballotTimeout(tx, m);
			break;
		case 'follower-ballot':
			tx.say(`${memberName(m.id)} heard no NewLeadershipTerm in time`);
			enterElection(tx, m, 'its ballot timed out');
			break;
		case 'leader-replay':
			leaderInit(tx, m);
			break;
		case 'follower-log-replication':
		case 'follower-catchup':
		case 'follower-replay':
		case 'follower-ready':
			if (tx.time - m.leaderHeardAt >= timings.heartbeatTimeout) enterElection(tx, m, `no word from the leader for ${timings.heartbeatTimeout} ms while in ${stateWords[m.election].aeron}`);
			else setElection(tx, m, m.election, m.leaderHeardAt + timings.heartbeatTimeout);
			break;
		default:
			tx.say(`${memberName(m.id)} has no election deadline`);
	}
}

/** The heartbeat: the leader sends CommitPosition (and NewLeadershipTerm during its election) and checks it still has a quorum; a follower sends AppendPosition. */
export function onHeartbeat(tx: Tx, m: DraftMember): void {
	const {timings} = tx.config;
	if (m.role === 'leader') {
		const active = 1 + m.heardAt.filter((at, id) => id !== m.id && tx.time - at < timings.heartbeatTimeout).length;
		if (active < quorumOf(tx.size)) {
			enterElection(tx, m, `inactive follower quorum: only ${active} of ${tx.size} heard within ${timings.heartbeatTimeout} ms`);
			return;
		}

		tx.say(`leader ${memberName(m.id)}'s heartbeat: CommitPosition ${m.commit} to all`);
		for (let f = 0; f < tx.size; f++) {
			if (f === m.id) continue;
			send(tx, m.id, f, {type: 'CommitPosition', term: m.term, position: m.commit});
			if (m.election !== 'closed' && m.positions[f]! < m.termBase) sendNewLeadershipTerm(tx, m, f);
			if (m.streamFrom[f]! > m.positions[f]! && m.positions[f]! >= 0 && tx.time - m.stalledSince[f]! >= 3 * timings.heartbeatInterval) {
				startStream(m, f, m.positions[f]!, m.streamKind[f]!);
				const stalled = m.stalledSince.slice();
				stalled[f] = tx.time;
				m.stalledSince = stalled;
				tx.say(`${memberName(f)} is stuck at ${m.positions[f]}: resend from there`);
				pump(tx, m, f);
			}
		}

		tx.reschedule('heartbeat', m.id, tx.time + timings.heartbeatInterval);
		return;
	}

	if (m.election === 'closed' && m.leader !== null) {
		tx.say(`${memberName(m.id)} sends AppendPosition ${recordedEnd(m)} (at least every heartbeat interval)`);
		send(tx, m.id, m.leader, {type: 'AppendPosition', term: m.term, position: recordedEnd(m), catchup: false});
		tx.reschedule('heartbeat', m.id, tx.time + timings.heartbeatInterval);
	}
}

/** A follower's check on its leader: no CommitPosition for the heartbeat timeout starts an election. */
export function onLiveness(tx: Tx, m: DraftMember): void {
	const {heartbeatTimeout} = tx.config.timings;
	if (m.role !== 'follower' || m.election !== 'closed') return;
	if (tx.time - m.leaderHeardAt >= heartbeatTimeout) {
		enterElection(tx, m, `leader heartbeat timeout: nothing from ${memberName(m.leader ?? 0)} for ${heartbeatTimeout} ms`);
		return;
	}

	tx.say(`${memberName(m.id)} heard its leader ${tx.time - m.leaderHeardAt} ms ago`);
	tx.reschedule('liveness', m.id, m.leaderHeardAt + heartbeatTimeout);
}

export {receivedEnd};
