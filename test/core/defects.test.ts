/**
 * Issue 7, defect by defect: each example from the issue, and the class it
 * stands for (the property tests in truth.property.test.ts cover the classes
 * over any sequence of actions).
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lineText} from '../../source/core/engine/screen.js';
import {cellWidth} from '../../source/core/engine/text.js';
import {readFileSync} from 'node:fs';
import {decisionLines} from '../../source/core/voting/decision.js';
import {historyLines} from '../../source/core/voting/columns.js';
import {votingLayout} from '../../source/core/voting/layout.js';
import {chainStates} from '../../source/core/models/chain.js';
import {kvKeys} from '../../source/core/models/kv.js';
import {flakyProbability, lagDistance} from '../../source/core/voting/fault.js';
import {latestEventLine} from '../../source/core/voting/input-line.js';
import {faultTypes} from '../../source/core/voting/fault.js';
import {chain} from '../../source/core/models/chain.js';
import {models} from '../../source/core/models/index.js';
import {quorumStatus} from '../../source/core/voting/quorum.js';
import {report} from '../../source/core/voting/report.js';
import {step} from '../../source/core/voting/simulation.js';
import {Draw} from '../../source/core/engine/random.js';
import type {SimState} from '../../source/core/voting/types.js';
import {replicaVerdict, verdicts} from '../../source/core/voting/verdict.js';
import {inputs, sim, standing} from './helpers.js';

const said = (s: SimState, id: number) => {
	const verdict = replicaVerdict(s, s.replicas[id]!);
	return `${verdict.glyph} ${verdict.word} · ${verdict.detail}`;
};

const lines = (s: SimState) => {
	const {vote} = verdicts(s);
	return `${vote.decision.text}\n${vote.outOfLine.text}`;
};

describe('1: whatever changes a replica’s state is reflected in its status and the vote at once', () => {
	it('--seed 7, s s 2 f c: R2 is diverged and 2 of 3 agree, in the same state', () => {
		let s = inputs(sim({seed: 7}), 2);
		s = step(s, {type: 'inject', replica: 1, fault: 'corrupt'});
		expect(said(s, 1)).toMatch(/^✗ diverged · diverged since #2$/);
		expect(lines(s)).toMatch(/^quorum #2 ✓ 2 of 3 agree[^]*out of line: ✗ R2 diverged since #2$/);
	});

	it('too-many-faults: three different balances never show "2 of 3 agree"', () => {
		let s = inputs(
			sim({
				seed: 7,
				faults: [
					{replica: 1, type: 'skip', atIndex: 4},
					{replica: 2, type: 'skip', atIndex: 4},
				],
			}),
			8,
		);
		expect(lines(s)).toMatch(/2 of 3 agree[^]*R1 diverged/);
		s = step(s, {type: 'inject', replica: 1, fault: 'corrupt'});
		expect(new Set(s.replicas.map(replica => replica.digest)).size).toBe(3);
		expect(quorumStatus(s).kind).toBe('no-majority');
		expect(lines(s)).toMatch(/^quorum #8 ✗ no majority \(need 2 of 3\): R\d balance \d+ vs R\d balance \d+ vs R\d balance \d+\n⚠ cannot tell which replica is right/);
	});

	it('while a lagging replica has not reported, two replicas in different states are both "? split", not "● ok"', () => {
		const s = inputs(
			sim({
				seed: 7,
				faults: [
					{replica: 2, type: 'lag', atIndex: 0},
					{replica: 1, type: 'skip', atIndex: 3},
				],
			}),
			3,
		);
		expect(said(s, 0)).toBe('? split · #3 undecided: the reports differ, waiting for R3 · as of #2: agrees at #2');
		expect(said(s, 1)).toMatch(/^\? split · #3 undecided/);
		expect(quorumStatus(s).kind).toBe('waiting');
	});

	it('any model, faults anywhere: two live replicas at the same input in different states are never both "ok"', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...Object.keys(models)),
				fc.integer({min: 2, max: 5}),
				fc.integer({min: 1, max: 1000}),
				fc.array(fc.tuple(fc.integer({min: 0, max: 12}), fc.nat(8), fc.constantFrom(...faultTypes, 'repair' as const)), {maxLength: 6}),
				(modelName, replicas, seed, actions) => {
					let s = sim({model: modelName, replicas, seed});
					for (const [count, replica, what] of actions) {
						s = inputs(s, count);
						s = step(s, what === 'repair' ? {type: 'repair', replica: replica % replicas} : {type: 'inject', replica: replica % replicas, fault: what});
						const {replicas: verdictsNow} = verdicts(s);
						for (const a of s.replicas) {
							for (const b of s.replicas) {
								if (a.id >= b.id || a.crashed || b.crashed || a.applied !== b.applied || a.digest === b.digest) continue;
								expect([verdictsNow[a.id]!.kind, verdictsNow[b.id]!.kind], `${a.name} and ${b.name} at #${a.applied}`).not.toEqual(['ok', 'ok']);
							}
						}
					}
				},
			),
			{numRuns: 300},
		);
	});

	it('before input 1 too: a corruption at #0 is outvoted on the initial state', () => {
		const s = sim({faults: [{replica: 1, type: 'corrupt', atIndex: 0}]});
		expect(said(s, 1)).toBe('✗ diverged · diverged since #0');
		expect(quorumStatus(s)).toMatchObject({kind: 'decided', index: 0});
	});
});

describe('2: repair copies only a majority decided now; otherwise it replays the log, or says why not', () => {
	it('--replicas 2 --fault 2:skip@3, five steps, r on R2: no majority to copy, so it replays the input log from #1', () => {
		let s = inputs(sim({replicas: 2, faults: [{replica: 1, type: 'skip', atIndex: 3}]}), 5);
		s = step(s, {type: 'repair', replica: 1});
		const event = s.events.at(-1)!.text;
		expect(event).not.toMatch(/copied|majority's state/);
		expect(event).toBe('R2: no majority at #5 to copy: rebuilt from the input log #1–#5 replayed');
		expect(lines(s)).toMatch(/^quorum #5 ✓ 2 of 2 agree/);
	});

	it('r on a replica that needs nothing says so, and every outcome leaves exactly one line', () => {
		let s = inputs(sim({seed: 3}), 4);
		const before = s.events.length;
		s = step(s, {type: 'repair', replica: 0});
		expect(s.events.length).toBe(before + 1);
		expect(s.events.at(-1)!.text).toBe('R1: nothing to repair: agrees with the majority at #4 (3 of 3)');
	});
});

describe('3: what is said about a replica describes it now', () => {
	it('no-total-order (kv, seed 5, R3 reorders): diverged at #4, agrees again from #6, diverged again from #22', () => {
		let s = step(sim({model: 'kv', seed: 5}), {type: 'inject', replica: 2, fault: 'reorder'});
		s = inputs(s, 4);
		expect(said(s, 2)).toBe('✗ diverged · reorder · diverged since #4 · swapped #3/#4: different result (they do not commute)');
		s = inputs(s, 2);
		expect(said(s, 2)).toBe('⚠ reorder · swapped #5/#6: same result (they commute) · agrees again since #6 (diverged #4)');
		expect(s.events.at(-1)!.text).toBe('R3 agrees again at #6');
		s = inputs(s, 27);
		expect(said(s, 2)).toMatch(/^✗ diverged · reorder · diverged since #22 \(first at #4\)/);
		const r3 = report(s).replicas[2]!;
		expect(r3).toMatchObject({status: 'diverged', divergedSince: 22, firstDivergence: 4, agreesSince: null, lastDivergence: {from: 22, to: 32}});
	});
});

describe('5: reorder says whether a swap made a difference', () => {
	it('the late half of each pair knows whether the two inputs commute, from the state they were applied to', () => {
		for (const name of ['bank', 'kv', 'chain']) {
			const s = inputs(sim({model: name, seed: 11, faults: [{replica: 2, type: 'reorder', atIndex: 0}]}), 30);
			const {recent} = s.replicas[2]!;
			for (const [i, late] of recent.entries()) {
				if (late.note !== 'late') continue;
				const early = recent[i - 1]!;
				const model = models[name]!;
				const inOrder = model.apply(model.apply(early.before, late.input), early.input);
				expect(late.commutes, `${name} #${late.index}`).toBe(model.digest(inOrder) === model.digest(late.after));
			}
		}
	});

	it('a swap that makes no difference is said on the quorum line', () => {
		const s = inputs(sim({model: 'chain', faults: [{replica: 2, type: 'reorder', atIndex: 0}]}), 2);
		expect(verdicts(s).vote.outOfLine.text).toContain('R3 swapped #1/#2: same result (they commute)');
	});
});

describe('8: when space is short the quorum lines keep every value and every replica they name', () => {
	const names = (text: string) => new Set(text.match(/R\d/g) ?? []);

	it('five replicas at 80 columns and nine at 120, any model, corruptions and crashes anywhere', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...Object.keys(models)),
				fc.constantFrom<[number, number]>([5, 80], [9, 120], [3, 80]),
				fc.integer({min: 1, max: 1000}),
				fc.integer({min: 1, max: 12}),
				fc.array(fc.tuple(fc.nat(8), fc.constantFrom('corrupt' as const, 'crash' as const)), {maxLength: 6}),
				(modelName, [replicas, width], seed, count, faults) => {
					let s = inputs(sim({model: modelName, replicas, seed}), count);
					for (const [replica, fault] of faults) s = step(s, {type: 'inject', replica: replica % replicas, fault});
					const {vote} = verdicts(s);
					const [first, second] = decisionLines(s, width).map(row => lineText(row));
					for (const row of [first!, second!]) expect(cellWidth(row)).toBeLessThanOrEqual(width);
					expect(first).not.toContain('…');
					// Every replica the full lines name, the shortened ones name too.
					expect(names(first!)).toEqual(names(vote.decision.text));
					expect([...names(vote.outOfLine.text)].filter(name => !names(second!).has(name))).toEqual([]);
				},
			),
			{numRuns: 300},
		);
	});

	it('the event line says every fault and repair outcome whole at 80 columns (fewer words where needed)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...Object.keys(models)),
				fc.integer({min: 2, max: 5}),
				fc.integer({min: 1, max: 1000}),
				fc.array(fc.tuple(fc.integer({min: 0, max: 30}), fc.nat(8), fc.constantFrom(...faultTypes, 'repair' as const)), {maxLength: 8}),
				(modelName, replicas, seed, actions) => {
					let s = sim({model: modelName, replicas, seed});
					for (const [count, replica, what] of actions) {
						s = inputs(s, count);
						s = step(s, what === 'repair' ? {type: 'repair', replica: replica % replicas} : {type: 'inject', replica: replica % replicas, fault: what});
						const line = lineText(latestEventLine(s, 80));
						expect(cellWidth(line), line).toBeLessThanOrEqual(80);
					}
				},
			),
			{numRuns: 300},
		);
	});

	it('the issue’s example: kv, R2 skips #3, R3 crashes at #5: at 80 columns the line says R3 crashed', () => {
		const s = inputs(
			sim({
				model: 'kv',
				faults: [
					{replica: 1, type: 'skip', atIndex: 3},
					{replica: 2, type: 'crash', atIndex: 5},
				],
			}),
			5,
		);
		const [first, second] = decisionLines(s, 80).map(row => lineText(row));
		expect(first).toMatch(/^ quorum #5 ✗ no majority \(need 2 of 3\): R1 \S+ vs R2 \S+$/);
		expect(second).toBe(' ⚠ cannot tell who is right · ○ R3 crashed');
	});

	it('four groups in kv at 80 columns: each group’s digest, uncut', () => {
		let s = inputs(sim({model: 'kv', replicas: 5, seed: 7}), 6);
		for (const replica of [1, 2, 3]) s = step(s, {type: 'inject', replica, fault: 'corrupt'});
		const [first] = decisionLines(s, 80).map(row => lineText(row));
		expect(first).toMatch(/^ quorum #6 ✗ no majority, digests R1\+R5 [\da-f]{4}, R2 [\da-f]{4}, R3 [\da-f]{4}, R4 [\da-f]{4}$/);
	});
});

describe('12: a decision completed late updates what is said about every replica', () => {
	it('kv, R2 skips #2 while R3 lags: R3’s late report decides #2, and R2 is recorded as diverged there', () => {
		// Seeds where R2's skip of #2 is overwritten by #3 (the same key), so at #3 R1 and R2 agree without R3.
		let found = 0;
		for (let seed = 1; seed <= 200 && found < 3; seed++) {
			const s = inputs(
				sim({
					model: 'kv',
					seed,
					faults: [
						{replica: 1, type: 'skip', atIndex: 2},
						{replica: 2, type: 'lag', atIndex: 0},
					],
				}),
				8,
			);
			const after = (id: number, index: number) => s.model.digest(s.replicas[id]!.recent.find(t => t.index === index)!.after);
			// Wrong after #2, right again after #3: R1 and R2 decide #3 before R3's late report decides #2.
			if (after(1, 2) === after(0, 2) || after(1, 3) !== after(0, 3)) continue;
			const r2 = standing(s, 1);
			found++;
			expect(r2.firstDivergence).toBe(2);
			expect(report(s).replicas[1]).toMatchObject({status: 'ok', firstDivergence: 2});
			expect(said(s, 1)).toMatch(/agrees again since #3 \(diverged #2\)/);
			expect(s.events.map(event => event.text)).toContain('R2 disagreed at #2 (decided late)');
		}

		expect(found).toBeGreaterThan(0);
	});
});

describe('13: whatever makes two states differ is visible', () => {
	it('chain: two STARTs of different rounds have different summaries and columns', () => {
		const a = {position: 0, rounds: 0};
		const b = {position: 0, rounds: 1};
		expect(chain.summary(a)).toBe('START (round 1)');
		expect(chain.summary(b)).toBe('START (round 2)');
		expect(chain.describeState(a)).not.toEqual(chain.describeState(b));
	});

	it('in every model, states with different digests have different summaries and different columns', () => {
		for (const model of Object.values(models)) {
			const seen = new Map<number, unknown>();
			let state = model.initial();
			const draw = new Draw(42);
			for (let i = 0; i < 3000; i++) {
				state = i % 7 === 0 ? model.corrupt(state, draw) : model.apply(state, model.generate(draw));
				seen.set(model.digest(state), state);
			}

			const summaries = new Set([...seen.values()].map(value => model.summary(value)));
			const columns = new Set([...seen.values()].map(value => JSON.stringify(model.describeState(value))));
			expect(summaries.size, model.name).toBe(seen.size);
			expect(columns.size, model.name).toBe(seen.size);
		}
	});
});

describe('14: a vote that can never complete says so', () => {
	it('2 replicas, R2 reorders: at each odd input R2 holds it back, and the vote says it cannot complete', () => {
		const s = inputs(sim({model: 'kv', replicas: 2, faults: [{replica: 1, type: 'reorder', atIndex: 0}]}), 7);
		expect(quorumStatus(s)).toMatchObject({kind: 'no-majority', cannotReport: [{name: 'R2', reason: 'reorder'}]});
		expect(lines(s)).toMatch(/\n⚠ R2 holds #7 back \(reorder\): this vote cannot complete/);
		expect(lines(s)).not.toMatch(/waiting/);
		expect(said(s, 0)).toMatch(/^\? no majority · #7 cannot be decided: R2 holds it back \(reorder\)/);
	});
});

describe('9: side-by-side columns write their history in one form', () => {
	const longForm = /deposit|withdraw/;

	it('bank, any number of replicas at 80 and 120 columns, any faults: every history line of a frame is long, or none is', () => {
		fc.assert(
			fc.property(
				fc.integer({min: 1, max: 9}),
				fc.constantFrom<[number, number]>([80, 24], [120, 40]),
				fc.integer({min: 1, max: 1000}),
				fc.array(fc.tuple(fc.integer({min: 0, max: 12}), fc.nat(8), fc.constantFrom(...faultTypes)), {maxLength: 5}),
				(replicas, [columns, rows], seed, actions) => {
					let s = sim({replicas, seed});
					for (const [count, replica, fault] of actions) s = inputs(step(s, {type: 'inject', replica: replica % replicas, fault}), count);
					const layout = votingLayout(s, 1, columns, rows - 5);
					if (layout.kind === 'too-small') return;
					const lines = historyLines(s, layout)
						.flat()
						.filter(line => /^#?\d*\s?[+-]|deposit|withdraw/.test(line));
					const long = lines.filter(line => longForm.test(line)).length;
					expect(long === 0 || long === lines.length, lines.join(' | ')).toBe(true);
				},
			),
			{numRuns: 200},
		);
	});
});

describe('15: docs/voting.md states the models’ and faults’ facts as the code has them', () => {
	const readme = readFileSync(new URL('../../docs/voting.md', import.meta.url), 'utf8');

	it('the bank’s opening balance, chain’s states, kv’s keys, flaky’s probability and lag’s distance', () => {
		const bank = models['bank']!;
		expect(readme).toContain(`one balance, **opening at ${(bank.initial() as {balance: number}).balance}**`);
		expect(readme).toContain(chainStates.join(' → '));
		expect(readme).toContain(`${kvKeys.length === 5 ? 'five' : kvKeys.length} keys \`${kvKeys[0]}\`–\`${kvKeys.at(-1)}\``);
		expect(readme).toContain(`skips each transition with probability ${flakyProbability}`);
		expect(readme).toContain(`it applies inputs ${lagDistance} behind the others`);
	});
});
