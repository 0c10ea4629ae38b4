import {describe, expect, it} from 'vitest';
import {findingScenario} from '../../../source/core/fuzz/scenario-text.js';
import {fuzz, search} from '../../../source/core/fuzz/search.js';
import {bugNames} from '../../../source/core/paxos/bugs.js';
import {paxosFuzz} from '../../../source/core/paxos/fuzz/target.js';
import {parseVerb} from '../../../source/core/paxos/scenario.js';
import {driveScenario} from '../../../source/scenario/drive.js';
import {sessionStep} from '../../../source/core/engine/session.js';
import type {PaxosState} from '../../../source/core/paxos/types.js';
import {parseScenario} from '../../../source/scenario/parse.js';

const small = {...paxosFuzz.defaults, seeds: 20};

describe('replica-tui paxos fuzz', () => {
	it.each(bugNames)('finds %s within 20 seeds, and its shrunk scenario replays the violation', async bug => {
		const result = search(paxosFuzz, {...small, bugs: [bug]});
		expect(result.finding, `not found in ${result.runs} runs`).toBeDefined();
		expect(result.finding!.violation.property).toBe('one-value');
		const shrunk = fuzz(paxosFuzz, {...small, bugs: [bug], firstSeed: result.finding!.seed, seeds: 1});
		const text = findingScenario(paxosFuzz, shrunk.finding!);
		const scenario = parseScenario(text, `paxos-fuzz-${bug}.scenario`);
		const {claims, session} = await driveScenario(scenario);
		expect(claims.map(claim => claim.failure)).toEqual(claims.map(() => undefined));
		const {violation} = shrunk.finding!;
		expect(claims.map(claim => claim.text)).toContain(`lamp ${violation.property} red at ${violation.event}`);
		const back = sessionStep(session, {type: 'back'});
		expect((back.sim as PaxosState).lamps.broken[violation.property]).toBeUndefined();
	});

	it('with no bug, 60 runs break nothing', () => {
		const result = search(paxosFuzz, {...paxosFuzz.defaults, seeds: 60});
		expect(result.finding).toBeUndefined();
		expect(result.runs).toBe(60);
	});

	it('every action the adversary takes is written as a scenario verb that parses back to it', () => {
		const config = paxosFuzz.config({bugs: []}, 3);
		const actions = [
			{type: 'crash', node: 3},
			{type: 'restart', node: 0},
			{type: 'propose', proposer: 1},
			{type: 'drop', pick: {by: 'match', from: 0, to: 2, type: 'Accept'}},
			{type: 'drop', pick: {by: 'match', from: 3, to: 1, type: 'Nack'}},
			{type: 'request'},
		] as const;
		for (const action of actions) expect(parseVerb(paxosFuzz.verbText(action)!.split(' '), config)).toEqual(action);
	});
});
