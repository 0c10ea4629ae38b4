import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sessionStep} from '../../../source/core/engine/session.js';
import {bugInfo, isSafetyBug} from '../../../source/core/raft/bugs.js';
import {adversaryRun, replayPlan} from '../../../source/core/fuzz/run.js';
import {findingFileName, findingScenario} from '../../../source/core/fuzz/scenario-text.js';
import {fuzz as fuzzWith, search as searchWith} from '../../../source/core/fuzz/search.js';
import {defaultFuzzOptions, fuzzConfig, type RaftFuzzOptions} from '../../../source/core/raft/fuzz/options.js';
import {raftFuzz} from '../../../source/core/raft/fuzz/target.js';
import {verbText} from '../../../source/core/raft/fuzz/verb-text.js';
import {raftMode} from '../../../source/core/raft/mode.js';
import {raftReport} from '../../../source/core/raft/report.js';
import {bugNames, type RaftAction, type RaftState} from '../../../source/core/raft/types.js';
import {driveScenario} from '../../../source/scenario/drive.js';
import {parseScenario} from '../../../source/scenario/parse.js';
import {actionArbitrary} from './arbitraries.js';

const search = (options: RaftFuzzOptions) => searchWith(raftFuzz, options);
const fuzz = (options: RaftFuzzOptions) => fuzzWith(raftFuzz, options);

/** Seeds 1…40 are known to be enough to find every safety bug with 5 servers (well within the default budget of 500). */
const smallBudget = {...defaultFuzzOptions, seeds: 40};
const safetyBugs = bugNames.filter(bug => isSafetyBug(bug));

describe('the fuzzer finds every bug that can break safety', () => {
	it('the small budget of these tests is within the default one', () => {
		expect(smallBudget.seeds).toBeLessThanOrEqual(defaultFuzzOptions.seeds);
		expect(smallBudget.events).toBe(defaultFuzzOptions.events);
	});

	for (const bug of safetyBugs) {
		it(`${bug}: a violation of a property it can break, within ${smallBudget.seeds} seeds`, () => {
			const result = search({...smallBudget, bugs: [bug]});
			expect(result.finding, `not found in ${result.runs} runs`).toBeDefined();
			const {violation, found, seed} = result.finding!;
			expect(bugInfo[bug].breaks).toContain(violation.property);
			expect(result.runs).toBe(seed - smallBudget.firstSeed + 1);
			expect(found.state.safety.fresh[0]).toBe(violation);
			expect(found.events).toBe(violation.event);
		});
	}

	it('with no bug it checks every run to the end and nothing breaks', () => {
		const result = search({...defaultFuzzOptions, seeds: 120});
		expect(result.finding).toBeUndefined();
		expect(result.runs).toBe(120);
		expect(result.events).toBe(120 * defaultFuzzOptions.events);
		expect(result.watched.value).toBeGreaterThan(0);
	});

	it('the liveness bug (fixed timeouts) breaks no safety property; the runs go long without a leader', () => {
		const result = search({...defaultFuzzOptions, seeds: 20, bugs: ['fixed-timeout']});
		expect(result.finding).toBeUndefined();
		expect(isSafetyBug('fixed-timeout')).toBe(false);
		expect(result.watched.value).toBeGreaterThan(search({...defaultFuzzOptions, seeds: 20}).watched.value);
	});
});

describe('a fuzz run replays exactly', () => {
	it('the same seed gives the same plan; the plan replayed by events gives the same run', () => {
		const config = fuzzConfig({bugs: ['forget-vote'], servers: 5}, 2);
		const first = adversaryRun(raftFuzz, {bugs: ['forget-vote'], servers: 5}, config, 2000);
		const again = adversaryRun(raftFuzz, {bugs: ['forget-vote'], servers: 5}, config, 2000);
		expect(again.actions).toEqual(first.actions);
		expect(first.violation).toBeDefined();
		const replayed = replayPlan(raftFuzz, config, first.actions, 2000);
		expect(replayed.violation).toEqual(first.violation);
		expect(raftReport(replayed.state)).toEqual(raftReport(first.state));
	});

	it('the shrunk plan replays to its violation; the 5-server finding is kept as where it was first found', () => {
		const {finding} = fuzz({...smallBudget, bugs: ['truncate-always']});
		expect(finding!.first?.config.servers).toBe(5);
		expect(finding!.config.servers).toBe(3);
		expect(finding!.shrunk.actions.length).toBeLessThan(finding!.found.actions.length);
		const replayed = replayPlan(raftFuzz, finding!.config, finding!.shrunk.actions, defaultFuzzOptions.events);
		expect(replayed.violation).toEqual(finding!.violation);
	});

	for (const bug of ['forget-vote', 'old-term-commit'] as const) {
		it(`${bug}: the scenario it writes plays through the shell to the same violation at the same event; step back turns the lamp green`, async () => {
			const {finding} = fuzz({...smallBudget, bugs: [bug]});
			const {violation} = finding!;
			const text = findingScenario(raftFuzz, finding!);
			expect(findingFileName(raftFuzz, finding!)).toBe(`raft-fuzz-${bug}-seed${finding!.seed}.scenario`);
			for (const line of text.split('\n').filter(line => line.startsWith('caption '))) expect([...line.slice('caption '.length)].length).toBeLessThanOrEqual(78);
			const scenario = parseScenario(text, findingFileName(raftFuzz, finding!));
			const {claims, session} = await driveScenario(scenario);
			expect(claims.map(claim => claim.failure)).toEqual(claims.map(() => undefined));
			expect(claims.map(claim => claim.text)).toContain(`lamp ${violation.property} red at ${violation.event}`);
			const state = session.sim as RaftState;
			expect(state.safety.broken[violation.property]).toEqual(violation);
			expect(raftMode.haltReason!(state)).toBe(`✗ ${violation.property}: ${violation.text} (event ${violation.event})`);
			const back = sessionStep(session, {type: 'back'});
			expect((back.sim as RaftState).safety.broken[violation.property]).toBeUndefined();
			expect((back.sim as RaftState).events).toBe(violation.event - 1);
			const forward = sessionStep(back, {type: 'step'});
			expect((forward.sim as RaftState).safety.broken[violation.property]).toEqual(violation);
		});
	}
});

describe('actions as scenario lines', () => {
	const lab: RaftAction[] = [
		{type: 'bug', bug: 'old-term-commit', on: true},
		{type: 'bug', bug: 'forget-vote', on: false},
		{type: 'prevote', on: true},
		{type: 'backoff', backoff: 'term'},
		{type: 'set-log', server: 1, terms: [1, 1, 4]},
		{type: 'set-log', server: 0, terms: []},
		{type: 'set-term', server: 2, term: 8},
	];

	it('every action the fuzzer (or a user) can take is written as a verb that parses back to it', () => {
		fc.assert(
			fc.property(fc.constantFrom(3, 5, 7).chain(size => actionArbitrary(size).map(action => ({size, action}))), ({size, action}) => {
				const line = verbText(action)!;
				expect(raftMode.scenario.verb(line.split(' '), {servers: size})).toEqual(action);
			}),
			{numRuns: 300},
		);
		for (const action of lab) expect(raftMode.scenario.verb(verbText(action)!.split(' '), {servers: 5})).toEqual(action);
	});
});
