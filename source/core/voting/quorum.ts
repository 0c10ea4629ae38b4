import {majorityOf, toleratedFaults} from './majority.js';
import {standingOf} from './standing.js';
import type {ReplicaState, SimState, Standing, VoteRecord} from './types.js';

export {majorityOf, toleratedFaults} from './majority.js';

/**
 * Why a replica is out of line with the vote now:
 * diverged: its latest decided report disagreed with the majority;
 * crashed: it applies nothing;
 * lagging: it applies inputs late (the lag fault);
 * holding: it holds an input back to apply it after the next (the reorder fault);
 * behind: it has not applied the latest input for another reason.
 */
export type OutOfLineReason = 'diverged' | 'crashed' | 'lagging' | 'holding' | 'behind';

export type OutOfLine = {
	readonly name: string;
	readonly reason: OutOfLineReason;
	/** For 'diverged': the first input index of its current run of disagreement; else null. */
	readonly divergedSince: number | null;
	/** The index of the last input it applied. */
	readonly applied: number;
	/** How many inputs it has not applied yet: the latest input index minus `applied`. */
	readonly behind: number;
};

export type ValueGroup = {readonly digest: number; readonly state: unknown; readonly members: readonly string[]};

/** Why a replica has not reported the vote's input and never will (unless repaired). */
export type CannotReport = {readonly name: string; readonly reason: 'crashed' | 'reorder'};

export type QuorumKind = 'idle' | 'decided' | 'no-majority' | 'waiting';

export type QuorumStatus = {
	/** The input index this status is about: the latest one. */
	readonly index: number;
	/**
	 * idle: no input yet, and every replica still in the initial state;
	 * decided: more than half of all replicas reported the same state for `index`;
	 * no-majority: no value can reach a majority at `index` any more (the values
	 *   differ, or too few replicas can still report it);
	 * waiting: enough replicas are still to report `index` for a majority.
	 */
	readonly kind: QuorumKind;
	readonly replicas: number;
	readonly needed: number;
	/** How many faulty replicas a majority vote can outvote: ⌊(N−1)/2⌋. */
	readonly tolerates: number;
	/** The vote at `index` when decided; otherwise the latest decided vote (or null). */
	readonly decision: VoteRecord | null;
	/** The values reported for `index`, most reporters first. */
	readonly groups: readonly ValueGroup[];
	readonly reported: number;
	/** Replicas that have not reported `index` and never will without a repair. */
	readonly cannotReport: readonly CannotReport[];
	/** Replicas still to report `index`. */
	readonly pending: readonly string[];
	/** Who is out of line, and why. With no majority, nobody is called diverged: there is nothing to measure against. */
	readonly outOfLine: readonly OutOfLine[];
};

/** Whether `replica`, left alone, will still report a state for input `index`. */
export function willReport(replica: ReplicaState, index: number): boolean {
	if (replica.crashed || replica.applied >= index) return false;
	// A reordering replica applies inputs in pairs and reports after each pair: it jumps over every other index.
	return !replica.faults.reorder || (index - replica.applied) % 2 === 0;
}

/** Why `replica` has not reported `vote` and never will, if so. */
function cannotReport(replica: ReplicaState, vote: VoteRecord): CannotReport | undefined {
	if (vote.digests[replica.id] !== undefined || willReport(replica, vote.index)) return undefined;
	return {name: replica.name, reason: replica.crashed ? 'crashed' : 'reorder'};
}

/** Whether an open vote is decided, can still be, or never will be. */
export function voteOutcome(sim: SimState, vote: VoteRecord): 'decided' | 'waiting' | 'no-majority' {
	if (vote.decided) return 'decided';
	const pending = sim.replicas.filter(replica => vote.digests[replica.id] === undefined && willReport(replica, vote.index)).length;
	return largestGroup(vote) + pending >= majorityOf(sim.replicas.length) ? 'waiting' : 'no-majority';
}

function largestGroup(vote: VoteRecord): number {
	const counts = new Map<number, number>();
	let largest = 0;
	for (const digest of vote.digests) {
		if (digest === undefined) continue;
		const count = (counts.get(digest) ?? 0) + 1;
		counts.set(digest, count);
		largest = Math.max(largest, count);
	}

	return largest;
}

export function quorumStatus(sim: SimState): QuorumStatus {
	const n = sim.replicas.length;
	const current = sim.votes.at(-1)!;
	const groups = groupsOf(sim, current);
	const reported = groups.reduce((sum, group) => sum + group.members.length, 0);
	const outcome = voteOutcome(sim, current);
	const kind = outcome === 'decided' && sim.index === 0 && current.decided!.count === n ? 'idle' : outcome;
	return {
		index: sim.index,
		kind,
		replicas: n,
		needed: majorityOf(n),
		tolerates: toleratedFaults(n),
		decision: current.decided ? current : sim.lastDecision,
		groups,
		reported,
		cannotReport: sim.replicas.flatMap(replica => cannotReport(replica, current) ?? []),
		pending: sim.replicas.filter(replica => current.digests[replica.id] === undefined && willReport(replica, current.index)).map(replica => replica.name),
		outOfLine: sim.replicas.flatMap(replica => outOfLine(sim, replica, standingOf(sim, replica), kind) ?? []),
	};
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

/** Why `replica` is out of line, if it is. */
export function outOfLine(sim: SimState, replica: ReplicaState, standing: Standing, kind: QuorumKind): OutOfLine | undefined {
	const behind = sim.index - replica.applied;
	const entry = (reason: OutOfLineReason, divergedSince: number | null = null): OutOfLine => ({name: replica.name, reason, divergedSince, applied: replica.applied, behind});
	if (standing.checked !== null && !standing.agrees && kind !== 'no-majority') return entry('diverged', standing.runStart);
	if (replica.crashed) return entry('crashed');
	if (behind === 0) return undefined;
	if (replica.faults.lag) return entry('lagging');
	if (replica.faults.reorder) return entry('holding');
	return entry('behind');
}
