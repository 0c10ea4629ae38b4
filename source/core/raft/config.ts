import type {RawFlags} from '../engine/mode.js';
import {UsageError} from '../engine/usage-error.js';
import {rangeFlag, textFlag, wholeFlag} from '../engine/flags.js';
import {modelNames} from '../models/index.js';
import {parseProbability} from '../net/verbs.js';
import {bugNames, type BugName, type RaftConfig} from './types.js';

export const minServers = 1;
export const maxServers = 7;
/** Requests the client sends by hand (keys, verbs) in one run, at most: with `requests` it bounds every log. */
export const maxManualRequests = 10_000;

export const speedLadder = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000] as const;
export const defaultSpeed = 100;

export const defaultConfig: RaftConfig = {
	servers: 5,
	seed: 1,
	model: 'bank',
	electionMin: 150,
	electionMax: 300,
	heartbeat: 50,
	latencyMin: 2,
	latencyMax: 6,
	loss: 0,
	workload: 500,
	requests: 1000,
	batch: 8,
	prevote: false,
	backoff: 'one',
	bugs: [],
};

export const raftFlags = {
	servers: {type: 'string'},
	seed: {type: 'string'},
	model: {type: 'string'},
	election: {type: 'string'},
	heartbeat: {type: 'string'},
	latency: {type: 'string'},
	loss: {type: 'string'},
	workload: {type: 'string'},
	requests: {type: 'string'},
	batch: {type: 'string'},
	prevote: {type: 'boolean'},
	backoff: {type: 'string'},
	bug: {type: 'string', isMultiple: true},
	speed: {type: 'string'},
	labels: {type: 'string'},
} as const satisfies Record<string, {readonly type: 'string' | 'boolean'; readonly isMultiple?: boolean}>;

/** A probability as 0.2 or 20%. */
export {parseProbability} from '../net/verbs.js';

export function parseBugs(flags: RawFlags): BugName[] {
	const value = flags.bug;
	if (value === undefined || typeof value === 'boolean') return [];
	const names = (typeof value === 'string' ? [value] : [...value]).flatMap(name => name.split(',')).map(name => name.trim());
	for (const name of names) {
		if (!(bugNames as readonly string[]).includes(name)) throw new UsageError(`unknown --bug "${name}": choose from ${bugNames.join(', ')}`);
	}

	return bugNames.filter(name => names.includes(name));
}

/** The longest column label. */
export const maxLabelLength = 6;

/** "--labels ,a,b,c,d,e,f": a short label a server, '' for none; undefined when none is set. */
export function parseLabels(text: string, servers: number): string[] | undefined {
	const labels = text.split(',').map(label => label.trim());
	if (labels.length > servers) throw new UsageError(`--labels names ${labels.length} columns, but there are ${servers} servers`);
	const bad = labels.find(label => label.length > maxLabelLength || /[\s()]/.test(label));
	if (bad !== undefined) throw new UsageError(`--labels: "${bad}" is not a short label (at most ${maxLabelLength} characters, no spaces or brackets)`);
	return labels.some(label => label !== '') ? labels : undefined;
}

export function parseRaftConfig(flags: RawFlags): RaftConfig {
	const servers = wholeFlag(flags, 'servers', defaultConfig.servers, minServers, maxServers);
	const seed = wholeFlag(flags, 'seed', defaultConfig.seed, 0, 4_294_967_295);
	const model = textFlag(flags, 'model') ?? defaultConfig.model;
	if (!modelNames.includes(model)) throw new UsageError(`unknown --model "${model}": choose one of ${modelNames.join(', ')}`);
	const [electionMin, electionMax] = rangeFlag(flags, 'election', [defaultConfig.electionMin, defaultConfig.electionMax], 1, 60_000);
	const heartbeat = wholeFlag(flags, 'heartbeat', defaultConfig.heartbeat, 1, 60_000);
	const [latencyMin, latencyMax] = rangeFlag(flags, 'latency', [defaultConfig.latencyMin, defaultConfig.latencyMax], 0, 60_000);
	const lossText = textFlag(flags, 'loss');
	const loss = lossText === undefined ? defaultConfig.loss : parseProbability(lossText);
	if (loss === undefined) throw new UsageError(`--loss must be a probability from 0 to 1 (or 0% to 100%), not "${lossText}"`);
	const workload = wholeFlag(flags, 'workload', defaultConfig.workload, 0, 3_600_000);
	const requests = wholeFlag(flags, 'requests', defaultConfig.requests, 0, 100_000);
	const batch = wholeFlag(flags, 'batch', defaultConfig.batch, 1, 1000);
	const backoff = textFlag(flags, 'backoff') ?? defaultConfig.backoff;
	if (backoff !== 'one' && backoff !== 'term') throw new UsageError(`--backoff must be "one" (Figure 2) or "term" (skip a conflicting term), not "${backoff}"`);
	const speedText = textFlag(flags, 'speed');
	const speed = speedText === undefined ? undefined : wholeFlag(flags, 'speed', defaultSpeed, speedLadder[0], speedLadder.at(-1)!);
	const labelsText = textFlag(flags, 'labels');
	const labels = labelsText === undefined ? undefined : parseLabels(labelsText, servers);
	return {
		servers,
		seed,
		model,
		electionMin,
		electionMax,
		heartbeat,
		latencyMin,
		latencyMax,
		loss,
		workload,
		requests,
		batch,
		prevote: flags.prevote === true,
		backoff,
		bugs: parseBugs(flags),
		...(speed === undefined ? {} : {speed}),
		...(labels === undefined ? {} : {labels}),
	};
}

/** Followers' timers must not fire between heartbeats: a heartbeat above half the shortest election timeout is not well below it. */
export function heartbeatWarning(config: RaftConfig): {readonly text: string; readonly short: string} | undefined {
	if (config.heartbeat * 2 <= config.electionMin) return undefined;
	const timeouts = config.electionMin === config.electionMax ? `${config.electionMin} ms` : `${config.electionMin}–${config.electionMax} ms`;
	return {
		text: `--heartbeat ${config.heartbeat} is not well below the election timeout (${timeouts}): followers' timers can fire between heartbeats and elections follow one another; use at most ${Math.floor(config.electionMin / 2)} ms`,
		short: `heartbeat ${config.heartbeat} ms is not well below the ${timeouts} timeouts`,
	};
}

export function hasBug(config: RaftConfig, bug: BugName): boolean {
	return config.bugs.includes(bug);
}

/** The fewest servers that make a majority of the cluster. */
export function majorityOf(servers: number): number {
	return Math.floor(servers / 2) + 1;
}
