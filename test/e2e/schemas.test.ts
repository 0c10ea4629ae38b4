/** The JSON report and the trace, from the built binary, against the schemas in docs/ (which docs/voting.md points to). */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {violations} from './json-schema.js';
import {root, run} from './run.js';

const readSchema = (name: string) => JSON.parse(readFileSync(path.join(root, 'docs', name), 'utf8')) as Record<string, unknown>;
const reportSchema = readSchema('voting-report.schema.json');
const traceSchema = readSchema('voting-trace.schema.json');
const folder = mkdtempSync(path.join(tmpdir(), 'replica-tui-schema-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

/** Runs that between them reach every status, outcome, reason and note the schemas name. */
const runs: ReadonlyArray<readonly string[]> = [
	['--steps', '0'],
	['--steps', '40', '--seed', '3'],
	['--steps', '30', '--model', 'kv', '--replicas', '5', '--fault', '2:skip@3', '--fault', '3:crash@5', '--fault', '4:lag', '--fault', '5:reorder'],
	['--steps', '25', '--model', 'chain', '--replicas', '2', '--fault', '2:nondet@2'],
	['--steps', '25', '--fault', '2:corrupt', '--fault', '3:flaky@4'],
	['--steps', '9', '--model', 'kv', '--replicas', '2', '--fault', '2:reorder'],
	['--steps', '12', '--model', 'kv', '--fault', '2:skip@2', '--fault', '3:lag'],
	['--steps', '5', '--model', 'kv', '--fault', '2:skip@3', '--fault', '3:crash@5'],
	['--steps', '20', '--replicas', '1', '--model', 'chain', '--fault', '1:skip@4'],
	['--steps', '15', '--replicas', '9', '--model', 'bank', '--fault', '1:reorder@2', '--fault', '2:skip@2', '--fault', '3:nondet@3'],
];

function traced(args: readonly string[], i: number) {
	const file = path.join(folder, `run-${i}.jsonl`);
	const result = run([...args, '--json', '--trace', file]);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	const text = readFileSync(file, 'utf8');
	return {report: JSON.parse(result.stdout) as unknown, lines: text === '' ? [] : text.trimEnd().split('\n').map(line => JSON.parse(line) as unknown)};
}

describe('docs/voting-report.schema.json and docs/voting-trace.schema.json', () => {
	test('the checker itself refuses what the schemas forbid: an undocumented field, a wrong type, a value outside an enum', () => {
		const {report} = traced(runs[1]!, 99);
		expect(violations(reportSchema, report)).toEqual([]);
		const extra = {...(report as object), surprise: 1};
		expect(violations(reportSchema, extra)).toEqual(['$: undocumented field "surprise"']);
		const typed = JSON.parse(JSON.stringify(report)) as {quorum: {index: unknown; outcome: unknown}};
		typed.quorum.index = '40';
		typed.quorum.outcome = 'split';
		expect(violations(reportSchema, typed)).toHaveLength(2);
	});

	test.each(runs.map((args, i) => [args.join(' '), i] as const))('replica-tui %s: the report and every trace line conform', (_, i) => {
		const {report, lines} = traced(runs[i]!, i);
		expect(violations(reportSchema, report)).toEqual([]);
		for (const line of lines) expect(violations(traceSchema, line)).toEqual([]);
	});

	test('between them, the runs reach every status, outcome, flag reason and note the schemas name', () => {
		const seen = {status: new Set<string>(), outcome: new Set<string>(), reason: new Set<string>(), note: new Set<string>()};
		for (const [i, args] of runs.entries()) {
			const {report, lines} = traced(args, 100 + i);
			const typed = report as {replicas: Array<{status: string}>; quorum: {outcome: string; flagged: Array<{reason: string}>}};
			for (const replica of typed.replicas) seen.status.add(replica.status);
			seen.outcome.add(typed.quorum.outcome);
			for (const entry of typed.quorum.flagged) seen.reason.add(entry.reason);
			for (const line of lines as Array<{replicas: Array<{status: string; note?: string}>; vote: {outcome: string}}>) {
				seen.outcome.add(line.vote.outcome);
				for (const replica of line.replicas) {
					seen.status.add(replica.status);
					if (replica.note) seen.note.add(replica.note);
				}
			}
		}

		const defs = reportSchema.$defs as {replica: {properties: {status: {enum: string[]}}}; quorum: {properties: {outcome: {enum: string[]}; flagged: {items: {properties: {reason: {enum: string[]}}}}}}};
		// "behind" is the catch-all for a replica short of the latest input with no fault to name; every fault names itself.
		const reachable = (names: string[]) => names.filter(name => name !== 'behind').sort();
		expect([...seen.status].sort()).toEqual(reachable(defs.replica.properties.status.enum));
		expect([...seen.outcome].sort()).toEqual([...defs.quorum.properties.outcome.enum].sort());
		expect([...seen.reason].sort()).toEqual(reachable(defs.quorum.properties.flagged.items.properties.reason.enum));
		// Replays only happen in a repair, which a headless run never makes.
		const notes = (traceSchema.properties as {replicas: {items: {properties: {note: {enum: string[]}}}}}).replicas.items.properties.note.enum;
		expect([...seen.note].sort()).toEqual(notes.filter(note => note !== 'replayed').sort());
	});

	test('a scenario trace: the start line, a line per fault and repair, step-back and restart markers, all conforming', () => {
		const scenario = path.join(folder, 'actions.scenario');
		writeFileSync(scenario, ['description faults, a repair, a step back and a restart', 'model kv', 'paused', 'step 3', 'fault R2 skip', 'step 3', 'repair R2', 'keys b', 'step 2', 'keys 0', 'fault R3 crash', 'step 2', ''].join('\n'));
		const file = path.join(folder, 'scenario.jsonl');
		const result = run(['run', scenario, '--json', '--trace', file]);
		expect(result.stderr).toBe('');
		const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map(line => JSON.parse(line) as {kind: string; index: number; action?: string; replicas: Array<{name: string}>});
		for (const line of lines) expect(violations(traceSchema, line)).toEqual([]);
		expect(lines.map(line => line.kind === 'action' ? `${line.kind} ${line.action}` : `${line.kind} ${line.index}`)).toEqual([
			'start 0', 'input 1', 'input 2', 'input 3', 'action fault R2 skip', 'input 4', 'input 5', 'input 6', 'action repair R2',
			'step-back 5', 'input 6', 'input 7', 'restart 0', 'action fault R3 crash', 'input 1', 'input 2',
		]);
		const report = JSON.parse(result.stdout) as {replicas: Array<{digest: string}>};
		expect(lines.at(-1)!.replicas.map(replica => (replica as {digest?: string}).digest)).toEqual(report.replicas.map(replica => replica.digest));
		const kinds = (traceSchema.properties as {kind: {enum: string[]}}).kind.enum;
		expect([...new Set(lines.map(line => line.kind))].sort()).toEqual([...kinds].sort());
	});

	test('docs/voting.md documents every field of both schemas', () => {
		const readme = readFileSync(path.join(root, 'docs', 'voting.md'), 'utf8');
		const fields = new Set<string>();
		const collect = (schema: unknown): void => {
			if (typeof schema !== 'object' || schema === null) return;
			const properties = (schema as {properties?: Record<string, unknown>}).properties;
			if (properties) for (const name of Object.keys(properties)) fields.add(name);
			for (const child of Object.values(schema)) collect(child);
		};

		collect(reportSchema);
		collect(traceSchema);
		const missing = [...fields].filter(name => !readme.includes(`\`${name}\``));
		expect(missing).toEqual([]);
	});
});
