import {describe, expect, it} from 'vitest';
import {historyLimit} from '../../source/core/voting/limits.js';
import {hexDigest, report, traceLine} from '../../source/core/voting/report.js';
import {step} from '../../source/core/voting/simulation.js';
import {faultFreeStates, inputs, model, sim} from './helpers.js';

describe('hexDigest', () => {
	it('is eight lower-case hex digits', () => {
		expect(hexDigest(0)).toBe('00000000');
		expect(hexDigest(0xa_bc)).toBe('00000abc');
		expect(hexDigest(0xff_ff_ff_ff)).toBe('ffffffff');
	});
});

describe('report', () => {
	// chain, seed 7, R2 skips input 4: after 10 inputs the others are 10 moves on (STATE4, round 1), R2 only 9 (STATE3).
	const seed = 7;
	const chain = model('chain');
	const run = () => inputs(sim({model: 'chain', seed, faults: [{replica: 1, type: 'skip', atIndex: 4}]}), 10);
	const right = faultFreeStates('chain', seed, 10)[10];
	const wrong = faultFreeStates('chain', seed, 9)[9];

	it('says what ran, what each replica holds and what the majority decided', () => {
		const r = report(run());
		expect(right).toEqual({position: 4, rounds: 1});
		expect(r).toMatchObject({seed: 7, model: 'chain', replicaCount: 3, inputs: 10});
		expect(r.replicas.map(replica => replica.name)).toEqual(['R1', 'R2', 'R3']);
		expect(r.replicas.map(replica => replica.applied)).toEqual([10, 10, 10]);
		expect(r.replicas.map(replica => replica.state)).toEqual([right, wrong, right]);
		expect(r.replicas.map(replica => replica.summary)).toEqual(['STATE4 (round 2)', 'STATE3 (round 2)', 'STATE4 (round 2)']);
		expect(r.replicas.map(replica => replica.digest)).toEqual([right, wrong, right].map(state => hexDigest(chain.digest(state))));
		expect(r.replicas.map(replica => replica.status)).toEqual(['ok', 'diverged', 'ok']);
		expect(r.replicas.map(replica => replica.firstDivergence)).toEqual([null, 4, null]);
		expect(r.replicas.map(replica => replica.divergedSince)).toEqual([null, 4, null]);
		expect(r.replicas.map(replica => replica.agreesSince)).toEqual([0, null, 0]);
		expect(r.replicas.map(replica => replica.checkedAt)).toEqual([10, 10, 10]);
		expect(r.replicas[1]!.detail).toBe('diverged since #4');
		// Scheduled @4: injected just before input 4 arrived.
		expect(r.replicas.map(replica => replica.faults)).toEqual([[], [{type: 'skip', beforeInput: 4}], []]);
		expect(r.quorum).toEqual({
			index: 10,
			outcome: 'decided',
			decided: true,
			agree: 2,
			needed: 2,
			tolerates: 1,
			value: 'STATE4 (round 2)',
			digest: hexDigest(chain.digest(right)),
			values: [
				{replicas: ['R1', 'R3'], value: 'STATE4 (round 2)', digest: hexDigest(chain.digest(right))},
				{replicas: ['R2'], value: 'STATE3 (round 2)', digest: hexDigest(chain.digest(wrong))},
			],
			cannotReport: [],
			flagged: [{name: 'R2', reason: 'diverged', divergedSince: 4, applied: 10, behind: 0}],
			decisionLine: `quorum #10 ✓ 2 of 3 agree on ${hexDigest(chain.digest(right)).slice(0, 4)} (STATE4 (round 2)) · tolerates 1 fault`,
			outOfLineLine: 'out of line: ✗ R2 diverged since #4',
		});
	});

	it('is plain JSON', () => {
		const r = report(run());
		expect(JSON.parse(JSON.stringify(r))).toEqual(r);
	});

	it('with no majority says so: no value, no digest, nobody agreeing', () => {
		const r = report(inputs(sim({model: 'chain', replicas: 2, faults: [{replica: 1, type: 'skip', atIndex: 0}]}), 3));
		expect(r.quorum).toMatchObject({outcome: 'no-majority', decided: false, agree: 0, value: null, digest: null, needed: 2, tolerates: 0});
		expect(r.quorum.values.map(value => value.replicas)).toHaveLength(2);
	});

	it('stays bounded however many faults and inputs there were', () => {
		let s = sim({model: 'kv', seed});
		for (let i = 0; i < 100; i++) s = step(inputs(s, 5), {type: 'inject', replica: 0, fault: 'corrupt'});
		const r = report(s);
		expect(r.inputs).toBe(500);
		expect(r.replicas[0]!.faults.length).toBe(historyLimit);
		expect(r.replicas[0]!.faults.at(-1)).toEqual({type: 'corrupt', beforeInput: 501});
	});
});

describe('traceLine', () => {
	it('gives the input, each replica’s result and the vote at the current index', () => {
		let s = inputs(sim({model: 'chain', seed: 7, faults: [{replica: 1, type: 'skip', atIndex: 4}]}), 3);
		s = step(s, {type: 'inject', replica: 2, fault: 'crash'});
		s = inputs(s, 1);
		const line = traceLine(s);
		expect(line.index).toBe(4);
		expect(line.input).toBe('next');
		expect(line.replicas).toEqual([
			{name: 'R1', status: 'no-majority', applied: 4, digest: hexDigest(model('chain').digest({position: 4, rounds: 0})), summary: 'STATE4 (round 1)', crashed: false},
			{name: 'R2', status: 'no-majority', applied: 4, digest: hexDigest(model('chain').digest({position: 3, rounds: 0})), summary: 'STATE3 (round 1)', note: 'skipped', crashed: false},
			{name: 'R3', status: 'crashed', applied: 3, digest: hexDigest(model('chain').digest({position: 3, rounds: 0})), summary: 'STATE3 (round 1)', crashed: true},
		]);
		// R1 and R2 differ and R3 cannot report: nothing can be decided, and nobody is called diverged.
		expect(line.vote).toEqual({outcome: 'no-majority', agree: 0, value: null, flagged: ['R3']});
		expect(JSON.parse(JSON.stringify(line))).toEqual(line);
	});
});
