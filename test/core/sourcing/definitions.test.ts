import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {sameBalances, sameLedger} from '../../../source/core/sourcing/bank.js';
import {entriesBetween} from '../../../source/core/sourcing/journal.js';
import {applyEvent, readEvent} from '../../../source/core/sourcing/events.js';
import type {SourcingAction} from '../../../source/core/sourcing/actions.js';
import {pipelinesAgree} from '../../../source/core/sourcing/pipelines.js';
import {act, commandsOf, derive, mode, replay, run, start, v1, v2} from './helpers.js';

const seeds = Array.from({length: 20}, (_, i) => i + 1);

describe('command sourcing: state is derived by running the logic over the journal of commands', () => {
	test.each(seeds)('seed %i: a replay under the code that ran live reproduces the live state exactly', seed => {
		const live = run(start(seed), 40);
		const replayed = replay(live);
		expect(replayed.cmd.ledger).toEqual(live.cmd.ledger);
		expect(replayed.lastReport!.cmd.decisionsChanged).toBe(0);
	});

	test('seed 2: a replay under v2 re-decides old commands and changes the state', () => {
		const live = run(start(2), 30);
		const replayed = replay(act(live, {type: 'deploy', version: 2}));
		expect(sameBalances(replayed.cmd.ledger.balances, live.cmd.ledger.balances)).toBe(false);
		expect(replayed.lastReport!.cmd.decisionsChanged).toBeGreaterThan(0);
	});

	test.each(seeds)('seed %i: the replayed state is exactly what running v2 over the same commands gives', seed => {
		const live = run(start(seed), 30);
		const replayed = replay(act(live, {type: 'deploy', version: 2}));
		expect(replayed.cmd.ledger).toEqual(derive(seed, commandsOf(live), () => v2));
		expect(live.cmd.ledger).toEqual(derive(seed, commandsOf(live), () => v1));
	});

	test('across seeds, v2 changes the command-sourced state of most 30-command runs', () => {
		const changed = seeds.filter(seed => {
			const live = run(start(seed), 30);
			return !sameBalances(replay(act(live, {type: 'deploy', version: 2})).cmd.ledger.balances, live.cmd.ledger.balances);
		});
		expect(changed.length).toBeGreaterThan(seeds.length / 2);
	});
});

describe('event sourcing: state is derived by applying the journaled events', () => {
	const actions: Array<fc.Arbitrary<SourcingAction | number>> = [
		fc.integer({min: 1, max: 15}),
		fc.constant({type: 'deploy', version: 2} as const),
		fc.constant({type: 'deploy', version: 1} as const),
		fc.constant({type: 'replay', from: 'empty'} as const),
		fc.constant({type: 'replay', from: 'snapshot'} as const),
		fc.constant({type: 'snapshot'} as const),
		fc.boolean().map(read => ({type: 'clock', read}) as const),
		fc.boolean().map(read => ({type: 'random', read}) as const),
		fc.constant({type: 'fix'} as const),
		fc.constant({type: 'schema', version: 2} as const),
		fc.constant({type: 'finish'} as const),
	];

	test('no replay ever changes the event-sourced state, whatever happened before (property)', () => {
		fc.assert(
			fc.property(fc.integer({min: 0, max: 1000}), fc.array(fc.oneof(...actions), {maxLength: 25}), (seed, script) => {
				let state = start(seed);
				for (const item of script) {
					const before = state.evt.ledger;
					const replaysBefore = state.lastReport?.number;
					state = typeof item === 'number' ? mode.advance(state, item) : mode.apply(state, item);
					if (state.lastReport && state.lastReport.number !== replaysBefore) {
						expect(state.lastReport.evt.after).toEqual(state.lastReport.evt.before);
						expect(state.evt.ledger).toEqual(before);
					}
				}
			}),
			{seed: 11, numRuns: 60},
		);
	});

	test('the event-sourced state is always its checkpoint plus its journal, applied in order (property)', () => {
		fc.assert(
			fc.property(fc.integer({min: 0, max: 1000}), fc.array(fc.oneof(...actions), {maxLength: 20}), (seed, script) => {
				let state = start(seed, {journal: '20'});
				for (const item of script) state = typeof item === 'number' ? mode.advance(state, item * 3) : mode.apply(state, item);
				let ledger = state.evt.base;
				for (const event of entriesBetween(state.evt.journal, state.evt.journal.first)) ledger = applyEvent(ledger, readEvent(event, state.schema).body);
				expect(ledger).toEqual(state.evt.ledger);
			}),
			{seed: 12, numRuns: 40},
		);
	});

	test('live, with no replay, both pipelines always agree (property)', () => {
		fc.assert(
			fc.property(fc.integer({min: 0, max: 1000}), fc.array(fc.oneof(fc.integer({min: 1, max: 20}), actions[1]!, actions[6]!, actions[7]!, actions[9]!), {maxLength: 12}), (seed, script) => {
				let state = start(seed);
				for (const item of script) {
					state = typeof item === 'number' ? mode.advance(state, item) : mode.apply(state, item as SourcingAction);
					expect(pipelinesAgree(state)).toBe(true);
				}
			}),
			{seed: 13, numRuns: 60},
		);
	});
});

describe('uncaptured non-determinism: the clock and random numbers', () => {
	test('seed 2: with the clock read, two replays of the same journal under the same code disagree', () => {
		const live = act(run(start(2), 30), {type: 'clock', read: true});
		const first = replay(live);
		const second = replay(first);
		expect(second.lastReport!.comparison).toMatchObject({other: first.lastReport!.number, agree: false});
		expect(sameBalances(first.cmd.ledger.balances, second.cmd.ledger.balances)).toBe(false);
	});

	test('with the clock read, live runs still agree with captured time: the clock reads the stamp', () => {
		for (const seed of seeds) {
			const captured = run(start(seed), 40);
			const read = run(act(start(seed), {type: 'clock', read: true}), 40);
			expect(read.cmd.ledger).toEqual(captured.cmd.ledger);
		}
	});

	test.each(seeds)('seed %i: with time captured, every replay agrees with the one before', seed => {
		const live = run(start(seed), 30);
		const first = replay(live);
		const second = replay(first);
		expect(second.lastReport!.comparison).toMatchObject({agree: true});
		expect(second.cmd.ledger).toEqual(live.cmd.ledger);
	});

	test('clock reads make replays disagree in most runs; capturing time again makes them agree', () => {
		let disagreeing = 0;
		for (const seed of seeds) {
			const read = replay(replay(act(run(start(seed), 30), {type: 'clock', read: true})));
			if (read.lastReport!.comparison?.agree === false) disagreeing++;
			const captured = replay(replay(act(read, {type: 'clock', read: false})));
			expect(captured.lastReport!.comparison?.agree).toBe(true);
			expect(captured.cmd.ledger).toEqual(derive(seed, commandsOf(read), () => v1));
		}

		expect(disagreeing).toBeGreaterThan(seeds.length / 2);
	});

	test('seed 2: a random number drawn by the logic makes replays disagree; the stamped one does not', () => {
		const read = replay(replay(act(run(start(2), 60), {type: 'random', read: true})));
		expect(read.lastReport!.comparison?.agree).toBe(false);
		expect(read.lastReport!.cmd.changes.some(change => change.causes.includes('random'))).toBe(true);
		const captured = replay(replay(act(read, {type: 'random', read: false})));
		expect(captured.lastReport!.comparison?.agree).toBe(true);
	});
});

describe('snapshots', () => {
	test.each(seeds)('seed %i: snapshot + replay of the rest equals a full replay under the same version', seed => {
		const snapped = act(run(start(seed), 17), {type: 'snapshot'});
		const later = run(snapped, 19);
		const fromSnapshot = replay(later, 'snapshot');
		const fromEmpty = replay(later);
		expect(fromSnapshot.cmd.ledger).toEqual(fromEmpty.cmd.ledger);
		expect(fromSnapshot.evt.ledger).toEqual(fromEmpty.evt.ledger);
	});

	test.each(seeds)('seed %i: replaying a v1 snapshot under v2 keeps v1 decisions up to the snapshot and v2 after it', seed => {
		const snapped = act(run(start(seed), 15), {type: 'snapshot'});
		const later = act(run(snapped, 15), {type: 'deploy', version: 2});
		const fromSnapshot = replay(later, 'snapshot');
		expect(fromSnapshot.cmd.ledger).toEqual(derive(seed, commandsOf(later), seq => (seq <= 15 ? v1 : v2)));
		expect(later.snapshot!.madeBy).toEqual(['v1']);
	});

	test('a snapshot records the versions that derived its state', () => {
		const mixed = act(run(act(run(start(2), 10), {type: 'deploy', version: 2}), 10), {type: 'snapshot'});
		expect(mixed.snapshot).toMatchObject({at: 20, madeBy: ['v1', 'v2']});
		const rederived = act(replay(mixed), {type: 'snapshot'});
		expect(rederived.snapshot!.madeBy).toEqual(['v2']);
	});

	test('replaying from a snapshot without one is refused, and says why', () => {
		const state = act(run(start(2), 5), {type: 'replay', from: 'snapshot'});
		expect(state.replay).toBeUndefined();
		expect(state.note).toMatchObject({kind: 'refused'});
	});
});

describe('a schema change: old events are upcast on read, never rewritten', () => {
	test('events keep the schema they were written in; reading them in schema 2 fills the rate from the version that wrote them', () => {
		const before = act(run(act(run(start(2), 20), {type: 'deploy', version: 2}), 12), {type: 'schema', version: 2});
		const after = run(before, 20);
		const events = entriesBetween(after.evt.journal, 0);
		const interest = events.filter(event => event.body.kind === 'interest');
		const old = interest.filter(event => event.schema === 1);
		const fresh = interest.filter(event => event.schema === 2);
		expect(old.length).toBeGreaterThan(0);
		expect(fresh.length).toBeGreaterThan(0);
		for (const event of old) {
			expect(event.body).not.toHaveProperty('rate');
			const read = readEvent(event, 2);
			expect(read.upcast).toBe(true);
			expect(read.body).toMatchObject({rate: event.version === 1 ? 2 : 3});
		}

		for (const event of fresh) {
			expect(event.body).toHaveProperty('rate', 3);
			expect(readEvent(event, 2).upcast).toBe(false);
		}

		const replayed = replay(after);
		expect(replayed.lastReport!.evt.upcast).toBe(old.length);
		expect(replayed.evt.ledger).toEqual(after.evt.ledger);
		expect(entriesBetween(replayed.evt.journal, 0)).toEqual(events);
	});
});

describe('fixing v1’s bug', () => {
	test('event sourcing appends one compensating event per wrong credit and keeps the wrong credits', () => {
		const live = run(start(2), 30);
		const credits = entriesBetween(live.evt.journal, 0).filter(event => event.body.kind === 'credited');
		expect(credits.length).toBeGreaterThan(0);
		const fixed = act(live, {type: 'fix'});
		const events = entriesBetween(fixed.evt.journal, 0);
		const corrections = events.filter(event => event.body.kind === 'corrected');
		expect(events.slice(0, live.evt.journal.length)).toEqual(entriesBetween(live.evt.journal, 0));
		expect(corrections.map(event => event.body)).toEqual(
			credits.map(credit => (credit.body.kind === 'credited' ? {kind: 'corrected', account: credit.body.account, amount: -credit.body.amount, of: credit.seq} : undefined)),
		);
		const expected = live.evt.ledger.balances.map(
			(balance, account) => balance - credits.reduce((sum, credit) => sum + (credit.body.kind === 'credited' && credit.body.account === account ? credit.body.amount : 0), 0),
		);
		expect(fixed.evt.ledger.balances).toEqual(expected);
		expect(fixed.evt.compensations).toBe(credits.length);
		expect(act(fixed, {type: 'fix'}).note).toMatchObject({kind: 'refused'});
	});

	test('command sourcing changes nothing until it replays, then re-derives history under the fixed code', () => {
		const live = run(start(2), 30);
		const fixed = act(live, {type: 'fix'});
		expect(fixed.cmd.ledger).toEqual(live.cmd.ledger);
		const replayed = replay(fixed);
		expect(replayed.cmd.ledger).toEqual(derive(2, commandsOf(live), () => ({...v1, bugFixed: true})));
		expect(replayed.lastReport!.cmd.changes.some(change => change.causes.includes('bug'))).toBe(true);
		expect(sameLedger(replayed.cmd.ledger, live.cmd.ledger)).toBe(false);
	});

	test('after the fix no command writes a wrong credit, whichever version is deployed', () => {
		const fixed = act(run(start(2), 30), {type: 'fix'});
		const later = run(act(run(fixed, 30), {type: 'deploy', version: 2}), 30);
		const credited = entriesBetween(later.evt.journal, 0).filter(event => event.body.kind === 'credited');
		expect(credited.length).toBe(fixed.evt.compensations);
		expect(later.code).toMatchObject({version: 2, bugFixed: true});
	});
});
