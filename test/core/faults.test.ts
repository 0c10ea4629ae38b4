import {describe, expect, it} from 'vitest';
import {clockRange, faultForKey, faultInfo, faultTypes, flakyProbability, isFaultType, lagDistance} from '../../source/core/voting/fault.js';
import {quorumStatus} from '../../source/core/voting/quorum.js';
import {replicaStatus} from '../../source/core/voting/replica-status.js';
import {hash4, Stream, unitAt} from '../../source/core/engine/random.js';
import {inputAt, step} from '../../source/core/voting/simulation.js';
import type {ChainState} from '../../source/core/models/chain.js';
import type {SimState} from '../../source/core/voting/types.js';
import {replicaVerdict, transitionSuffix} from '../../source/core/voting/verdict.js';
import {faultFreeDigests, faultFreeStates, firstDivergence, flagged, inputs, model, sim, standing} from './helpers.js';

/** Chain counts every transition it made: rounds·6 + position. */
const chainMoves = (state: unknown) => (state as ChainState).rounds * 6 + (state as ChainState).position;

describe('the fault catalogue', () => {
	it('has one distinct key per fault and maps keys back to faults', () => {
		expect([...faultTypes]).toEqual(['skip', 'flaky', 'corrupt', 'crash', 'lag', 'reorder', 'nondet']);
		const keys = faultTypes.map(type => faultInfo[type].key);
		expect(new Set(keys).size).toBe(faultTypes.length);
		for (const type of faultTypes) {
			expect(faultForKey(faultInfo[type].key)).toBe(type);
			expect(isFaultType(type)).toBe(true);
		}

		expect(faultForKey('z')).toBeUndefined();
		expect(isFaultType('byzantine')).toBe(false);
		expect(flakyProbability).toBe(0.3);
		expect(lagDistance).toBe(3);
	});
});

describe('skip', () => {
	it('skips exactly one transition, then applies normally again', () => {
		let s = sim({model: 'chain', seed: 1});
		s = step(s, {type: 'inject', replica: 1, fault: 'skip'});
		expect(s.replicas[1]!.faults.skipNext).toBe(true);
		s = inputs(s, 10);
		const r2 = s.replicas[1]!;
		expect(r2.applied).toBe(10);
		expect(chainMoves(r2.state)).toBe(9);
		expect(chainMoves(s.replicas[0]!.state)).toBe(10);
		expect(r2.faults.skipNext).toBe(false);
		const skipped = r2.recent.filter(t => t.note === 'skipped');
		expect(skipped.map(t => t.index)).toEqual([1]);
		expect(skipped[0]!.after).toBe(skipped[0]!.before);
	});

	it('scheduled at @INDEX, skips exactly input INDEX', () => {
		const seed = 7;
		const s = inputs(sim({model: 'bank', seed, faults: [{replica: 1, type: 'skip', atIndex: 4}]}), 12);
		const bank = model('bank');
		let expected = bank.initial();
		for (let i = 1; i <= 12; i++) if (i !== 4) expected = bank.apply(expected, inputAt(s, i));
		expect(s.replicas[1]!.state).toEqual(expected);
		expect(s.replicas[1]!.recent.filter(t => t.note === 'skipped').map(t => t.index)).toEqual([4]);
		expect(s.replicas[0]!.state).toEqual(faultFreeStates('bank', seed, 12)[12]);
	});
});

describe('flaky', () => {
	const seed = 5;
	const count = 3000;
	const flakySkips = (id: number, from: number, to: number) => {
		const skips: number[] = [];
		for (let i = from; i <= to; i++) if (unitAt(seed, Stream.flaky, id, i) < flakyProbability) skips.push(i);
		return skips;
	};

	it('skips each transition with probability 0.3, from the seed', () => {
		const s = inputs(sim({model: 'chain', seed, faults: [{replica: 2, type: 'flaky', atIndex: 0}]}), count);
		const r3 = s.replicas[2]!;
		expect(r3.applied).toBe(count);
		const skipped = count - chainMoves(r3.state);
		expect(skipped).toBe(flakySkips(2, 1, count).length);
		expect(skipped / count).toBeGreaterThan(0.27);
		expect(skipped / count).toBeLessThan(0.33);
		// The transitions still on show are skipped exactly where the seeded draw says so.
		const shown = r3.recent.map(t => t.index);
		expect(r3.recent.filter(t => t.note === 'skipped').map(t => t.index)).toEqual(flakySkips(2, shown[0]!, count));
		// It stays on: the fault is still armed after thousands of inputs.
		expect(r3.faults.flaky).toBe(true);
	});

	it('is deterministic, and one replica’s faults never shift another’s draws', () => {
		const plain = inputs(sim({model: 'chain', seed, faults: [{replica: 2, type: 'flaky', atIndex: 0}]}), 500);
		const again = inputs(sim({model: 'chain', seed, faults: [{replica: 2, type: 'flaky', atIndex: 0}]}), 500);
		const busy = inputs(
			sim({
				model: 'chain',
				seed,
				faults: [
					{replica: 0, type: 'corrupt', atIndex: 3},
					{replica: 1, type: 'flaky', atIndex: 0},
					{replica: 2, type: 'flaky', atIndex: 0},
				],
			}),
			500,
		);
		expect(again.replicas[2]!.state).toEqual(plain.replicas[2]!.state);
		expect(busy.replicas[2]!.state).toEqual(plain.replicas[2]!.state);
		// Two flaky replicas draw separately, so they skip different transitions.
		expect(flakySkips(1, 1, 500)).not.toEqual(flakySkips(2, 1, 500));
		expect(500 - chainMoves(busy.replicas[1]!.state)).toBe(flakySkips(1, 1, 500).length);
	});
});

describe('corrupt', () => {
	for (const name of ['bank', 'chain', 'kv']) {
		it(`silently alters a ${name} replica's state and digest, and nothing else`, () => {
			const before = inputs(sim({model: name, seed: 3}), 5);
			const after = step(before, {type: 'inject', replica: 1, fault: 'corrupt'});
			const m = model(name);
			const r2 = after.replicas[1]!;
			expect(r2.state).not.toEqual(before.replicas[1]!.state);
			expect(r2.digest).toBe(m.digest(r2.state));
			expect(r2.digest).not.toBe(before.replicas[1]!.digest);
			expect(r2.applied).toBe(5);
			expect(r2.recent.at(-1)?.note).toBe('corrupted');
			expect(after.index).toBe(5);
			expect(after.replicas[0]).toEqual(before.replicas[0]);
			expect(after.replicas[2]).toEqual(before.replicas[2]);
		});
	}

	it('is caught by the voter at once: the replica re-reports its state for the input it is at, and that vote is decided again', () => {
		let s = inputs(sim({model: 'chain', seed: 3}), 5);
		s = step(s, {type: 'inject', replica: 1, fault: 'corrupt'});
		expect(flagged(s)).toEqual([['R2', 'diverged', 5]]);
		expect(quorumStatus(s).decision?.decided?.count).toBe(2);
		s = inputs(s, 1);
		expect(flagged(s)).toEqual([['R2', 'diverged', 5]]);
	});

	it('draws afresh each time', () => {
		let s = inputs(sim({model: 'kv', seed: 3, replicas: 1}), 5);
		const corrupted = new Set<string>();
		for (let i = 0; i < 10; i++) {
			s = step(s, {type: 'inject', replica: 0, fault: 'corrupt'});
			corrupted.add(JSON.stringify(s.replicas[0]!.state));
		}

		expect(corrupted.size).toBeGreaterThan(1);
	});
});

describe('crash', () => {
	it('stops applying inputs; the others carry on and still decide', () => {
		const seed = 7;
		let s = inputs(sim({model: 'bank', seed}), 5);
		s = step(s, {type: 'inject', replica: 2, fault: 'crash'});
		s = inputs(s, 10);
		const r3 = s.replicas[2]!;
		const expected = faultFreeStates('bank', seed, 15);
		expect(r3.crashed).toBe(true);
		expect(r3.applied).toBe(5);
		expect(r3.state).toEqual(expected[5]);
		expect(r3.recent.at(-1)?.index).toBe(5);
		expect(replicaStatus(s, r3).word).toBe('crashed');
		const status = quorumStatus(s);
		expect(status.kind).toBe('decided');
		expect(status.reported).toBe(2);
		expect(status.decision?.decided?.state).toEqual(expected[15]);
		expect(flagged(s)).toEqual([['R3', 'crashed', 10]]);
	});
});

describe('lag', () => {
	const seed = 7;

	it(`applies inputs ${lagDistance} behind, correctly, and is never called diverged`, () => {
		const expected = faultFreeStates('bank', seed, 30);
		let s = step(sim({model: 'bank', seed}), {type: 'inject', replica: 1, fault: 'lag'});
		for (let index = 1; index <= 30; index++) {
			s = inputs(s, 1);
			const r2 = s.replicas[1]!;
			const applied = Math.max(0, index - lagDistance);
			expect(r2.applied).toBe(applied);
			expect(r2.state).toEqual(expected[applied]);
			expect(firstDivergence(s, 1)).toBeNull();
			expect(flagged(s)).toEqual([['R2', 'lagging', index - applied]]);
		}

		const r2 = s.replicas[1]!;
		expect(standing(s, 1)).toMatchObject({checked: 27, agrees: true});
		expect(r2.recent.at(-1)).toMatchObject({index: 27, note: 'late'});
		const status = replicaStatus(s, r2);
		expect(status.word).toBe('lag 3');
		expect(status.glyph).not.toBe('✗');
		// The vote on its latest report stays open (its status reads it; a corruption re-reports to it), and so do the ones it has still to join, decided by the two on time.
		expect(s.votes.map(vote => vote.index)).toEqual([27, 28, 29, 30]);
		for (const vote of s.votes.slice(1)) {
			expect(vote.digests[1]).toBeUndefined();
			expect(vote.decided?.count).toBe(2);
		}
	});

	it('does not hide a wrong value: a late wrong digest is flagged when it arrives', () => {
		// The skip arms when input 5 arrives; R2, 3 behind, skips its own next transition: #2.
		let s = sim({
			model: 'chain',
			seed,
			faults: [
				{replica: 1, type: 'lag', atIndex: 0},
				{replica: 1, type: 'skip', atIndex: 5},
			],
		});
		s = inputs(s, 4);
		expect(s.replicas[1]!.applied).toBe(1);
		expect(flagged(s)).toEqual([['R2', 'lagging', 3]]);
		s = inputs(s, 1);
		expect(s.replicas[1]!.applied).toBe(2);
		expect(s.replicas[1]!.recent.at(-1)).toMatchObject({index: 2, note: 'skipped'});
		expect(firstDivergence(s, 1)).toBe(2);
		expect(flagged(s)).toEqual([['R2', 'diverged', 2]]);
	});

	it('ends in the same state as everyone else once repaired', () => {
		let s = inputs(sim({model: 'bank', seed, faults: [{replica: 1, type: 'lag', atIndex: 0}]}), 30);
		s = step(s, {type: 'repair', replica: 1});
		const r2 = s.replicas[1]!;
		expect(r2.applied).toBe(30);
		expect(r2.faults.lag).toBe(false);
		expect(r2.state).toEqual(faultFreeStates('bank', seed, 30)[30]);
		expect(r2.recent.slice(-3).map(t => [t.index, t.note])).toEqual([
			[28, 'replayed'],
			[29, 'replayed'],
			[30, 'replayed'],
		]);
		expect(quorumStatus(s).outOfLine).toEqual([]);
		s = inputs(s, 5);
		expect(s.replicas[1]!.applied).toBe(35);
		expect(quorumStatus(s).outOfLine).toEqual([]);
	});
});

describe('reorder', () => {
	/** The state after the inputs of `upTo` (even) applied pairwise swapped: 2,1,4,3,… */
	const swapped = (s: SimState, upTo: number) => {
		let state = s.model.initial();
		for (let i = 2; i <= upTo; i += 2) state = s.model.apply(s.model.apply(state, inputAt(s, i)), inputAt(s, i - 1));
		return state;
	};

	it('receives each pair of inputs swapped', () => {
		let s = inputs(sim({model: 'kv', seed: 3, faults: [{replica: 2, type: 'reorder', atIndex: 0}]}), 6);
		const r3 = s.replicas[2]!;
		expect(r3.recent.map(t => t.index)).toEqual([2, 1, 4, 3, 6, 5]);
		expect(r3.recent.map(t => t.note)).toEqual(['early', 'late', 'early', 'late', 'early', 'late']);
		expect(r3.state).toEqual(swapped(s, 6));
		// With half a pair in hand it waits for the other half.
		s = inputs(s, 1);
		expect(s.replicas[2]!.applied).toBe(6);
	});

	it('cannot hurt the chain, whose steps all commute', () => {
		let s = sim({model: 'chain', seed: 3, faults: [{replica: 2, type: 'reorder', atIndex: 0}]});
		for (let i = 1; i <= 60; i++) {
			s = inputs(s, 1);
			expect(firstDivergence(s, 2)).toBeNull();
			expect(quorumStatus(s).outOfLine.every(entry => entry.reason !== 'diverged')).toBe(true);
		}
	});

	it('makes a bank replica diverge for some seed, at the first pair whose swap changes the balance', () => {
		const count = 40;
		let found = 0;
		for (let seed = 1; seed <= 30; seed++) {
			const s = inputs(sim({model: 'bank', seed, faults: [{replica: 2, type: 'reorder', atIndex: 0}]}), count);
			const right = faultFreeDigests('bank', seed, count);
			let expectedDivergence: number | null = null;
			for (let i = 2; i <= count && expectedDivergence === null; i += 2) {
				if (s.model.digest(swapped(s, i)) !== right[i]) expectedDivergence = i;
			}

			expect(firstDivergence(s, 2)).toBe(expectedDivergence);
			expect(firstDivergence(s, 0)).toBeNull();
			if (expectedDivergence !== null) found++;
		}

		expect(found).toBeGreaterThan(0);
	});
});

describe('nondet', () => {
	it('reads a simulated clock, drawn from the seed per replica and input, and diverges with no fault in its inputs', () => {
		for (const name of ['bank', 'chain', 'kv']) {
			const seed = 13;
			const s = inputs(sim({model: name, seed, faults: [{replica: 1, type: 'nondet', atIndex: 0}]}), 30);
			const m = model(name);
			const r2 = s.replicas[1]!;
			// No input was skipped, reordered or late: every transition applied its own input, reading the clock.
			expect(r2.recent.map(t => t.index)).toEqual(Array.from({length: 30}, (_, i) => i + 1));
			for (const t of r2.recent) {
				expect(t.note).toBe('nondet');
				expect(t.reading).toBe(hash4(seed, Stream.clock, 1, t.index) % clockRange);
				expect(t.after).toEqual(m.applyReadingClock(t.before, t.input, t.reading!));
			}

			expect(r2.digest, name).not.toBe(faultFreeDigests(name, seed, 30)[30]);
			expect(firstDivergence(s, 1)).not.toBeNull();
			expect(s.replicas[0]!.state).toEqual(faultFreeStates(name, seed, 30)[30]);
		}
	});

	it('is deterministic, and two non-deterministic replicas read different clocks', () => {
		const config = {model: 'bank', seed: 4, faults: [1, 2].map(replica => ({replica, type: 'nondet' as const, atIndex: 0}))};
		const once = inputs(sim(config), 40);
		const again = inputs(sim(config), 40);
		expect(again.replicas.map(replica => replica.state)).toEqual(once.replicas.map(replica => replica.state));
		expect(once.replicas[1]!.recent.map(t => t.reading)).not.toEqual(once.replicas[2]!.recent.map(t => t.reading));
	});

	it('says what it read, on the history line and in its status', () => {
		const s = inputs(sim({model: 'chain', seed: 2, faults: [{replica: 0, type: 'nondet', atIndex: 0}]}), 3);
		const last = s.replicas[0]!.recent.at(-1)!;
		expect(replicaVerdict(s, s.replicas[0]!).detail).toContain(`reads the clock: #3 read ${last.reading} ms`);
		expect(transitionSuffix(last)).toBe(` (clock ${last.reading})`);
	});
});
