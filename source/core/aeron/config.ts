/** The Aeron mode's flags, its scaled timings for watching, and Aeron's own defaults. */
import type {RawFlags} from '../engine/mode.js';
import {UsageError} from '../engine/usage-error.js';
import {booleanFlag, choiceFlag, listFlag, maxSeed, numberFlag, wholeFlag} from '../engine/flags.js';
import {modelNames} from '../models/index.js';
import {bugNames, type AeronConfig, type BugName, type Timings} from './types.js';

export const speedLadder = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] as const;
export const defaultSpeed = 200;

/** Aeron's defaults (ConsensusModule.Configuration). */
export const aeronTimings: Timings = {heartbeatInterval: 200, heartbeatTimeout: 10_000, electionTimeout: 1000, statusInterval: 100, startupCanvass: 60_000};
/** Scaled for watching: a 1 s heartbeat timeout instead of 10 s, the rest in proportion. */
export const scaledTimings: Timings = {heartbeatInterval: 100, heartbeatTimeout: 1000, electionTimeout: 400, statusInterval: 100, startupCanvass: 2000};

export const aeronFlags = {
	members: {type: 'string'},
	seed: {type: 'string'},
	model: {type: 'string'},
	'aeron-defaults': {type: 'boolean'},
	workload: {type: 'string'},
	requests: {type: 'string'},
	archive: {type: 'string'},
	bug: {type: 'string', isMultiple: true},
	speed: {type: 'string'},
} as const satisfies Record<string, {readonly type: 'string' | 'boolean'; readonly isMultiple?: boolean}>;

export const defaultConfig: AeronConfig = {
	members: 3,
	seed: 1,
	model: 'bank',
	realDefaults: false,
	timings: scaledTimings,
	latencyMin: 2,
	latencyMax: 6,
	archiveMs: 3,
	workload: 600,
	requests: 1000,
	bugs: [],
};

/** How many times slower a slow archive records. */
export const slowFactor = 40;

export function parseAeronConfig(flags: RawFlags): AeronConfig {
	const members = wholeFlag(flags, 'members', defaultConfig.members, 1, 7);
	if (members !== 1 && members !== 3 && members !== 5 && members !== 7 && members !== 2) throw new UsageError(`--members must be 1, 2, 3, 5 or 7, not ${members}`);
	const bugs = listFlag(flags, 'bug').map(value => {
		if (!(bugNames as readonly string[]).includes(value)) throw new UsageError(`unknown --bug "${value}": choose among ${bugNames.join(', ')}`);
		return value as BugName;
	});
	const realDefaults = booleanFlag(flags, 'aeron-defaults');
	const speed = flags.speed === undefined ? undefined : numberFlag(flags, 'speed', defaultSpeed, speedLadder[0], speedLadder.at(-1)!, 'virtual ms per second');
	return {
		...defaultConfig,
		members,
		seed: wholeFlag(flags, 'seed', defaultConfig.seed, 0, maxSeed),
		model: choiceFlag(flags, 'model', defaultConfig.model, modelNames),
		realDefaults,
		timings: realDefaults ? aeronTimings : scaledTimings,
		workload: wholeFlag(flags, 'workload', defaultConfig.workload, 0, 1_000_000),
		requests: wholeFlag(flags, 'requests', defaultConfig.requests, 0, 100_000),
		archiveMs: wholeFlag(flags, 'archive', defaultConfig.archiveMs, 1, 1000),
		bugs: [...new Set(bugs)],
		...(speed === undefined ? {} : {speed}),
	};
}

export const quorumOf = (members: number): number => Math.floor(members / 2) + 1;
