/**
 * The settings of a network's links: cut, loss and slowness, each a flat
 * N×N array indexed by from × N + to (links between nodes 0…N-1 only: a node
 * outside, such as Raft's client, reaches everyone). Pure functions: each
 * returns a new network; and the settings in words.
 */
import {groupsText, type NodeNames} from './nodes.js';

export type Network = {
	/** Messages on a cut link are lost when they arrive. */
	readonly cut: readonly boolean[];
	/** The probability that a message on the link is lost on the way. */
	readonly loss: readonly number[];
	/** Extra latency in ms. */
	readonly slow: readonly number[];
};

/** Every link works; `loss` on every link between two different nodes. */
export function initialNetwork(size: number, loss: number): Network {
	return {
		cut: Array.from({length: size * size}, () => false),
		loss: Array.from({length: size * size}, (_, link) => (Math.floor(link / size) === link % size ? 0 : loss)),
		slow: Array.from({length: size * size}, () => 0),
	};
}

/** The index of the link from → to in the network's arrays. */
export function linkIndex(size: number, from: number, to: number): number {
	return from * size + to;
}

/** Whether from → to is a link the network has settings for (both ends are linked nodes). */
export function isLinked(size: number, from: number, to: number): boolean {
	return from >= 0 && to >= 0 && from < size && to < size;
}

export function isCut(network: Network, size: number, from: number, to: number): boolean {
	return isLinked(size, from, to) && network.cut[linkIndex(size, from, to)]!;
}

function withLink<T>(links: readonly T[], size: number, from: number, to: number, value: T): T[] {
	const copy = links.slice();
	copy[linkIndex(size, from, to)] = value;
	return copy;
}

/** `value` on one link (from and to), on every link to and from one node (from only), or on every link. */
function setLinks(links: readonly number[], size: number, from: number | undefined, to: number | undefined, value: number): number[] {
	return links.map((old, link) => {
		const a = Math.floor(link / size);
		const b = link % size;
		if (a === b) return old;
		if (from !== undefined && to !== undefined) return a === from && b === to ? value : old;
		if (from !== undefined) return a === from || b === from ? value : old;
		return value;
	});
}

/** The groups of a partition: those named, then one more group of every node not named (if any). */
export function partitionWithRest(size: number, named: ReadonlyArray<readonly number[]>): Array<readonly number[]> {
	const seen = new Set(named.flat());
	const rest = Array.from({length: size}, (_, id) => id).filter(id => !seen.has(id));
	return rest.length > 0 ? [...named, rest] : [...named];
}

/** Nodes in different groups cannot reach each other (either way); nodes not named form one more group. */
export function partitioned(network: Network, size: number, named: ReadonlyArray<readonly number[]>): Network {
	const groupOf = Array.from({length: size}, () => named.length);
	for (const [index, group] of named.entries()) for (const id of group) groupOf[id] = index;
	return {...network, cut: network.cut.map((_, link) => groupOf[Math.floor(link / size)] !== groupOf[link % size])};
}

export function withCut(network: Network, size: number, from: number, to: number): Network {
	return {...network, cut: withLink(network.cut, size, from, to, true)};
}

export function healed(network: Network): Network {
	return {...network, cut: network.cut.map(() => false)};
}

export function withLoss(network: Network, size: number, from: number | undefined, to: number | undefined, probability: number): Network {
	return {...network, loss: setLinks(network.loss, size, from, to, probability)};
}

export function withSlow(network: Network, size: number, from: number | undefined, to: number | undefined, ms: number): Network {
	return {...network, slow: setLinks(network.slow, size, from, to, ms)};
}

// In words.

/** Groups of nodes that reach each other both ways, if the cuts are exactly a partition into them; else undefined. */
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

/** "the link S1→S3", "every link to and from S2", "every link". */
export function linksText(names: Pick<NodeNames, 'name'>, from: number | undefined, to: number | undefined): string {
	if (from !== undefined && to !== undefined) return `the link ${names.name(from)}→${names.name(to)}`;
	if (from !== undefined) return `every link to and from ${names.name(from)}`;
	return 'every link';
}

function settingText(names: Pick<NodeNames, 'name'>, values: readonly number[], size: number, word: (value: number) => string): string | undefined {
	const set: Array<[number, number, number]> = [];
	for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) if (a !== b && values[a * size + b]! > 0) set.push([a, b, values[a * size + b]!]);
	if (set.length === 0) return undefined;
	const same = set.every(([, , value]) => value === set[0]![2]);
	if (same && set.length === size * (size - 1)) return `${word(set[0]![2])} on every link`;
	if (set.length <= 2) return set.map(([a, b, value]) => `${word(value)} ${names.name(a)}→${names.name(b)}`).join(', ');
	return `${same ? word(set[0]![2]) : 'set'} on ${set.length} links`;
}

/** The network in words: "network whole", "partition S1 S2 | S3 S4 S5", "cut S1→S2", then loss and slowness. */
export function networkText(names: Pick<NodeNames, 'name'>, network: Network, size: number): string {
	const parts: string[] = [];
	const links = cutLinks(network, size);
	if (links.length === 0) {
		parts.push('network whole');
	} else {
		const groups = partitionGroups(network, size);
		if (groups === undefined) {
			const shown = links.slice(0, 4).map(([a, b]) => `${names.name(a)}→${names.name(b)}`);
			parts.push(`cut ${shown.join(', ')}${links.length > 4 ? ` +${links.length - 4} more` : ''}`);
		} else {
			parts.push(`partition ${groupsText(names, groups)}`);
		}
	}

	const loss = settingText(names, network.loss, size, value => `loss ${Math.round(value * 100)}%`);
	if (loss !== undefined) parts.push(loss);
	const slow = settingText(names, network.slow, size, value => `+${value} ms`);
	if (slow !== undefined) parts.push(slow);
	return parts.join(' · ');
}

