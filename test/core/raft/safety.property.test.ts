import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {applyAction} from '../../../source/core/raft/actions.js';
import {parseRaftConfig} from '../../../source/core/raft/config.js';
import {createRaft, handleNextEvent, nextTime} from '../../../source/core/raft/engine.js';
import {Adversary} from '../../../source/core/raft/fuzz/adversary.js';
import {fuzzConfig} from '../../../source/core/raft/fuzz/options.js';
import {undisputedLeader} from '../../../source/core/raft/queries.js';
import {logMatchingViolation} from '../../../source/core/raft/scenario.js';
import type {Violation} from '../../../source/core/raft/safety/properties.js';
import type {RaftAction, RaftState} from '../../../source/core/raft/types.js';
import {runArbitrary, type Run} from './arbitraries.js';

/** The first violation the live checker found at this state's event, if any (it lives in the state itself). */
function fresh(state: RaftState): Violation | undefined {
	return state.safety.fresh[0];
}

/** Runs a schedule and returns the end state and the first violation the state's checker reported. */
function checkedRun(run: Run, bugs: string[] = []): {state: RaftState; violation?: Violation; events: number; fullLogMatching?: string} {
	let state = createRaft(parseRaftConfig({seed: String(run.seed), servers: String(run.servers), model: run.model, workload: String(run.workload), requests: '60', bug: bugs}));
	let events = 0;
	// The incremental Log Matching check against the plain one over every pair of logs, at every state.
	let fullLogMatching: string | undefined;
	const observe = (next: RaftState) => {
		state = next;
		fullLogMatching ??= logMatchingViolation(state);
		if (fullLogMatching !== undefined) expect(state.safety.broken.LM, `LM missed: ${fullLogMatching}`).toBeDefined();
		return fresh(state);
	};

	for (const {gap, action} of run.schedule) {
		const until = state.time + gap;
		while (state.queue.items.length > 0 && state.queue.items[0]!.time <= until) {
			events++;
			const violation = observe(handleNextEvent(state));
			if (violation) return {state, violation, events, fullLogMatching};
		}

		const violation = observe(applyAction(state, action));
		if (violation) return {state, violation, events, fullLogMatching};
	}

	return {state, events, fullLogMatching};
}

/** Heals everything, then within a bounded virtual time a leader must be elected and a new request committed. */
function recovers(start: RaftState): {ok: boolean; elapsed: number; why: string} {
	let state = start;
	const step = (next: RaftState) => {
		state = next;
		if (fresh(state)) throw new Error(fresh(state)!.text);
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

describe('the live checker under random fault schedules (the paper\'s Figure 3, at every event)', () => {
	it('raises no false alarm with no bug on: at most one leader per term; leaders only append; logs match; committed entries reach every later leader; no two servers apply different entries at one index', () => {
		let totalEvents = 0;
		fc.assert(
			fc.property(runArbitrary, run => {
				const {state, violation, events, fullLogMatching} = checkedRun(run);
				totalEvents += events;
				expect(violation?.text).toBeUndefined();
				expect(fullLogMatching).toBeUndefined();
				expect(state.safety.broken).toEqual({});
			}),
			{numRuns: 70},
		);
		// The runs did real work (about 10,000 events in all, from random schedules: the bound leaves room for chance).
		expect(totalEvents).toBeGreaterThan(5000);
	});

	it('its incremental Log Matching agrees with the plain pairwise check at every state, also when bugs break it', () => {
		let redRuns = 0;
		for (const bug of ['forget-vote', 'half-quorum'] as const) {
			for (let seed = 1; seed <= 12; seed++) {
				const config = fuzzConfig({bugs: [bug], servers: 3}, seed);
				const adversary = new Adversary(seed, config.servers);
				let state = createRaft(config);
				const compare = (next: RaftState) => {
					const wasRed = state.safety.broken.LM !== undefined;
					state = next;
					if (wasRed) return;
					// Until the lamp first turns red the plain check finds nothing; where it turns red, the plain check agrees.
					const plain = logMatchingViolation(state);
					expect(plain !== undefined, plain ?? state.safety.broken.LM?.text).toBe(state.safety.broken.LM !== undefined);
				};

				while (state.events < 3000 && state.safety.broken.LM === undefined) {
					const time = nextTime(state) ?? adversary.nextRepair();
					if (time === undefined) break;
					for (const action of adversary.before(state, time)) compare(applyAction(state, action));
					if (nextTime(state) === undefined) continue;
					compare(handleNextEvent(state));
					for (const action of adversary.after(state)) compare(applyAction(state, action));
				}

				if (state.safety.broken.LM !== undefined) redRuns++;
			}
		}

		// The comparison saw the lamp turn red in some runs, not only green ones.
		expect(redRuns).toBeGreaterThan(2);
	});

	it('liveness: once every fault is healed, a leader is elected and a new request commits within a bounded virtual time', () => {
		fc.assert(
			fc.property(runArbitrary, run => {
				const {state, violation} = checkedRun(run);
				expect(violation?.text).toBeUndefined();
				const result = recovers(state);
				expect(result.why).toBe('');
				expect(result.ok).toBe(true);
				expect(result.elapsed).toBeLessThan(20_000);
			}),
			{numRuns: 40},
		);
	});
});
