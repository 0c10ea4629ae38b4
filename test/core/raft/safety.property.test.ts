import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {applyAction} from '../../../source/core/raft/actions.js';
import {parseRaftConfig} from '../../../source/core/raft/config.js';
import {createRaft, handleNextEvent} from '../../../source/core/raft/engine.js';
import {undisputedLeader} from '../../../source/core/raft/queries.js';
import {SafetyChecker, type Violation} from '../../../source/core/raft/safety.js';
import type {RaftAction, RaftState} from '../../../source/core/raft/types.js';
import {runArbitrary, type Run} from './arbitraries.js';
import {act, raft, until} from './helpers.js';

/** Runs a schedule, checking the five properties after every event and action; returns the end state and the first violation. */
function checkedRun(run: Run): {state: RaftState; checker: SafetyChecker; violation?: Violation; events: number} {
	const checker = new SafetyChecker();
	let state = createRaft(parseRaftConfig({seed: String(run.seed), servers: String(run.servers), model: run.model, workload: String(run.workload), requests: '60'}));
	let events = 0;
	const observe = (next: RaftState) => {
		state = next;
		return checker.observe(state);
	};

	for (const {gap, action} of run.schedule) {
		const until = state.time + gap;
		while (state.queue.items.length > 0 && state.queue.items[0]!.time <= until) {
			events++;
			const violation = observe(handleNextEvent(state));
			if (violation) return {state, checker, violation, events};
		}

		const violation = observe(applyAction(state, action));
		if (violation) return {state, checker, violation, events};
	}

	return {state, checker, events};
}

/** Heals everything, then within a bounded virtual time a leader must be elected and a new request committed. */
function recovers(start: RaftState, checker: SafetyChecker): {ok: boolean; elapsed: number; why: string} {
	let state = start;
	const step = (next: RaftState) => {
		state = next;
		const violation = checker.observe(state);
		if (violation) throw new Error(violation.text);
	};

	const heal: RaftAction[] = [{type: 'heal'}, {type: 'loss', probability: 0}, ...state.servers.map(server => ({type: 'slow', from: server.id, ms: 0}) as const), ...state.servers.map(server => ({type: 'restart', server: server.id}) as const)];
	for (const action of heal) step(applyAction(state, action));
	const begin = state.time;
	const deadline = begin + 20_000;
	while (state.time < deadline) {
		while (undisputedLeader(state) === undefined && state.time < deadline) step(handleNextEvent(state));
		const leader = undisputedLeader(state);
		if (leader === undefined) break;
		const target = state.servers[leader]!.log.length + 1;
		step(applyAction(state, {type: 'request', server: leader}));
		const wait = state.time + 2000;
		while (state.time < wait && state.servers[leader]!.role === 'leader') {
			if (state.servers[leader]!.commitIndex >= target) return {ok: true, elapsed: state.time - begin, why: ''};
			step(handleNextEvent(state));
		}
	}

	return {ok: false, elapsed: state.time - begin, why: `no commit within 20 s: ${JSON.stringify(state.servers.map(server => [server.role, server.currentTerm, server.log.length, server.commitIndex]))}`};
}

describe('Raft safety under random fault schedules (the paper\'s Figure 3, checked at every event)', () => {
	it('at most one leader per term; leaders only append; logs match; committed entries reach every later leader; no two servers apply different entries at one index', () => {
		let totalEvents = 0;
		fc.assert(
			fc.property(runArbitrary, run => {
				const {violation, events} = checkedRun(run);
				totalEvents += events;
				expect(violation?.text).toBeUndefined();
			}),
			{numRuns: 70},
		);
		expect(totalEvents).toBeGreaterThan(10_000);
	});

	it('liveness: once every fault is healed, a leader is elected and a new request commits within a bounded virtual time', () => {
		fc.assert(
			fc.property(runArbitrary, run => {
				const {state, checker, violation} = checkedRun(run);
				expect(violation?.text).toBeUndefined();
				const result = recovers(state, checker);
				expect(result.why).toBe('');
				expect(result.ok).toBe(true);
				expect(result.elapsed).toBeLessThan(20_000);
			}),
			{numRuns: 40},
		);
	});
});

describe('the safety checker is not blind', () => {
	it('Figure 8 with the old-term-commit bug: a leader of a later term lacks a committed entry (Leader Completeness)', () => {
		const checker = new SafetyChecker();
		let state = raft({bug: ['old-term-commit']});
		const observe = (next: RaftState) => {
			state = next;
			return checker.observe(state);
		};

		for (const [server, terms] of [[0, [1, 2]], [1, [1, 2]], [2, [1]], [3, [1]], [4, [1, 3]]] as const) observe(act(state, {type: 'set-log', server, terms: [...terms]}));
		observe(act(state, {type: 'set-term', server: 0, term: 3}));
		observe(act(state, {type: 'crash', server: 4}));
		observe(act(state, {type: 'timeout', server: 0}));
		let violation: Violation | undefined;
		while (state.servers[0]!.commitIndex < 2) violation ??= observe(handleNextEvent(state));
		expect(violation).toBeUndefined();
		observe(act(state, {type: 'crash', server: 0}));
		observe(act(state, {type: 'restart', server: 4}));
		observe(act(state, {type: 'timeout', server: 4}));
		for (let i = 0; i < 200 && violation === undefined; i++) violation = observe(handleNextEvent(state));
		expect(violation?.property).toBe('Leader Completeness');
		expect(violation?.text).toMatch(/S5 leads term 5 without the entry committed at index 2 in term 4/);
	});

	it('two leaders of one term (the forget-vote bug) break Election Safety', () => {
		const checker = new SafetyChecker();
		let state = until(raft({servers: '3', seed: '7', bug: ['forget-vote']}), 'leader');
		checker.observe(state);
		const leader = state.servers.find(server => server.role === 'leader')!;
		const voter = state.servers.find(server => server.id !== leader.id && server.votedFor === leader.id)!;
		const other = state.servers.find(server => server.id !== leader.id && server.id !== voter.id)!;
		// The third server stands in the leader's term: the voter, having forgotten its vote in a crash, votes again.
		state = act(state, {type: 'partition', groups: [[leader.id]]}, {type: 'crash', server: voter.id}, {type: 'restart', server: voter.id}, {type: 'set-term', server: other.id, term: leader.currentTerm - 1});
		state = act(state, {type: 'timeout', server: other.id});
		let violation: Violation | undefined;
		for (let i = 0; i < 50 && violation === undefined; i++) {
			state = handleNextEvent(state);
			violation = checker.observe(state);
		}

		expect(violation?.property).toBe('Election Safety');
	});
});
