import {appendBounded} from '../engine/bounded.js';
import {kv, type KvInput, type KvState} from '../models/kv.js';
import {inputAt} from '../voting/simulation.js';

/** Model digests kept for comparing members that are behind. */
export const expectedWindow = 4096;

/**
 * The kv model fed the seeded inputs 1…index: what every member's keys must
 * equal once it has applied input `index`. `digests[i]` is the digest after
 * input `index - digests.length + 1 + i`.
 */
export type Expected = {
	readonly seed: number;
	readonly index: number;
	readonly state: KvState;
	readonly digest: number;
	readonly digests: readonly number[];
};

/** Input `index` (from 1) of the seeded generator: the same as the voting mode's kv inputs for this seed. */
export function inputFor(seed: number, index: number): KvInput {
	return inputAt({model: kv, config: {seed, model: 'kv', replicas: 0, faults: []}}, index) as KvInput;
}

export function describeInput(input: KvInput): string {
	return kv.describeInput(input);
}

export function createExpected(seed: number): Expected {
	const state = kv.initial();
	const digest = kv.digest(state);
	return {seed, index: 0, state, digest, digests: [digest]};
}

/** The model after input `target` (never goes back: a lower target returns `expected`). */
export function expectedUpTo(expected: Expected, target: number): Expected {
	if (target <= expected.index) return expected;
	let {state} = expected;
	const added: number[] = [];
	const firstKept = Math.max(expected.index + 1, target - expectedWindow + 1);
	for (let index = expected.index + 1; index <= target; index++) {
		state = kv.apply(state, inputFor(expected.seed, index));
		if (index >= firstKept) added.push(kv.digest(state));
	}

	const digests = appendBounded(expected.digests, added, expectedWindow);
	return {seed: expected.seed, index: target, state, digest: kv.digest(state), digests};
}

/** The model's digest after input `index`, if it is still in the window. */
export function expectedDigestAt(expected: Expected, index: number): number | undefined {
	const position = expected.digests.length - 1 - (expected.index - index);
	return position >= 0 && index <= expected.index ? expected.digests[position] : undefined;
}

/** The model's state after inputs 1…count, from scratch (for reports and tests). */
export function modelAfter(seed: number, count: number): KvState {
	return expectedUpTo(createExpected(seed), count).state;
}
