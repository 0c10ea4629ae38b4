import {parseFaultSpec, type ScheduledFault} from './fault.js';
import {maxReplicas} from './limits.js';
import {modelNames} from '../models/index.js';
import {choiceFlag, listFlag, numberFlag, seedFlag, wholeFlag} from '../engine/flags.js';
import type {RawFlags} from '../engine/mode.js';
import {UsageError} from '../engine/usage-error.js';
import type {SimConfig} from './types.js';

/** Speeds the +/- keys move between, in inputs per second; --rate takes any value from the first to the last. */
export const rateLadder = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000, 2000, 5000, 10_000] as const;
export const minRate = rateLadder[0];
export const maxRate = rateLadder.at(-1)!;

export type VotingConfig = SimConfig & {readonly rate: number | undefined};

export const votingFlags = {
	replicas: {type: 'string'},
	model: {type: 'string'},
	seed: {type: 'string'},
	rate: {type: 'string'},
	fault: {type: 'string', isMultiple: true},
} as const;

export function parseVotingConfig(flags: RawFlags): VotingConfig {
	const replicas = wholeFlag(flags, 'replicas', 3, 1, maxReplicas);
	const model = choiceFlag(flags, 'model', 'bank', modelNames);
	const seed = seedFlag(flags);
	const rate = flags['rate'] === undefined ? undefined : numberFlag(flags, 'rate', 2, minRate, maxRate, 'a number of inputs per second');
	const faults: ScheduledFault[] = listFlag(flags, 'fault').map(spec => {
		const fault = parseFaultSpec(spec, replicas);
		if (typeof fault === 'string') throw new UsageError(fault);
		return fault;
	});
	return {model, replicas, seed, faults, rate};
}
