import {kvKeys} from '../core/models/kv.js';
import {kvKeyName} from '../core/etcd/layout.js';
import {isolationGroups, splitGroups} from '../core/etcd/fault-schedule.js';
import type {ClusterInfo, ControllerNote, EtcdAction, LinkDelay, MemberRef, Poll, StaleReadResult} from '../core/etcd/types.js';
import type {EtcdApi} from './etcd-api.js';
import type {MemberProcess} from './member-process.js';
import type {PeerProxyHub} from './peer-proxy.js';
import type {Writer} from './writer.js';

/** What an action needs from the controller. */
export type ActionTarget = {
	readonly info: ClusterInfo;
	readonly api: EtcdApi;
	readonly processes: readonly MemberProcess[];
	readonly hub: PeerProxyHub | undefined;
	readonly writer: Writer | undefined;
	readonly latest: Poll | undefined;
	readonly leader: () => number | undefined;
	readonly spawn: (member: number) => void;
};

const readOnly: ControllerNote = {text: 'read-only: faults and writes need a cluster this app started (run without --endpoints)', tone: 'warn'};
/** The stale-read demo's reads: long enough for a healthy member, short enough to show a cut-off one failing. */
const readTimeoutMs = 1000;

/** An action with every member reference resolved to a position, and isolate/split turned into a partition. */
type Resolved =
	| {readonly type: 'crash' | 'restart' | 'pause' | 'resume' | 'stale-read'; readonly member: number}
	| {readonly type: 'partition'; readonly groups: ReadonlyArray<readonly number[]>}
	| {readonly type: 'heal'}
	| {readonly type: 'delay'; readonly a: number; readonly b?: number; readonly ms: number}
	| {readonly type: 'writes'; readonly on: boolean}
	| {readonly type: 'write-one'};

/** Resolves `leader` to the leader now (or says there is none) and checks positions. */
export function resolveAction(action: EtcdAction, leader: number | undefined, members: number, down: readonly number[] = []): Resolved | string {
	const position = (ref: MemberRef | 'down'): number | string => {
		if (ref === 'leader') return leader ?? 'there is no leader now';
		if (ref === 'down') return down[0] ?? 'no member is down';
		return Number.isInteger(ref) && ref >= 0 && ref < members ? ref : `there is no member ${ref + 1}`;
	};

	switch (action.type) {
		case 'crash':
		case 'restart':
		case 'pause':
		case 'resume':
		case 'stale-read': {
			const member = position(action.member);
			return typeof member === 'string' ? member : {type: action.type, member};
		}

		case 'isolate': {
			const member = position(action.member);
			return typeof member === 'string' ? member : {type: 'partition', groups: isolationGroups(member, members)};
		}

		case 'split':
			return leader === undefined ? 'there is no leader to split around' : {type: 'partition', groups: splitGroups(leader, members, action.leaderSide)};
		case 'partition':
			return action.groups.some(group => group.some(member => typeof position(member) === 'string')) ? 'the partition names a member that does not exist' : action;
		case 'delay': {
			const a = position(action.a);
			const b = action.b === undefined ? undefined : position(action.b);
			if (typeof a === 'string') return a;
			if (typeof b === 'string') return b;
			if (b === a) return 'a link joins two different members';
			return b === undefined ? {type: 'delay', a, ms: action.ms} : {type: 'delay', a, b, ms: action.ms};
		}

		default:
			return action;
	}
}

/** Runs one action against the cluster; the note says what happened in plain words. */
export async function performAction(target: ActionTarget, requested: EtcdAction): Promise<ControllerNote> {
	const {info} = target;
	const name = (member: number) => info.members[member]?.name ?? `#${member + 1}`;
	const down = target.processes.flatMap((member, i) => (member.state === 'down' ? [i] : []));
	const action = resolveAction(requested, target.leader(), info.members.length, down);
	if (typeof action === 'string') return {text: `${requested.type}: ${action}`, tone: 'warn'};
	if (action.type === 'stale-read') return staleRead(target, action.member);
	if (!info.owned) return readOnly;
	switch (action.type) {
		case 'crash': {
			const member = target.processes[action.member]!;
			if (member.state === 'down') return {text: `${name(action.member)} is already down`, tone: 'warn'};
			const pid = member.pid;
			await member.kill();
			return {text: `killed ${name(action.member)} (SIGKILL to pid ${pid})`, tone: 'bad'};
		}

		case 'restart': {
			const member = target.processes[action.member]!;
			if (member.state === 'paused') return performAction(target, {type: 'resume', member: action.member});
			if (member.state === 'running') return {text: `${name(action.member)} is running: nothing to restart`, tone: 'warn'};
			target.spawn(action.member);
			return {text: `restarted ${name(action.member)} (pid ${member.pid}) with the same flags and data dir`, tone: 'good'};
		}

		case 'pause': {
			const member = target.processes[action.member]!;
			if (member.state !== 'running') return {text: `${name(action.member)} is ${member.state}: cannot pause it`, tone: 'warn'};
			member.pause();
			return {text: `paused ${name(action.member)} (SIGSTOP): the process is frozen, its sockets stay open`, tone: 'warn'};
		}

		case 'resume': {
			const member = target.processes[action.member]!;
			if (member.state !== 'paused') return {text: `${name(action.member)} is not paused`, tone: 'warn'};
			member.resume();
			return {text: `resumed ${name(action.member)} (SIGCONT)`, tone: 'good'};
		}

		case 'partition': {
			const {hub} = target;
			if (!hub) return readOnly;
			const groups = action.groups.map(group => [...group].sort((a, b) => a - b)).filter(group => group.length > 0);
			hub.setFaults({partition: groups, delays: hub.current.delays});
			return {text: `partition ${groups.map(group => group.map(name).join(' ')).join(' | ')}: the proxies cut every link between the groups`, tone: 'warn'};
		}

		case 'heal': {
			if (!target.hub) return readOnly;
			target.hub.setFaults({partition: [], delays: []});
			return {text: 'healed: every link connected again, no delays', tone: 'good'};
		}

		case 'delay': {
			const {hub} = target;
			if (!hub) return readOnly;
			const same = (delay: LinkDelay) => delay.a === action.a && delay.b === action.b;
			const delays = hub.current.delays.filter(delay => !same(delay));
			if (action.ms > 0) delays.push(action.b === undefined ? {a: action.a, ms: action.ms} : {a: action.a, b: action.b, ms: action.ms});
			hub.setFaults({partition: hub.current.partition, delays});
			const link = action.b === undefined ? `${name(action.a)}'s links` : `the link ${name(action.a)}↔${name(action.b)}`;
			return action.ms > 0 ? {text: `${link} now carry every message ${action.ms} ms late`, tone: 'warn'} : {text: `no extra delay on ${link}`, tone: 'good'};
		}

		case 'writes': {
			if (!target.writer) return readOnly;
			target.writer.setEnabled(action.on);
			return {text: action.on ? 'writes on' : 'writes off: the cluster idles (heartbeats only)'};
		}

		case 'write-one': {
			if (!target.writer) return readOnly;
			target.writer.writeOne();
			return {text: 'one write'};
		}
	}
}

/** The key to read: one where this member's value differs from the leader's (so a stale read shows), else the first. */
function keyToRead(target: ActionTarget, member: number): number {
	const mine = target.latest?.members[member]?.kv?.values;
	const leader = target.leader();
	const theirs = leader === undefined || leader === member ? undefined : target.latest?.members[leader]?.kv?.values;
	if (mine && theirs) {
		const differing = mine.findIndex((value, i) => value !== theirs[i]);
		if (differing >= 0) return differing;
	}

	return 0;
}

/**
 * The stale-read demo: the same key read from one member with
 * serializable: true (its local copy, no quorum) and linearizable (through
 * the leader, needs a quorum), and linearizably through another member for
 * the current value. From an isolated old leader the first is stale and the
 * second fails.
 */
async function staleRead(target: ActionTarget, member: number): Promise<ControllerNote> {
	const {info, api} = target;
	const name = (i: number) => info.members[i]!.name;
	const position = keyToRead(target, member);
	const key = kvKeyName(info.prefix, position);
	const shownKey = kvKeys[position]!;
	const leader = target.leader();
	const others = info.members.map((_, i) => i).filter(i => i !== member && target.processes[i]?.state !== 'down' && target.processes[i]?.state !== 'paused');
	const via = leader !== undefined && leader !== member ? leader : others[0];
	const url = info.members[member]!.clientUrl;
	const [serializable, linearizable, current] = await Promise.all([
		api.readValue(url, key, true, readTimeoutMs),
		api.readValue(url, key, false, readTimeoutMs),
		via === undefined ? Promise.resolve(undefined) : api.readValue(info.members[via]!.clientUrl, key, false, readTimeoutMs),
	]);
	const result: StaleReadResult = {
		member,
		key: shownKey,
		...(serializable.ok ? {serializable: serializable.value} : {serializableError: serializable.error}),
		...(linearizable.ok ? {linearizable: linearizable.value} : {linearizableError: linearizable.error}),
		...(current?.ok && via !== undefined ? {current: current.value, currentFrom: via} : {}),
	};
	return {text: describeStaleRead(result, name), tone: isStale(result) ? 'bad' : 'good', staleRead: result};
}

const shown = (value: string) => (value === '' ? '—' : value);

export function isStale(result: StaleReadResult): boolean {
	const fresh = result.linearizable ?? result.current;
	return result.serializable !== undefined && fresh !== undefined && result.serializable !== fresh;
}

/** The demo's result in one line, every claim taken from the reads themselves. */
export function describeStaleRead(result: StaleReadResult, name: (member: number) => string): string {
	const who = name(result.member);
	const serial = result.serializable === undefined ? `serializable read failed (${result.serializableError})` : `serializable ${result.key}=${shown(result.serializable)}`;
	const linear = result.linearizable === undefined ? `linearizable read failed (${result.linearizableError})` : `linearizable ${result.key}=${shown(result.linearizable)}`;
	const current = result.current === undefined || result.currentFrom === undefined ? '' : ` · through ${name(result.currentFrom)}: ${result.key}=${shown(result.current)}`;
	const verdict = isStale(result) ? ': the serializable read is stale' : result.serializable !== undefined && result.serializable === (result.linearizable ?? result.current) ? ': same value' : '';
	return `read on ${who}: ${serial} · ${linear}${current}${verdict}`;
}
