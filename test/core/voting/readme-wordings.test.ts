/**
 * Issue 21 B and C: docs/voting.md's wordings of a replica's detail and of the
 * waiting quorum line, read from docs/voting.md (the voting mode's reference, once
 * the README's voting section) and filled in with a run's
 * numbers, are what the app says (the --json report's fields).
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {report, traceLine} from '../../../source/core/voting/report.js';
import {replicaVerdict} from '../../../source/core/voting/verdict.js';
import {step} from '../../../source/core/voting/simulation.js';
import {inputs, sim} from '../helpers.js';

const voting = readFileSync(new URL('../../../docs/voting.md', import.meta.url), 'utf8');

/** docs/voting.md's example of a wording: the first `code` span in it that starts with `start`. */
function example(start: string): string {
	const found = voting.split('`').find((span, i) => i % 2 === 1 && span.startsWith(start));
	if (!found) throw new Error(`docs/voting.md has no \`${start}…\``);
	return found;
}

/** The example with its numbers replaced, in order, by `numbers`, and an ellipsis at the end by `rest`. */
function filled(template: string, numbers: readonly number[], rest?: string): string {
	let next = 0;
	const withNumbers = template.replaceAll(/\d+/g, () => String(numbers[next++]));
	expect(next, `numbers in "${template}"`).toBe(numbers.length);
	return rest === undefined ? withNumbers : withNumbers.replace(/…$/, rest);
}

describe('issue 21: docs/voting.md words the detail and the waiting quorum line as the app does', () => {
	it('B: a replica whose latest input is not judged yet says "as of #N:" (--model bank --replicas 2 --steps 5 --fault 1:lag)', () => {
		const run = inputs(sim({model: 'bank', replicas: 2, seed: 1, faults: [{replica: 0, type: 'lag', atIndex: 0}]}), 5);
		const r2 = report(run).replicas[1]!;
		expect([r2.applied, r2.checkedAt, r2.status]).toEqual([5, 2, 'ok']);
		const standing = filled(example('agrees at #'), [2]);
		expect(r2.detail).toBe(filled(example('as of #'), [2], standing));
		// And a diverged one alike (issue 17 item 9): --model kv --seed 4 --replicas 5 --fault 2:skip@2 --fault 3:lag --fault 4:lag --fault 5:lag, 5 steps.
		const lags = [2, 3, 4].map(replica => ({replica, type: 'lag' as const, atIndex: 0}));
		const kv = report(inputs(sim({model: 'kv', seed: 4, replicas: 5, faults: [{replica: 1, type: 'skip', atIndex: 2}, ...lags]}), 5)).replicas;
		expect(kv.map(replica => [replica.status, replica.applied, replica.checkedAt])).toEqual([
			['ok', 5, 2],
			['diverged', 5, 2],
			['lagging', 2, 2],
			['lagging', 2, 2],
			['lagging', 2, 2],
		]);
		expect(kv[0]!.detail).toBe(filled(example('as of #'), [2], filled(example('agrees at #'), [2])));
		expect(kv[1]!.detail).toBe(filled(example('as of #'), [2], filled(example('diverged since #').replace(/ \(.*$/, ''), [2])));
		// Judged at its latest input: no "as of".
		expect(kv[2]!.detail.endsWith(` · ${filled(example('agrees at #'), [2])}`)).toBe(true);
	});

	it('C: the waiting quorum line (--model bank --replicas 1 --steps 1 --fault 1:lag)', () => {
		const run = inputs(sim({model: 'bank', replicas: 1, seed: 1, faults: [{replica: 0, type: 'lag', atIndex: 0}]}), 1);
		const {quorum} = report(run);
		expect(quorum.outcome).toBe('waiting');
		const template = example('quorum #42 … waiting:');
		// quorum #index … waiting: reported of replicas reported, needed must agree · last decided #index: value
		const expected = filled(template.replace(/: [^:]+$/, ': '), [1, 0, 1, 1, 0]) + 'balance 50';
		expect(quorum.decisionLine).toBe(expected);
	});

	it('issue 17 item 12: the report’s `status` row and the schema list every status, in the status table’s order of precedence', () => {
		const schema = JSON.parse(readFileSync(new URL('../../../docs/voting-report.schema.json', import.meta.url), 'utf8')) as {$defs: {replica: {properties: {status: {enum: string[]}}}}};
		const row = voting.split('\n').find(line => line.startsWith('| `status` |'))!;
		const listed = [...row.split('|')[2]!.matchAll(/`([a-z-]+)`/g)].map(match => match[1]);
		const table = [...voting.matchAll(/^\| `[^`]+`[^|]*\| `([a-z-]+)` \|/gm)].map(match => match[1]);
		expect(listed).toEqual(table);
		expect(schema.$defs.replica.properties.status.enum).toEqual(listed);
	});

	it('issue 21 D: the facts docs/voting.md states are what the app does', () => {
		const has = (text: string) => expect(voting, text).toContain(text);
		// 1. chain always shows its round.
		has('`START (round 1)`');
		expect(report(sim({model: 'chain'})).replicas[0]!.summary).toBe('START (round 1)');
		// 2. lag K: lag 0 when armed, lag 1 after one input, at most 3.
		has('`lag 0` right after the fault is armed, `lag 1` after one');
		let lagging = step(sim(), {type: 'inject', replica: 0, fault: 'lag'});
		const words = [replicaVerdict(lagging, lagging.replicas[0]!).word];
		for (let i = 0; i < 5; i++) {
			lagging = inputs(lagging, 1);
			words.push(replicaVerdict(lagging, lagging.replicas[0]!).word);
		}

		expect(words).toEqual(['lag 0', 'lag 1', 'lag 2', 'lag 3', 'lag 3', 'lag 3']);
		// 4. the vote on #0, and a corruption there with --steps 0.
		has('the quorum\n`outcome` is `decided` (2 of 3 agree)');
		const clean = report(sim()).replicas[0]!;
		expect([clean.checkedAt, clean.agreesSince, clean.detail]).toEqual([0, 0, 'agrees at #0']);
		const corrupted = report(sim({faults: [{replica: 0, type: 'corrupt', atIndex: 0}]}));
		expect([corrupted.quorum.outcome, corrupted.quorum.agree]).toEqual(['decided', 2]);
		// 6. reorder pairs start where the fault is injected: before input 5, #6 before #5.
		has('before input 5: #6 before #5, #8 before #7');
		let reordering = sim({faults: [{replica: 0, type: 'reorder', atIndex: 5}]});
		const early: number[] = [];
		for (let i = 1; i <= 8; i++) {
			reordering = inputs(reordering, 1);
			if (traceLine(reordering).replicas[0]!.note === 'early') early.push(i);
		}

		expect(early).toEqual([6, 8]);
		// 7 and 8. nondet marks every input it applies in turn, a withdrawal too; skipped before early before nondet.
		has('even where the reading cannot matter (a bank withdrawal');
		has('`skipped` first (a\nskipped input reads no clock), then `early`, then `nondet`');
		let nondet = sim({seed: 1, faults: [{replica: 0, type: 'nondet', atIndex: 0}, {replica: 1, type: 'nondet', atIndex: 0}, {replica: 1, type: 'reorder', atIndex: 0}, {replica: 2, type: 'nondet', atIndex: 0}, {replica: 2, type: 'skip', atIndex: 2}]});
		const notes: Array<Array<string | undefined>> = [];
		for (let i = 1; i <= 4; i++) {
			nondet = inputs(nondet, 1);
			notes.push(traceLine(nondet).replicas.map(replica => replica.note));
		}

		// Seed 1's #2 is "withdraw 70".
		expect(traceLine(inputs(sim({seed: 1}), 2)).input).toBe('withdraw 70');
		expect(notes).toEqual([
			['nondet', undefined, 'nondet'],
			['nondet', 'early', 'skipped'],
			['nondet', undefined, 'nondet'],
			['nondet', 'early', 'nondet'],
		]);
		// 8. a crashed replica, corrupted, changes state and reports nothing.
		has('A crashed replica\nthat is corrupted changes state');
		const crashed = report(inputs(sim({faults: [{replica: 0, type: 'crash', atIndex: 0}, {replica: 0, type: 'corrupt', atIndex: 2}]}), 3));
		expect(crashed.replicas[0]!.status).toBe('crashed');
		expect(crashed.replicas[0]!.summary).not.toBe('balance 50');
		expect(crashed.quorum.values.flatMap(value => value.replicas)).not.toContain('R1');
	});
});
