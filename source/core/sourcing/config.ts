import type {RawFlags} from '../engine/mode.js';
import {UsageError} from '../engine/usage-error.js';
import type {SourcingConfig} from './state.js';

export const defaultJournalLimit = 500;
export const maxSpeed = 1000;

export const flags = {
	seed: {type: 'string'},
	rate: {type: 'string'},
	journal: {type: 'string'},
} as const;

function single(flags: RawFlags, name: string): string | undefined {
	const value = flags[name];
	if (value === undefined || value === false) return undefined;
	if (typeof value !== 'string') throw new UsageError(`--${name} takes one value`);
	return value;
}

function whole(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
	if (text === undefined) return fallback;
	if (!/^\d+$/.test(text.trim())) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
	const value = Number(text);
	if (value < min || value > max) throw new UsageError(`--${name} must be from ${min} to ${max}, not ${value}`);
	return value;
}

export function parseConfig(raw: RawFlags): SourcingConfig {
	const seed = whole('seed', single(raw, 'seed'), 1, 0, 4_294_967_295);
	const journalLimit = whole('journal', single(raw, 'journal'), defaultJournalLimit, 20, 100_000);
	const rateText = single(raw, 'rate');
	let rate: number | undefined;
	if (rateText !== undefined) {
		rate = Number(rateText);
		if (rateText.trim() === '' || !Number.isFinite(rate) || rate <= 0 || rate > maxSpeed) {
			throw new UsageError(`--rate must be a number of commands per second above 0 and at most ${maxSpeed}, not "${rateText}"`);
		}
	}

	return {seed, rate, journalLimit};
}
