import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {FaultType} from '../../source/core/voting/fault.js';
import {report, traceLine} from '../../source/core/voting/report.js';
import {createSimulation, step} from '../../source/core/voting/simulation.js';
import type {SimAction, SimConfig, SimState} from '../../source/core/voting/types.js';
import {faultType, modelName, seed} from './arbitraries.js';
import {projection} from './helpers.js';

/** `count` inputs issued one step at a time. */
function oneByOne(sim: SimState, count: number): SimState {
	let next = sim;
	for (let i = 0; i < count; i++) next = step(next, {type: 'input'});
	return next;
}

/** Checks the batched and the one-by-one state agree in everything that is data, and in what they report. */
function expectSame(batched: SimState, single: SimState): void {
	expect(projection(batched)).toEqual(projection(single));
	expect(report(batched)).toEqual(report(single));
	if (single.index > 0) expect(traceLine(batched)).toEqual(traceLine(single));
}

/**
 * Long enough to cross the vote window (64) and the recent-transition limit
 * (40) inside one batch, with faults scheduled in the middle of batches.
 */
const scenario = fc.integer({min: 1, max: 9}).chain(replicas =>
	fc.record({
		config: fc.record({
			model: modelName,
			replicas: fc.constant(replicas),
			seed,
			faults: fc.array(fc.record({replica: fc.nat(replicas - 1), type: faultType, atIndex: fc.nat(400)}), {maxLength: 8}),
		}),
		actions: fc.array(
			fc.oneof(
				{weight: 5, arbitrary: fc.record({type: fc.constant('input' as const), count: fc.oneof(fc.integer({min: 1, max: 8}), fc.integer({min: 9, max: 250}))})},
				{weight: 2, arbitrary: fc.record({type: fc.constant('inject' as const), replica: fc.nat(replicas - 1), fault: faultType})},
				{weight: 1, arbitrary: fc.record({type: fc.constant('repair' as const), replica: fc.nat(replicas - 1)})},
			),
			{maxLength: 24},
		),
	}),
);

describe('batched inputs', () => {
	it('step(sim, {type: input, count: k}) equals k single steps, after every action', () => {
		fc.assert(
			fc.property(scenario, ({config, actions}) => {
				let batched = createSimulation(config);
				let single = createSimulation(config);
				for (const action of actions) {
					batched = step(batched, action);
					single = action.type === 'input' ? oneByOne(single, action.count!) : step(single, action);
					expectSame(batched, single);
				}
			}),
			{numRuns: 150},
		);
	});

	it('a batched state is never changed by stepping it again, in any way', () => {
		fc.assert(
			fc.property(scenario, ({config, actions}) => {
				let s = createSimulation(config);
				for (const action of actions) {
					const before = projection(s);
					step(s, {type: 'input', count: 97});
					step(s, {type: 'repair', replica: 0});
					step(s, {type: 'input'});
					expect(projection(s)).toEqual(before);
					s = step(s, action);
				}
			}),
			{numRuns: 40},
		);
	});

	const cases: Array<{name: string; config: SimConfig; manual: Array<{before: number; replica: number; fault: FaultType | 'repair'}>}> = [
		{name: 'bank, 5 replicas, no faults', config: {model: 'bank', replicas: 5, seed: 1, faults: []}, manual: []},
		{
			name: 'kv, 7 replicas, every fault scheduled mid-batch',
			config: {
				model: 'kv',
				replicas: 7,
				seed: 42,
				faults: [
					{replica: 0, type: 'skip', atIndex: 3},
					{replica: 1, type: 'flaky', atIndex: 150},
					{replica: 2, type: 'corrupt', atIndex: 777},
					{replica: 3, type: 'crash', atIndex: 1000},
					{replica: 4, type: 'lag', atIndex: 1001},
					{replica: 5, type: 'reorder', atIndex: 2049},
					{replica: 0, type: 'skip', atIndex: 2049},
				],
			},
			manual: [
				{before: 1500, replica: 3, fault: 'repair'},
				{before: 2600, replica: 4, fault: 'repair'},
				{before: 2600, replica: 6, fault: 'crash'},
			],
		},
		{
			name: 'chain, 3 replicas, a majority lagging, crashed and reordering',
			config: {
				model: 'chain',
				replicas: 3,
				seed: 9,
				faults: [
					{replica: 1, type: 'lag', atIndex: 10},
					{replica: 2, type: 'reorder', atIndex: 11},
				],
			},
			manual: [
				{before: 500, replica: 0, fault: 'crash'},
				{before: 900, replica: 0, fault: 'repair'},
				{before: 1300, replica: 1, fault: 'repair'},
				{before: 1300, replica: 2, fault: 'corrupt'},
			],
		},
		{name: 'bank, 1 replica, flaky from the start', config: {model: 'bank', replicas: 1, seed: 3, faults: [{replica: 0, type: 'flaky', atIndex: 0}]}, manual: []},
	];

	for (const {name, config, manual} of cases) {
		it(`${name}: 3,000 inputs in batches of 7 to 1,000 give the one-by-one result`, () => {
			for (const batch of [7, 64, 65, 1000]) {
				let batched = createSimulation(config);
				let single = createSimulation(config);
				const total = 3000;
				while (batched.index < total) {
					for (const {before, replica, fault} of manual) {
						if (before !== batched.index) continue;
						const action: SimAction = fault === 'repair' ? {type: 'repair', replica} : {type: 'inject', replica, fault};
						batched = step(batched, action);
						single = step(single, action);
					}

					const nextManual = Math.min(total, ...manual.map(entry => entry.before).filter(before => before > batched.index));
					const count = Math.min(batch, nextManual - batched.index);
					batched = step(batched, {type: 'input', count});
					single = oneByOne(single, count);
					// Small batches are compared now and then, to keep the test quick.
					if (batch >= 64 || batched.index % 100 < count || manual.some(entry => entry.before === batched.index)) expectSame(batched, single);
				}
			}
		});
	}

	it('a count of zero (or less) issues nothing; a fraction rounds up, as before', () => {
		const s = createSimulation({model: 'bank', replicas: 3, seed: 5, faults: []});
		expect(step(s, {type: 'input', count: 0})).toBe(s);
		expect(step(s, {type: 'input', count: -3})).toBe(s);
		expectSame(step(s, {type: 'input', count: 2.5}), oneByOne(s, 3));
	});
});
