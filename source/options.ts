import {parseFaultSpec, type ScheduledFault} from './core/fault.js';
import {maxReplicas} from './core/limits.js';
import {modelNames} from './core/models/index.js';
import {maxRate} from './core/session.js';

export {UsageError} from './core/engine/usage-error.js';
import {UsageError} from './core/engine/usage-error.js';

export type RunOptions = {
	readonly replicas: number;
	readonly model: string;
	readonly seed: number;
	readonly rate: number;
	readonly paused: boolean;
	readonly faults: readonly ScheduledFault[];
	readonly steps: number | undefined;
	readonly json: boolean;
	readonly trace: string | undefined;
	readonly record: string | undefined;
};

export type RawFlags = {
	replicas?: string;
	model?: string;
	seed?: string;
	rate?: string;
	paused?: boolean;
	fault?: string[];
	steps?: string;
	json?: boolean;
	trace?: string;
	record?: string;
};

function integer(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
	if (text === undefined) return fallback;
	if (!/^\d+$/.test(text.trim())) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, not "${text}"`);
	const value = Number(text);
	if (value < min || value > max) throw new UsageError(`--${flag} must be from ${min} to ${max}, not ${value}`);
	return value;
}

export function parseRunOptions(flags: RawFlags): RunOptions {
	const replicas = integer('replicas', flags.replicas, 3, 1, maxReplicas);
	const model = flags.model ?? 'bank';
	if (!modelNames.includes(model)) throw new UsageError(`unknown --model "${model}": choose one of ${modelNames.join(', ')}`);
	const seed = integer('seed', flags.seed, 1, 0, 4_294_967_295);
	const rate = flags.rate === undefined ? 2 : Number(flags.rate);
	if (!Number.isFinite(rate) || rate <= 0 || rate > maxRate || flags.rate?.trim() === '') {
		throw new UsageError(`--rate must be a number of inputs per second above 0 and at most ${maxRate}, not "${flags.rate}"`);
	}

	const faults = (flags.fault ?? []).map(spec => {
		const fault = parseFaultSpec(spec, replicas);
		if (typeof fault === 'string') throw new UsageError(fault);
		return fault;
	});
	const steps = flags.steps === undefined ? undefined : integer('steps', flags.steps, 0, 0, 1_000_000_000);
	if (flags.json && steps === undefined) throw new UsageError('--json needs --steps N (how many inputs to run headless)');
	if (flags.trace !== undefined && steps === undefined) throw new UsageError('--trace needs --steps N (how many inputs to run headless)');
	if (flags.record !== undefined && steps !== undefined) throw new UsageError('--record records a live session; it cannot be combined with --steps');
	for (const [flag, value] of [['trace', flags.trace], ['record', flags.record]] as const) {
		if (value !== undefined && value.trim() === '') throw new UsageError(`--${flag} needs a file name`);
	}

	return {replicas, model, seed, rate, paused: Boolean(flags.paused), faults, steps, json: Boolean(flags.json), trace: flags.trace, record: flags.record};
}
