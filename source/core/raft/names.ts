import type {NodeNames} from '../net/nodes.js';
import {clientId, type Role} from './types.js';

export function serverName(id: number): string {
	return `S${id + 1}`;
}

/** A server's name, or "client". */
export function nodeName(id: number): string {
	return id === clientId ? 'client' : serverName(id);
}

export function serverList(ids: readonly number[]): string {
	return ids.map(id => serverName(id)).join(' ');
}

/** "S2" → 1; undefined unless it names one of `servers` servers. */
export function parseServerName(word: string, servers: number): number | undefined {
	const match = /^[sS](\d+)$/.exec(word);
	if (!match) return undefined;
	const id = Number(match[1]) - 1;
	return id >= 0 && id < servers ? id : undefined;
}

/** The servers S1…S`size` (and the client) to the shared network. */
export function raftNames(size: number): NodeNames {
	return {name: nodeName, parse: word => parseServerName(word, size), size, noun: 'server'};
}

export const roleGlyph: Readonly<Record<Role, string>> = {
	leader: '★',
	candidate: '◎',
	precandidate: '◌',
	follower: '●',
	crashed: '○',
};

export const roleWord: Readonly<Record<Role, string>> = {
	leader: 'leader',
	candidate: 'candidate',
	precandidate: 'pre-candidate',
	follower: 'follower',
	crashed: 'crashed',
};

export function bitCount(bits: number): number {
	let count = 0;
	for (let rest = bits >>> 0; rest !== 0; rest &= rest - 1) count++;
	return count;
}
