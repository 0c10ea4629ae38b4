import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {emptyQueue, nextEventTime, peekEvent, popEvent, QueueDraft, removeEvents, schedule} from '../../../source/core/engine/event-queue.js';
import {addRecent, emptyRecent, latest, recentSize} from '../../../source/core/engine/recent.js';
import {drawFor, intBetween, StreamId} from '../../../source/core/engine/streams.js';
import {RaftLog, type Entry} from '../../../source/core/raft/log.js';

describe('the event queue', () => {
	it('pops events in (time, sequence) order: by time, then in the order they were scheduled', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({min: 0, max: 20}), {maxLength: 60}), times => {
				let queue = emptyQueue<number>();
				for (const [i, time] of times.entries()) queue = schedule(queue, time, i);
				const popped: number[] = [];
				for (let next = popEvent(queue); next; next = popEvent(next.rest)) popped.push(next.next.event);
				const expected = times.map((time, i) => ({time, i})).sort((a, b) => a.time - b.time || a.i - b.i).map(item => item.i);
				expect(popped).toEqual(expected);
			}),
		);
	});

	it('is a value: scheduling, popping and removing leave the old queue as it was', () => {
		const a = schedule(schedule(emptyQueue<string>(), 5, 'x'), 3, 'y');
		const copy = structuredClone(a);
		const b = schedule(a, 1, 'z');
		removeEvents(b, event => event === 'x');
		popEvent(a);
		expect(a).toEqual(copy);
		expect(peekEvent(b)?.event).toBe('z');
		expect(nextEventTime(a)).toBe(3);
	});

	it('a draft copies once, edits in place, and can put an event ahead of everything due at the same time', () => {
		const base = schedule(schedule(emptyQueue<string>(), 4, 'a'), 4, 'b');
		const draft = new QueueDraft(base);
		draft.scheduleFirst(4, 'first');
		draft.schedule(4, 'last');
		expect(draft.remove(event => event === 'a')).toBe(1);
		expect(draft.pop()?.event).toBe('first');
		const done = draft.done();
		expect(done.items.map(item => item.event)).toEqual(['b', 'last']);
		expect(base.items.map(item => item.event)).toEqual(['a', 'b']);
		expect(new QueueDraft(base).done()).toBe(base);
	});
});

describe('bounded recent history', () => {
	it('keeps between one and two chunks of the latest items, oldest first', () => {
		let recent = emptyRecent<number>(4);
		for (let i = 1; i <= 11; i++) recent = addRecent(recent, i);
		expect(recentSize(recent)).toBeLessThanOrEqual(8);
		expect(latest(recent, 5)).toEqual([7, 8, 9, 10, 11]);
		expect(latest(recent, 100).at(-1)).toBe(11);
		expect(latest(recent, 0)).toEqual([]);
	});
});

describe('random streams', () => {
	it('a draw depends only on the seed, the stream, the key and the counter', () => {
		const value = (seed: number, stream: number, key: number, counter: number) => drawFor(seed, stream, key, counter).uint32();
		expect(value(1, StreamId.linkLatency, 3, 7)).toBe(value(1, StreamId.linkLatency, 3, 7));
		expect(value(1, StreamId.linkLatency, 3, 7)).not.toBe(value(1, StreamId.linkLatency, 4, 7));
		expect(value(1, StreamId.linkLatency, 3, 7)).not.toBe(value(1, StreamId.electionTimeout, 3, 7));
		expect(value(1, StreamId.linkLatency, 3, 7)).not.toBe(value(2, StreamId.linkLatency, 3, 7));
		for (let i = 0; i < 200; i++) {
			const n = intBetween(drawFor(9, StreamId.workload, 0, i), 150, 300);
			expect(n).toBeGreaterThanOrEqual(150);
			expect(n).toBeLessThanOrEqual(300);
		}
	});
});

describe('the Raft log value', () => {
	const entry = (term: number, request: number): Entry => ({term, request, input: request});

	it('appending and truncating never change an older log value, even when they share storage', () => {
		const one = RaftLog.empty().append(entry(1, 1));
		const two = one.append(entry(1, 2));
		const branch = one.append(entry(2, 3));
		expect(one.terms()).toEqual([1]);
		expect(two.toJSON().map(item => item.request)).toEqual([1, 2]);
		expect(branch.toJSON().map(item => item.request)).toEqual([1, 3]);
		const cut = two.truncate(1).append(entry(3, 4));
		expect(two.toJSON().map(item => item.request)).toEqual([1, 2]);
		expect(cut.toJSON().map(item => item.request)).toEqual([1, 4]);
		expect(JSON.stringify(two.truncate(1))).toBe(JSON.stringify(one));
	});

	it('answers term questions as the paper does: index 0 and missing entries have term 0', () => {
		const log = RaftLog.of([entry(1, 1), entry(1, 2), entry(4, 3), entry(4, 4), entry(5, 5)]);
		expect(log.termAt(0)).toBe(0);
		expect(log.termAt(6)).toBe(0);
		expect(log.lastTerm).toBe(5);
		expect(log.firstIndexOfTermRun(4)).toBe(3);
		expect(log.lastIndexOfTerm(4)).toBe(4);
		expect(log.lastIndexOfTerm(2)).toBe(0);
		expect(log.slice(2, 3).map(item => item.request)).toEqual([2, 3]);
	});
});
