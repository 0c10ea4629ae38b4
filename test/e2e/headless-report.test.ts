import {describe, expect, test} from 'vitest';
import {run, runJson} from './run.js';

const chainStates = ['START', 'STATE1', 'STATE2', 'STATE3', 'STATE4', 'END'];
/** The chain model after `applied` transitions: every input moves one state on. */
const chainAfter = (applied: number) => ({position: applied % 6, rounds: Math.floor(applied / 6)});

describe('headless --steps N --json', () => {
	test('prints one parseable report with the run, each replica and the quorum', () => {
		const report = runJson(['--steps', '25', '--seed', '42']);
		expect(report).toMatchObject({seed: 42, model: 'bank', replicaCount: 3, inputs: 25});
		expect(report.replicas.map(replica => replica.name)).toEqual(['R1', 'R2', 'R3']);
		for (const replica of report.replicas) {
			expect(replica).toMatchObject({status: 'ok', applied: 25, faults: [], firstDivergence: null});
			expect(replica.state).toBeTypeOf('object');
			expect(replica.digest).toMatch(/^[\da-f]{8}$/);
		}

		expect(new Set(report.replicas.map(replica => replica.digest)).size).toBe(1);
		expect(report.quorum).toMatchObject({index: 25, decided: true, agree: 3, needed: 2, tolerates: 1, flagged: []});
		expect(report.quorum.digest).toBe(report.replicas[0]!.digest);
	});

	test('honours --replicas and --model, naming replicas R1..RN', () => {
		const report = runJson(['--steps', '7', '--replicas', '5', '--model', 'chain']);
		expect(report.replicaCount).toBe(5);
		expect(report.model).toBe('chain');
		expect(report.replicas.map(replica => replica.name)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
		for (const replica of report.replicas) expect(replica.state).toEqual(chainAfter(7));
		expect(report.quorum).toMatchObject({decided: true, agree: 5, needed: 3, tolerates: 2, value: 'STATE1'});
	});

	test('the same seed gives byte-identical JSON; a different seed differs', () => {
		const args = ['--steps', '500', '--seed', '7', '--json', '--fault', '3:flaky@20'];
		const first = run(args);
		const second = run(args);
		expect(first.code).toBe(0);
		expect(second.stdout).toBe(first.stdout);
		const other = run(['--steps', '500', '--seed', '8', '--json', '--fault', '3:flaky@20']);
		expect(other.code).toBe(0);
		expect(other.stdout).not.toBe(first.stdout);
		expect(JSON.parse(other.stdout).replicas[0].digest).not.toBe(JSON.parse(first.stdout).replicas[0].digest);
	});

	test('--fault 2:skip@10 on the chain model flags R2 as diverged at exactly #10', () => {
		const steps = 20;
		const report = runJson(['--steps', String(steps), '--model', 'chain', '--fault', '2:skip@10']);
		const [r1, r2, r3] = report.replicas;
		expect(r1).toMatchObject({status: 'ok', state: chainAfter(steps), firstDivergence: null});
		expect(r3).toMatchObject({status: 'ok', state: chainAfter(steps), firstDivergence: null});
		// R2 skipped input 10, so it is one transition behind from then on, though it applied every index.
		expect(r2).toMatchObject({status: 'diverged', applied: steps, state: chainAfter(steps - 1), summary: chainStates[(steps - 1) % 6], firstDivergence: 10});
		expect(r2!.faults.map(fault => fault.type)).toEqual(['skip']);
		expect(report.quorum).toMatchObject({decided: true, agree: 2, value: chainStates[steps % 6], digest: r1!.digest});
		expect(report.quorum.flagged).toEqual([{name: 'R2', reason: 'diverged', at: 10}]);
	});

	test('a fault before input 10 has no effect on the report of a 9-input run', () => {
		const clean = run(['--steps', '9', '--model', 'chain', '--json']);
		const report = runJson(['--steps', '9', '--model', 'chain', '--fault', '2:skip@10']);
		expect(report.quorum.flagged).toEqual([]);
		expect(report.replicas[1]!.state).toEqual(JSON.parse(clean.stdout).replicas[1].state);
	});

	test('the report stays small however many inputs ran', () => {
		const small = run(['--steps', '100', '--json', '--fault', '2:crash@50']);
		const large = run(['--steps', '100000', '--json', '--fault', '2:crash@50']);
		expect(small.code).toBe(0);
		expect(large.code).toBe(0);
		expect(JSON.parse(large.stdout).inputs).toBe(100_000);
		// Only the numbers get longer; nothing in the report grows with N.
		expect(Math.abs(large.stdout.length - small.stdout.length)).toBeLessThan(100);
		expect(large.stdout.length).toBeLessThan(5000);
	});

	test('works in a pipe without --json, printing a short summary', () => {
		const {code, stdout, stderr} = run(['--steps', '12', '--model', 'chain', '--fault', '2:skip@10']);
		expect(code).toBe(0);
		expect(stderr).toBe('');
		expect(stdout).toContain('R2 diverged at #10');
		expect(stdout.trim().split('\n')).toHaveLength(5);
	});
});
