/**
 * The network's settings in words: a clean partition as groups, otherwise the
 * cut links; loss and slowness.
 */
import {serverList, serverName} from './names.js';
import type {Network} from './types.js';

/** Groups of servers that reach each other both ways, if the cuts are exactly a partition into them; else undefined. */
export function partitionGroups(network: Network, size: number): number[][] | undefined {
	const cut = (a: number, b: number) => network.cut[a * size + b]!;
	const group = Array.from({length: size}, (_, id) => id);
	const find = (id: number): number => (group[id] === id ? id : (group[id] = find(group[id]!)));
	for (let a = 0; a < size; a++) for (let b = a + 1; b < size; b++) if (!cut(a, b) && !cut(b, a)) group[find(a)] = find(b);
	for (let a = 0; a < size; a++) {
		for (let b = 0; b < size; b++) {
			if (a === b) continue;
			if ((find(a) === find(b)) === cut(a, b)) return undefined;
		}
	}

	const groups = new Map<number, number[]>();
	for (let id = 0; id < size; id++) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
	return [...groups.values()].sort((x, y) => x[0]! - y[0]!);
}

export function cutLinks(network: Network, size: number): Array<[number, number]> {
	const links: Array<[number, number]> = [];
	for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) if (a !== b && network.cut[a * size + b]) links.push([a, b]);
	return links;
}

function settingText(values: readonly number[], size: number, word: (value: number) => string): string | undefined {
	const set: Array<[number, number, number]> = [];
	for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) if (a !== b && values[a * size + b]! > 0) set.push([a, b, values[a * size + b]!]);
	if (set.length === 0) return undefined;
	const same = set.every(([, , value]) => value === set[0]![2]);
	if (same && set.length === size * (size - 1)) return `${word(set[0]![2])} on every link`;
	if (set.length <= 2) return set.map(([a, b, value]) => `${word(value)} ${serverName(a)}→${serverName(b)}`).join(', ');
	return `${same ? word(set[0]![2]) : 'set'} on ${set.length} links`;
}

export function networkText(network: Network, size: number): string {
	const parts: string[] = [];
	const links = cutLinks(network, size);
	if (links.length === 0) {
		parts.push('network whole');
	} else {
		const groups = partitionGroups(network, size);
		if (groups === undefined) {
			const shown = links.slice(0, 4).map(([a, b]) => `${serverName(a)}→${serverName(b)}`);
			parts.push(`cut ${shown.join(', ')}${links.length > 4 ? ` +${links.length - 4} more` : ''}`);
		} else {
			parts.push(`partition ${groups.map(group => serverList(group)).join(' | ')}`);
		}
	}

	const loss = settingText(network.loss, size, value => `loss ${Math.round(value * 100)}%`);
	if (loss !== undefined) parts.push(loss);
	const slow = settingText(network.slow, size, value => `+${value} ms`);
	if (slow !== undefined) parts.push(slow);
	return parts.join(' · ');
}
