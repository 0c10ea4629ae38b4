import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {quorumStatus} from '../../source/core/voting/quorum.js';
import {createSimulation, step} from '../../source/core/voting/simulation.js';
import {boundedFaults} from './arbitraries.js';
import {faultFreeDigests, faultFreeStates} from './helpers.js';

const maxInputs = 60;

describe('majority voting', () => {
	it('with at most ⌊(N−1)/2⌋ faulty replicas, the decided value at every index is the fault-free state', () => {
		fc.assert(
			fc.property(boundedFaults({minReplicas: 1, minFaulty: 0, maxIndex: maxInputs}), fc.integer({min: 1, max: maxInputs}), (run, count) => {
				const right = faultFreeStates(run.model, run.seed, count);
				const rightDigests = faultFreeDigests(run.model, run.seed, count);
				const healthy = new Set(Array.from({length: run.replicas}, (_, id) => `R${id + 1}`).filter((_, id) => !run.faulty.includes(id)));
				let s = createSimulation({model: run.model, replicas: run.replicas, seed: run.seed, faults: run.faults});
				for (let index = 1; index <= count; index++) {
					s = step(s, {type: 'input'});
					const status = quorumStatus(s);
					expect(status.kind).toBe('decided');
					expect(status.index).toBe(index);
					expect(status.decision!.index).toBe(index);
					expect(status.decision!.decided!.digest).toBe(rightDigests[index]);
					expect(status.decision!.decided!.state).toEqual(right[index]);
					expect(status.decision!.decided!.count).toBeGreaterThanOrEqual(healthy.size);
					// The healthy replicas are never the ones called out.
					for (const entry of status.outOfLine) expect(healthy.has(entry.name)).toBe(false);
				}
			}),
			{numRuns: 100},
		);
	});
});
