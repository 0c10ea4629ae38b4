/**
 * Node ids and names: proposers P1…Pk are nodes 0…k−1, acceptors A1…An come
 * next, then learners L1…Lm.
 */
import type {NodeNames} from '../net/nodes.js';
import type {PaxosConfig} from './types.js';

type Sizes = Pick<PaxosConfig, 'proposers' | 'acceptors' | 'learners'>;

export type NodeRole = 'proposer' | 'acceptor' | 'learner';

export function nodeCount(sizes: Sizes): number {
	return sizes.proposers + sizes.acceptors + sizes.learners;
}

export function acceptorNode(sizes: Sizes, index: number): number {
	return sizes.proposers + index;
}

export function learnerNode(sizes: Sizes, index: number): number {
	return sizes.proposers + sizes.acceptors + index;
}

export function roleOf(sizes: Sizes, node: number): {readonly role: NodeRole; readonly index: number} {
	if (node < sizes.proposers) return {role: 'proposer', index: node};
	if (node < sizes.proposers + sizes.acceptors) return {role: 'acceptor', index: node - sizes.proposers};
	return {role: 'learner', index: node - sizes.proposers - sizes.acceptors};
}

const letter: Readonly<Record<NodeRole, string>> = {proposer: 'P', acceptor: 'A', learner: 'L'};

export function nodeName(sizes: Sizes, node: number): string {
	const {role, index} = roleOf(sizes, node);
	return `${letter[role]}${index + 1}`;
}

/** "P2", "A3", "L1" → a node id, if the cluster has it. */
export function parseNode(sizes: Sizes, word: string | undefined): number | undefined {
	const match = word === undefined ? null : /^([PAL])(\d)$/i.exec(word);
	if (!match) return undefined;
	const index = Number(match[2]) - 1;
	const role = match[1]!.toUpperCase();
	if (role === 'P') return index >= 0 && index < sizes.proposers ? index : undefined;
	if (role === 'A') return index >= 0 && index < sizes.acceptors ? acceptorNode(sizes, index) : undefined;
	return index >= 0 && index < sizes.learners ? learnerNode(sizes, index) : undefined;
}

/** A set of acceptors (one bit each) as "A1 A2". */
export function acceptorList(bits: number, count: number): string {
	const names: string[] = [];
	for (let index = 0; index < count; index++) if (bits & (1 << index)) names.push(`A${index + 1}`);
	return names.join(' ');
}

export function bitCount(bits: number): number {
	let count = 0;
	for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
	return count;
}

export function majority(acceptors: number): number {
	return Math.floor(acceptors / 2) + 1;
}

/** Single-decree values: P1 proposes x, P2 y, P3 z… */
export function ownValueText(proposer: number): string {
	return 'xyzuvw'[proposer] ?? `v${proposer + 1}`;
}

/** The names the shared network's faults, menus and verbs use. */
export function paxosNames(sizes: Sizes): NodeNames {
	return {name: node => nodeName(sizes, node), parse: word => parseNode(sizes, word), size: nodeCount(sizes), noun: 'node'};
}
