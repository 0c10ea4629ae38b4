/**
 * A message in flight: the envelope every network mode shares, generic over
 * the mode's message body (which has a `type`). A message travels as a
 * queue event `{kind: 'deliver', message}`; sending draws its latency (and
 * whether the link's loss picks it) from the link's own random stream.
 */
import type {Scheduled} from '../engine/event-queue.js';
import {drawFor, intBetween, StreamId} from '../engine/streams.js';
import {isLinked, linkIndex, type Network} from './network.js';

/** A body has a type, e.g. 'AppendEntries', 'Prepare'. */
export type Body = {readonly type: string};

export type NetMessage<B extends Body = Body> = {
	/** Unique in a run; a duplicate gets its own. */
	readonly id: number;
	readonly from: number;
	readonly to: number;
	readonly sentAt: number;
	readonly body: B;
	/** The link's loss probability picked this message to be lost on the way. */
	readonly doomed: boolean;
	/** Set on a copy made by the duplicate action: the id of the original. */
	readonly copyOf?: number;
};

/** The queue event that carries a message to its receiver. */
export type DeliverEvent<M> = {readonly kind: 'deliver'; readonly message: M};

/** A message in flight and when it arrives. */
export type InFlight<M> = {readonly message: M; readonly due: number; readonly seq: number};

/** The key of the directed link from → to in the latency stream (node ids from -1, the client, to 14). */
export function linkKey(from: number, to: number): number {
	return (from + 1) * 16 + (to + 1);
}

export type LinkTiming = {readonly seed: number; readonly latencyMin: number; readonly latencyMax: number; readonly stream?: number};

/**
 * The latency of the `counter`-th message on from → to and whether the link's
 * loss picks it: drawn from the link's stream, plus the link's slowness.
 * Links to or from a node outside 0…size-1 (a client) have no settings.
 */
export function linkDraw(timing: LinkTiming, network: Network, size: number, from: number, to: number, counter: number): {latency: number; doomed: boolean} {
	const draw = drawFor(timing.seed, timing.stream ?? StreamId.linkLatency, linkKey(from, to), counter);
	let latency = intBetween(draw, timing.latencyMin, timing.latencyMax);
	let doomed = false;
	if (isLinked(size, from, to)) {
		const link = linkIndex(size, from, to);
		latency += network.slow[link]!;
		const loss = network.loss[link]!;
		doomed = loss > 0 && draw.chance(loss);
	}

	return {latency, doomed};
}

/** Messages in flight in a queue, in the order they will arrive. */
export function inFlightIn<M>(items: ReadonlyArray<Scheduled<{readonly kind: string}>>): Array<InFlight<M>> {
	const messages: Array<InFlight<M>> = [];
	for (const item of items) if (item.event.kind === 'deliver') messages.push({message: (item.event as DeliverEvent<M>).message, due: item.time, seq: item.seq});
	return messages;
}

export function inFlightCountIn(items: ReadonlyArray<Scheduled<{readonly kind: string}>>): number {
	let count = 0;
	for (const item of items) if (item.event.kind === 'deliver') count++;
	return count;
}

/** The message under a cursor that wraps around, or undefined when none is in flight. */
export function cursorMessage<M>(messages: ReadonlyArray<InFlight<M>>, cursor: number): InFlight<M> | undefined {
	if (messages.length === 0) return undefined;
	return messages[((cursor % messages.length) + messages.length) % messages.length];
}

/** Which message a message action acts on: by id, the next to arrive, or the first on a link (either end 'any'), of a type. */
export type MessagePick<T extends string = string> =
	| {readonly by: 'id'; readonly id: number}
	| {readonly by: 'next'}
	| {readonly by: 'match'; readonly from: number | 'any'; readonly to: number | 'any'; readonly type?: T};

export function findMessage<M extends NetMessage>(messages: ReadonlyArray<InFlight<M>>, pick: MessagePick): M | undefined {
	switch (pick.by) {
		case 'id':
			return messages.find(item => item.message.id === pick.id)?.message;
		case 'next':
			return messages[0]?.message;
		case 'match':
			return messages.find(
				({message}) =>
					(pick.from === 'any' || message.from === pick.from) &&
					(pick.to === 'any' || message.to === pick.to) &&
					(pick.type === undefined || message.body.type === pick.type),
			)?.message;
	}
}

/** "message #12", "the next message", "a AE message S1→*" (`name` names a node; `type` abbreviates a type). */
export function describePick<T extends string>(pick: MessagePick<T>, name: (id: number) => string, type: (type: T) => string): string {
	switch (pick.by) {
		case 'id':
			return `message #${pick.id}`;
		case 'next':
			return 'the next message';
		case 'match': {
			const from = pick.from === 'any' ? '*' : name(pick.from);
			const to = pick.to === 'any' ? '*' : name(pick.to);
			return `a ${pick.type === undefined ? '' : `${type(pick.type)} `}message ${from}→${to}`;
		}
	}
}
