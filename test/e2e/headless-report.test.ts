import {describe, expect, test} from 'vitest';
import {run, runJson} from './run.js';

const chainStates = ['START', 'STATE1', 'STATE2', 'STATE3', 'STATE4', 'END'];
/** The chain's summary after `applied` transitions, with its round (counted from 1). */
const chainSummary = (applied: number) => `${chainStates[applied % 6]} (round ${Math.floor(applied / 6) + 1})`;
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
		expect(report.quorum).toMatchObject({decided: true, agree: 5, needed: 3, tolerates: 2, value: 'STATE1 (round 2)'});
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
		expect(r2).toMatchObject({status: 'diverged', applied: steps, state: chainAfter(steps - 1), summary: chainSummary(steps - 1), firstDivergence: 10, divergedSince: 10});
		expect(r2!.faults).toEqual([{type: 'skip', beforeInput: 10}]);
		expect(report.quorum).toMatchObject({decided: true, agree: 2, value: chainSummary(steps), digest: r1!.digest});
		expect(report.quorum.flagged).toEqual([{name: 'R2', reason: 'diverged', divergedSince: 10, applied: steps, behind: 0}]);
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

	test('works in a pipe without --json, printing a short summary: a line per replica and the two quorum lines', () => {
		const {code, stdout, stderr} = run(['--steps', '12', '--model', 'chain', '--fault', '2:skip@10']);
		expect(code).toBe(0);
		expect(stderr).toBe('');
		const lines = stdout.trim().split('\n');
		expect(lines).toHaveLength(6);
		expect(lines[2]).toMatch(/^R2 +✗ diverged +applied #12 .* diverged since #10$/);
		expect(lines.at(-1)).toBe('out of line: ✗ R2 diverged since #10');
	});

	test('the summary says what the --json report says, line for line (one core function decides both)', () => {
		for (const args of [
			['--steps', '5', '--model', 'kv', '--fault', '2:skip@3', '--fault', '3:crash@5'],
			['--steps', '30', '--model', 'kv', '--fault', '2:skip@2', '--fault', '3:lag'],
			['--steps', '9', '--model', 'kv', '--replicas', '2', '--fault', '2:reorder'],
		]) {
			const text = run(args).stdout.trim().split('\n');
			const report = JSON.parse(run([...args, '--json']).stdout) as {replicas: Array<{glyph: string; word: string; detail: string}>; quorum: {decisionLine: string; outOfLineLine: string}};
			for (const [i, replica] of report.replicas.entries()) {
				expect(text[i + 1]).toContain(`${replica.glyph} ${replica.word}`);
				expect(text[i + 1]!.endsWith(replica.detail)).toBe(true);
			}

			expect(text.slice(report.replicas.length + 1)).toEqual([report.quorum.decisionLine, report.quorum.outOfLineLine].filter(Boolean));
		}
	});

	test('no majority: nobody is flagged as diverged, in the summary or the report (the TUI says the same)', () => {
		const args = ['--steps', '5', '--model', 'kv', '--fault', '2:skip@3', '--fault', '3:crash@5'];
		const report = JSON.parse(run([...args, '--json']).stdout) as {quorum: {outcome: string; flagged: Array<{reason: string}>; outOfLineLine: string}};
		expect(report.quorum.outcome).toBe('no-majority');
		expect(report.quorum.flagged.map(entry => entry.reason)).toEqual(['crashed']);
		expect(report.quorum.outOfLineLine).toContain('none is called diverged');
		expect(run(args).stdout).not.toMatch(/out of line: .*diverged/);
	});
});
