/**
 * Questions the view, the scenarios and the report ask about a state: does a
 * panel agree, is FIFO respected, is a replica stalled and why, how fast and
 * at what cost in messages.
 */
import {latest, recentSize} from '../engine/recent.js';
import {currentLeader} from '../raft/queries.js';
import {lamportNext} from './lamport.js';
import {clientName, inputLabel, replicaName} from './names.js';
import {firstDivergent, firstFifoBreak, latencyFigures, recentAt} from './panel.js';
import {inputById} from './input-log.js';
import {archIds, type ArchId, type ConsensusReplica, type Delivery, type LamportReplica, type OrderState, type Replica, type SeqReplica} from './types.js';

/** Whether a replica is running (a consensus replica: its Raft server). */
export function isUp(state: OrderState, arch: ArchId, index: number): boolean {
	if (arch === 'consensus') return state.raft.servers[index]!.role !== 'crashed';
	return state.archs[arch].replicas[index]!.up;
}

/**
 * When the first input after input `newest` was sent, if any was: the oldest
 * kept input when that one is no longer kept (it has waited at least as long).
 */
function sentAfter(state: OrderState, newest: number): number | undefined {
	if (newest >= state.inputs) return undefined;
	return (inputById(state, newest + 1) ?? recentAt(state.inputLog, 0))?.sentAt;
}

/**
 * When the oldest input a running replica is known to wait for was sent:
 * one sent after the newest input it delivered (nothing of it has arrived,
 * or it is in flight), one it holds back, one its sequencer holds back, or
 * one its Raft cluster has not acknowledged and it has not applied. It
 * depends on what the replica delivered, not when: replicas that delivered
 * the same inputs wait as long.
 */
export function waitingSince(state: OrderState, arch: ArchId, index: number): number | undefined {
	if (!isUp(state, arch, index)) return undefined;
	const replica = state.archs[arch].replicas[index]!;
	let since = sentAfter(state, replica.newestDelivered) ?? Number.POSITIVE_INFINITY;
	const older = (sentAt: number) => {
		since = Math.min(since, sentAt);
	};

	if (arch === 'sequencer') {
		for (const item of (replica as SeqReplica).holdback) older(item.ref.sentAt);
		for (const ref of state.archs.sequencer.sequencer.held) older(ref.sentAt);
	} else if (arch === 'lamport') {
		for (const item of (replica as LamportReplica).holdback) older(item.ref.sentAt);
	} else if (arch === 'consensus') {
		const consensus = replica as ConsensusReplica;
		for (const ref of consensus.heldBack) older(ref.sentAt);
		for (const request of state.archs.consensus.client.pending) {
			if (request.id <= consensus.appliedFloor || consensus.appliedAbove.includes(request.id)) continue;
			const ref = inputById(state, request.id);
			if (ref !== undefined) older(ref.sentAt);
		}
	}

	return since === Number.POSITIVE_INFINITY ? undefined : since;
}

/** How long a running replica has waited for the oldest input it is known to wait for (0: none). */
export function waitingFor(state: OrderState, arch: ArchId, index: number): number {
	const since = waitingSince(state, arch, index);
	return since === undefined ? 0 : state.time - since;
}

export function isStalled(state: OrderState, arch: ArchId, index: number): boolean {
	return waitingFor(state, arch, index) >= state.config.stallAfter;
}

export function stalledReplicas(state: OrderState, arch: ArchId): number[] {
	const stalled: number[] = [];
	for (let index = 0; index < state.archs[arch].replicas.length; index++) if (isStalled(state, arch, index)) stalled.push(index);
	return stalled;
}

function silentText(state: OrderState, client: number): string {
	if (!state.clients[client]!.silenced) return '';
	return state.archs.lamport.heartbeats ? ' (silent; its null messages will tell)' : ' (silent, and heartbeats are off)';
}

/**
 * Why a replica holds something back or waits, in words, the longest form
 * first and the last one a few cells ("needs #7", "no leader"); empty when
 * it does not.
 */
export function holdReasons(state: OrderState, arch: ArchId, index: number): string[] {
	if (!isUp(state, arch, index)) return [`${replicaName(arch, index)} is down`, 'down'];
	switch (arch) {
		case 'none':
			return [];
		case 'sequencer': {
			const replica = state.archs.sequencer.replicas[index] as SeqReplica;
			if (replica.holdback.length > 0) return [`waits for #${replica.nextSeq}`, `needs #${replica.nextSeq}`];
			if (!state.archs.sequencer.sequencer.up) return ['Q is down', 'Q down'];
			return [];
		}

		case 'lamport': {
			const replica = state.archs.lamport.replicas[index] as LamportReplica;
			const gaps = replica.holdback.filter(item => item.ref.number > replica.contiguous[item.ref.client]!).map(item => item.ref.client);
			const missing = (client: number) => {
				const label = inputLabel(client, replica.contiguous[client]! + 1);
				return [`misses ${label}`, `needs ${label}`];
			};

			const next = lamportNext(replica);
			if (next !== undefined && next.waitingFor.length > 0) {
				const gap = next.waitingFor.find(client => gaps.includes(client));
				if (gap !== undefined) return missing(gap);
				const names = next.waitingFor.map(client => clientName(client));
				return [
					`waits for ${next.waitingFor.map(client => `${clientName(client)}${silentText(state, client)}`).join(', ')} to pass ${next.held.ts}`,
					`waits for ${names.join(', ')} to pass ${next.held.ts}`,
					`needs ${names.join('')}`,
				];
			}

			return gaps.length > 0 ? missing(gaps[0]!) : [];
		}

		case 'consensus': {
			const up = state.raft.servers.filter(server => server.role !== 'crashed').length;
			if (up < 2) return [`only ${up} of 3 servers up: no majority, nothing commits`, `${up} of 3 up: no majority`, 'no majority'];
			if (currentLeader(state.raft) === undefined) return ['no leader: an election is under way', 'no leader: electing', 'no leader'];
			const replica = state.archs.consensus.replicas[index] as ConsensusReplica;
			const first = replica.heldBack[0];
			if (first === undefined) return [];
			const held = inputLabel(first.client, first.number);
			const awaited = inputLabel(first.client, replica.clientNext[first.client]!);
			return [`holds ${held} back for ${awaited} (the client's order)`, `holds ${held} back for ${awaited}`, `${held} waits ${awaited}`];
		}
	}
}

/** Why a replica holds something back or waits, in a few words; undefined when it does not. */
export function holdReason(state: OrderState, arch: ArchId, index: number): string | undefined {
	return holdReasons(state, arch, index)[0];
}

/** Why a stalled replica is stuck, in plain words: the longest form first, then shorter ones for narrow places, the last a few cells. */
export function stallReasons(state: OrderState, arch: ArchId, index: number): string[] {
	if (arch === 'sequencer' && !state.archs.sequencer.sequencer.up) {
		return ['the sequencer Q is down: a new one must be chosen, and agreeing on it (and on where its numbers start) needs consensus', 'Q is down, and choosing a new sequencer needs consensus', 'Q down: new Q needs consensus', 'Q down'];
	}

	if (arch === 'lamport') {
		const silent = state.clients.flatMap((client, id) => (client.silenced ? [id] : []));
		if (silent.length > 0 && !state.archs.lamport.heartbeats) {
			const names = silent.map(id => clientName(id)).join(', ');
			const is = silent.length === 1 ? 'is' : 'are';
			return [`${names} ${is} silent: without null messages (heartbeats) no later stamp comes`, `${names} ${is} silent and heartbeats are off`, `${names} silent, no heartbeats`, `${silent.map(id => clientName(id)).join('')} silent`];
		}
	}

	const reasons = holdReasons(state, arch, index);
	return reasons.length > 0 ? reasons : ['nothing has arrived', 'nothing came'];
}

export function stallReason(state: OrderState, arch: ArchId, index: number): string {
	return stallReasons(state, arch, index)[0]!;
}

export type Agreement = {
	readonly agree: boolean;
	/** E.g. "R3≠R2 at #4": the first replica that diverged, from which one, and where. */
	readonly text: string;
	/** The same without the position, e.g. "R3≠R2", for a narrow panel. */
	readonly brief: string;
};

/** Do the replicas' delivered sequences agree as prefixes of one another? */
export function agreement(state: OrderState, arch: ArchId): Agreement {
	const replicas = state.archs[arch].replicas;
	const first = firstDivergent(replicas);
	if (first === undefined) return {agree: true, text: 'agree', brief: 'agree'};
	const {pos, other} = first.diverged!;
	const brief = `${replicaName(arch, first.index)}≠${replicaName(arch, other)}`;
	return {agree: false, text: `${brief} at #${pos}`, brief};
}

export type Fifo = {
	readonly kept: boolean;
	/** E.g. "R2: C10 before C9": the first replica that broke it and the inputs. */
	readonly text: string;
	/** Only the replica, e.g. "R2", for a narrow panel. */
	readonly brief: string;
};

/** Is each sender's order (or one client's) respected by every replica (no input before an earlier one of the same client, none skipped)? */
export function fifo(state: OrderState, arch: ArchId, client?: number): Fifo {
	const first = firstFifoBreak(state.archs[arch].replicas, client);
	if (first === undefined) return {kept: true, text: 'FIFO', brief: 'FIFO'};
	const {client: sender, got, expected} = first.broken;
	const name = replicaName(arch, first.replica.index);
	const text = got > expected ? `${name}: ${inputLabel(sender, got)} before ${inputLabel(sender, expected)}` : `${name}: ${inputLabel(sender, got)} after ${inputLabel(sender, expected - 1)}`;
	return {kept: false, text, brief: name};
}

export type InputsCompared = {
	/** The two replicas have applied the same inputs (the same set, in any order). */
	readonly same: boolean;
	/** They applied them in the same order too. */
	readonly sameOrder: boolean;
	/** What each applied from the first position where they may differ, e.g. "R1 B1 A1, R2 A1 B1". */
	readonly text: string;
};

/** Labels of deliveries, the first few and the count of the rest. */
function labels(deliveries: ReadonlyArray<{readonly ref: {readonly client: number; readonly number: number}}>): string {
	const shown = deliveries.slice(0, 6).map(item => inputLabel(item.ref.client, item.ref.number));
	return deliveries.length > 6 ? `${shown.join(' ')} …(${deliveries.length - 6} more)` : shown.join(' ') || 'nothing';
}

/**
 * Have replicas `a` and `b` of a panel applied the same inputs, whatever the
 * order? Their delivered sequences are equal up to the first position where
 * either differs from the panel's reference; from there on, their latest
 * deliveries are compared as sets. A string when that position is further
 * back than the deliveries a replica keeps (it cannot tell).
 */
export function sameInputs(state: OrderState, arch: ArchId, a: number, b: number): InputsCompared | string {
	const first = state.archs[arch].replicas[a]!;
	const second = state.archs[arch].replicas[b]!;
	const names = [replicaName(arch, a), replicaName(arch, b)] as const;
	const from = Math.min(first.diverged?.pos ?? Number.POSITIVE_INFINITY, second.diverged?.pos ?? Number.POSITIVE_INFINITY, Math.min(first.delivered, second.delivered) + 1);
	const tail = (replica: Replica) => latest(replica.recent, replica.delivered - from + 1);
	const short = [first, second].find(replica => replica.delivered - from + 1 > recentSize(replica.recent));
	if (short !== undefined) return `${names[0]} and ${names[1]} differ from position ${from} on, further back than the ${recentSize(short.recent)} deliveries ${replicaName(arch, short.index)} keeps`;
	const mine = tail(first);
	const theirs = tail(second);
	const sorted = (items: readonly Delivery[]) => items.map(item => item.ref.id).sort((x, y) => x - y).join(',');
	const same = first.delivered === second.delivered && sorted(mine) === sorted(theirs);
	const sameOrder = same && mine.every((item, i) => item.ref.id === theirs[i]!.ref.id);
	const text = mine.length === 0 && theirs.length === 0 ? `${names[0]} and ${names[1]} applied the same ${first.delivered} inputs in the same order` : `from #${from}: ${names[0]} ${labels(mine)}, ${names[1]} ${labels(theirs)}`;
	return {same, sameOrder, text};
}

/** Messages sent on the panel's network per input sent (the consensus panel: every Raft message, heartbeats included). */
export function messagesPerInput(state: OrderState, arch: ArchId): number | undefined {
	if (state.inputs === 0) return undefined;
	const messages = arch === 'consensus' ? state.raft.stats.sent : state.archs[arch].stats.messages;
	return messages / state.inputs;
}

export function messagesOf(state: OrderState, arch: ArchId): number {
	return arch === 'consensus' ? state.raft.stats.sent : state.archs[arch].stats.messages;
}

export function latency(state: OrderState, arch: ArchId) {
	return latencyFigures(state.archs[arch].stats);
}

export type PanelSummary = {
	readonly arch: ArchId;
	readonly agreement: Agreement;
	readonly fifo: Fifo;
	readonly stalled: readonly number[];
	readonly latency: ReturnType<typeof latencyFigures>;
	readonly perInput: number | undefined;
};

export function panelSummary(state: OrderState, arch: ArchId): PanelSummary {
	return {arch, agreement: agreement(state, arch), fifo: fifo(state, arch), stalled: stalledReplicas(state, arch), latency: latency(state, arch), perInput: messagesPerInput(state, arch)};
}

export function allSummaries(state: OrderState): PanelSummary[] {
	return archIds.map(arch => panelSummary(state, arch));
}

/** Inputs held back by a replica (received, not yet delivered; in the consensus panel: log entries not yet applied). */
export function heldCount(state: OrderState, arch: ArchId, index: number): number {
	if (arch === 'sequencer') return (state.archs.sequencer.replicas[index] as SeqReplica).holdback.length;
	if (arch === 'lamport') return (state.archs.lamport.replicas[index] as LamportReplica).holdback.length;
	if (arch === 'consensus') {
		const server = state.raft.servers[index]!;
		return Math.max(0, server.log.length - server.lastApplied);
	}

	return 0;
}
