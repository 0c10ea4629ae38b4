import {describe, expect, test} from 'vitest';
import {ballotText, compareBallots} from '../../../source/core/paxos/ballot.js';
import {bugNames} from '../../../source/core/paxos/bugs.js';
import {chosenValue} from '../../../source/core/paxos/safety.js';
import {applyAction, red, runUntil, start} from './helpers.js';

describe('single-decree Paxos', () => {
	test('one proposer: x is chosen when a majority accepts (1.P1, x), before anyone knows', () => {
		const chosen = runUntil(start({proposers: '1'}), state => chosenValue(state.lamps, 1) !== undefined);
		expect(chosenValue(chosen.lamps, 1)!.value.text).toBe('x');
		expect(ballotText(chosenValue(chosen.lamps, 1)!.ballot)).toBe('1.P1');
		expect(chosen.learners.every(learner => learner.learned[0] === undefined)).toBe(true);
		const learned = runUntil(chosen, state => state.learners.every(learner => learner.learned[0] !== undefined));
		expect(learned.learners.map(learner => learner.learned[0]!.text)).toEqual(['x', 'x']);
	});

	test('the key rule: P2 adopts x, the value an acceptor in its majority accepted', () => {
		const state = runUntil(start(), current => current.proposers[1]!.phase === 'accept');
		expect(state.proposers[1]!.proposing[0]!.value.text).toBe('x');
		expect(state.proposers[1]!.note).toMatch(/^A\d accepted \(1\.P1, x\): P2 must propose x$/);
		const end = runUntil(state, () => false, 200);
		expect(red(end)).toEqual([]);
	});

	test('proposal numbers are unique: round, then proposer', () => {
		expect(compareBallots({round: 1, proposer: 1}, {round: 1, proposer: 0})).toBeGreaterThan(0);
		expect(compareBallots({round: 2, proposer: 0}, {round: 1, proposer: 3})).toBeGreaterThan(0);
	});

	test('an acceptor keeps its promise and accepted proposal across a crash, and refuses an older Accept after it', () => {
		let state = runUntil(start({stagger: '30'}), current => current.acceptors[0]!.promised?.proposer === 1);
		state = applyAction(state, {type: 'crash', node: 2});
		state = applyAction(state, {type: 'restart', node: 2});
		expect(ballotText(state.acceptors[0]!.promised)).toBe('1.P2');
		state = runUntil(state, current => current.acceptors[0]!.lastRefused);
		expect(state.last.text).toBe("A1 refuses P1's Accept(1.P1, x): it promised 1.P2");
		expect(red(runUntil(state, () => false, 300))).toEqual([]);
	});

	test('the adversary keeps two proposers dueling; a leader then decides', () => {
		let state = runUntil(start({adversary: true}), () => false, 400);
		expect(state.lamps.chosenCount).toBe(0);
		expect(state.roundsWithoutDecision).toBeGreaterThanOrEqual(10);
		state = applyAction(state, {type: 'leader', on: true});
		state = runUntil(state, current => current.lamps.chosenCount > 0, 2000);
		expect(chosenValue(state.lamps, 1)).toBeDefined();
		expect(red(state)).toEqual([]);
	});
});

describe('the shared network', () => {
	test('isolating an acceptor loses its messages; a majority still chooses; heal brings it back', () => {
		let state = applyAction(start({proposers: '1'}), {type: 'partition', groups: [[1]]});
		expect(state.last.text).toMatch(/^partition: A1 \| /);
		state = runUntil(state, current => chosenValue(current.lamps, 1) !== undefined);
		expect(state.acceptors[0]!.promised).toBeNull();
		expect(state.stats.lost).toBeGreaterThan(0);
		state = runUntil(applyAction(state, {type: 'heal'}), () => false, 100);
		expect(red(state)).toEqual([]);
	});
});

describe('Multi-Paxos', () => {
	test('a leader change fills a hole with a no-op and re-proposes the accepted instance after it', () => {
		let state = runUntil(start({multi: true, workload: '0'}), current => current.proposers[0]!.phase === 'lead');
		for (const _ of [1, 2]) {
			state = applyAction(state, {type: 'request'});
			const want = state.commands;
			state = runUntil(state, current => current.learners.every(learner => learner.applied >= want));
		}

		state = applyAction(state, {type: 'request'});
		for (let a = 0; a < 3; a++) state = applyAction(state, {type: 'drop', pick: {by: 'match', from: 0, to: 'any', type: 'Accept'}});
		state = applyAction(state, {type: 'request'});
		state = runUntil(state, current => chosenValue(current.lamps, 4) !== undefined);
		expect(chosenValue(state.lamps, 3)).toBeUndefined();
		state = applyAction(state, {type: 'crash', node: 0});
		state = runUntil(state, current => current.learners.every(learner => learner.applied >= 4));
		expect(chosenValue(state.lamps, 3)!.value.id).toBe('no-op');
		expect(chosenValue(state.lamps, 4)!.value.id).toBe('c4');
		expect(state.proposers[1]!.phase).toBe('lead');
		expect(red(state)).toEqual([]);
	});
});

describe('each bug breaks a lamp, and the same run without it keeps every lamp green', () => {
	type Run = (bug: string[]) => string[];
	const runs: Record<(typeof bugNames)[number], Run> = {
		'ignore-promised-values': bug => red(runUntil(start({bug}), () => false, 300)),
		'accept-below-promise': bug => red(runUntil(start({seed: '4', stagger: '30', bug}), () => false, 300)),
		'forget-promise-on-crash'(bug) {
			let state = runUntil(start({seed: '4', stagger: '30', bug}), current => current.acceptors[0]!.promised?.proposer === 1);
			state = applyAction(applyAction(state, {type: 'crash', node: 2}), {type: 'restart', node: 2});
			return red(runUntil(state, () => false, 300));
		},
		'shared-proposal-numbers': bug => red(runUntil(start({seed: '4', stagger: '30', bug}), () => false, 300)),
		'skip-phase1'(bug) {
			let crashed = false;
			return red(
				runUntil(start({multi: true, bug}), () => false, 3000, state => {
					if (crashed || state.lamps.chosenCount < 3) return state;
					crashed = true;
					return applyAction(state, {type: 'crash', node: 0});
				}),
			);
		},
	};

	test.each(bugNames)('%s', bug => {
		expect(runs[bug]([bug])).toContain('one-value');
		expect(runs[bug]([])).toEqual([]);
	});
});
