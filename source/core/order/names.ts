import {replicaBase, sequencerNode, type ArchId} from './types.js';

export const archTitle: Readonly<Record<ArchId, string>> = {
	none: 'no ordering',
	sequencer: 'fixed sequencer',
	lamport: 'Lamport timestamps',
	consensus: 'consensus log (Raft)',
};

export const archShort: Readonly<Record<ArchId, string>> = {
	none: 'unordered',
	sequencer: 'sequencer',
	lamport: 'Lamport',
	consensus: 'consensus',
};

/** Names a scenario or a flag may use for an architecture. */
export const archAliases: Readonly<Record<string, ArchId>> = {
	none: 'none',
	unordered: 'none',
	'no-order': 'none',
	sequencer: 'sequencer',
	seq: 'sequencer',
	lamport: 'lamport',
	consensus: 'consensus',
	raft: 'consensus',
};

export function clientName(client: number): string {
	return String.fromCodePoint(65 + client);
}

/** "A3": client A's third input. */
export function inputLabel(client: number, number: number): string {
	return `${clientName(client)}${number}`;
}

export function replicaName(arch: ArchId, index: number): string {
	return arch === 'consensus' ? `S${index + 1}` : `R${index + 1}`;
}

export function replicaNode(index: number): number {
	return replicaBase + index;
}

export function isReplicaNode(node: number): boolean {
	return node >= replicaBase && node < sequencerNode;
}

/** A node of a panel's own network: a client, a replica, or the sequencer Q. */
export function nodeName(node: number): string {
	if (node === sequencerNode) return 'Q';
	if (isReplicaNode(node)) return `R${node - replicaBase + 1}`;
	return clientName(node);
}

/** "A", "R2", "Q" (and "S2" for the consensus panel, as a replica) → a node; undefined if it names none. */
export function parseNodeName(word: string, clients: number): number | undefined {
	const upper = word.toUpperCase();
	if (upper === 'Q') return sequencerNode;
	const replica = /^[RS]([1-3])$/.exec(upper);
	if (replica) return replicaNode(Number(replica[1]) - 1);
	if (/^[A-Z]$/.test(upper)) {
		const client = upper.codePointAt(0)! - 65;
		return client < clients ? client : undefined;
	}

	return undefined;
}

export function parseClientName(word: string, clients: number): number | undefined {
	const node = parseNodeName(word, clients);
	return node !== undefined && node < clients ? node : undefined;
}

/** "[sequencer] ": the panel an event line is about. */
export function panelPrefix(arch: ArchId): string {
	return `[${archShort[arch]}] `;
}
