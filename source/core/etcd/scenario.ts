import type {ModeCondition} from '../engine/mode.js';
import type {EtcdState, MemberRole} from './state.js';
import type {EtcdAction, MemberRef} from './types.js';

/**
 * The etcd mode's scenario words. Members are written m1…m9 (or 1…9) or
 * `leader` (whichever member leads when the line runs).
 */
export const etcdVerbs = ['crash', 'restart', 'pause', 'resume', 'isolate', 'partition', 'split', 'heal', 'slow', 'delay', 'stale-read', 'request', 'write', 'writes'] as const;

/** The cluster a scenario's words name members of (its header's `members`); without it, any of m1…m9. */
type Cluster = {readonly members: number} | undefined;

function memberRef(word: string | undefined, cluster: Cluster): MemberRef | string {
	if (word === undefined) return 'say which member: m1…m9 or leader';
	if (word.toLowerCase() === 'leader') return 'leader';
	const match = /^m?(\d)$/i.exec(word);
	if (!match || Number(match[1]) < 1) return `"${word}" is not a member: write m1…m9 or leader`;
	const member = Number(match[1]) - 1;
	if (cluster && member >= cluster.members) return `there is no m${member + 1}: the cluster has ${cluster.members} members (set with "members N" before the timeline)`;
	return member;
}

function position(word: string, cluster: Cluster): number | string {
	const ref = memberRef(word, cluster);
	return ref === 'leader' ? 'a partition names members, not the leader' : ref;
}

/** A timeline line, e.g. ["crash", "leader"], ["partition", "m1", "m2", "|", "m3"], ["delay", "m1", "m2", "200"]. */
export function etcdVerb(words: readonly string[], cluster?: Cluster): EtcdAction | string {
	const [verb, ...rest] = words;
	switch (verb) {
		case 'crash':
		case 'restart':
		case 'pause':
		case 'resume':
		case 'isolate':
		case 'stale-read': {
			if (verb === 'restart' && rest.length === 1 && rest[0] === 'down') return {type: 'restart', member: 'down'};
			if (rest.length !== 1) return `${verb} takes one member, e.g. ${verb} m2 or ${verb} leader${verb === 'restart' ? ' (or restart down: the member that is down)' : ''}`;
			const member = memberRef(rest[0], cluster);
			return typeof member === 'string' && member !== 'leader' ? member : {type: verb, member};
		}

		case 'partition': {
			const groups: number[][] = [[]];
			for (const word of rest) {
				if (word === '|') {
					groups.push([]);
					continue;
				}

				const member = position(word, cluster);
				if (typeof member === 'string') return member;
				groups.at(-1)!.push(member);
			}

			if (groups.length < 2 || groups.some(group => group.length === 0)) return 'partition takes groups separated by |, e.g. partition m1 m2 | m3 m4 m5';
			const all = groups.flat();
			if (new Set(all).size !== all.length) return 'partition names a member twice';
			return {type: 'partition', groups};
		}

		case 'split':
			return rest.length === 1 && (rest[0] === 'majority' || rest[0] === 'minority') ? {type: 'split', leaderSide: rest[0]} : 'split needs majority or minority (the side the leader ends up on)';
		case 'heal':
			return rest.length === 0 ? {type: 'heal'} : 'heal takes nothing after it';
		case 'slow':
		case 'delay': {
			// As the Raft mode writes it: slow m1 100ms, slow m1->m2 100ms; also delay m1 m2 100.
			const words = rest.length === 2 && /->|→/.test(rest[0]!) ? [...rest[0]!.split(/->|→/), rest[1]!] : rest;
			const ms = Number(words.at(-1)?.replace(/ms$/, ''));
			if (words.length < 2 || words.length > 3 || !Number.isInteger(ms) || ms < 0 || ms > 10_000) return `${verb} takes a member (or a link) and milliseconds, e.g. ${verb} m3 200ms or ${verb} m1->m2 200ms`;
			const a = memberRef(words[0], cluster);
			if (typeof a === 'string' && a !== 'leader') return a;
			if (words.length === 2) return {type: 'delay', a, ms};
			const b = memberRef(words[1], cluster);
			if (typeof b === 'string' && b !== 'leader') return b;
			return {type: 'delay', a, b, ms};
		}

		case 'writes':
			return rest[0] === 'on' || rest[0] === 'off' ? {type: 'writes', on: rest[0] === 'on'} : 'writes takes on or off';
		case 'request':
		case 'write':
			return rest.length === 0 ? {type: 'write-one'} : `${verb} takes nothing after it (it writes the next input)`;
		default:
			return `unknown etcd verb "${verb ?? ''}": choose one of ${etcdVerbs.join(', ')}`;
	}
}

const roles: readonly MemberRole[] = ['leader', 'follower', 'candidate', 'pre-candidate', 'paused', 'down'];

/** Every member answers (leader or follower) and holds the keys of the last acknowledged input. */
export function hasConverged(state: EtcdState): string | undefined {
	const acked = state.writer.acked;
	if (state.info.writes && state.writer.issued > acked) return `write #${state.writer.issued} is in flight`;
	for (const member of state.members) {
		if (member.role !== 'leader' && member.role !== 'follower') return `${member.name} is ${member.role}`;
		if (member.seenAt !== state.at) return `${member.name} did not answer the last poll`;
		if (state.info.writes && member.keys?.lastInput !== acked) return `${member.name} is at #${member.keys?.lastInput ?? '—'}, the writer at #${acked}`;
	}

	const digests = new Set(state.members.map(member => member.keys?.digest));
	return digests.size === 1 ? undefined : 'the members hold different keys';
}

/**
 * Conditions for `until` and claims for `expect`, checked against the
 * observed state: `leader`, `no leader`, `one leader` (exactly one member
 * says it leads), `new leader` (a member leads in a higher term than the
 * first leader seen), `leader takes writes` (writes were acknowledged since
 * the current leader took office), `1 member down` (or paused: exactly
 * that many), `converged`, `term N` (the leader's term is
 * at least N), `m2 down` (any role), `leader m2`, `isolated` (a member is cut
 * off on its own now), `isolated follower` or `isolated not leader` (the
 * member last cut off on its own, even after healing, has that role or not), `checks hold`, `stale read` (the
 * last stale-read demo read a stale value).
 */
export function etcdCondition(words: readonly string[], cluster?: Cluster): ModeCondition<EtcdState> | string {
	const text = words.join(' ');
	const [first, second, third] = words;
	if (text === 'leader') return {text, check: state => (state.leader ? undefined : 'no member leads')};
	if (text === 'no leader') return {text, check: state => (state.leader ? `${state.members[state.leader.member]!.name} leads term ${state.leader.term}` : undefined)};
	if (text === 'converged') return {text, check: hasConverged};
	if (text === 'checks hold') return {text, check: state => (state.violationCount === 0 ? undefined : state.violations.at(-1)!.text)};
	if (text === 'stale read') {
		return {
			text,
			check(state) {
				const read = state.staleRead;
				if (!read) return 'no stale-read demo has run';
				const fresh = read.linearizable ?? read.current;
				return read.serializable !== undefined && fresh !== undefined && read.serializable !== fresh ? undefined : 'the last serializable read was not stale';
			},
		};
	}

	if (text === 'new leader') {
		return {
			text,
			check(state) {
				const first = state.leadersByTerm[0];
				if (!state.leader) return 'no member leads';
				const name = state.members[state.leader.member]!.name;
				return first && state.leader.term > first.term ? undefined : `${name} leads term ${state.leader.term}, the first leader's term`;
			},
		};
	}

	const counted = /^(\d) members? (down|paused)$/.exec(text);
	if (counted) {
		const [, count, role] = counted;
		return {
			text,
			check(state) {
				const found = state.members.filter(member => member.role === role);
				return found.length === Number(count) ? undefined : `${found.length === 0 ? 'no member' : found.map(member => member.name).join(' and ')} ${found.length > 1 ? 'are' : 'is'} ${role}`;
			},
		};
	}

	if (text === 'one leader') {
		return {
			text,
			check(state) {
				const leaders = state.members.filter(member => member.role === 'leader');
				return leaders.length === 1 ? undefined : leaders.length === 0 ? 'no member leads' : `${leaders.map(member => member.name).join(' and ')} each say they lead`;
			},
		};
	}

	if (text === 'leader takes writes') {
		return {
			text,
			check(state) {
				if (!state.leader) return 'no member leads';
				const before = state.leader.ackedBefore ?? state.writer.acked;
				return state.writer.acked > before ? undefined : `no write acknowledged since ${state.members[state.leader.member]!.name} took the lead (at #${before})`;
			},
		};
	}

	if (text === 'isolated') return {text, check: state => (state.faults.partition.some(group => group.length === 1) ? undefined : 'no member is cut off on its own')};
	const isolatedRole = /^isolated (not )?(\S+)$/.exec(text);
	if (isolatedRole && roles.includes(isolatedRole[2] as MemberRole)) {
		const [, not, role] = isolatedRole;
		return {
			text,
			check(state) {
				if (state.lastIsolated === undefined) return 'no member has been cut off on its own';
				const member = state.members[state.lastIsolated]!;
				return (member.role === role) === !not ? undefined : `${member.name} (the member cut off) is ${member.role}`;
			},
		};
	}

	if (first === 'term' && words.length === 2) {
		const term = Number(second);
		if (!Number.isInteger(term) || term < 1) return `"${second}" is not a term number`;
		return {text, check: state => (state.leader && state.leader.term >= term ? undefined : state.leader ? `the leader is in term ${state.leader.term}` : 'no member leads')};
	}

	if (first === 'leader' && words.length === 2) {
		const member = position(second!, cluster);
		if (typeof member === 'string') return member;
		return {text, check: state => (state.leader?.member === member ? undefined : state.leader ? `${state.members[state.leader.member]!.name} leads` : 'no member leads')};
	}

	if (words.length === 2 && roles.includes(second as MemberRole)) {
		const member = position(first!, cluster);
		if (typeof member === 'string') return member;
		return {text, check: state => (state.members[member] === undefined ? `there is no m${member + 1}` : state.members[member].role === second ? undefined : `m${member + 1} is ${state.members[member].role}`)};
	}

	if (third !== undefined || words.length === 0) return `unknown etcd condition "${text}"`;
	return `unknown etcd condition "${text}": try leader, no leader, one leader, 1 member down, new leader, leader takes writes, converged, term N, leader m2, m2 down, isolated follower, checks hold, stale read`;
}
