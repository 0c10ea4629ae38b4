import {kv} from '../../../source/core/models/kv.js';
import {modelAfter} from '../../../source/core/etcd/expected.js';
import type {ClusterInfo, ControllerNote, FaultState, FollowerProgress, KvRead, MemberPoll, Poll, RaftRole, WriterProgress} from '../../../source/core/etcd/types.js';

export const seed = 7;

export function clusterInfo(members = 3, overrides: Partial<ClusterInfo> = {}): ClusterInfo {
	return {
		members: Array.from({length: members}, (_, i) => ({name: `m${i + 1}`, id: `a${i + 1}`, clientUrl: `http://127.0.0.1:${20_000 + i}`})),
		version: '3.4.23',
		owned: true,
		writes: true,
		seed,
		rate: 5,
		preVote: false,
		prefix: 'replica-tui/',
		...overrides,
	};
}

/** The keys a member holds after applying inputs 1…input (as the model says). */
export function keysAt(input: number): KvRead {
	return {values: modelAfter(seed, input).values, lastInput: input};
}

export function digestAt(input: number): number {
	return kv.digest(modelAfter(seed, input));
}

type MemberSpec = {
	role?: RaftRole;
	term?: number;
	commit?: number;
	applied?: number;
	lead?: number;
	vote?: number;
	progress?: Array<FollowerProgress | undefined>;
	input?: number;
	process?: MemberPoll['process'];
	error?: string;
	/** Only the status API answered (no /debug/vars). */
	statusOnly?: boolean;
	kv?: KvRead;
};

const id = (position: number | undefined) => (position === undefined ? '0' : `a${position + 1}`);

/** What one member answered in a round, from a short spec. */
export function member(position: number, spec: MemberSpec): MemberPoll {
	const process = spec.process ?? 'running';
	if (process === 'down' || process === 'paused') return {process};
	if (spec.error) return {process, error: spec.error};
	const role = spec.role ?? 'follower';
	const term = spec.term ?? 2;
	const commit = spec.commit ?? 8 + (spec.input ?? 0);
	const applied = spec.applied ?? commit;
	const lead = spec.lead ?? (role === 'leader' ? position : undefined);
	const progress = spec.progress ? Object.fromEntries(spec.progress.flatMap((entry, i) => (entry ? [[id(i), entry]] : []))) : undefined;
	const kvRead = spec.kv ?? keysAt(spec.input ?? 0);
	const status = {...(lead === undefined ? {} : {leader: id(lead)}), commit, applied, appliedTerm: term, revision: 1, version: '3.4.23'};
	if (spec.statusOnly) return {process, status, kv: kvRead};
	return {
		process,
		status,
		raft: {id: id(position), term, vote: id(spec.vote), commit, applied, lead: id(lead), state: role, ...(progress ? {progress} : {})},
		kv: kvRead,
	};
}

export const noFaults: FaultState = {partition: [], delays: []};

export function writer(acked: number, overrides: Partial<WriterProgress> = {}): WriterProgress {
	return {enabled: true, issued: acked, acked, retries: 0, perSecond: 5, ...overrides};
}

export function poll(at: number, members: MemberPoll[], options: {notes?: ControllerNote[]; faults?: FaultState; writer?: WriterProgress; round?: number} = {}): Poll {
	const acked = Math.max(0, ...members.map(entry => entry.kv?.lastInput ?? 0));
	return {
		at,
		round: options.round ?? Math.round(at / 100),
		roundMs: 3,
		members,
		faults: options.faults ?? noFaults,
		writer: options.writer ?? writer(acked),
		notes: options.notes ?? [],
	};
}

/** A healthy 3-member round: m(leader+1) leads `term`, everyone at `input`. */
export function healthy(at: number, leader: number, term: number, input: number, members = 3): Poll {
	const commit = 8 + input;
	const progress = Array.from({length: members}, () => ({match: commit, next: commit + 1, state: 'replicate'}));
	return poll(
		at,
		Array.from({length: members}, (_, i) =>
			member(i, i === leader ? {role: 'leader', term, commit, input, progress, vote: leader} : {role: 'follower', term, commit, lead: leader, input, vote: leader}),
		),
	);
}
