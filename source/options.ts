import type {AnyMode, RawFlags} from './core/engine/mode.js';
import {UsageError} from './core/engine/usage-error.js';
import {themeNames, type ThemeName} from './theme-names.js';

export {UsageError} from './core/engine/usage-error.js';

/** Flags every mode takes (how to run it, not what to simulate). */
export const shellFlags = {
	paused: {type: 'boolean'},
	steps: {type: 'string'},
	json: {type: 'boolean'},
	trace: {type: 'string'},
	record: {type: 'string'},
	theme: {type: 'string'},
	output: {type: 'string', shortFlag: 'o'},
	size: {type: 'string'},
	fontSize: {type: 'string'},
	pace: {type: 'string'},
	claims: {type: 'string'},
	stills: {type: 'string'},
	topic: {type: 'string'},
} as const;

export type RunOptions = {
	readonly config: unknown;
	readonly paused: boolean;
	readonly speed: number;
	readonly steps: number | undefined;
	readonly json: boolean;
	readonly trace: string | undefined;
	readonly record: string | undefined;
};

function stringFlag(flags: RawFlags, name: string): string | undefined {
	const value = flags[name];
	return typeof value === 'string' ? value : undefined;
}

/** The theme for colour: --theme, unless NO_COLOR turns colour off. */
export function themeFrom(flags: RawFlags, env: NodeJS.ProcessEnv): ThemeName | false {
	const name = stringFlag(flags, 'theme') ?? 'dark';
	if (!(themeNames as readonly string[]).includes(name)) throw new UsageError(`unknown --theme "${name}": choose one of ${themeNames.join(', ')}`);
	return 'NO_COLOR' in env && env['NO_COLOR'] !== '' ? false : (name as ThemeName);
}

/** Refuses flags that belong to no part of this command. */
export function refuseForeignFlags(flags: RawFlags, allowed: Iterable<string>, what: string): void {
	const allowedSet = new Set(allowed);
	for (const [name, value] of Object.entries(flags)) {
		if (value === undefined || (Array.isArray(value) && value.length === 0) || allowedSet.has(name)) continue;
		throw new UsageError(`--${name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)} does not apply to ${what}`);
	}
}

export function parseRunOptions(mode: AnyMode, flags: RawFlags): RunOptions {
	const modeFlags: RawFlags = Object.fromEntries(Object.keys(mode.flags).map(name => [name, flags[name]]));
	const config = mode.parseConfig(modeFlags);
	const stepsText = stringFlag(flags, 'steps');
	let steps: number | undefined;
	if (stepsText !== undefined) {
		if (!/^\d+$/.test(stepsText.trim()) || Number(stepsText) > 1_000_000_000) throw new UsageError(`--steps must be a whole number from 0 to 1000000000, not "${stepsText}"`);
		steps = Number(stepsText);
	}

	const trace = stringFlag(flags, 'trace');
	const record = stringFlag(flags, 'record');
	if (flags['json'] && steps === undefined) throw new UsageError('--json needs --steps N (how many events to run headless)');
	if (trace !== undefined && steps === undefined) throw new UsageError('--trace needs --steps N (how many events to run headless)');
	if (record !== undefined && steps !== undefined) throw new UsageError('--record records a live session; it cannot be combined with --steps');
	for (const [flag, value] of [['trace', trace], ['record', record]] as const) {
		if (value !== undefined && value.trim() === '') throw new UsageError(`--${flag} needs a file name`);
	}

	return {
		config,
		paused: flags['paused'] === true,
		speed: mode.speedOf?.(config) ?? mode.speeds.initial,
		steps,
		json: flags['json'] === true,
		trace,
		record,
	};
}
