import {UsageError} from '../engine/usage-error.js';
import type {RawFlags} from '../engine/mode.js';
import {parseEtcdFaultSpec, type ScheduledEtcdFault} from './fault-schedule.js';

export const maxMembers = 7;
/** Writes per second when --rate is not given (live: slow enough to follow). */
export const defaultLiveRate = 5;
export const maxWriteRate = 1000;

export type EtcdConfig = {
	readonly members: number;
	readonly seed: number;
	/** Writes per second; undefined: the default (live) or as fast as acknowledgements come (headless). */
	readonly rate: number | undefined;
	readonly preVote: boolean;
	/** Attach to these client URLs instead of starting a cluster. */
	readonly endpoints: readonly string[] | undefined;
	/** Start with writes off. */
	readonly paused: boolean;
	readonly steps: number | undefined;
	readonly json: boolean;
	readonly faults: readonly ScheduledEtcdFault[];
};

/** The flags the etcd mode understands, for meow. */
export const etcdFlags = {
	members: {type: 'string'},
	seed: {type: 'string'},
	rate: {type: 'string'},
	preVote: {type: 'boolean'},
	endpoints: {type: 'string'},
	paused: {type: 'boolean'},
	steps: {type: 'string'},
	json: {type: 'boolean'},
	fault: {type: 'string', isMultiple: true},
} as const;

const text = (flags: RawFlags, name: string): string | undefined => {
	const value = flags[name];
	if (Array.isArray(value)) return value.at(-1);
	return typeof value === 'string' ? value : undefined;
};

const list = (flags: RawFlags, name: string): readonly string[] => {
	const value = flags[name];
	if (Array.isArray(value)) return value;
	return typeof value === 'string' ? [value] : [];
};

function whole(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
	const number = Number(value);
	if (number < min || number > max) throw new UsageError(`--${flag} must be from ${min} to ${max}, not ${number}`);
	return number;
}

/** An endpoint as a client URL on http (etcd's JSON gateway); refuses https and garbage in one line. */
export function parseEndpoint(value: string): string {
	const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `http://${value}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw new UsageError(`--endpoints: "${value}" is not a URL (e.g. http://127.0.0.1:2379)`);
	}

	if (url.protocol !== 'http:') throw new UsageError(`--endpoints: "${value}" uses ${url.protocol.replace(':', '')}; only http:// endpoints are supported`);
	if (url.port === '' || url.pathname !== '/' || url.search !== '') throw new UsageError(`--endpoints: "${value}" should be host:port, e.g. http://127.0.0.1:2379`);
	return `http://${url.host}`;
}

/** Builds the config from flags (CLI or scenario header). Throws UsageError with one plain line on a bad value. */
export function parseEtcdConfig(flags: RawFlags): EtcdConfig {
	const endpointText = text(flags, 'endpoints');
	const endpoints = endpointText === undefined ? undefined : endpointText.split(',').map(part => part.trim()).filter(Boolean).map(parseEndpoint);
	if (endpoints?.length === 0) throw new UsageError('--endpoints needs at least one URL, e.g. http://127.0.0.1:2379');
	if (endpoints && new Set(endpoints).size !== endpoints.length) throw new UsageError('--endpoints lists the same URL twice');
	const membersText = text(flags, 'members');
	if (endpoints && membersText !== undefined) throw new UsageError('--members starts a cluster of that size; with --endpoints the members are the cluster\'s own');
	const members = endpoints ? endpoints.length : whole('members', membersText, 3, 1, maxMembers);
	const seed = whole('seed', text(flags, 'seed'), 1, 0, 4_294_967_295);
	const rateText = text(flags, 'rate');
	let rate: number | undefined;
	if (rateText !== undefined) {
		rate = Number(rateText);
		if (rateText.trim() === '' || !Number.isFinite(rate) || rate <= 0 || rate > maxWriteRate) throw new UsageError(`--rate must be a number of writes per second above 0 and at most ${maxWriteRate}, not "${rateText}"`);
	}

	const preVote = Boolean(flags['preVote'] ?? flags['pre-vote']);
	const stepsText = text(flags, 'steps');
	const steps = stepsText === undefined ? undefined : whole('steps', stepsText, 0, 0, 1_000_000);
	const json = Boolean(flags['json']);
	if (json && steps === undefined) throw new UsageError('--json needs --steps N (how many inputs to write headless)');
	if (endpoints && list(flags, 'fault').length > 0) throw new UsageError('--fault needs a cluster this app starts (without --endpoints): an attached cluster is read-only');
	const faults = list(flags, 'fault').map(spec => {
		const fault = parseEtcdFaultSpec(spec, members);
		if (typeof fault === 'string') throw new UsageError(fault);
		return fault;
	});
	if (endpoints && steps !== undefined) throw new UsageError('--steps writes inputs, which needs a cluster this app starts (without --endpoints)');
	if (endpoints && preVote) throw new UsageError('--pre-vote is a setting of a cluster this app starts (without --endpoints)');
	return {members, seed, rate, preVote, endpoints, paused: Boolean(flags['paused']), steps, json, faults};
}
