/** `replica-tui run FILE` (a scenario to its end, no terminal) and `replica-tui check FILE...` (are its claims true?). */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {bundledNames, loadScenario, simulatedBundledNames} from '../../source/scenario/bundled.js';
import {run} from './run.js';

const folder = mkdtempSync(path.join(tmpdir(), 'replica-tui-run-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

const write = (name: string, lines: readonly string[]) => {
	const file = path.join(folder, name);
	writeFileSync(file, lines.join('\n') + '\n');
	return file;
};

/** One true claim (line 7) and one false one (line 8). */
const claims = write('claims.scenario', [
	'description Claims, one true and one false', // 1
	'seed 7', // 2
	'paused', // 3
	'step 2', // 4
	'fault R2 skip', // 5
	'step 2', // 6
	'expect R2 diverged', // 7
	'expect R1 diverged', // 8
]);
const allTrue = write('true.scenario', ['description Only true claims', 'seed 7', 'paused', 'step 3', 'expect at #3', 'until at #9', 'expect R1 ok']);

describe('check', () => {
	test('a false claim: exit 1, and the output names its line, where the run was, and why it is false', () => {
		const {code, stdout, stderr} = run(['check', claims]);
		expect(stderr).toBe('');
		expect(code).toBe(1);
		expect(stdout).toContain(`✗ ${claims}: 1 of 2 claims hold`);
		expect(stdout).toContain('✗ line 8 at #4: expect R1 diverged — R1 shows ● ok (agrees at #4)');
		expect(stdout).not.toContain('line 7');
	});

	test('only true claims: exit 0', () => {
		const {code, stdout} = run(['check', allTrue]);
		expect(code).toBe(0);
		expect(stdout).toBe(`✓ ${allTrue}: 3 of 3 claims hold\n`);
	});

	test('several files: each is reported, and one false claim makes the exit 1', () => {
		const {code, stdout} = run(['check', allTrue, claims]);
		expect(code).toBe(1);
		expect(stdout.split('\n').filter(line => /^[✓✗] /.test(line))).toEqual([`✓ ${allTrue}: 3 of 3 claims hold`, `✗ ${claims}: 1 of 2 claims hold`]);
	});

	test('every bundled scenario’s claims hold (the etcd ones: test/etcd/scenarios.test.ts)', () => {
		const {code, stdout} = run(['check', ...simulatedBundledNames()]);
		expect(stdout, stdout).not.toContain('✗');
		expect(code).toBe(0);
		expect(stdout.split('\n').filter(line => line.startsWith('✓ '))).toHaveLength(simulatedBundledNames().length);
	});

	test('an until that never reaches its condition is a false claim too', () => {
		const file = write('until.scenario', ['description d', 'paused', 'until at #50 within 10']);
		const {code, stdout} = run(['check', file]);
		expect(code).toBe(1);
		expect(stdout).toContain('✗ line 3 at #10: until at #50 — the latest input is #10');
	});

	test.each<[string, string[], RegExp]>([
		['no scenario', ['check'], /"check" needs at least one scenario/],
		['a broken file', ['check', 'BROKEN'], /broken\.scenario:2: unknown directive "frobnicate"/],
		['an unknown name', ['check', 'no-such-scenario'], /no scenario named "no-such-scenario"/],
		['a mode flag', ['check', 'majority-vote', '--seed', '3'], /--seed does not apply to "check": the scenario sets up the run/],
	])('%s: exit 2 with one line', (_what, args, message) => {
		const broken = write('broken.scenario', ['description d', 'frobnicate 3']);
		const {code, stdout, stderr} = run(args.map(arg => (arg === 'BROKEN' ? broken : arg)));
		expect(stderr).toMatch(/^replica-tui: [^\n]+\n$/);
		expect(stderr).toMatch(message);
		expect(stdout).toBe('');
		expect(code).toBe(2);
	});
});

describe('run', () => {
	test('prints the mode’s summary at the end, then each false claim with its line; exit 1 (as check, and as an etcd scenario)', () => {
		const {code, stdout, stderr} = run(['run', claims]);
		expect(stderr).toBe('');
		expect(code).toBe(1);
		expect(stdout).toMatch(/^model bank · seed 7 · 4 inputs\n/);
		expect(stdout).toMatch(/^R2 +✗ diverged +applied #4/m);
		expect(stdout.trimEnd().split('\n').at(-1)).toBe('✗ line 8: expect R1 diverged — R1 shows ● ok (agrees at #4)');
	});

	test('--json: the mode’s report, plus every claim with its line and whether it held', () => {
		const {code, stdout} = run(['run', claims, '--json']);
		expect(code).toBe(1);
		const report = JSON.parse(stdout) as {inputs: number; claims: unknown[]};
		expect(report.inputs).toBe(4);
		expect(report.claims).toEqual([
			{line: 7, claim: 'expect R2 diverged', holds: true},
			{line: 8, claim: 'expect R1 diverged', holds: false, why: 'R1 shows ● ok (agrees at #4)'},
		]);
	});

	test('--trace: one JSON line per event the scenario handled, in order', () => {
		const trace = path.join(folder, 'run.jsonl');
		const {code} = run(['run', allTrue, '--trace', trace]);
		expect(code).toBe(0);
		const lines = readFileSync(trace, 'utf8').trimEnd().split('\n').map(line => JSON.parse(line) as {kind: string; index: number});
		expect(lines.map(line => `${line.kind} ${line.index}`)).toEqual(['start 0', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(index => `input ${index}`)]);
	});

	test('a bundled scenario runs to the same end twice', () => {
		const name = bundledNames()[0]!;
		const first = run(['run', name, '--json']);
		const second = run(['run', name, '--json']);
		expect(first.code).toBe(0);
		expect(second.stdout).toBe(first.stdout);
		expect(loadScenario(name).steps.length).toBeGreaterThan(0);
	});

	test.each<[string, string[], RegExp]>([
		['two scenarios', ['run', 'majority-vote', 'two-disagree'], /"run" needs one scenario/],
		['a mode flag', ['run', 'majority-vote', '--replicas', '5'], /--replicas does not apply to "run"/],
		['--steps', ['run', 'majority-vote', '--steps', '5'], /--steps does not apply to "run"/],
		['an unwritable trace', ['run', 'majority-vote', '--trace', '/nonexistent/dir/t.jsonl'], /cannot write --trace file .*folder does not exist/],
	])('%s: exit 2 with one line', (_what, args, message) => {
		const {code, stdout, stderr} = run(args);
		expect(stderr).toMatch(/^replica-tui: [^\n]+\n$/);
		expect(stderr).toMatch(message);
		expect(stdout).toBe('');
		expect(code).toBe(2);
	});
});
