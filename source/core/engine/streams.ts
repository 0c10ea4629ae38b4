/**
 * Random streams per concern. A draw is a pure function of the seed, the
 * stream (a concern: link latency, a server's timers, the workload), a key
 * within the stream (which link, which server) and a counter (the how-many-th
 * draw on that key). Nothing is shared between keys, so a manual action that
 * makes one server draw an extra timeout changes no other server's timeouts,
 * and an extra message on one link changes no other link's latencies.
 */
import {Draw, hash3, hash4} from './random.js';

/** Stream numbers, distinct from the voting mode's (1–3). */
export const StreamId = {
	/** Model inputs of client requests, keyed by request number (the voting mode's input stream, so the same seed gives the same inputs). */
	input: 1,
	linkLatency: 101,
	electionTimeout: 102,
	workload: 103,
	manualInput: 104,
	client: 105,
	setup: 106,
} as const;

const scratch = new Draw(0);

/**
 * The generator for draw number `counter` on `key` of `stream`. It is one
 * shared object, reseeded on each call: use it at once, before the next call.
 */
export function drawFor(seed: number, stream: number, key: number, counter: number): Draw {
	return scratch.reseed(hash4(seed, stream, key, counter));
}

/** The generator for item `index` of a sequence stream (as the voting mode draws input #index: hash3(seed, stream, index)). Shared, like drawFor's. */
export function sequenceDraw(seed: number, stream: number, index: number): Draw {
	return scratch.reseed(hash3(seed, stream, index));
}

/** An integer in [low, high], both included. */
export function intBetween(draw: Draw, low: number, high: number): number {
	return high <= low ? low : low + draw.int(high - low + 1);
}
