import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {quorumStatus} from '../../source/core/voting/quorum.js';
import {createSimulation, step} from '../../source/core/voting/simulation.js';
import {boundedFaults} from './arbitraries.js';
import {faultFreeDigests} from './helpers.js';

describe('repair', () => {
	it('brings every faulty replica back into agreement with the fault-free run', () => {
		const scenario = fc.integer({min: 0, max: 50}).chain(before =>
			fc.record({
				before: fc.constant(before),
				after: fc.integer({min: 0, max: 5}),
				// Every fault strikes before the repair, so nothing is left to strike after it.
				run: boundedFaults({minReplicas: 3, minFaulty: 1, maxIndex: before}),
				extra: fc.array(fc.nat(8), {maxLength: 2}),
			}),
		);
		fc.assert(
			fc.property(scenario, ({before, after, run, extra}) => {
				let s = createSimulation({model: run.model, replicas: run.replicas, seed: run.seed, faults: run.faults});
				s = before > 0 ? step(s, {type: 'input', count: before}) : s;
				// Repair the faulty ones, and perhaps a healthy one or two, which must do no harm.
				const toRepair = [...run.faulty, ...extra.filter(id => id < run.replicas)];
				for (const replica of toRepair) s = step(s, {type: 'repair', replica});
				s = after > 0 ? step(s, {type: 'input', count: after}) : s;
				const final = before + after;
				const right = faultFreeDigests(run.model, run.seed, final)[final];
				for (const replica of s.replicas) {
					expect(replica.crashed).toBe(false);
					expect(replica.applied).toBe(final);
					expect(replica.digest).toBe(right);
				}

				const status = quorumStatus(s);
				expect(status.outOfLine.filter(entry => entry.reason === 'diverged')).toEqual([]);
				expect(status.outOfLine).toEqual([]);
				if (final > 0) expect(status.kind).toBe('decided');
				if (final > 0) expect(status.decision!.decided!.count).toBe(run.replicas);
			}),
			{numRuns: 100},
		);
	});
});
