import {booleanFlag, listFlag, rangeFlag, seedFlag, textFlag, wholeFlag} from '../engine/flags.js';
import type {RawFlags} from '../engine/mode.js';
import {UsageError} from '../engine/usage-error.js';
import {modelNames} from '../models/index.js';
import {bugNames, type BugName} from './bugs.js';
import type {PaxosConfig} from './types.js';

export const speedLadder = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000] as const;
export const defaultSpeed = 100;
/** The adversary delivers a held Accept at the latest this long after it was sent: every message arrives eventually. */
export const holdMs = 250;
/** A proposer that hears nothing back tries again after this long. */
export const replyTimeout = 400;
/** After a refusal, a proposer waits a random backoff in this range before it tries a higher number. */
export const backoff = [10, 40] as const;
/** Leader election: heartbeats this often; a proposer not heard from for `leaderTimeout` is presumed down. */
export const heartbeatMs = 50;
export const leaderTimeout = 160;
export const maxRequests = 200;

export const paxosFlags = {
	seed: {type: 'string'},
	proposers: {type: 'string'},
	acceptors: {type: 'string'},
	learners: {type: 'string'},
	multi: {type: 'boolean'},
	model: {type: 'string'},
	latency: {type: 'string'},
	stagger: {type: 'string'},
	adversary: {type: 'boolean'},
	leader: {type: 'boolean'},
	workload: {type: 'string'},
	requests: {type: 'string'},
	bug: {type: 'string', isMultiple: true},
	speed: {type: 'string'},
} as const satisfies Record<string, {readonly type: 'string' | 'boolean'; readonly isMultiple?: boolean}>;

export function parseBugs(words: readonly string[]): BugName[] {
	return words.map(word => {
		if (!(bugNames as readonly string[]).includes(word)) throw new UsageError(`unknown --bug "${word}": choose one of ${bugNames.join(', ')}`);
		return word as BugName;
	});
}

export function parsePaxosConfig(flags: RawFlags): PaxosConfig {
	const multi = booleanFlag(flags, 'multi');
	const model = textFlag(flags, 'model') ?? 'kv';
	if (!modelNames.includes(model)) throw new UsageError(`unknown --model "${model}": choose one of ${modelNames.join(', ')}`);
	const [latencyMin, latencyMax] = rangeFlag(flags, 'latency', [5, 30], 1, 5000);
	const speedText = textFlag(flags, 'speed');
	return {
		seed: seedFlag(flags),
		proposers: wholeFlag(flags, 'proposers', 2, 1, 4),
		acceptors: wholeFlag(flags, 'acceptors', 3, 1, 7),
		learners: wholeFlag(flags, 'learners', 2, 1, 3),
		multi,
		model,
		latencyMin,
		latencyMax,
		stagger: wholeFlag(flags, 'stagger', 200, 0, 60_000),
		adversary: booleanFlag(flags, 'adversary'),
		leader: multi || booleanFlag(flags, 'leader'),
		workload: wholeFlag(flags, 'workload', multi ? 150 : 0, 0, 600_000),
		requests: wholeFlag(flags, 'requests', multi ? 12 : 0, 0, maxRequests),
		bugs: parseBugs(listFlag(flags, 'bug')),
		...(speedText === undefined ? {} : {speed: wholeFlag(flags, 'speed', defaultSpeed, speedLadder[0], speedLadder.at(-1)!)}),
	};
}
