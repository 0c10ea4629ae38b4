/**
 * Issue 17 item 7: a corruption of a replica that has not reported the latest
 * input (lag, reorder) is re-reported for the input it is at, like any other,
 * and the vote there judges it at once.
 */
import {describe, expect, it} from 'vitest';
import {report} from '../../../source/core/voting/report.js';
import {step} from '../../../source/core/voting/simulation.js';
import {verdicts} from '../../../source/core/voting/verdict.js';
import {inputs, sim} from '../helpers.js';

describe('issue 17 item 7: corrupting a lagging or reordering replica is re-reported', () => {
	it('--seed 7 --fault 3:lag, keys s×5 then 3 f c: R3 is diverged since #2, where #2 was decided, and the quorum line says so', () => {
		let s = inputs(sim({seed: 7, faults: [{replica: 2, type: 'lag', atIndex: 0}]}), 5);
		expect(s.replicas[2]!.applied).toBe(2);
		s = step(s, {type: 'inject', replica: 2, fault: 'corrupt'});
		const {replicas, vote} = verdicts(s);
		expect(replicas[2]!.kind).toBe('diverged');
		expect(replicas[2]!.detail).toMatch(/^diverged since #2 · /);
		expect(vote.outOfLine.text).toBe('out of line: ✗ R3 diverged since #2');
		// One step later it still dates the divergence from #2.
		s = inputs(s, 1);
		expect(verdicts(s).vote.outOfLine.text).toBe('out of line: ✗ R3 diverged since #2');
	});

	it('headless: --steps 6 --seed 7 --fault 3:lag --fault 3:corrupt@6', () => {
		const s = inputs(sim({seed: 7, faults: [{replica: 2, type: 'lag', atIndex: 0}, {replica: 2, type: 'corrupt', atIndex: 6}]}), 6);
		const r3 = report(s).replicas[2]!;
		expect([r3.status, r3.divergedSince, r3.firstDivergence]).toEqual(['diverged', 2, 2]);
	});

	it('a reordering replica, corrupted while it holds an input back, is judged at the input it is at', () => {
		// R3 reorders from #1: after 3 inputs it has applied #1–#2 and holds #3 back.
		let s = inputs(sim({seed: 7, faults: [{replica: 2, type: 'reorder', atIndex: 0}]}), 3);
		expect(s.replicas[2]!.applied).toBe(2);
		s = step(s, {type: 'inject', replica: 2, fault: 'corrupt'});
		const r3 = report(s).replicas[2]!;
		expect([r3.status, r3.checkedAt, r3.divergedSince]).toEqual(['diverged', 2, 2]);
	});
});
