import {describe, expect, it} from 'vitest';
import type {ModeCondition} from '../../../source/core/engine/mode.js';
import {step} from '../../../source/core/voting/simulation.js';
import type {SimState} from '../../../source/core/voting/types.js';
import {replicaVerdict} from '../../../source/core/voting/verdict.js';
import {votingExpectation} from '../../../source/core/voting/expectations.js';
import {inputs, sim} from '../helpers.js';

function claim(text: string): ModeCondition<SimState> {
	const parsed = votingExpectation(text.split(' '));
	if (typeof parsed === 'string') throw new Error(parsed);
	return parsed;
}

const holds = (state: SimState, text: string) => claim(text).check(state);

/** too-many-faults: R2 and R3 both skip #4 (a deposit), so they outvote the correct R1. */
const wrongMajority = () =>
	inputs(
		sim({
			model: 'bank',
			seed: 7,
			faults: [
				{replica: 1, type: 'skip', atIndex: 4},
				{replica: 2, type: 'skip', atIndex: 4},
			],
		}),
		6,
	);

describe('votingExpectation', () => {
	it('checks what the board shows about each replica and the vote, and says what it shows when a claim is false', () => {
		const s = wrongMajority();
		for (const text of ['R1 diverged', 'R1 diverged since #4', 'R2 ok', 'r3 ok', 'R2 R3 agree', 'R1 R2 differ', 'decided', 'decided 2 of 3', 'flagged R1', 'R2 skipped #4', 'at #6', 'R2 agrees']) {
			expect(holds(s, text), text).toBeUndefined();
		}

		expect(holds(s, 'R1 ok')).toMatch(/^R1 shows ✗ diverged \(diverged since #4\)$/);
		expect(holds(s, 'no majority')).toBe('the vote on #6 is decided (2 of 3)');
		expect(holds(s, 'decided 3 of 3')).toBe('the vote on #6 is decided (2 of 3)');
		expect(holds(s, 'R1 R2 R3 differ')).toMatch(/^some agree: R1 balance \d+, R2 balance \d+, R3 balance \d+$/);
		expect(holds(s, 'flagged nobody')).toBe('flagged: R1');
		expect(holds(s, 'R1 skipped #4')).toBe('R1 applied #4');
		expect(holds(s, 'R2 behind')).toBe('R2 has applied #6, the latest input');
		expect(holds(s, 'R2 diverged since #4')).toMatch(/^R2 shows ● ok/);
	});

	it('follows a change of state at once: a corruption makes three different values and no majority', () => {
		const s = step(wrongMajority(), {type: 'inject', replica: 1, fault: 'corrupt'});
		for (const text of ['R1 R2 R3 differ', 'no majority', 'R1 no-majority', 'R2 no majority', 'flagged nobody']) expect(holds(s, text), text).toBeUndefined();
		expect(holds(s, 'decided 2 of 3')).toBe('the vote on #6 is no-majority');
	});

	it('value compares with the decided value as the quorum line says it', () => {
		const s = wrongMajority();
		const decided = replicaVerdict(s, s.replicas[1]!);
		expect(decided.kind).toBe('ok');
		const value = s.model.summary(s.replicas[1]!.state);
		expect(holds(s, `value ${value}`)).toBeUndefined();
		expect(holds(s, `value ${s.model.summary(s.replicas[0]!.state)}`)).toBe(`the decided value is ${value}`);
	});

	it('crashed, behind, lagging and waiting', () => {
		let s = inputs(sim({model: 'kv', seed: 3}), 3);
		s = step(s, {type: 'inject', replica: 1, fault: 'crash'});
		s = step(s, {type: 'inject', replica: 2, fault: 'lag'});
		s = inputs(s, 2);
		for (const text of ['R2 crashed', 'R2 behind', 'R3 lagging', 'R3 lag', 'R3 behind', 'waiting', 'flagged R2 R3']) expect(holds(s, text), text).toBeUndefined();
		expect(holds(s, 'R1 behind')).toBe('R1 has applied #5, the latest input');
		expect(holds(s, 'R4 ok')).toBe('there is no R4 (3 replicas)');
	});

	it('refuses what it cannot check, saying what it can', () => {
		for (const text of ['', 'R1 happy', 'R1 R2 love', 'majority maybe', 'flagged everyone']) {
			const parsed = votingExpectation(text === '' ? [] : text.split(' '));
			expect(typeof parsed, text).toBe('string');
			expect(parsed as string).toMatch(/say|expect what/);
		}
	});

	it('keeps the words it was given as its text', () => {
		expect(claim('R3 diverged').text).toBe('R3 diverged');
	});
});
