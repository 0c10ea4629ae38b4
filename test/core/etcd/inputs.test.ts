import {describe, expect, it} from 'vitest';
import {kv} from '../../../source/core/models/kv.js';
import {inputAt, createSimulation} from '../../../source/core/voting/simulation.js';
import {createExpected, expectedDigestAt, expectedUpTo, expectedWindow, inputFor, modelAfter} from '../../../source/core/etcd/expected.js';
import {inputKeyName, inputNumberOf, kvKeyName, kvPositionOf, lastInputKeyName, parseKvValue} from '../../../source/core/etcd/layout.js';
import {keysDigest} from '../../../source/core/etcd/digest.js';

describe('the seeded inputs and the model the members must match', () => {
	it('are the voting mode\'s kv inputs for the same seed', () => {
		const sim = createSimulation({model: 'kv', replicas: 3, seed: 11, faults: []});
		for (let index = 1; index <= 50; index++) expect(inputFor(11, index)).toEqual(inputAt(sim, index));
	});

	it('the model grows incrementally to the same state as from scratch', () => {
		let expected = createExpected(3);
		for (const target of [5, 5, 17, 40, 39]) expected = expectedUpTo(expected, target);
		expect(expected.index).toBe(40);
		let state = kv.initial();
		for (let index = 1; index <= 40; index++) state = kv.apply(state, inputFor(3, index));
		expect(expected.state).toEqual(state);
		expect(modelAfter(3, 40)).toEqual(state);
		expect(expectedDigestAt(expected, 17)).toBe(kv.digest(modelAfter(3, 17)));
		expect(expectedDigestAt(expected, 0)).toBe(kv.digest(kv.initial()));
		expect(expectedDigestAt(expected, 41)).toBeUndefined();
	});

	it('keeps a bounded window of digests', () => {
		const expected = expectedUpTo(createExpected(1), expectedWindow + 500);
		expect(expected.digests.length).toBe(expectedWindow);
		expect(expectedDigestAt(expected, 400)).toBeUndefined();
		expect(expectedDigestAt(expected, 600)).toBe(kv.digest(modelAfter(1, 600)));
	});

	it('a member\'s digest is the model\'s digest of the same values; a value that is not a number differs', () => {
		const state = modelAfter(5, 30);
		expect(keysDigest(state.values)).toBe(kv.digest(state));
		expect(keysDigest([Number.NaN, 0, 0, 0, 0])).not.toBe(keysDigest([0, 0, 0, 0, 0]));
	});
});

describe('key layout', () => {
	it('sequence keys sort by input number and read back', () => {
		const keys = [9, 10, 100, 2].map(index => inputKeyName('p/', index));
		expect([...keys].sort()).toEqual([2, 9, 10, 100].map(index => inputKeyName('p/', index)));
		expect(keys.map(key => inputNumberOf('p/', key))).toEqual([9, 10, 100, 2]);
		expect(inputNumberOf('p/', 'p/kv/a')).toBe(0);
	});

	it('kv keys and the last-input key live in one range', () => {
		expect(kvKeyName('p/', 2)).toBe('p/kv/c');
		expect(kvPositionOf('p/', 'p/kv/e')).toBe(4);
		expect(kvPositionOf('p/', lastInputKeyName('p/'))).toBe(-1);
		expect(lastInputKeyName('p/').startsWith('p/kv/')).toBe(true);
		expect(parseKvValue('42')).toBe(42);
		expect(parseKvValue('042')).toBeNaN();
		expect(parseKvValue('x')).toBeNaN();
	});
});
