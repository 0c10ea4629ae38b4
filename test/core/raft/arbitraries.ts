import fc from 'fast-check';
import type {MessagePick, RaftAction} from '../../../source/core/raft/types.js';

/** One fault (or request) after `gap` virtual ms. */
export type TimedAction = {readonly gap: number; readonly action: RaftAction};

const server = (size: number) => fc.integer({min: 0, max: size - 1});
const pickArbitrary = (size: number): fc.Arbitrary<MessagePick> =>
	fc.oneof(
		fc.constant({by: 'next'} as const),
		fc.record({
			by: fc.constant('match' as const),
			from: fc.oneof(fc.constant('any' as const), server(size)),
			to: fc.oneof(fc.constant('any' as const), server(size)),
		}),
	);

export function actionArbitrary(size: number): fc.Arbitrary<RaftAction> {
	return fc.oneof(
		{weight: 3, arbitrary: fc.record({type: fc.constant('crash' as const), server: fc.oneof(server(size), fc.constant('leader' as const))})},
		{weight: 4, arbitrary: fc.record({type: fc.constant('restart' as const), server: server(size)})},
		{weight: 2, arbitrary: fc.record({type: fc.constant('timeout' as const), server: server(size)})},
		{weight: 4, arbitrary: fc.record({type: fc.constant('request' as const), server: fc.option(server(size), {nil: undefined})}).map(({type, server}) => (server === undefined ? {type} : {type, server}))},
		{weight: 2, arbitrary: fc.array(fc.integer({min: 0, max: 2}), {minLength: size, maxLength: size}).map(groupOf => ({type: 'partition' as const, groups: [0, 1, 2].map(group => groupOf.flatMap((g, id) => (g === group ? [id] : []))).filter(group => group.length > 0)}))},
		{weight: 1, arbitrary: fc.record({type: fc.constant('isolate' as const), server: fc.oneof(server(size), fc.constant('leader' as const))})},
		{weight: 1, arbitrary: fc.record({type: fc.constant('split' as const), leaderSide: fc.constantFrom('majority' as const, 'minority' as const)})},
		{weight: 1, arbitrary: fc.tuple(server(size), server(size)).filter(([a, b]) => a !== b).map(([from, to]) => ({type: 'cut' as const, from, to}))},
		{weight: 3, arbitrary: fc.constant({type: 'heal' as const})},
		{weight: 3, arbitrary: pickArbitrary(size).map(pick => ({type: 'drop' as const, pick}))},
		{weight: 3, arbitrary: pickArbitrary(size).map(pick => ({type: 'duplicate' as const, pick}))},
		{weight: 2, arbitrary: fc.tuple(pickArbitrary(size), fc.integer({min: 1, max: 300})).map(([pick, ms]) => ({type: 'delay' as const, pick, ms}))},
		{weight: 2, arbitrary: pickArbitrary(size).map(pick => ({type: 'deliver' as const, pick}))},
		{weight: 1, arbitrary: fc.constantFrom(0, 0.1, 0.3).map(probability => ({type: 'loss' as const, probability}))},
		{weight: 1, arbitrary: fc.tuple(server(size), fc.constantFrom(0, 50, 200)).map(([from, ms]) => ({type: 'slow' as const, from, ms}))},
	);
}

export type Run = {readonly seed: number; readonly servers: number; readonly model: string; readonly workload: number; readonly schedule: readonly TimedAction[]};

export const runArbitrary: fc.Arbitrary<Run> = fc.constantFrom(3, 5, 7).chain(servers =>
	fc.record({
		seed: fc.integer({min: 0, max: 0xff_ff_ff_ff}),
		servers: fc.constant(servers),
		model: fc.constantFrom('bank', 'kv', 'chain'),
		workload: fc.constantFrom(0, 80, 300),
		schedule: fc.array(fc.record({gap: fc.integer({min: 0, max: 400}), action: actionArbitrary(servers)}), {maxLength: 30}),
	}),
);
