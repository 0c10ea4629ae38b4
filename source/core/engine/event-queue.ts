/**
 * The discrete-event engine's queue: pending events in virtual integer time,
 * ordered by (time, sequence). The sequence number is given when an event is
 * scheduled, so events due at the same millisecond happen in the order they
 * were scheduled, and the order never depends on anything but the run itself.
 *
 * A queue is an immutable value: every operation returns a new queue and
 * leaves the old one as it was (the shell keeps old states to step back).
 * Within one event, many changes go through a QueueDraft, which copies the
 * pending list once and then edits its copy.
 *
 * Queues in these simulations hold tens of events (messages in flight and a
 * few timers), so a sorted array is both the simplest and the fastest form.
 */

export type Scheduled<E> = {readonly time: number; readonly seq: number; readonly event: E};

export type EventQueue<E> = {
	/** Pending events, earliest first. */
	readonly items: ReadonlyArray<Scheduled<E>>;
	/** The sequence number the next scheduled event gets. */
	readonly nextSeq: number;
	/** The sequence number the next event put first gets (counts down from -1). */
	readonly firstSeq: number;
};

export function emptyQueue<E>(): EventQueue<E> {
	return {items: [], nextSeq: 1, firstSeq: -1};
}

export function before(a: {readonly time: number; readonly seq: number}, b: {readonly time: number; readonly seq: number}): boolean {
	return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

/** The next event, or undefined when nothing is pending. */
export function peekEvent<E>(queue: EventQueue<E>): Scheduled<E> | undefined {
	return queue.items[0];
}

export function nextEventTime<E>(queue: EventQueue<E>): number | undefined {
	return queue.items[0]?.time;
}

export function queueSize<E>(queue: EventQueue<E>): number {
	return queue.items.length;
}

export function schedule<E>(queue: EventQueue<E>, time: number, event: E): EventQueue<E> {
	const draft = new QueueDraft(queue);
	draft.schedule(time, event);
	return draft.done();
}

export function popEvent<E>(queue: EventQueue<E>): {readonly next: Scheduled<E>; readonly rest: EventQueue<E>} | undefined {
	const next = queue.items[0];
	if (next === undefined) return undefined;
	return {next, rest: {...queue, items: queue.items.slice(1)}};
}

/** The queue without the events `drop` picks. */
export function removeEvents<E>(queue: EventQueue<E>, drop: (event: E, item: Scheduled<E>) => boolean): EventQueue<E> {
	const draft = new QueueDraft(queue);
	draft.remove(drop);
	return draft.done();
}

export function findEvent<E>(queue: EventQueue<E>, pick: (event: E, item: Scheduled<E>) => boolean): Scheduled<E> | undefined {
	return queue.items.find(item => pick(item.event, item));
}

/**
 * Many changes to a queue within one event: the pending list is copied on the
 * first change, edited in place after that, and `done` returns the new queue
 * (the same queue when nothing changed). The queue it came from never changes.
 */
export class QueueDraft<E> {
	private items: Array<Scheduled<E>> | undefined;
	private nextSeq: number;
	private firstSeq: number;

	constructor(private readonly base: EventQueue<E>) {
		this.nextSeq = base.nextSeq;
		this.firstSeq = base.firstSeq;
	}

	get pending(): ReadonlyArray<Scheduled<E>> {
		return this.items ?? this.base.items;
	}

	peek(): Scheduled<E> | undefined {
		return this.pending[0];
	}

	/** Schedules `event` at `time`, after everything already due at that time. */
	schedule(time: number, event: E): Scheduled<E> {
		const item: Scheduled<E> = {time, seq: this.nextSeq++, event};
		this.insert(item);
		return item;
	}

	/** Schedules `event` at `time`, ahead of everything else due at that time. */
	scheduleFirst(time: number, event: E): Scheduled<E> {
		const item: Scheduled<E> = {time, seq: this.firstSeq--, event};
		this.insert(item);
		return item;
	}

	pop(): Scheduled<E> | undefined {
		if (this.pending.length === 0) return undefined;
		return this.writable().shift();
	}

	/** Removes every event `drop` picks; returns how many. */
	remove(drop: (event: E, item: Scheduled<E>) => boolean): number {
		const pending = this.pending;
		let first = -1;
		for (let i = 0; i < pending.length; i++) {
			if (drop(pending[i]!.event, pending[i]!)) {
				first = i;
				break;
			}
		}

		if (first < 0) return 0;
		const kept = pending.slice(0, first);
		for (let i = first + 1; i < pending.length; i++) if (!drop(pending[i]!.event, pending[i]!)) kept.push(pending[i]!);
		const removed = pending.length - kept.length;
		this.items = kept;
		return removed;
	}

	done(): EventQueue<E> {
		if (this.items === undefined && this.nextSeq === this.base.nextSeq && this.firstSeq === this.base.firstSeq) return this.base;
		return {items: this.items ?? this.base.items, nextSeq: this.nextSeq, firstSeq: this.firstSeq};
	}

	private writable(): Array<Scheduled<E>> {
		this.items ??= this.base.items.slice();
		return this.items;
	}

	private insert(item: Scheduled<E>): void {
		const items = this.writable();
		let low = 0;
		let high = items.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (before(items[middle]!, item)) low = middle + 1;
			else high = middle;
		}

		if (low === items.length) items.push(item);
		else items.splice(low, 0, item);
	}
}

/** Handles exactly `count` events with `handleNext` (fewer only if nothing is left to happen: it returns the same state). */
export function handleEvents<S>(state: S, count: number, handleNext: (state: S) => S): S {
	let current = state;
	for (let i = 0; i < count; i++) {
		const next = handleNext(current);
		if (next === current) break;
		current = next;
	}

	return current;
}
