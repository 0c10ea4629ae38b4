/**
 * Positions and the commit rule. Followers report what their archive has
 * recorded (AppendPosition); the leader's commit is the quorum position (the
 * k-th highest, itself included) capped by its own recorded position, sent as
 * CommitPosition when it advances and at every heartbeat; a follower consumes
 * up to min(that commit, its own recorded position).
 */
import {quorumOf} from './config.js';
import {memberName} from './names.js';
import {send} from './transport.js';
import {consume} from './service.js';
import {pump, receivedEnd, recordedEnd, startStream} from './stream.js';
import {checkLeaderReady, enterElection, enterLeaderReplay, followerReplay} from './election.js';
import type {DraftMember, Tx} from './tx.js';
import type {Member, Message} from './types.js';

/** The k-th highest position (k = a majority), over every member's last known position (unknown: -1). */
export function quorumPosition(positions: readonly number[]): number {
	const sorted = positions.slice().sort((a, b) => b - a);
	return sorted[quorumOf(positions.length) - 1] ?? -1;
}

export function isFollowing(m: Member): boolean {
	return m.role === 'follower' && (m.election === 'closed' || m.election === 'follower-ready' || m.election === 'follower-catchup' || m.election === 'follower-log-replication');
}

/** The leader's view: `member` has recorded up to `position`, heard at `time`. */
export function setPosition(m: DraftMember, member: number, position: number, time: number): void {
	const positions = m.positions.slice();
	positions[member] = position;
	m.positions = positions;
	const heard = m.heardAt.slice();
	heard[member] = time;
	m.heardAt = heard;
}

/** The leader recomputes commit from its view of positions; sends CommitPosition when it advances. */
export function leaderUpdate(tx: Tx, m: DraftMember): void {
	const own = recordedEnd(m);
	if (m.positions[m.id] !== own) setPosition(m, m.id, own, tx.time);
	const quorum = quorumPosition(m.positions);
	const commit = tx.config.bugs.includes('commit-without-own') ? quorum : Math.min(quorum, own);
	if (commit > m.commit) {
		if (quorum > own) tx.note('cappedByOwn', tx.seen.cappedByOwn + 1);
		m.commit = commit;
		tx.committed = Math.max(tx.committed, commit);
		tx.say(`leader ${memberName(m.id)} commits ${commit} (quorum position ${quorum}, its own ${own})`);
		if (commit > own) tx.breakLamp('service-commit', `leader ${memberName(m.id)} commits ${commit}, past its own recorded position ${own} (commit ≤ appended broken)`);
		for (let f = 0; f < tx.size; f++) if (f !== m.id) send(tx, m.id, f, {type: 'CommitPosition', term: m.term, position: commit});
		if (m.election === 'closed' || m.election === 'leader-ready') consume(tx, m, m.commit);
	}

	if (m.election === 'leader-log-replication' && (quorum >= own || tx.config.bugs.includes('skip-replication-wait'))) enterLeaderReplay(tx, m);
}

/** A follower consumes up to min(leader's commit, its recorded position); its service follows. */
export function followerCommit(tx: Tx, m: DraftMember): void {
	const recorded = recordedEnd(m);
	const commit = Math.min(m.leaderCommit, recorded);
	if (commit > m.commit) {
		m.commit = commit;
		tx.committed = Math.max(tx.committed, commit);
	}

	if (m.election === 'follower-log-replication') return;
	const limit = tx.config.bugs.includes('service-past-commit') ? recorded : m.commit;
	const count = consume(tx, m, limit);
	if (count > 0) tx.say(`${memberName(m.id)}'s service processes to ${m.service.position} (commit ${m.commit})`);
}

/** After the member's archive recorded a frame. */
export function afterRecorded(tx: Tx, m: DraftMember): void {
	if (m.role === 'leader') {
		leaderUpdate(tx, m);
		return;
	}

	if (!isFollowing(m) || m.leader === null) return;
	send(tx, m.id, m.leader, {type: 'AppendPosition', term: m.term, position: recordedEnd(m), catchup: m.election === 'follower-catchup'});
	followerCommit(tx, m);
}

export function onAppendPosition(tx: Tx, m: DraftMember, from: number, body: Extract<Message, {type: 'AppendPosition'}>): void {
	if (m.role !== 'leader' || body.term !== m.term) {
		tx.say(`${memberName(m.id)} ignores it (${m.role === 'leader' ? `term ${body.term}, not ${m.term}` : 'not the leader'})`);
		return;
	}

	const advanced = body.position !== m.positions[from];
	setPosition(m, from, body.position, tx.time);
	if (advanced) {
		const stalled = m.stalledSince.slice();
		stalled[from] = tx.time;
		m.stalledSince = stalled;
	}

	if (m.streamFrom[from]! < 0) startStream(m, from, body.position, 'live');
	if (m.streamKind[from] === 'replication' && body.position >= m.termBase && !body.catchup) startStream(m, from, Math.max(body.position, m.streamFrom[from]!), 'live');
	if (m.streamKind[from] === 'catch-up' && body.position >= receivedEnd(m)) {
		send(tx, m.id, from, {type: 'StopCatchup', term: m.term});
		startStream(m, from, Math.max(body.position, m.streamFrom[from]!), 'live');
		tx.say(`${memberName(from)} has caught up to ${body.position}: leader ${memberName(m.id)} stops the replay (StopCatchup), ${memberName(from)} joins the live log`);
	}

	leaderUpdate(tx, m);
	pump(tx, m, from);
	checkLeaderReady(tx, m);
}

export function onCommitPosition(tx: Tx, m: DraftMember, from: number, body: Extract<Message, {type: 'CommitPosition'}>): void {
	if (body.term > m.term && m.role !== 'leader') {
		tx.say(`${memberName(m.id)} sees term ${body.term} > ${m.term}: enters an election`);
		enterElection(tx, m, 'it saw a higher term');
		return;
	}

	if (body.term !== m.term || from !== m.leader || !isFollowing(m)) {
		tx.say(`${memberName(m.id)} ignores it${isFollowing(m) || m.role === 'leader' ? '' : ` (${m.election === 'canvass' ? 'canvassing' : 'in an election'})`}`);
		return;
	}

	m.leaderHeardAt = tx.time;
	if (body.position > m.leaderCommit) m.leaderCommit = body.position;
	if (m.election === 'follower-log-replication' && recordedEnd(m) >= m.termBase && body.position >= recordedEnd(m)) {
		tx.say(`${memberName(m.id)} holds the leader's log to ${m.termBase}, committed: replication done`);
		followerReplay(tx, m);
		return;
	}

	followerCommit(tx, m);
}
