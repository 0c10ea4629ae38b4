/**
 * What every replica and every panel keeps for the live checks: the delivered
 * sequence (its latest part), each sender's FIFO order, agreement as
 * prefixes, latency and messages. All bounded.
 */
import {addRecent, emptyRecent, latest, recentSize, type Recent} from '../engine/recent.js';
import type {Model} from '../models/model.js';
import type {Delivery, FifoBreak, InputRef, PanelStats, Reference, Replica} from './types.js';

/** Deliveries kept per replica for the screen: between this many and twice as many. */
export const recentChunk = 32;
/** Reference positions kept per panel: between this many and twice as many. */
export const referenceChunk = 512;
/** The median latency is taken over this many latest deliveries. */
export const latencyWindow = 128;

export function initialReplica(index: number, model: Model, clients: number): Replica {
	return {
		index,
		up: true,
		downSince: null,
		machine: model.initial(),
		delivered: 0,
		recent: emptyRecent<Delivery>(recentChunk),
		lastDeliveryAt: null,
		newestDelivered: 0,
		fifoNext: Array.from({length: clients}, () => 1),
		fifoViolations: 0,
		fifoBroken: null,
		fifoBreaks: Array.from({length: clients}, () => null),
		diverged: null,
	};
}

export function initialStats(): PanelStats {
	return {
		reference: emptyRecent<Reference>(referenceChunk),
		positions: 0,
		unchecked: 0,
		latencies: emptyRecent<number>(latencyWindow),
		worst: 0,
		deliveries: 0,
		messages: 0,
	};
}

/** Item `index` (0: the oldest kept) of a Recent. */
export function recentAt<T>(recent: Recent<T>, index: number): T | undefined {
	const {previous, current} = recent;
	return index < previous.length ? previous[index] : current[index - previous.length];
}

/** The reference at position `pos`, if it is still kept. */
export function referenceAt(stats: PanelStats, pos: number): Reference | undefined {
	const first = stats.positions - recentSize(stats.reference) + 1;
	if (pos < first || pos > stats.positions) return undefined;
	return recentAt(stats.reference, pos - first);
}

export type Mutable<T> = {-readonly [K in keyof T]: T[K]};

/**
 * Replica `replica` delivers `ref` at time `now`: its state machine applies
 * it, and the checks take note. Returns the delivery. A `rebuild` (a
 * restarted server applying again what it delivered before its crash) is
 * checked against the other replicas but is no new delivery: it adds no
 * latency and is not counted.
 */
export function recordDelivery(model: Model, replica: Mutable<Replica>, stats: Mutable<PanelStats>, ref: InputRef, now: number, rebuild = false): {delivery: Delivery; reference: Reference | undefined} {
	replica.machine = model.apply(replica.machine, ref.input);
	const pos = replica.delivered + 1;
	replica.delivered = pos;
	replica.lastDeliveryAt = now;
	replica.newestDelivered = Math.max(replica.newestDelivered, ref.id);

	// Agreement as prefixes: every replica's input at a position equals the first one delivered there.
	let matches = true;
	let reference: Reference | undefined;
	if (pos > stats.positions) {
		stats.reference = addRecent(stats.reference, {id: ref.id, replica: replica.index});
		stats.positions = pos;
	} else {
		reference = referenceAt(stats, pos);
		if (reference === undefined) stats.unchecked++;
		else if (reference.id !== ref.id) {
			matches = false;
			replica.diverged ??= {pos, got: ref.id, expected: reference.id, other: reference.replica};
		}
	}

	// FIFO: each sender's inputs in the order sent, none skipped.
	const expected = replica.fifoNext[ref.client]!;
	if (ref.number !== expected) {
		replica.fifoViolations++;
		const broken = {pos, client: ref.client, got: ref.number, expected};
		replica.fifoBroken ??= broken;
		if (replica.fifoBreaks[ref.client] === null) {
			const fifoBreaks = replica.fifoBreaks.slice();
			fifoBreaks[ref.client] = broken;
			replica.fifoBreaks = fifoBreaks;
		}
	}

	if (ref.number >= expected) {
		const fifoNext = replica.fifoNext.slice();
		fifoNext[ref.client] = ref.number + 1;
		replica.fifoNext = fifoNext;
	}

	const delivery: Delivery = {pos, ref, at: now, matches};
	replica.recent = addRecent(replica.recent, delivery);
	if (rebuild) return {delivery, reference};
	const latency = now - ref.sentAt;
	stats.latencies = addRecent(stats.latencies, latency);
	stats.worst = Math.max(stats.worst, latency);
	stats.deliveries++;
	return {delivery, reference};
}

/** Median and worst delivery latency (ms); the median over the latest `latencyWindow` deliveries. */
export function latencyFigures(stats: PanelStats): {median: number; worst: number; count: number} | undefined {
	if (stats.deliveries === 0) return undefined;
	const values = latest(stats.latencies, latencyWindow).sort((a, b) => a - b);
	const middle = values.length >> 1;
	const median = values.length % 2 === 1 ? values[middle]! : Math.round((values[middle - 1]! + values[middle]!) / 2);
	return {median, worst: stats.worst, count: values.length};
}

/** The first replica (by index) whose delivered sequence is not a prefix of the others' or has them as its prefix. */
export function firstDivergent(replicas: readonly Replica[]): Replica | undefined {
	let first: Replica | undefined;
	for (const replica of replicas) if (replica.diverged && (first === undefined || replica.diverged.pos < first.diverged!.pos)) first = replica;
	return first;
}

/** The earliest FIFO break over the replicas (of one client's order, if given), with the replica it is in. */
export function firstFifoBreak(replicas: readonly Replica[], client?: number): {replica: Replica; broken: FifoBreak} | undefined {
	let first: {replica: Replica; broken: FifoBreak} | undefined;
	for (const replica of replicas) {
		const broken = client === undefined ? replica.fifoBroken : replica.fifoBreaks[client];
		if (broken && (first === undefined || broken.pos < first.broken.pos)) first = {replica, broken};
	}

	return first;
}
