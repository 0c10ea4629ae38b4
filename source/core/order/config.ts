import type {RawFlags} from '../engine/mode.js';
import {UsageError} from '../engine/usage-error.js';
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
	speed: {type: 'string'},
} as const satisfies Record<string, {readonly type: 'string' | 'boolean'; readonly isMultiple?: boolean}>;

function text(flags: RawFlags, name: string): string | undefined {
	const value = flags[name];
	if (value === undefined || typeof value === 'boolean') return undefined;
	if (typeof value === 'string') return value;
	if (value.length > 1) throw new UsageError(`--${name} can only be given once`);
	return value[0];
}

function whole(flags: RawFlags, name: string, fallback: number, min: number, max: number): number {
	const value = text(flags, name);
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
	const number = Number(value);
	if (number < min || number > max) throw new UsageError(`--${name} must be from ${min} to ${max}, not ${number}`);
	return number;
}

/** "5-40" or "20" (both ends the same). */
function range(flags: RawFlags, name: string, fallback: readonly [number, number], min: number, max: number): [number, number] {
	const value = text(flags, name);
	if (value === undefined) return [...fallback];
	const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(value);
	if (!match) throw new UsageError(`--${name} must be milliseconds as LOW-HIGH (e.g. ${fallback[0]}-${fallback[1]}) or one number, not "${value}"`);
	const low = Number(match[1]);
	const high = match[2] === undefined ? low : Number(match[2]);
	if (low < min || high > max || high < low) throw new UsageError(`--${name} must be from ${min} to ${max} ms with LOW ≤ HIGH, not "${value}"`);
	return [low, high];
}

export function parseOrderConfig(flags: RawFlags): OrderConfig {
	const seed = whole(flags, 'seed', defaultConfig.seed, 0, 4_294_967_295);
	const model = text(flags, 'model') ?? defaultConfig.model;
	if (!modelNames.includes(model)) throw new UsageError(`unknown --model "${model}": choose one of ${modelNames.join(', ')}`);
	const clients = whole(flags, 'clients', defaultConfig.clients, minClients, maxClients);
	const workload = whole(flags, 'workload', defaultConfig.workload, 0, 600_000);
	const inputs = whole(flags, 'inputs', defaultConfig.inputs, 0, maxManualRequests);
	const [latencyMin, latencyMax] = range(flags, 'latency', [defaultConfig.latencyMin, defaultConfig.latencyMax], 1, 10_000);
	const nullEvery = whole(flags, 'null-every', defaultConfig.nullEvery, 10, 600_000);
	const stallAfter = whole(flags, 'stall-after', defaultConfig.stallAfter, 10, 3_600_000);
	const speedText = text(flags, 'speed');
	const speed = speedText === undefined ? undefined : whole(flags, 'speed', defaultSpeed, speedLadder[0], speedLadder.at(-1)!);
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
		...(speed === undefined ? {} : {speed}),
	};
}
