import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {eventLimit, historyLimit, recentLimit, voteWindow} from '../../source/core/voting/limits.js';
import {createSimulation, step} from '../../source/core/voting/simulation.js';
import {actionFor, anyConfig} from './arbitraries.js';

describe('bounded memory', () => {
	it('keeps histories, events and open votes within their limits however long it runs', () => {
		const scenario = anyConfig.chain(config =>
			fc.record({
				config: fc.constant(config),
				actions: fc.array(
					fc.oneof(actionFor(config.replicas), fc.record({type: fc.constant('input' as const), count: fc.integer({min: 50, max: 300})})),
					{maxLength: 40},
				),
			}),
		);
		fc.assert(
			fc.property(scenario, ({config, actions}) => {
				let s = createSimulation(config);
				for (const action of actions) {
					s = step(s, action);
					expect(s.votes.length).toBeLessThanOrEqual(voteWindow);
					expect(s.events.length).toBeLessThanOrEqual(eventLimit);
					for (const replica of s.replicas) {
						expect(replica.recent.length).toBeLessThanOrEqual(recentLimit);
						expect(replica.history.length).toBeLessThanOrEqual(historyLimit);
					}

					// Open votes are consecutive and end at the current index.
					if (s.index > 0) {
						expect(s.votes.at(-1)!.index).toBe(s.index);
						s.votes.forEach((vote, i) => expect(vote.index).toBe(s.index - s.votes.length + 1 + i));
					}
				}
			}),
			{numRuns: 25},
		);
	});
});
