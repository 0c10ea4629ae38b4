/**
 * Reading a mode's flags (from the command line or a scenario header) with
 * one plain sentence for every bad value.
 */
import type {RawFlags} from './mode.js';
import {UsageError} from './usage-error.js';

export const maxSeed = 4_294_967_295;

/** The flag's one value as text, or undefined when it is absent. */
export function textFlag(flags: RawFlags, name: string): string | undefined {
	const value = flags[name];
	if (value === undefined || typeof value === 'boolean') return undefined;
	if (typeof value === 'string') return value;
	if (value.length > 1) throw new UsageError(`--${name} can only be given once`);
	return value[0];
}

/** A whole number from `min` to `max`, or `fallback` when the flag is absent. */
export function wholeFlag(flags: RawFlags, name: string, fallback: number, min: number, max: number): number {
	const value = textFlag(flags, name);
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
	const number = Number(value);
	if (number < min || number > max) throw new UsageError(`--${name} must be from ${min} to ${max}, not ${number}`);
	return number;
}

/** A decimal number as a person writes one: `2`, `0.25`, `.5`; not `0x10`, `1e3` or `Infinity`, which Number() also reads. */
const decimal = /^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/;

/** A number from `min` to `max` (a speed, a probability), written in decimals, or `fallback`. */
export function numberFlag(flags: RawFlags, name: string, fallback: number, min: number, max: number, unit: string): number {
	const value = textFlag(flags, name);
	if (value === undefined) return fallback;
	const number = decimal.test(value) ? Number(value) : Number.NaN;
	if (!Number.isFinite(number) || number < min || number > max) {
		throw new UsageError(`--${name} must be ${unit} from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, not "${value}"`);
	}

	return number;
}

/** One of `choices`, or `fallback`. */
export function choiceFlag<T extends string>(flags: RawFlags, name: string, fallback: T, choices: readonly T[]): T {
	const value = textFlag(flags, name);
	if (value === undefined) return fallback;
	if (!(choices as readonly string[]).includes(value)) throw new UsageError(`unknown --${name} "${value}": choose one of ${choices.join(', ')}`);
	return value as T;
}

/** Every value of a repeatable flag. */
export function listFlag(flags: RawFlags, name: string): readonly string[] {
	const value = flags[name];
	if (value === undefined || typeof value === 'boolean') return [];
	return typeof value === 'string' ? [value] : value;
}

export function booleanFlag(flags: RawFlags, name: string): boolean {
	return flags[name] === true;
}

export function seedFlag(flags: RawFlags): number {
	return wholeFlag(flags, 'seed', 1, 0, maxSeed);
}

/** Milliseconds as "LOW-HIGH" ("150-300") or one number ("200": both ends the same), or `fallback`. */
export function rangeFlag(flags: RawFlags, name: string, fallback: readonly [number, number], min: number, max: number): [number, number] {
	const value = textFlag(flags, name);
	if (value === undefined) return [...fallback];
	const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(value);
	if (!match) throw new UsageError(`--${name} must be milliseconds as LOW-HIGH (e.g. ${fallback[0]}-${fallback[1]}) or one number, not "${value}"`);
	const low = Number(match[1]);
	const high = match[2] === undefined ? low : Number(match[2]);
	if (low < min || high > max || high < low) throw new UsageError(`--${name} must be from ${min} to ${max} ms with LOW ≤ HIGH, not "${value}"`);
	return [low, high];
}

/**
 * A switch (a boolean flag) given a value, `--heartbeats=maybe`: meow reads
 * any value but "true" as off, so refuse what is neither true nor false.
 * `switches` are the switches' names as meow keys them (camelCase).
 */
export function refuseSwitchValues(argv: readonly string[], switches: Iterable<string>): void {
	const names = new Set(switches);
	for (const argument of argv) {
		if (argument === '--') return;
		const match = /^--([^=]+)=(.*)$/s.exec(argument);
		if (!match) continue;
		const [, name = '', value = ''] = match;
		const camel = name.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
		if (!names.has(camel) || value === 'true' || value === 'false') continue;
		throw new UsageError(`--${name} is a switch: give it alone, or as --${name}=true or =false, not "${value}"`);
	}
}
