/** The Aeron fuzz target: with no bug its adversary's runs keep every lamp green; with service-past-commit or commit-without-own a run breaks SC, with follower-timers SR; verbs round-trip. */
import {describe, expect, test} from 'vitest';
import {aeronFuzz, verbText} from '../../../source/core/aeron/fuzz/target.js';
import {parseVerb} from '../../../source/core/aeron/scenario.js';
import type {AeronAction, AeronState, BugName} from '../../../source/core/aeron/types.js';

function fuzzRun(seed: number, bugs: BugName[], events: number): AeronState['fresh'] {
	const config = aeronFuzz.config({bugs, members: 3}, seed);
	const adversary = aeronFuzz.adversary(config, {bugs, members: 3});
	let state = aeronFuzz.create(config);
	while (aeronFuzz.events(state) < events) {
		const next = aeronFuzz.nextTime(state);
		if (next === undefined) break;
		for (const action of adversary.before(state, next)) {
			state = aeronFuzz.apply(state, action);
			if (aeronFuzz.violation(state)) return aeronFuzz.violation(state);
		}

		state = aeronFuzz.step(state);
		if (aeronFuzz.violation(state)) return aeronFuzz.violation(state);
	}

	return undefined;
}

describe('the aeron fuzz target', () => {
	test.each([1, 2, 3])('seed %i, no bug: 3,000 events of faults keep every lamp green', seed => {
		expect(fuzzRun(seed, [], 3000)).toBeUndefined();
	});

	test('service-past-commit: the first run breaks SC', () => {
		expect(fuzzRun(1, ['service-past-commit'], 3000)?.property).toBe('service-commit');
	});

	test('follower-timers: a follower firing a timer outside the log breaks SR', () => {
		expect(fuzzRun(1, ['follower-timers'], 3000)?.property).toBe('same-records');
	});

	test('commit-without-own: a leader committing past its own recorded position breaks SC (service ≤ commit ≤ appended)', () => {
		const found = [1, 2, 3, 4, 5, 6].map(seed => fuzzRun(seed, ['commit-without-own'], 6000)).find(fresh => fresh !== undefined);
		expect(found?.property).toBe('service-commit');
		expect(found?.text).toMatch(/past its own recorded position/);
	});

	test('every action the adversary takes is a scenario verb that parses back to it', () => {
		const config = aeronFuzz.config({bugs: [], members: 3}, 1);
		const actions: AeronAction[] = [
			{type: 'kill', member: 1},
			{type: 'restart', member: 2},
			{type: 'isolate', member: 0},
			{type: 'heal'},
			{type: 'slow-archive', member: 1, on: false},
			{type: 'snapshot'},
			{type: 'request'},
			{type: 'timer', delay: 200},
			{type: 'cut', from: 0, to: 2},
		];
		for (const action of actions) expect(parseVerb(verbText(action)!.split(' '), config)).toEqual(action);
	});
});
