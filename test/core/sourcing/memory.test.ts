/**
 * Bounded memory. Each journal keeps the commands of the last `--journal N`
 * commands (500 by default); older entries are folded into a checkpoint state,
 * as a real system truncates its journal after a snapshot. Outboxes keep a
 * few recent messages and counters; replays keep a bounded list of changes.
 */
import {describe, expect, test} from 'vitest';
import {applyEvent, readEvent} from '../../../source/core/sourcing/events.js';
import {entriesBetween} from '../../../source/core/sourcing/journal.js';
import {limits} from '../../../source/core/sourcing/state.js';
import {act, mode, replay, run, start} from './helpers.js';

describe('bounded memory', () => {
	test('a long run keeps at most N commands in each journal, and the state stays the same size', () => {
		let state = start(4, {journal: '40'});
		const sizes: number[] = [];
		for (let round = 0; round < 10; round++) {
			state = run(state, 1000);
			if (round % 3 === 0) state = replay(act(state, {type: 'deploy', version: state.code.version === 1 ? 2 : 1}));
			expect(state.cmd.journal.length).toBeLessThanOrEqual(40);
			const events = entriesBetween(state.evt.journal, state.evt.journal.first);
			expect(events.every(event => event.seq > state.sequencer.issued - 40)).toBe(true);
			expect(state.cmd.outbox.recent.length).toBeLessThanOrEqual(limits.messages);
			expect(state.history.length).toBeLessThanOrEqual(limits.replays);
			sizes.push(JSON.stringify(state).length);
		}

		expect(Math.max(...sizes.slice(2))).toBeLessThan(Math.min(...sizes.slice(2)) * 1.5);
	});

	test('checkpoint + kept journal = the state, on both sides, after trimming', () => {
		let state = run(start(8, {journal: '25'}), 300);
		state = act(state, {type: 'fix'});
		state = run(state, 60);
		let ledger = state.evt.base;
		for (const event of entriesBetween(state.evt.journal, state.evt.journal.first)) ledger = applyEvent(ledger, readEvent(event, state.schema).body);
		expect(ledger).toEqual(state.evt.ledger);
		let commandLedger = state.cmd.base;
		for (const entry of entriesBetween(state.cmd.journal, state.cmd.journal.first)) {
			for (const event of entry.derived.decision.events) commandLedger = applyEvent(commandLedger, event);
		}

		expect(commandLedger).toEqual(state.cmd.ledger);
	});

	test('once the journal is trimmed, "replay from empty" replays from the checkpoint, and says so', () => {
		const state = run(start(8, {journal: '25'}), 100);
		const replayed = replay(state);
		expect(replayed.lastReport).toMatchObject({from: 'checkpoint', startSeq: 75, endSeq: 100});
		expect(replayed.cmd.ledger).toEqual(state.cmd.ledger);
		expect(replayed.note.kind).toBe('replay-step');
	});

	test('a replay of a long journal takes at most a bounded number of steps', () => {
		const state = mode.apply(run(start(8), 450), {type: 'replay', from: 'empty'});
		let steps = 0;
		let current = state;
		while (current.replay) {
			current = mode.advance(current, 1);
			steps++;
		}

		expect(steps).toBeLessThanOrEqual(limits.replaySteps);
		expect(current.lastReport!.cmd.changes.length).toBeLessThanOrEqual(limits.changes);
	});

	test('a replay counts every change but keeps only a bounded list of them', () => {
		const state = replay(act(run(start(8), 450), {type: 'deploy', version: 2}));
		expect(state.lastReport!.cmd.decisionsChanged).toBeGreaterThan(limits.changes);
		expect(state.lastReport!.cmd.changes.length).toBe(limits.changes);
	});
});
