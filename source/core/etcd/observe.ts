import {appendBounded} from '../engine/bounded.js';
import {createExpected, expectedDigestAt, expectedUpTo} from './expected.js';
import {keysDigest} from './digest.js';
import {memberTransitionEvents} from './member-events.js';
import {behindThreshold, eventLimit, termLimit, violationLimit, type EtcdEvent, type EtcdState, type MemberRole, type MemberView, type TermLeaders} from './state.js';
import type {ClusterInfo, FollowerProgress, MemberPoll, Poll} from './types.js';

/** The state before the first poll: every member starting (ours) or not yet heard from (attached). */
export function createEtcdState(info: ClusterInfo): EtcdState {
	return {
		info,
		at: 0,
		round: 0,
		roundMs: 0,
		members: info.members.map(member => ({
			name: member.name,
			id: member.id,
			role: 'starting',
			process: info.owned ? 'starting' : 'external',
			termIsCurrent: false,
			maxTerm: 0,
			maxApplied: 0,
			reportedBehind: false,
			reportedKeysWrong: false,
		})),
		faults: {partition: [], delays: []},
		writer: {enabled: false, issued: 0, acked: 0, retries: 0, perSecond: 0},
		expected: info.writes ? createExpected(info.seed) : undefined,
		events: [],
		leadersByTerm: [],
		violations: [],
		violationCount: 0,
	};
}

/** Folds one polling round into the state: members, the leader, events in plain words and the safety checks. */
export function observe(state: EtcdState, poll: Poll): EtcdState {
	const log = new Log(poll.at);
	const positions = new Map(state.info.members.map((member, i) => [member.id, i]));
	for (const note of poll.notes) log.event(note.text, note.tone);

	const expected = state.expected ? expectedUpTo(state.expected, poll.writer.issued) : undefined;
	const members = state.members.map((previous, i) => {
		const next = memberFrom(previous, poll.members[i] ?? {process: previous.process, error: 'not polled'}, poll.at, positions);
		return checkMember(previous, next, log);
	});

	const leader = clusterLeader(members, state, poll.at, poll.writer.acked);
	const leaderlessSince = leader ? undefined : (state.leaderlessSince ?? poll.at);
	for (const [i, member] of members.entries()) {
		for (const text of memberTransitionEvents(state.members[i]!, member, members, state.leaderlessSince === undefined ? undefined : poll.at - state.leaderlessSince)) log.event(text.text, text.tone);
	}

	const leadersByTerm = recordLeaders(state.leadersByTerm, members, log);
	const withLag = leader ? members.map((member, i) => lagEvents(member, i, leader.member, members[leader.member]!, log)) : members;
	const checked = expected ? withLag.map(member => checkKeys(member, expected, poll.at, log)) : withLag;

	const staleNote = poll.notes.findLast(note => note.staleRead !== undefined);
	return {
		...state,
		at: poll.at,
		round: poll.round,
		roundMs: poll.roundMs,
		members: checked,
		faults: poll.faults,
		writer: poll.writer,
		expected,
		events: appendBounded(state.events, log.events, eventLimit),
		leadersByTerm,
		violations: appendBounded(state.violations, log.violations, violationLimit),
		violationCount: state.violationCount + log.violations.length,
		leader,
		leaderlessSince,
		staleRead: staleNote?.staleRead ? {...staleNote.staleRead, at: poll.at} : state.staleRead,
		lastIsolated: poll.faults.partition.find(group => group.length === 1)?.[0] ?? state.lastIsolated,
	};
}

/** Events and safety findings gathered while folding one poll. */
class Log {
	readonly events: EtcdEvent[] = [];
	readonly violations: EtcdEvent[] = [];

	constructor(private readonly at: number) {}

	event(text: string, tone?: EtcdEvent['tone']): void {
		this.events.push(tone ? {at: this.at, text, tone} : {at: this.at, text});
	}

	violation(text: string): void {
		const finding = {at: this.at, text: `⚠ ${text}`, tone: 'bad' as const};
		this.events.push(finding);
		this.violations.push(finding);
	}
}

function roleOf(poll: MemberPoll, id: string): MemberRole {
	if (poll.process === 'down') return 'down';
	if (poll.process === 'paused') return 'paused';
	if (poll.raft) return poll.raft.state;
	if (poll.status) return poll.status.leader === id ? 'leader' : 'follower';
	if (poll.process === 'starting') return 'starting';
	// An attached member that refuses connections is down; one that is slow to answer may only be busy.
	if (poll.process === 'external' && poll.error === 'connection refused') return 'down';
	return 'no answer';
}

function memberFrom(previous: MemberView, poll: MemberPoll, at: number, positions: ReadonlyMap<string, number>): MemberView {
	const role = roleOf(poll, previous.id);
	const answered = poll.raft !== undefined || poll.status !== undefined || poll.kv !== undefined;
	const {raft, status} = poll;
	const positionOf = (id: string | undefined) => (id === undefined || id === '0' ? undefined : positions.get(id));
	let progress: Array<FollowerProgress | undefined> | undefined;
	if (raft?.state === 'leader' && raft.progress) {
		const byId = raft.progress;
		progress = [...positions.keys()].map(id => byId[id]);
	}

	const next: MemberView = {
		...previous,
		role,
		process: poll.process,
		term: raft?.term ?? status?.appliedTerm ?? previous.term,
		termIsCurrent: raft ? true : status ? false : previous.termIsCurrent,
		vote: raft ? positionOf(raft.vote) : answered ? undefined : previous.vote,
		commit: raft?.commit ?? status?.commit ?? previous.commit,
		applied: raft?.applied ?? status?.applied ?? previous.applied,
		leader: raft ? positionOf(raft.lead) : status ? positionOf(status.leader) : previous.leader,
		progress: answered ? progress : undefined,
		keys: poll.kv ? {values: poll.kv.values, lastInput: poll.kv.lastInput, digest: keysDigest(poll.kv.values)} : previous.keys,
		seenAt: answered ? at : previous.seenAt,
		error: poll.error,
	};
	if (role === 'down' || role === 'paused') return {...next, progress: undefined};
	return next;
}

/** The never-decrease checks: a member's current term and applied index only go up, across restarts too. */
function checkMember(previous: MemberView, next: MemberView, log: Log): MemberView {
	let {maxTerm, maxApplied} = previous;
	if (next.termIsCurrent && next.term !== undefined && next.seenAt !== previous.seenAt) {
		if (next.term < maxTerm) log.violation(`${next.name}'s term went down from ${maxTerm} to ${next.term}`);
		maxTerm = Math.max(maxTerm, next.term);
	}

	if (next.applied !== undefined && next.seenAt !== previous.seenAt) {
		if (next.applied < maxApplied) log.violation(`${next.name}'s applied index went down from ${maxApplied} to ${next.applied}`);
		maxApplied = Math.max(maxApplied, next.applied);
	}

	return {...next, maxTerm, maxApplied};
}

/** The cluster's leader: of the members that say they lead, the one in the highest term. */
function clusterLeader(members: readonly MemberView[], state: EtcdState, at: number, acked: number): EtcdState['leader'] {
	let best: {member: number; term: number} | undefined;
	for (const [i, member] of members.entries()) {
		if (member.role !== 'leader' || member.term === undefined) continue;
		if (!best || member.term > best.term) best = {member: i, term: member.term};
	}

	if (!best) return undefined;
	const previous = state.leader;
	return previous && previous.member === best.member && previous.term === best.term ? previous : {...best, since: at, ackedBefore: acked};
}

/** Election Safety as observed: at most one member leads each term. */
function recordLeaders(leadersByTerm: readonly TermLeaders[], members: readonly MemberView[], log: Log): readonly TermLeaders[] {
	let records = leadersByTerm;
	for (const [i, member] of members.entries()) {
		if (member.role !== 'leader' || member.term === undefined || !member.termIsCurrent) continue;
		const {term} = member;
		const existing = records.find(record => record.term === term);
		if (existing?.members.includes(i)) continue;
		if (existing) {
			const names = [...existing.members, i].map(position => members[position]!.name);
			log.violation(`two leaders in term ${term}: ${names.join(' and ')}`);
			records = records.map(record => (record === existing ? {term, members: [...existing.members, i]} : record));
		} else {
			records = appendBounded(records, [{term, members: [i]}], termLimit);
		}
	}

	return records;
}

/** "m3 is 120 entries behind" from the leader's progress, and "m3 caught up" once it matches again. */
function lagEvents(member: MemberView, position: number, leaderPosition: number, leader: MemberView, log: Log): MemberView {
	const progress = leader.progress?.[position];
	// The leader's own entry in its progress holds its last index.
	const leaderLast = leader.progress?.[leaderPosition]?.match;
	if (position === leaderPosition || !progress || leaderLast === undefined) return member;
	if (member.role === 'down' || member.role === 'paused') return member;
	const lag = leaderLast - progress.match;
	if (!member.reportedBehind && lag >= behindThreshold) {
		log.event(`${leader.name} sees ${member.name} ${lag} entries behind (match ${progress.match} of ${leaderLast})`, 'warn');
		return {...member, reportedBehind: true};
	}

	if (member.reportedBehind && lag <= 1) {
		log.event(`${leader.name} sees ${member.name} caught up (match ${progress.match})`, 'good');
		return {...member, reportedBehind: false};
	}

	return member;
}

/** Each member's keys must equal the model's after the input it says it applied last. */
function checkKeys(member: MemberView, expected: NonNullable<EtcdState['expected']>, at: number, log: Log): MemberView {
	if (!member.keys || member.seenAt !== at) return member;
	const modelDigest = expectedDigestAt(expected, member.keys.lastInput);
	if (modelDigest === undefined) return member;
	const agrees = modelDigest === member.keys.digest;
	if (!agrees && !member.reportedKeysWrong) {
		log.violation(`${member.name}'s keys differ from the model after input #${member.keys.lastInput}`);
		return {...member, reportedKeysWrong: true};
	}

	if (agrees && member.reportedKeysWrong) {
		log.event(`${member.name}'s keys agree with the model again (#${member.keys.lastInput})`, 'good');
		return {...member, reportedKeysWrong: false};
	}

	return member;
}
