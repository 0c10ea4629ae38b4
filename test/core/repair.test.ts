import {describe, expect, it} from 'vitest';
import {quorumStatus} from '../../source/core/voting/quorum.js';
import {replicaStatus} from '../../source/core/voting/replica-status.js';
import {step} from '../../source/core/voting/simulation.js';
import {faultFreeStates, flagged, inputs, sim, standing} from './helpers.js';

describe('repair of a crashed replica', () => {
	const seed = 7;

	it('catches up by replaying exactly the inputs it missed', () => {
		let s = inputs(sim({model: 'bank', seed}), 5);
		s = step(s, {type: 'inject', replica: 2, fault: 'crash'});
		s = inputs(s, 15);
		s = step(s, {type: 'repair', replica: 2});
		const r3 = s.replicas[2]!;
		expect(r3.crashed).toBe(false);
		expect(r3.applied).toBe(20);
		expect(r3.state).toEqual(faultFreeStates('bank', seed, 20)[20]);
		const replayed = r3.recent.filter(t => t.note === 'replayed').map(t => t.index);
		expect(replayed).toEqual(Array.from({length: 15}, (_, i) => i + 6));
		expect(r3.recent.some(t => t.note === 'transfer')).toBe(false);
		expect(r3.history).toEqual([
			{type: 'crash', beforeInput: 6},
			{type: 'repair', beforeInput: 21},
		]);
		expect(s.events.at(-1)?.text).toBe('R3: restarted, replayed 15 missed inputs, agrees with the majority at #20 (3 of 3)');
		expect(quorumStatus(s).outOfLine).toEqual([]);
		expect(replicaStatus(s, r3).word).toBe('ok');
	});

	it('catches up even when the votes it missed have long been closed', () => {
		let s = inputs(sim({model: 'kv', seed, faults: [{replica: 0, type: 'crash', atIndex: 3}]}), 300);
		expect(s.votes.length).toBeLessThanOrEqual(64);
		s = step(s, {type: 'repair', replica: 0});
		expect(s.replicas[0]!.applied).toBe(300);
		expect(s.replicas[0]!.state).toEqual(faultFreeStates('kv', seed, 300)[300]);
		expect(standing(s, 0)).toMatchObject({checked: 300, agrees: true});
		expect(quorumStatus(s).outOfLine).toEqual([]);
	});

	it('replays without needing a majority: even when everyone crashed', () => {
		let s = sim({model: 'bank', seed, faults: [0, 1, 2].map(replica => ({replica, type: 'crash' as const, atIndex: 0}))});
		s = inputs(s, 8);
		expect(s.lastDecision?.index).toBe(0);
		s = step(s, {type: 'repair', replica: 0});
		expect(s.replicas[0]!.applied).toBe(8);
		expect(s.replicas[0]!.state).toEqual(faultFreeStates('bank', seed, 8)[8]);
	});
});

describe('repair of a diverged replica', () => {
	const seed = 4;

	it('transfers the majority’s state', () => {
		let s = inputs(sim({model: 'chain', seed, faults: [{replica: 1, type: 'skip', atIndex: 3}]}), 10);
		expect(flagged(s)).toEqual([['R2', 'diverged', 3]]);
		s = step(s, {type: 'repair', replica: 1});
		const r2 = s.replicas[1]!;
		const right = faultFreeStates('chain', seed, 15);
		expect(r2.state).toEqual(right[10]);
		expect(r2.recent.at(-1)).toMatchObject({index: 10, note: 'transfer', after: right[10]});
		// What it did is kept: it agrees again now, after disagreeing from #3 to #9.
		expect(standing(s, 1)).toEqual({checked: 10, agrees: true, runStart: 10, firstDivergence: 3, lastDivergence: {from: 3, to: 9}});
		expect(s.events.at(-1)?.text).toBe("R2: copied the majority's state at #10 (2 of 3 agree)");
		expect(quorumStatus(s).outOfLine).toEqual([]);
		expect(quorumStatus(s).decision?.decided?.count).toBe(3);
		s = inputs(s, 5);
		expect(s.replicas[1]!.state).toEqual(right[15]);
		expect(quorumStatus(s).outOfLine).toEqual([]);
	});

	it('transfers when replaying what it missed would not be enough (crashed while corrupted)', () => {
		let s = inputs(sim({model: 'bank', seed}), 4);
		s = step(s, {type: 'inject', replica: 2, fault: 'corrupt'});
		s = step(s, {type: 'inject', replica: 2, fault: 'crash'});
		s = inputs(s, 6);
		s = step(s, {type: 'repair', replica: 2});
		expect(s.replicas[2]!.state).toEqual(faultFreeStates('bank', seed, 10)[10]);
		expect(s.replicas[2]!.recent.at(-1)?.note).toBe('transfer');
		expect(quorumStatus(s).outOfLine).toEqual([]);
	});

	it('disarms pending faults (skip, flaky, reorder, lag)', () => {
		let s = inputs(sim({model: 'kv', seed}), 3);
		for (const fault of ['skip', 'flaky', 'reorder', 'lag'] as const) s = step(s, {type: 'inject', replica: 0, fault});
		s = step(s, {type: 'repair', replica: 0});
		expect(s.replicas[0]!.faults).toEqual({skipNext: false, flaky: false, lag: false, reorder: false, nondet: false});
		s = inputs(s, 20);
		expect(s.replicas[0]!.state).toEqual(faultFreeStates('kv', seed, 23)[23]);
	});

	it('restores the initial state before the first input, which every replica agrees on', () => {
		let s = sim({model: 'chain', seed, faults: [{replica: 1, type: 'corrupt', atIndex: 0}]});
		expect(s.replicas[1]!.state).not.toEqual(s.replicas[0]!.state);
		s = step(s, {type: 'repair', replica: 1});
		expect(s.replicas[1]!.state).toEqual(s.replicas[0]!.state);
		s = inputs(s, 3);
		expect(quorumStatus(s).outOfLine).toEqual([]);
	});
});

describe('repair with no majority', () => {
	it('copies nothing: it rebuilds the replica by replaying the input log from #1, and says so', () => {
		// Two replicas, R2 skips input 3: from then on no index has a majority.
		let s = inputs(sim({model: 'chain', replicas: 2, seed: 1, faults: [{replica: 1, type: 'skip', atIndex: 3}]}), 5);
		expect(quorumStatus(s).kind).toBe('no-majority');
		s = step(s, {type: 'repair', replica: 1});
		const r2 = s.replicas[1]!;
		expect(r2.state).toEqual(faultFreeStates('chain', 1, 5)[5]);
		expect(r2.recent.at(-1)).toMatchObject({index: 5, note: 'rebuilt'});
		expect(r2.recent.some(t => t.note === 'transfer')).toBe(false);
		expect(s.events.at(-1)?.text).toBe('R2: no majority at #5 to copy: rebuilt from the input log #1–#5 replayed');
		// Now both report the same state for #5: a real majority of 2.
		expect(quorumStatus(s)).toMatchObject({kind: 'decided', index: 5});
	});

	it('leaves a replica that matches the log alone, and says why', () => {
		let s = inputs(sim({model: 'chain', replicas: 2, seed: 1, faults: [{replica: 1, type: 'skip', atIndex: 3}]}), 5);
		const before = s.replicas[0];
		s = step(s, {type: 'repair', replica: 0});
		expect(s.replicas[0]).toBe(before);
		expect(s.events.at(-1)?.text).toBe('R1: nothing to repair: no majority at #5, but it matches the input log #1–#5 replayed');
		expect(quorumStatus(s).kind).toBe('no-majority');
	});
});

describe('repair of a replica that needs nothing', () => {
	it('says so, instead of "repaired", and changes nothing', () => {
		let s = inputs(sim({model: 'bank', seed: 7}), 6);
		const before = s.replicas;
		s = step(s, {type: 'repair', replica: 2});
		expect(s.replicas).toEqual(before);
		expect(s.replicas[2]!.history).toEqual([]);
		expect(s.events.at(-1)?.text).toBe('R3: nothing to repair: agrees with the majority at #6 (3 of 3)');
	});
});
