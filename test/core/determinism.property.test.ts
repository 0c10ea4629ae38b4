import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {report, traceLine} from '../../source/core/voting/report.js';
import {createSimulation, step} from '../../source/core/voting/simulation.js';
import type {SimAction, SimConfig, SimState} from '../../source/core/voting/types.js';
import {configAndActions} from './arbitraries.js';
import {projection} from './helpers.js';

const replay = (config: SimConfig, actions: readonly SimAction[]) => actions.reduce(step, createSimulation(config));

describe('determinism', () => {
	it('the same seed and actions give identical states, reports and trace lines', () => {
		fc.assert(
			fc.property(configAndActions, ({config, actions}) => {
				const a = replay(config, actions);
				const b = replay(structuredClone(config), structuredClone(actions));
				expect(projection(b)).toEqual(projection(a));
				expect(report(b)).toEqual(report(a));
				if (a.index > 0) expect(traceLine(b)).toEqual(traceLine(a));
			}),
			{numRuns: 60},
		);
	});

	it('two runs stepped in lockstep share nothing: each matches a run on its own', () => {
		fc.assert(
			fc.property(configAndActions, configAndActions, (first, second) => {
				let a = createSimulation(first.config);
				let b = createSimulation(second.config);
				for (let i = 0; i < Math.max(first.actions.length, second.actions.length); i++) {
					if (first.actions[i]) a = step(a, first.actions[i]!);
					if (second.actions[i]) b = step(b, second.actions[i]!);
				}

				expect(projection(a)).toEqual(projection(replay(first.config, first.actions)));
				expect(projection(b)).toEqual(projection(replay(second.config, second.actions)));
			}),
			{numRuns: 40},
		);
	});

	it('stepping never mutates the state it was given', () => {
		fc.assert(
			fc.property(configAndActions, ({config, actions}) => {
				let s: SimState = createSimulation(config);
				for (const action of actions) {
					const before = projection(s);
					step(s, action);
					expect(projection(s)).toEqual(before);
					s = step(s, action);
				}
			}),
			{numRuns: 40},
		);
	});

	it('issuing n inputs at once is the same as issuing them one at a time', () => {
		fc.assert(
			fc.property(configAndActions, ({config, actions}) => {
				const singles = actions.flatMap((action): SimAction[] =>
					action.type === 'input' ? Array.from({length: action.count ?? 1}, () => ({type: 'input'})) : [action],
				);
				expect(projection(replay(config, singles))).toEqual(projection(replay(config, actions)));
			}),
			{numRuns: 60},
		);
	});
});
