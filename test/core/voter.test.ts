import {describe, expect, it} from 'vitest';
import {majorityOf, quorumStatus, toleratedFaults} from '../../source/core/voting/quorum.js';
import {inputAt, step} from '../../source/core/voting/simulation.js';
import type {ScheduledFault} from '../../source/core/voting/fault.js';
import {faultFreeStates, firstDivergence, flagged, inputs, model, sim} from './helpers.js';

const names = (groups: ReadonlyArray<{members: readonly string[]}>) => groups.map(group => [...group.members]);

describe('how many faults N replicas tolerate', () => {
	it('is ⌊(N−1)/2⌋, with a majority of ⌊N/2⌋+1', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(toleratedFaults)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4]);
		expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(majorityOf)).toEqual([1, 2, 2, 3, 3, 4, 4, 5, 5]);
		const s = sim({replicas: 5});
		expect(quorumStatus(s)).toMatchObject({replicas: 5, needed: 3, tolerates: 2});
	});

	for (let n = 1; n <= 9; n++) {
		it(`is exactly the bound for N = ${n}: ${toleratedFaults(n)} crashes still decide, one more does not`, () => {
			const t = toleratedFaults(n);
			const crashes = (count: number): ScheduledFault[] => Array.from({length: count}, (_, i) => ({replica: n - 1 - i, type: 'crash', atIndex: 2}));
			const ok = quorumStatus(inputs(sim({model: 'kv', replicas: n, faults: crashes(t)}), 4));
			expect(ok.kind).toBe('decided');
			expect(ok.decision?.decided?.count).toBe(n - t);
			if (t + 1 <= n) {
				const tooMany = quorumStatus(inputs(sim({model: 'kv', replicas: n, faults: crashes(t + 1)}), 4));
				expect(tooMany.kind).toBe('no-majority');
				expect(tooMany.decision?.index).toBe(1);
			}
		});
	}

	it('beyond the bound, colluding wrong replicas outvote the right one', () => {
		const seed = 2;
		const s = inputs(
			sim({
				model: 'chain',
				seed,
				faults: [
					{replica: 1, type: 'skip', atIndex: 3},
					{replica: 2, type: 'skip', atIndex: 3},
				],
			}),
			6,
		);
		const status = quorumStatus(s);
		expect(status.kind).toBe('decided');
		expect(status.decision?.decided?.state).toEqual(faultFreeStates('chain', seed, 5)[5]);
		expect(flagged(s)).toEqual([['R1', 'diverged', 3]]);
	});
});

describe('the voter', () => {
	it('is idle before the first input', () => {
		const status = quorumStatus(sim());
		// Vote #0 is the initial state, which every replica starts in.
		expect(status).toMatchObject({kind: 'idle', index: 0, reported: 3, outOfLine: []});
		expect(status.decision?.index).toBe(0);
		expect(status.groups.map(group => group.members)).toEqual([['R1', 'R2', 'R3']]);
	});

	it('N = 1: decides whatever the one replica says, so it cannot notice a fault', () => {
		const seed = 7;
		const s = inputs(sim({model: 'chain', replicas: 1, seed, faults: [{replica: 0, type: 'skip', atIndex: 3}]}), 10);
		const status = quorumStatus(s);
		expect(status).toMatchObject({kind: 'decided', index: 10, needed: 1, tolerates: 0, reported: 1, outOfLine: []});
		expect(status.decision?.decided?.count).toBe(1);
		expect(status.decision?.decided?.state).toEqual(faultFreeStates('chain', seed, 9)[9]);
		expect(status.decision?.decided?.state).not.toEqual(faultFreeStates('chain', seed, 10)[10]);
	});

	it('N = 2: one fault splits the vote, and nobody can tell which replica is right', () => {
		let s = inputs(sim({model: 'chain', replicas: 2, seed: 1, faults: [{replica: 1, type: 'skip', atIndex: 4}]}), 3);
		expect(quorumStatus(s)).toMatchObject({kind: 'decided', needed: 2, tolerates: 0});
		s = inputs(s, 1);
		const status = quorumStatus(s);
		expect(status.kind).toBe('no-majority');
		expect(status.index).toBe(4);
		expect(status.reported).toBe(2);
		expect(names(status.groups).sort()).toEqual([['R1'], ['R2']]);
		expect(status.decision?.index).toBe(3);
		// Neither is flagged as the wrong one: there is no majority to measure against.
		expect(status.outOfLine).toEqual([]);
		expect([firstDivergence(s, 0), firstDivergence(s, 1)]).toEqual([null, null]);
	});

	it('N = 3: the majority outvotes the faulty one, flagged with its first divergent index', () => {
		const seed = 9;
		const s = inputs(sim({model: 'chain', seed, faults: [{replica: 2, type: 'skip', atIndex: 4}]}), 10);
		const status = quorumStatus(s);
		expect(status).toMatchObject({kind: 'decided', index: 10, needed: 2, tolerates: 1, reported: 3});
		expect(status.decision?.decided?.count).toBe(2);
		expect(status.decision?.decided?.state).toEqual(faultFreeStates('chain', seed, 10)[10]);
		expect(names(status.groups)).toEqual([['R1', 'R2'], ['R3']]);
		expect(flagged(s)).toEqual([['R3', 'diverged', 4]]);
	});

	it('N = 3 bank: a skip is flagged where it changed the balance, not at all when it skipped a rejected withdrawal', () => {
		const bank = model('bank');
		const k = 6;
		const count = 12;
		const outcomes = new Set<string>();
		for (let seed = 1; seed <= 40; seed++) {
			const s = inputs(sim({model: 'bank', seed, faults: [{replica: 2, type: 'skip', atIndex: k}]}), count);
			const right = faultFreeStates('bank', seed, count);
			let skipped = right[k - 1];
			for (let i = k + 1; i <= count; i++) skipped = bank.apply(skipped, inputAt(s, i));
			const changedAtK = bank.digest(bank.apply(right[k - 1], inputAt(s, k))) !== bank.digest(right[k - 1]);
			const wrongNow = bank.digest(skipped) !== bank.digest(right[count]);
			expect(s.replicas[2]!.state).toEqual(skipped);
			expect(firstDivergence(s, 2)).toBe(changedAtK ? k : null);
			// Flagged while it disagrees; a later rejected withdrawal can bring the balances back together.
			expect(flagged(s)).toEqual(wrongNow ? [['R3', 'diverged', k]] : []);
			outcomes.add(changedAtK ? (wrongNow ? 'flagged' : 'reconverged') : 'unnoticed');
		}

		expect(outcomes).toContain('flagged');
		expect(outcomes).toContain('unnoticed');
	});

	it('even N = 4: three agreeing replicas decide past one fault', () => {
		const s = inputs(sim({model: 'chain', replicas: 4, faults: [{replica: 3, type: 'skip', atIndex: 3}]}), 8);
		const status = quorumStatus(s);
		expect(status).toMatchObject({kind: 'decided', needed: 3, tolerates: 1});
		expect(status.decision?.decided?.count).toBe(3);
		expect(flagged(s)).toEqual([['R4', 'diverged', 3]]);
	});

	it('N = 4: a 2 vs 2 tie has no majority', () => {
		const s = inputs(
			sim({
				model: 'chain',
				replicas: 4,
				faults: [
					{replica: 2, type: 'skip', atIndex: 3},
					{replica: 3, type: 'skip', atIndex: 3},
				],
			}),
			5,
		);
		const status = quorumStatus(s);
		expect(status.kind).toBe('no-majority');
		expect(status.reported).toBe(4);
		expect(names(status.groups).sort()).toEqual([
			['R1', 'R2'],
			['R3', 'R4'],
		]);
		expect(status.decision?.index).toBe(2);
		expect(status.outOfLine).toEqual([]);
	});

	it('N = 4: three different values, the largest only 2, has no majority either', () => {
		let s = inputs(sim({model: 'chain', replicas: 4, seed: 3}), 4);
		s = step(s, {type: 'inject', replica: 2, fault: 'skip'});
		s = step(s, {type: 'inject', replica: 3, fault: 'corrupt'});
		s = inputs(s, 1);
		const status = quorumStatus(s);
		expect(status.kind).toBe('no-majority');
		expect(status.groups.map(group => group.members.length)).toEqual([2, 1, 1]);
	});

	it('everyone crashed: nothing reports, nothing is decided, all are flagged crashed', () => {
		const s = inputs(sim({model: 'bank', faults: [0, 1, 2].map(replica => ({replica, type: 'crash' as const, atIndex: 3}))}), 5);
		const status = quorumStatus(s);
		expect(status.kind).toBe('no-majority');
		expect(status.reported).toBe(0);
		expect(status.groups).toEqual([]);
		expect(status.decision?.index).toBe(2);
		expect(flagged(s)).toEqual(['R1', 'R2', 'R3'].map(name => [name, 'crashed', 3]));
	});

	it('waits while enough replicas are still to report', () => {
		const twoLate = inputs(
			sim({
				model: 'bank',
				faults: [
					{replica: 1, type: 'lag', atIndex: 0},
					{replica: 2, type: 'lag', atIndex: 0},
				],
			}),
			6,
		);
		const status = quorumStatus(twoLate);
		expect(status).toMatchObject({kind: 'waiting', index: 6, reported: 1});
		expect(status.decision?.index).toBe(3);
		expect(flagged(twoLate)).toEqual([
			['R2', 'lagging', 3],
			['R3', 'lagging', 3],
		]);
	});

	it('says no majority as soon as the replicas still to report could not make a majority', () => {
		let s = inputs(sim({model: 'chain', replicas: 5, seed: 3, faults: [{replica: 4, type: 'lag', atIndex: 0}]}), 4);
		s = step(s, {type: 'inject', replica: 1, fault: 'skip'});
		s = step(s, {type: 'inject', replica: 2, fault: 'corrupt'});
		s = step(s, {type: 'inject', replica: 3, fault: 'crash'});
		s = inputs(s, 1);
		// R1, R2, R3 report three different values, R4 is down, R5 is late: 1 + 1 < 3.
		const status = quorumStatus(s);
		expect(status.groups.map(group => group.members.length)).toEqual([1, 1, 1]);
		expect(status.kind).toBe('no-majority');
	});
});
