import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {applyAction} from '../../../source/core/raft/actions.js';
import {parseRaftConfig} from '../../../source/core/raft/config.js';
import {advance, createRaft, runUntil} from '../../../source/core/raft/engine.js';
import {raftMode} from '../../../source/core/raft/mode.js';
import {Tx} from '../../../source/core/raft/tx.js';
import type {RaftState} from '../../../source/core/raft/types.js';
import {runArbitrary, type Run} from './arbitraries.js';
import {projection, raft} from './helpers.js';

function replay(run: Run): RaftState {
	let state = createRaft(parseRaftConfig({seed: String(run.seed), servers: String(run.servers), model: run.model, workload: String(run.workload)}));
	for (const {gap, action} of run.schedule) state = applyAction(runUntil(state, state.time + gap, 100_000).state, action);
	return state;
}

describe('determinism', () => {
	it('the same seed and actions give identical states, reports, trace lines and screens', () => {
		fc.assert(
			fc.property(runArbitrary, run => {
				const a = replay(run);
				const b = replay(structuredClone(run));
				expect(projection(b)).toEqual(projection(a));
				expect(raftMode.traceLine(b)).toEqual(raftMode.traceLine(a));
				const context = {selected: 1, cursor: 2, columns: 120, bodyRows: 32};
				expect(raftMode.view(b, context)).toEqual(raftMode.view(a, context));
			}),
			{numRuns: 40},
		);
	});

	it('states are values: running on from an old state gives the same as the first time, whatever happened since', () => {
		fc.assert(
			fc.property(runArbitrary, fc.integer({min: 1, max: 400}), (run, more) => {
				const middle = replay(run);
				const kept = projection(middle);
				const first = advance(middle, more);
				advance(applyAction(middle, {type: 'request'}), more);
				advance(applyAction(first, {type: 'crash', server: 0}), more);
				expect(projection(middle)).toEqual(kept);
				expect(projection(advance(middle, more))).toEqual(projection(first));
			}),
			{numRuns: 30},
		);
	});

	it('each directed link has its own latency stream: a message on one link does not change the next latency on another', () => {
		const base = raft({servers: '3', latency: '1-50'});
		const alone = new Tx(base, 0);
		const direct = alone.send(0, 2, {type: 'RequestVote', term: 1, lastLogIndex: 0, lastLogTerm: 0, preVote: false});
		const busy = new Tx(base, 0);
		for (let i = 0; i < 5; i++) busy.send(0, 1, {type: 'RequestVote', term: 1, lastLogIndex: 0, lastLogTerm: 0, preVote: false});
		const after = busy.send(0, 2, {type: 'RequestVote', term: 1, lastLogIndex: 0, lastLogTerm: 0, preVote: false});
		const due = (tx: Tx, id: number) => tx.queue.pending.find(item => item.event.kind === 'deliver' && item.event.message.id === id)!.time;
		expect(due(busy, after.id)).toBe(due(alone, direct.id));
		const seconds = [1, 2, 3, 4, 5].map(id => due(busy, id));
		expect(new Set(seconds).size).toBeGreaterThan(1);
	});
});

describe('the Mode interface in virtual time', () => {
	it('advance handles exactly `count` events; now is the last event\'s time', () => {
		const state = raft({seed: '3'});
		const after = raftMode.advance(state, 25);
		expect(after.events).toBe(25);
		expect(raftMode.now(after)).toBe(after.last.time);
		expect(raftMode.nextTime(after)).toBe(after.queue.items[0]!.time);
		expect(raftMode.advance(after, 0)).toBe(after);
	});

	it('runUntil handles every event due by then (the same as advancing that many) and stops at the cap', () => {
		const state = raft({seed: '3'});
		const {state: ran, count} = raftMode.runUntil(state, 400.5, 100_000);
		expect(ran.time).toBeLessThanOrEqual(400);
		expect(ran.time).toBe(ran.last.time);
		expect(raftMode.nextTime(ran)).toBeGreaterThan(400.5);
		expect(count).toBe(ran.events);
		expect(projection(raftMode.advance(state, count))).toEqual(projection(ran));
		const capped = raftMode.runUntil(state, 400, 3);
		expect(capped.count).toBe(3);
		expect(capped.state.events).toBe(3);
		expect(capped.state.time).toBeLessThan(400);
	});

	it('with every server down and no workload nothing will ever happen', () => {
		let state = raft({servers: '3'});
		for (const server of [0, 1, 2]) state = applyAction(state, {type: 'crash', server});
		expect(raftMode.nextTime(state)).toBeUndefined();
		expect(raftMode.advance(state, 5)).toBe(state);
		const view = raftMode.view(state, {selected: 0, cursor: 0, columns: 80, bodyRows: 16});
		expect(view.kind === 'screen' && view.events[2]!.map(part => part.text).join('')).toContain('nothing will happen');
	});
});
