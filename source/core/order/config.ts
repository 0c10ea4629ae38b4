import type {RawFlags} from '../engine/mode.js';
import {UsageError} from '../engine/usage-error.js';
import {choiceFlag, rangeFlag, textFlag, wholeFlag} from '../engine/flags.js';
import {modelNames} from '../models/index.js';
import {maxManualRequests} from '../raft/config.js';
import type {OrderConfig} from './types.js';

export const speedLadder = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000] as const;
export const defaultSpeed = 50;
export const minClients = 2;
export const maxClients = 4;

export const defaultConfig: OrderConfig = {
	seed: 1,
	model: 'bank',
	clients: 3,
	workload: 120,
	inputs: 1000,
	latencyMin: 5,
	latencyMax: 80,
	heartbeats: false,
	nullEvery: 150,
	nackWait: 60,
	nackRetry: 300,
	stallAfter: 1000,
	clientFifo: true,
};

export const orderFlags = {
	seed: {type: 'string'},
	model: {type: 'string'},
	clients: {type: 'string'},
	workload: {type: 'string'},
	inputs: {type: 'string'},
	latency: {type: 'string'},
	heartbeats: {type: 'boolean'},
	'null-every': {type: 'string'},
	'stall-after': {type: 'string'},
	'client-fifo': {type: 'string'},
	speed: {type: 'string'},
} as const satisfies Record<string, {readonly type: 'string' | 'boolean'; readonly isMultiple?: boolean}>;

export function parseOrderConfig(flags: RawFlags): OrderConfig {
	const seed = wholeFlag(flags, 'seed', defaultConfig.seed, 0, 4_294_967_295);
	const model = textFlag(flags, 'model') ?? defaultConfig.model;
	if (!modelNames.includes(model)) throw new UsageError(`unknown --model "${model}": choose one of ${modelNames.join(', ')}`);
	const clients = wholeFlag(flags, 'clients', defaultConfig.clients, minClients, maxClients);
	const workload = wholeFlag(flags, 'workload', defaultConfig.workload, 0, 600_000);
	const inputs = wholeFlag(flags, 'inputs', defaultConfig.inputs, 0, maxManualRequests);
	const [latencyMin, latencyMax] = rangeFlag(flags, 'latency', [defaultConfig.latencyMin, defaultConfig.latencyMax], 1, 10_000);
	const nullEvery = wholeFlag(flags, 'null-every', defaultConfig.nullEvery, 10, 600_000);
	const stallAfter = wholeFlag(flags, 'stall-after', defaultConfig.stallAfter, 10, 3_600_000);
	const speedText = textFlag(flags, 'speed');
	const speed = speedText === undefined ? undefined : wholeFlag(flags, 'speed', defaultSpeed, speedLadder[0], speedLadder.at(-1)!);
	// A NACK waits out the network's jitter before it calls a late message lost.
	const nackWait = Math.max(defaultConfig.nackWait, latencyMax - latencyMin + 20);
	return {
		seed,
		model,
		clients,
		workload,
		inputs,
		latencyMin,
		latencyMax,
		heartbeats: flags.heartbeats === true,
		nullEvery,
		nackWait,
		nackRetry: Math.max(defaultConfig.nackRetry, 2 * latencyMax + nackWait),
		stallAfter,
		clientFifo: choiceFlag(flags, 'client-fifo', 'on', ['on', 'off']) === 'on',
		...(speed === undefined ? {} : {speed}),
	};
}
