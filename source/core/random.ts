/**
 * Counter-based randomness: every draw is a pure function of the seed, a stream
 * name and a position. Input #i is the same whenever and by whomever it is
 * asked for, so a crashed replica can replay what it missed without a stored
 * log, and a fault in one replica never shifts the random stream of another.
 */
export const Stream = {input: 1, flaky: 2, corrupt: 3} as const;

export function hash32(...parts: number[]): number {
	let h = 0x9e_37_79_b9;
	for (const part of parts) {
		h = Math.imul(h ^ (part >>> 0), 0x85_eb_ca_6b);
		h ^= h >>> 13;
		h = Math.imul(h, 0xc2_b2_ae_35);
		h ^= h >>> 16;
	}

	return h >>> 0;
}

/** A small seeded generator (mulberry32) for the few draws one input needs. */
export class Draw {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	uint32(): number {
		this.state = (this.state + 0x6d_2b_79_f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (t ^ (t >>> 14)) >>> 0;
	}

	/** A uniform number in [0, 1). */
	unit(): number {
		return this.uint32() / 4_294_967_296;
	}

	/** An integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.unit() * n);
	}

	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)]!;
	}

	chance(p: number): boolean {
		return this.unit() < p;
	}
}

export function drawAt(...parts: number[]): Draw {
	return new Draw(hash32(...parts));
}

export function unitAt(...parts: number[]): number {
	return hash32(...parts) / 4_294_967_296;
}
