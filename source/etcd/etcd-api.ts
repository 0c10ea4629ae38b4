import {kvKeys, type KvInput} from '../core/models/kv.js';
import {inputKeyName, inputNumberOf, inputRange, kvKeyName, kvPositionOf, kvRange, lastInputKeyName, parseKvValue} from '../core/etcd/layout.js';
import type {FollowerProgress, KvRead, MemberStatus, RaftRole, RaftStatus} from '../core/etcd/types.js';
import type {JsonClient, JsonResult} from './http-json.js';

/**
 * etcd v3's JSON gateway and /debug/vars, typed. Keys and values travel as
 * base64, 64-bit numbers as decimal strings, and fields at their default
 * value are left out. Member IDs are returned as lowercase hex.
 */

export type Outcome<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: string};

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const unb64 = (text: unknown) => (typeof text === 'string' ? Buffer.from(text, 'base64').toString('utf8') : '');
const num = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? Number(value) : 0);
const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});

/** A decimal member ID (as the gateway prints it) in hex (as /debug/vars prints it). */
export function hexId(decimal: unknown): string {
	if (typeof decimal !== 'string' && typeof decimal !== 'number') return '0';
	try {
		return BigInt(decimal).toString(16);
	} catch {
		return '0';
	}
}

function map<T>(result: JsonResult, parse: (value: unknown) => T): Outcome<T> {
	return result.ok ? {ok: true, value: parse(result.value)} : result;
}

const raftRoles: Record<string, RaftRole> = {StateLeader: 'leader', StateFollower: 'follower', StateCandidate: 'candidate', StatePreCandidate: 'pre-candidate'};

export class EtcdApi {
	constructor(private readonly client: JsonClient) {}

	async status(url: string, timeoutMs: number): Promise<Outcome<MemberStatus>> {
		const result = await this.client.request(url, '/v3/maintenance/status', {}, timeoutMs);
		return map(result, value => {
			const body = record(value);
			const leader = body['leader'] === undefined ? undefined : hexId(body['leader']);
			return {
				...(leader ? {leader} : {}),
				commit: num(body['raftIndex']),
				applied: num(body['raftAppliedIndex']),
				appliedTerm: num(body['raftTerm']),
				revision: num(record(body['header'])['revision']),
				version: typeof body['version'] === 'string' ? body['version'] : '?',
			};
		});
	}

	/** raft.status from /debug/vars; undefined when this etcd does not publish it. */
	async raftStatus(url: string, timeoutMs: number): Promise<Outcome<RaftStatus | undefined>> {
		const result = await this.client.request(url, '/debug/vars', undefined, timeoutMs);
		return map(result, value => parseRaftStatus(record(value)['raft.status']));
	}

	/** Our kv keys and the input they reflect, read in one range (so they are consistent). */
	async readKeys(url: string, prefix: string, serializable: boolean, timeoutMs: number): Promise<Outcome<KvRead>> {
		const {key, rangeEnd} = kvRange(prefix);
		const result = await this.client.request(url, '/v3/kv/range', {key: b64(key), range_end: b64(rangeEnd), serializable}, timeoutMs);
		return map(result, value => {
			const values = kvKeys.map(() => 0);
			let lastInput = 0;
			for (const item of (record(value)['kvs'] as unknown[] | undefined) ?? []) {
				const name = unb64(record(item)['key']);
				const text = unb64(record(item)['value']);
				if (name === lastInputKeyName(prefix)) lastInput = Number(text) || 0;
				const position = kvPositionOf(prefix, name);
				if (position >= 0) values[position] = parseKvValue(text);
			}

			return {values, lastInput};
		});
	}

	/**
	 * Writes input `index` idempotently: one transaction that applies it only
	 * if its sequence key does not exist yet, and creates that key. Returns
	 * whether this call applied it ('now') or an earlier attempt had ('before').
	 */
	async writeInput(url: string, prefix: string, index: number, input: KvInput, timeoutMs: number): Promise<Outcome<'now' | 'before'>> {
		const sequenceKey = b64(inputKeyName(prefix, index));
		const target = b64(kvKeyName(prefix, input.key));
		const change = input.kind === 'set' ? {request_put: {key: target, value: b64(String(input.value))}} : {request_delete_range: {key: target}};
		const body = {
			compare: [{key: sequenceKey, target: 'CREATE', result: 'EQUAL', create_revision: '0'}],
			success: [{request_put: {key: sequenceKey, value: b64('1')}}, {request_put: {key: b64(lastInputKeyName(prefix)), value: b64(String(index))}}, change],
			failure: [],
		};
		const result = await this.client.request(url, '/v3/kv/txn', body, timeoutMs);
		return map(result, value => (record(value)['succeeded'] === true ? 'now' : 'before'));
	}

	/** One key's value ('' when absent). */
	async readValue(url: string, key: string, serializable: boolean, timeoutMs: number): Promise<Outcome<string>> {
		const result = await this.client.request(url, '/v3/kv/range', {key: b64(key), serializable}, timeoutMs);
		return map(result, value => unb64(record((record(value)['kvs'] as unknown[] | undefined)?.[0])['value']));
	}

	/** Every input number whose sequence key this member holds (a serializable read). */
	async inputNumbers(url: string, prefix: string, timeoutMs: number): Promise<Outcome<number[]>> {
		const {key, rangeEnd} = inputRange(prefix);
		const result = await this.client.request(url, '/v3/kv/range', {key: b64(key), range_end: b64(rangeEnd), serializable: true, keys_only: true}, timeoutMs);
		return map(result, value => ((record(value)['kvs'] as unknown[] | undefined) ?? []).map(item => inputNumberOf(prefix, unb64(record(item)['key']))));
	}

	async members(url: string, timeoutMs: number): Promise<Outcome<Array<{id: string; name: string; clientUrls: string[]}>>> {
		const result = await this.client.request(url, '/v3/cluster/member/list', {}, timeoutMs);
		return map(result, value =>
			((record(value)['members'] as unknown[] | undefined) ?? []).map(item => {
				const member = record(item);
				return {id: hexId(member['ID']), name: typeof member['name'] === 'string' ? member['name'] : '', clientUrls: (member['clientURLs'] as string[] | undefined) ?? []};
			}),
		);
	}
}

export function parseRaftStatus(value: unknown): RaftStatus | undefined {
	const body = record(value);
	const state = raftRoles[String(body['raftState'])];
	if (!state || typeof body['id'] !== 'string') return undefined;
	const progress: Record<string, FollowerProgress> = {};
	for (const [id, entry] of Object.entries(record(body['progress']))) {
		const item = record(entry);
		progress[id] = {match: num(item['match']), next: num(item['next']), state: String(item['state'] ?? '').replace(/^State/, '').toLowerCase()};
	}

	return {
		id: body['id'],
		term: num(body['term']),
		vote: String(body['vote'] ?? '0'),
		commit: num(body['commit']),
		applied: num(body['applied']),
		lead: String(body['lead'] ?? '0'),
		state,
		...(body['progress'] === undefined ? {} : {progress}),
	};
}
