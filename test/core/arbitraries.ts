import fc from 'fast-check';
import {toleratedFaults} from '../../source/core/voting/quorum.js';
import type {FaultType, ScheduledFault} from '../../source/core/voting/fault.js';
import {faultTypes} from '../../source/core/voting/fault.js';
import type {SimAction, SimConfig} from '../../source/core/voting/types.js';

export const modelName = fc.constantFrom('bank', 'chain', 'kv');
export const seed = fc.nat();
export const faultType = fc.constantFrom<FaultType>(...faultTypes);

const scheduledFault = (replicas: number, maxIndex: number, types: fc.Arbitrary<FaultType> = faultType) =>
	fc.record({replica: fc.nat(replicas - 1), type: types, atIndex: fc.nat(maxIndex)});

/** Any configuration: 1–9 replicas, any faults anywhere. */
export const anyConfig: fc.Arbitrary<SimConfig> = fc.integer({min: 1, max: 9}).chain(replicas =>
	fc.record({
		model: modelName,
		replicas: fc.constant(replicas),
		seed,
		faults: fc.array(scheduledFault(replicas, 40), {maxLength: 6}),
	}),
);

export const actionFor = (replicas: number): fc.Arbitrary<SimAction> =>
	fc.oneof(
		{weight: 4, arbitrary: fc.record({type: fc.constant('input' as const), count: fc.integer({min: 1, max: 6})})},
		{weight: 1, arbitrary: fc.record({type: fc.constant('inject' as const), replica: fc.nat(replicas - 1), fault: faultType})},
		{weight: 1, arbitrary: fc.record({type: fc.constant('repair' as const), replica: fc.nat(replicas - 1)})},
	);

/** A configuration and a sequence of actions for it. */
export const configAndActions = anyConfig.chain(config =>
	fc.record({config: fc.constant(config), actions: fc.array(actionFor(config.replicas), {maxLength: 30})}),
);

/** The kinds of fault a bounded number of replicas may suffer in the majority property. */
export const harmfulFault = fc.constantFrom<FaultType>('skip', 'flaky', 'corrupt', 'crash', 'reorder', 'lag');

/**
 * A run with at most ⌊(N−1)/2⌋ faulty replicas, each given one to three faults
 * of random kinds at random indices in [0, maxIndex].
 */
export const boundedFaults = (options: {minReplicas: number; minFaulty: number; maxIndex: number}) =>
	fc.integer({min: options.minReplicas, max: 9}).chain(replicas =>
		fc
			.shuffledSubarray(
				Array.from({length: replicas}, (_, id) => id),
				{minLength: Math.min(options.minFaulty, toleratedFaults(replicas)), maxLength: toleratedFaults(replicas)},
			)
			.chain(faulty =>
				fc.record({
					model: modelName,
					replicas: fc.constant(replicas),
					seed,
					faulty: fc.constant(faulty),
					faults: fc.tuple(
						...faulty.map(replica =>
							fc.array(
								fc.record({replica: fc.constant(replica), type: harmfulFault, atIndex: fc.nat(options.maxIndex)}),
								{minLength: 1, maxLength: 3},
							),
						),
					).map(lists => lists.flat() as ScheduledFault[]),
				}),
			),
	);
