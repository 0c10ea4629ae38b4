import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {run} from './run.js';

type TraceLine = {
	kind: string;
	index: number;
	input: string;
	replicas: Array<{name: string; status: string; applied: number; digest: string; summary: string; note?: string; crashed: boolean}>;
	vote: {outcome: string; agree: number; value: string | null; flagged: string[]};
};

const folder = mkdtempSync(path.join(tmpdir(), 'replica-tui-e2e-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

function trace(name: string, args: readonly string[]): TraceLine[] {
	const file = path.join(folder, name);
	const result = run([...args, '--trace', file]);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	const text = readFileSync(file, 'utf8');
	expect(text.endsWith('\n')).toBe(true);
	const [start, ...inputs] = text.trimEnd().split('\n').map(line => JSON.parse(line) as TraceLine);
	// The start line: every replica in its initial state, before any input.
	expect(start).toMatchObject({kind: 'start', index: 0, input: null});
	expect(start!.replicas.every(replica => replica.applied === 0)).toBe(true);
	return inputs;
}

describe('--trace FILE', () => {
	test('writes the start line, then exactly N JSON lines: index 1..N, the input, each replica and the vote', () => {
		const lines = trace('plain.jsonl', ['--steps', '50', '--seed', '3', '--replicas', '4']);
		expect(lines).toHaveLength(50);
		for (const [i, line] of lines.entries()) {
			expect(line.kind).toBe('input');
			expect(line.index).toBe(i + 1);
			expect(line.input).toMatch(/^(deposit|withdraw) \d+$/);
			expect(line.replicas.map(replica => replica.name)).toEqual(['R1', 'R2', 'R3', 'R4']);
			for (const replica of line.replicas) {
				expect(replica.applied).toBe(i + 1);
				expect(replica.digest).toMatch(/^[\da-f]{8}$/);
				expect(replica.summary).toMatch(/^balance \d+$/);
				expect(replica).toMatchObject({status: 'ok', crashed: false});
			}

			expect(line.vote).toEqual({outcome: 'decided', agree: 4, value: line.replicas[0]!.summary, flagged: []});
		}
	});

	test('the trace ends where the --json report does', () => {
		const file = path.join(folder, 'with-report.jsonl');
		const result = run(['--steps', '30', '--model', 'kv', '--json', '--trace', file]);
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout);
		const last = JSON.parse(readFileSync(file, 'utf8').trimEnd().split('\n').at(-1)!) as TraceLine;
		expect(last.index).toBe(30);
		expect(last.replicas.map(replica => replica.digest)).toEqual(report.replicas.map((replica: {digest: string}) => replica.digest));
	});

	test('--fault 2:skip@10 shows in the trace at #10, and the report agrees', () => {
		const clean = trace('bank-clean.jsonl', ['--steps', '20']);
		const faulty = trace('bank-skip.jsonl', ['--steps', '20', '--fault', '2:skip@10']);
		expect(faulty.slice(0, 9)).toEqual(clean.slice(0, 9));
		const at10 = faulty[9]!;
		expect(at10.replicas[1]).toMatchObject({name: 'R2', note: 'skipped', summary: clean[8]!.replicas[1]!.summary});
		// A skip diverges at once exactly when input 10 changes the balance (a rejected withdrawal does not).
		const inputTenChangesState = clean[9]!.replicas[0]!.digest !== clean[8]!.replicas[0]!.digest;
		const report = run(['--steps', '20', '--fault', '2:skip@10', '--json']);
		const r2 = JSON.parse(report.stdout).replicas[1];
		if (inputTenChangesState) {
			expect(at10.vote).toMatchObject({outcome: 'decided', agree: 2, flagged: ['R2']});
			expect(r2.firstDivergence).toBe(10);
		} else {
			expect(r2.firstDivergence === null || r2.firstDivergence > 10).toBe(true);
		}
	});

	test('on the chain model R2 is flagged from #10 on, in every line', () => {
		const lines = trace('chain-skip.jsonl', ['--steps', '15', '--model', 'chain', '--fault', '2:skip@10']);
		for (const line of lines) {
			expect(line.vote.flagged).toEqual(line.index >= 10 ? ['R2'] : []);
			expect(line.vote.agree).toBe(line.index >= 10 ? 2 : 3);
		}
	});

	test('streams a 200,000-input trace while the report stays small', () => {
		const file = path.join(folder, 'long.jsonl');
		const result = run(['--steps', '200000', '--json', '--trace', file], {timeout: 55_000});
		expect(result.code).toBe(0);
		expect(result.stdout.length).toBeLessThan(5000);
		expect(JSON.parse(result.stdout).inputs).toBe(200_000);
		const text = readFileSync(file, 'utf8');
		let count = 0;
		for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
		expect(count).toBe(200_001);
		expect(JSON.parse(text.slice(0, text.indexOf('\n'))).index).toBe(0);
		expect(JSON.parse(text.slice(text.lastIndexOf('\n', text.length - 2) + 1)).index).toBe(200_000);
		expect(statSync(file).size).toBe(Buffer.byteLength(text));
		rmSync(file);
	}, 60_000);
});
