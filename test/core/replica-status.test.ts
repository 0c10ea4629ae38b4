import {describe, expect, it} from 'vitest';
import {armedFaults, replicaStatus, shortDigest} from '../../source/core/voting/replica-status.js';
import {step} from '../../source/core/voting/simulation.js';
import type {SimState} from '../../source/core/voting/types.js';
import {inputs, sim} from './helpers.js';

const statusOf = (s: SimState, id: number) => replicaStatus(s, s.replicas[id]!);

describe('replicaStatus', () => {
	it('always pairs a glyph with a word', () => {
		let s = inputs(sim({model: 'chain', replicas: 6}), 4);
		s = step(s, {type: 'inject', replica: 1, fault: 'crash'});
		s = step(s, {type: 'inject', replica: 2, fault: 'lag'});
		s = step(s, {type: 'inject', replica: 3, fault: 'skip'});
		s = step(s, {type: 'inject', replica: 4, fault: 'corrupt'});
		s = step(s, {type: 'inject', replica: 4, fault: 'flaky'});
		s = step(s, {type: 'inject', replica: 5, fault: 'reorder'});
		const before = s.replicas.map((_, id) => statusOf(s, id));
		expect(before.map(status => [status.glyph, status.word])).toEqual([
			['●', 'ok'],
			['○', 'crashed'],
			['◐', 'lag 0'],
			['⚠', 'skip'],
			// Corrupted while at #4: it re-reports #4, and the vote there outvotes it at once.
			['✗', 'diverged · flaky'],
			['⚠', 'reorder'],
		]);
		s = inputs(s, 1);
		expect(statusOf(s, 2)).toEqual({glyph: '◐', word: 'lag 1', tone: 'warn'});
		for (const status of s.replicas.map((_, id) => statusOf(s, id))) {
			expect(status.glyph).not.toBe('');
			expect(status.word).not.toBe('');
		}
	});

	it('calls a wrong replica diverged, naming the faults still armed', () => {
		// R2 skips input 1 and may skip more: two inputs on, it is 1–3 moves short of the chain, never a full round.
		let s = sim({model: 'chain'});
		s = step(s, {type: 'inject', replica: 1, fault: 'skip'});
		s = step(s, {type: 'inject', replica: 1, fault: 'flaky'});
		s = inputs(s, 2);
		expect(statusOf(s, 1)).toEqual({glyph: '✗', word: 'diverged · flaky', tone: 'bad'});
		s = step(s, {type: 'repair', replica: 1});
		expect(statusOf(s, 1)).toEqual({glyph: '●', word: 'ok', tone: 'good'});
	});

	it('says "no majority" when every replica has reported and no value has a majority', () => {
		// Two replicas of the chain: R2 skips input 1, so from then on they never agree and nothing is decided.
		let s = sim({model: 'chain', replicas: 2});
		s = step(s, {type: 'inject', replica: 1, fault: 'skip'});
		s = inputs(s, 1);
		expect([statusOf(s, 0), statusOf(s, 1)]).toEqual([
			{glyph: '?', word: 'no majority', tone: 'warn'},
			{glyph: '?', word: 'no majority', tone: 'warn'},
		]);
		// With no majority there is nothing to copy: repair rebuilds R2 from the input log, and then both agree.
		s = step(s, {type: 'repair', replica: 1});
		expect([statusOf(s, 0).word, statusOf(s, 1).word]).toEqual(['ok', 'ok']);
	});

	it('waits for a late replica before calling an index undecided', () => {
		let s = sim({model: 'chain', replicas: 3});
		s = step(s, {type: 'inject', replica: 2, fault: 'lag'});
		s = step(s, {type: 'inject', replica: 1, fault: 'skip'});
		s = inputs(s, 1);
		// R1 and R2 disagree at #1 but R3 has not reported it yet: not "no majority", just not decided yet; and not "ok" either.
		expect([statusOf(s, 0).word, statusOf(s, 1).word]).toEqual(['split', 'split']);
	});

	it('lists armed faults in a fixed order', () => {
		let s = sim();
		for (const fault of ['lag', 'nondet', 'reorder', 'flaky', 'skip'] as const) s = step(s, {type: 'inject', replica: 0, fault});
		expect(armedFaults(s.replicas[0]!)).toEqual(['skip', 'flaky', 'reorder', 'nondet', 'lag']);
	});
});

describe('shortDigest', () => {
	it('is the top four hex digits', () => {
		expect(shortDigest(0xa4_1f_00_00)).toBe('a41f');
		expect(shortDigest(0x00_0f_ff_ff)).toBe('000f');
		expect(shortDigest(0xff_ff_ff_ff)).toBe('ffff');
	});
});
