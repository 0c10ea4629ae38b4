/**
 * Counter-based randomness: every draw is a pure function of the seed, a stream
 * name and a position. Input #i is the same whenever and by whomever it is
 * asked for, so a crashed replica can replay what it missed without a stored
 * log, and a fault in one replica never shifts the random stream of another.
 */
export const Stream = {input: 1, flaky: 2, corrupt: 3, clock: 4} as const;

/** The running value `hash32` starts from. */
export const hashStart = 0x9e_37_79_b9;

/**
 * One round of `hash32`: folds `part` into the running value `h`. Chaining
 * `mix32` from `hashStart` and ending with `>>> 0` gives `hash32` of the parts,
 * so a fixed prefix (seed, stream, …) can be folded once and reused.
 */
export function mix32(h: number, part: number): number {
	h = Math.imul(h ^ (part >>> 0), 0x85_eb_ca_6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2_b2_ae_35);
	return h ^ (h >>> 16);
}

export function hash32(...parts: number[]): number {
	return hashList(parts);
}

/** `hash32(...parts)` without the rest-parameter array. */
export function hashList(parts: readonly number[]): number {
	let h = hashStart;
	for (let i = 0; i < parts.length; i++) h = mix32(h, parts[i]!);
	return h >>> 0;
}

// Fixed-arity forms of hash32 for hot paths: no array per call.
export function hash1(a: number): number {
	return mix32(hashStart, a) >>> 0;
}

export function hash2(a: number, b: number): number {
	return mix32(mix32(hashStart, a), b) >>> 0;
}

export function hash3(a: number, b: number, c: number): number {
	return mix32(mix32(mix32(hashStart, a), b), c) >>> 0;
}

export function hash4(a: number, b: number, c: number, d: number): number {
	return mix32(mix32(mix32(mix32(hashStart, a), b), c), d) >>> 0;
}

/** A small seeded generator (mulberry32) for the few draws one input needs. */
export class Draw {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Starts this generator afresh from `seed`, as `new Draw(seed)` would. */
	reseed(seed: number): this {
		this.state = seed >>> 0;
		return this;
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

export function unitAt(...parts: number[]): number {
	return hashList(parts) / 4_294_967_296;
}
