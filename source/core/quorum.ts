import type {ReplicaState, SimState, VoteRecord} from './types.js';

export type OutOfLine = {
	readonly name: string;
	readonly reason: 'diverged' | 'crashed' | 'behind';
	/** For 'diverged', the first divergent index; for 'behind', how many inputs behind. */
	readonly at: number | null;
};

export type ValueGroup = {readonly digest: number; readonly state: unknown; readonly members: readonly string[]};

export type QuorumStatus = {
	/** The input index this status is about. */
	readonly index: number;
	/**
	 * decided: more than half of all replicas agree at `index`;
	 * split: every replica that could report has, and no value has a majority;
	 * waiting: not enough replicas have reported `index` yet;
	 * idle: no input yet.
	 */
	readonly kind: 'decided' | 'split' | 'waiting' | 'idle';
	readonly replicas: number;
	readonly needed: number;
	/** How many faulty replicas a majority vote can outvote: ⌊(N−1)/2⌋. */
	readonly tolerates: number;
	readonly decision: VoteRecord | null;
	readonly groups: readonly ValueGroup[];
	readonly reported: number;
	readonly outOfLine: readonly OutOfLine[];
};

export function majorityOf(replicas: number): number {
	return Math.floor(replicas / 2) + 1;
}

export function toleratedFaults(replicas: number): number {
	return Math.floor((replicas - 1) / 2);
}

export function quorumStatus(sim: SimState): QuorumStatus {
	const n = sim.replicas.length;
	const current = sim.votes.at(-1);
	const base = {replicas: n, needed: majorityOf(n), tolerates: toleratedFaults(n), outOfLine: outOfLine(sim)};
	if (!current || current.index !== sim.index) {
		return {...base, index: sim.index, kind: sim.index === 0 ? 'idle' : 'waiting', decision: sim.lastDecision, groups: [], reported: 0};
	}

	const groups = groupsOf(sim, current);
	const reported = groups.reduce((sum, group) => sum + group.members.length, 0);
	if (current.decided) return {...base, index: current.index, kind: 'decided', decision: current, groups, reported};
	const canStillReport = sim.replicas.filter(replica => !replica.crashed && replica.applied < current.index).length;
	const kind = canStillReport === 0 || !canReachMajority(groups, canStillReport, base.needed) ? 'split' : 'waiting';
	return {...base, index: current.index, kind, decision: sim.lastDecision, groups, reported};
}

function canReachMajority(groups: readonly ValueGroup[], pending: number, needed: number): boolean {
	const largest = Math.max(0, ...groups.map(group => group.members.length));
	return largest + pending >= needed;
}

function groupsOf(sim: SimState, vote: VoteRecord): ValueGroup[] {
	const groups = new Map<number, {digest: number; state: unknown; members: string[]}>();
	for (const [id, digest] of vote.digests.entries()) {
		if (digest === undefined) continue;
		const group = groups.get(digest) ?? {digest, state: vote.states[id], members: []};
		group.members.push(sim.replicas[id]!.name);
		groups.set(digest, group);
	}

	return [...groups.values()].sort((a, b) => b.members.length - a.members.length);
}

function outOfLine(sim: SimState): OutOfLine[] {
	const result: OutOfLine[] = [];
	for (const replica of sim.replicas) {
		const reason = reasonOutOfLine(sim, replica);
		if (reason) result.push(reason);
	}

	return result;
}

function reasonOutOfLine(sim: SimState, replica: ReplicaState): OutOfLine | undefined {
	if (replica.check && !replica.check.agrees) return {name: replica.name, reason: 'diverged', at: replica.firstDivergence ?? replica.check.index};
	if (replica.crashed) return {name: replica.name, reason: 'crashed', at: sim.index - replica.applied};
	if (replica.applied < sim.index) return {name: replica.name, reason: 'behind', at: sim.index - replica.applied};
	return undefined;
}
