import {hashList} from '../engine/random.js';
import type {Model} from './model.js';

export const kvKeys = ['a', 'b', 'c', 'd', 'e'] as const;

/** Values by key position; 0 means the key is absent. */
export type KvState = {readonly values: readonly number[]};
export type KvInput = {readonly kind: 'set'; readonly key: number; readonly value: number} | {readonly kind: 'del'; readonly key: number};

const show = (value: number) => (value === 0 ? '—' : String(value));

export const kv: Model<KvState, KvInput> = {
	name: 'kv',
	teaches: 'a key-value store: set and delete on a handful of keys; the last write wins, so order matters',
	initial: () => ({values: kvKeys.map(() => 0)}),
	generate(draw) {
		const key = draw.int(kvKeys.length);
		return draw.chance(0.75) ? {kind: 'set', key, value: 1 + draw.int(99)} : {kind: 'del', key};
	},
	apply(state, input) {
		const value = input.kind === 'set' ? input.value : 0;
		if (state.values[input.key] === value) return state;
		const values = [...state.values];
		values[input.key] = value;
		return {values};
	},
	applyReadingClock(state, input, clock) {
		return kv.apply(state, input.kind === 'set' ? {...input, value: input.value + (clock % 3)} : input);
	},
	readsClock: 'a set adds the clock’s milliseconds mod 3 to the value it writes',
	describeInput: input => (input.kind === 'set' ? `set ${kvKeys[input.key]}=${input.value}` : `del ${kvKeys[input.key]}`),
	shortInput: input => `${kvKeys[input.key]}=${input.kind === 'set' ? input.value : '—'}`,
	describeResult: (before, _input, after) => (after === before ? 'no change' : '✓'),
	shortResult: (before, _input, after) => (after === before ? 'same' : '✓'),
	describeState: state => kvKeys.map((key, i) => [key, show(state.values[i]!)]),
	summary: state => kvKeys.map((key, i) => `${key}=${show(state.values[i]!)}`).join(' '),
	summaryOf: (state, labels) =>
		kvKeys
			.map((key, i) => (labels.has(key) ? `${key}=${show(state.values[i]!)}` : ''))
			.filter(Boolean)
			.join(' '),
	digest: state => hashList(state.values),
	corrupt(state, draw) {
		const key = draw.int(kvKeys.length);
		const values = [...state.values];
		values[key] = ((values[key]! + 1 + draw.int(98)) % 100) || 1;
		if (values[key] === state.values[key]) values[key] = values[key] === 1 ? 2 : 1;
		return {values};
	},
};
