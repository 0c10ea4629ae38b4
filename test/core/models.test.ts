import {describe, expect, it} from 'vitest';
import {bank, type BankInput, type BankState} from '../../source/core/models/bank.js';
import {chain, chainStates, type ChainState} from '../../source/core/models/chain.js';
import {kv, kvKeys, type KvInput, type KvState} from '../../source/core/models/kv.js';
import {modelNamed, modelNames, models} from '../../source/core/models/index.js';
import {Draw} from '../../source/core/engine/random.js';
import {inputAt} from '../../source/core/voting/simulation.js';
import {sim} from './helpers.js';

const applyAll = <S, I>(apply: (s: S, i: I) => S, start: S, list: I[]): S => list.reduce(apply, start);

describe('model registry', () => {
	it('has exactly bank, chain and kv, looked up by own name only', () => {
		expect(modelNames).toEqual(['bank', 'chain', 'kv']);
		for (const name of modelNames) expect(modelNamed(name)?.name).toBe(name);
		expect(modelNamed('raft')).toBeUndefined();
		expect(modelNamed('toString')).toBeUndefined();
		expect(Object.keys(models)).toEqual(modelNames);
	});
});

describe('bank', () => {
	const deposit = (amount: number): BankInput => ({kind: 'deposit', amount});
	const withdraw = (amount: number): BankInput => ({kind: 'withdraw', amount});

	it('opens at 50, adds deposits and subtracts withdrawals', () => {
		expect(bank.initial()).toEqual({balance: 50});
		expect(bank.apply({balance: 100}, deposit(20))).toEqual({balance: 120});
		expect(bank.apply({balance: 100}, withdraw(30))).toEqual({balance: 70});
		expect(bank.apply({balance: 100}, withdraw(100))).toEqual({balance: 0});
	});

	it('rejects an overdraft, leaving the very same state', () => {
		const before: BankState = {balance: 40};
		const after = bank.apply(before, withdraw(45));
		expect(after).toBe(before);
		expect(bank.describeResult(before, withdraw(45), after)).toBe('rejected');
		const ok = bank.apply(before, withdraw(40));
		expect(bank.describeResult(before, withdraw(40), ok)).toBe('→ 0');
	});

	it('so the order of inputs matters', () => {
		const start = bank.initial();
		const depositFirst = applyAll(bank.apply, start, [deposit(50), withdraw(70)]);
		const withdrawFirst = applyAll(bank.apply, start, [withdraw(70), deposit(50)]);
		expect(depositFirst).toEqual({balance: 30});
		expect(withdrawFirst).toEqual({balance: 100});
		expect(bank.digest(depositFirst)).not.toBe(bank.digest(withdrawFirst));
	});

	it('digests equal balances equally and different balances differently', () => {
		expect(bank.digest({balance: 130})).toBe(bank.digest({balance: 130}));
		const digests = new Set(Array.from({length: 1000}, (_, balance) => bank.digest({balance})));
		expect(digests.size).toBe(1000);
	});

	it('describes inputs and state in words', () => {
		expect(bank.describeInput(deposit(15))).toBe('deposit 15');
		expect(bank.describeInput(withdraw(5))).toBe('withdraw 5');
		expect(bank.describeState({balance: 130})).toEqual([['balance', '130']]);
		expect(bank.summary({balance: 130})).toBe('balance 130');
	});

	it('generates deposits of 5…50 and withdrawals of 5…100 in steps of 5, both kinds', () => {
		const kinds = new Set<string>();
		for (let i = 0; i < 500; i++) {
			const input = bank.generate(new Draw(i));
			kinds.add(input.kind);
			expect(input.amount % 5).toBe(0);
			expect(input.amount).toBeGreaterThanOrEqual(5);
			expect(input.amount).toBeLessThanOrEqual(input.kind === 'deposit' ? 50 : 100);
		}

		expect(kinds).toEqual(new Set(['deposit', 'withdraw']));
	});

	it('corrupt always changes the balance and never makes it negative', () => {
		for (let i = 0; i < 500; i++) {
			const state: BankState = {balance: (i * 7) % 60};
			const corrupted = bank.corrupt(state, new Draw(i));
			expect(corrupted.balance).not.toBe(state.balance);
			expect(corrupted.balance).toBeGreaterThanOrEqual(0);
			expect(bank.digest(corrupted)).not.toBe(bank.digest(state));
		}
	});
});

describe('chain', () => {
	it('goes START → STATE1 → … → END → START, counting rounds', () => {
		let state: ChainState = chain.initial();
		const seen = [chain.summary(state)];
		for (let i = 0; i < 6; i++) {
			state = chain.apply(state, {kind: 'next'});
			seen.push(chain.summary(state));
		}

		// The round is part of the state, so it shows wherever the state does: two STARTs of different rounds differ.
		expect(seen).toEqual(['START (round 1)', 'STATE1 (round 1)', 'STATE2 (round 1)', 'STATE3 (round 1)', 'STATE4 (round 1)', 'END (round 1)', 'START (round 2)']);
		expect(chainStates).toEqual(['START', 'STATE1', 'STATE2', 'STATE3', 'STATE4', 'END']);
		expect(state).toEqual({position: 0, rounds: 1});
		expect(chain.describeState(state)).toEqual([
			['state', 'START'],
			['round', '2'],
		]);
		expect(chain.describeResult(chain.initial(), {kind: 'next'}, state)).toBe('→ START (round 2)');
	});

	it('describes each step by where it lands', () => {
		const start = chain.initial();
		const next = chain.apply(start, {kind: 'next'});
		expect(chain.describeInput({kind: 'next'})).toBe('next');
		expect(chain.describeResult(start, {kind: 'next'}, next)).toBe('→ STATE1');
	});

	it('tells the same position in different rounds apart', () => {
		expect(chain.digest({position: 2, rounds: 0})).not.toBe(chain.digest({position: 2, rounds: 1}));
		expect(chain.digest({position: 2, rounds: 1})).toBe(chain.digest({position: 2, rounds: 1}));
	});

	it('corrupt moves to a different position in the same round', () => {
		for (let i = 0; i < 300; i++) {
			const state: ChainState = {position: i % 6, rounds: 3};
			const corrupted = chain.corrupt(state, new Draw(i));
			expect(corrupted.rounds).toBe(3);
			expect(corrupted.position).not.toBe(state.position);
			expect(corrupted.position).toBeGreaterThanOrEqual(0);
			expect(corrupted.position).toBeLessThan(6);
		}
	});
});

describe('kv', () => {
	const set = (key: number, value: number): KvInput => ({kind: 'set', key, value});
	const del = (key: number): KvInput => ({kind: 'del', key});

	it('sets and deletes keys', () => {
		const start = kv.initial();
		expect(start).toEqual({values: [0, 0, 0, 0, 0]});
		const afterSet = kv.apply(start, set(1, 42));
		expect(afterSet.values).toEqual([0, 42, 0, 0, 0]);
		expect(kv.summary(afterSet)).toBe('a=— b=42 c=— d=— e=—');
		expect(kv.describeResult(start, set(1, 42), afterSet)).toBe('✓');
		const afterDel = kv.apply(afterSet, del(1));
		expect(afterDel.values).toEqual([0, 0, 0, 0, 0]);
		expect(kv.describeResult(afterSet, del(1), afterDel)).toBe('✓');
		expect(start.values).toEqual([0, 0, 0, 0, 0]);
	});

	it('returns the same state when nothing changes', () => {
		const state: KvState = {values: [5, 0, 0, 0, 0]};
		expect(kv.apply(state, set(0, 5))).toBe(state);
		expect(kv.apply(state, del(3))).toBe(state);
		expect(kv.describeResult(state, del(3), state)).toBe('no change');
	});

	it('last write wins, so order matters', () => {
		const start = kv.initial();
		const a = applyAll(kv.apply, start, [set(0, 1), set(0, 2)]);
		const b = applyAll(kv.apply, start, [set(0, 2), set(0, 1)]);
		expect(a.values[0]).toBe(2);
		expect(b.values[0]).toBe(1);
		expect(kv.digest(a)).not.toBe(kv.digest(b));
		const c = applyAll(kv.apply, start, [set(2, 9), del(2)]);
		const d = applyAll(kv.apply, start, [del(2), set(2, 9)]);
		expect(kv.digest(c)).not.toBe(kv.digest(d));
	});

	it('describes inputs and state in words', () => {
		expect(kv.describeInput(set(4, 7))).toBe('set e=7');
		expect(kv.describeInput(del(0))).toBe('del a');
		expect(kv.describeState({values: [1, 0, 0, 0, 2]}).map(([key]) => key)).toEqual([...kvKeys]);
	});

	it('generates sets of 1…99 and deletes on its five keys', () => {
		const kinds = new Set<string>();
		for (let i = 0; i < 500; i++) {
			const input = kv.generate(new Draw(i));
			kinds.add(input.kind);
			expect(input.key).toBeGreaterThanOrEqual(0);
			expect(input.key).toBeLessThan(kvKeys.length);
			if (input.kind === 'set') {
				expect(input.value).toBeGreaterThanOrEqual(1);
				expect(input.value).toBeLessThanOrEqual(99);
			}
		}

		expect(kinds).toEqual(new Set(['set', 'del']));
	});

	it('corrupt changes exactly one value and keeps values in 1…99', () => {
		for (let i = 0; i < 500; i++) {
			const state: KvState = {values: [i % 100, (i * 3) % 100, 0, 99, 1]};
			const corrupted = kv.corrupt(state, new Draw(i));
			const changed = corrupted.values.filter((value, key) => value !== state.values[key]);
			expect(changed).toHaveLength(1);
			expect(changed[0]).toBeGreaterThanOrEqual(1);
			expect(changed[0]).toBeLessThanOrEqual(99);
			expect(kv.digest(corrupted)).not.toBe(kv.digest(state));
		}
	});
});

describe('the input generator', () => {
	it('gives input #i as a pure function of seed and index', () => {
		for (const name of modelNames) {
			const a = sim({model: name, seed: 11});
			const b = sim({model: name, seed: 11, replicas: 5});
			for (let i = 1; i <= 50; i++) expect(inputAt(a, i)).toEqual(inputAt(b, i));
		}
	});

	it('gives a different stream for a different seed', () => {
		for (const name of ['bank', 'kv']) {
			const a = sim({model: name, seed: 1});
			const b = sim({model: name, seed: 2});
			const streamA = Array.from({length: 30}, (_, i) => inputAt(a, i + 1));
			const streamB = Array.from({length: 30}, (_, i) => inputAt(b, i + 1));
			expect(streamA).not.toEqual(streamB);
		}
	});
});
