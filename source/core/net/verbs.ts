/**
 * The network's scenario verbs, shared by every network mode: partition,
 * cut, heal, loss, slow (links) and drop, duplicate, delay, deliver (a
 * message in flight). A mode reads its own verbs first and hands the rest
 * here with its node names and message type words.
 */
import {durationWord} from '../engine/scenario-words.js';
import type {NetFault} from './faults.js';
import type {MessagePick} from './message.js';
import {nameRange, type NodeNames} from './nodes.js';

export const netVerbs = ['partition', 'cut', 'heal', 'drop', 'duplicate', 'delay', 'deliver', 'loss', 'slow'] as const;

/** A probability such as 0.3 or 30%, from 0 to 1. */
export function parseProbability(value: string): number | undefined {
	const match = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(value);
	if (!match) return undefined;
	const number = match[2] === '%' ? Number(match[1]) / 100 : Number(match[1]);
	return number >= 0 && number <= 1 ? number : undefined;
}

/** What a mode's scenario words for messages are. */
export type MessageWords<T extends string> = {
	/** Lower-case words for message types, e.g. {ae: 'AppendEntries', vote: 'RequestVote'}. */
	readonly types: Readonly<Record<string, T>>;
	/** Words for nodes without links, e.g. {client: -1}. */
	readonly others?: Readonly<Record<string, number>>;
	/** The error when a message cannot be read, e.g. 'a message is "next", "#ID" or "S1->S3" …'. */
	readonly usage: string;
};

function node(names: NodeNames, words: MessageWords<string>, word: string): number | 'any' | undefined {
	if (word === '*') return 'any';
	const other = words.others?.[word.toLowerCase()];
	return other ?? names.parse(word);
}

/** "next", "#12", or "S1->S3 [type]" (either end may be * or another node's word). */
export function parsePick<T extends string>(names: NodeNames, words: MessageWords<T>, args: readonly string[]): MessagePick<T> | string {
	const [first, type, ...rest] = args;
	if (first === undefined) return words.usage;
	if (first === 'next' && args.length === 1) return {by: 'next'};
	const id = /^#(\d+)$/.exec(first);
	if (id && args.length === 1) return {by: 'id', id: Number(id[1])};
	const link = /^([^-→>]+)(?:->|→)([^-→>]+)$/.exec(first);
	if (!link || rest.length > 0) return words.usage;
	const from = node(names, words, link[1]!);
	const to = node(names, words, link[2]!);
	if (from === undefined || to === undefined) return words.usage;
	if (type === undefined) return {by: 'match', from, to};
	const messageType = words.types[type.toLowerCase()];
	if (messageType === undefined) return `unknown message type "${type}": use ${Object.keys(words.types).join(', ')}`;
	return {by: 'match', from, to, type: messageType};
}

/** "S1->S3" (one link), "S2" (its links), or nothing (every link), then a value. */
function parseLinkSetting(names: NodeNames, args: readonly string[]): {from?: number; to?: number; value: string} | string {
	const [a, b] = [names.name(0), names.name(1)];
	if (args.length === 1) return {value: args[0]!};
	if (args.length !== 2) return `give the links ("${a}->${names.name(2)}", "${b}" for all of ${b}'s, or nothing for every link) and a value`;
	const link = /^(\w+)(?:->|→)(\w+)$/.exec(args[0]!);
	if (link) {
		const from = names.parse(link[1]!);
		const to = names.parse(link[2]!);
		return from === undefined || to === undefined || from === to ? `"${args[0]}" is not a link between two ${names.noun}s` : {from, to, value: args[1]!};
	}

	const one = names.parse(args[0]!);
	return one === undefined ? `"${args[0]}" is not a ${names.noun} (${nameRange(names)})` : {from: one, value: args[1]!};
}

/** Groups of nodes split by |, e.g. "S1 S2 | S3". */
export function parseGroups(names: NodeNames, args: readonly string[]): number[][] | string {
	const n = (i: number) => names.name(i);
	const groups = args.join(' ').split('|').map(group => group.trim().split(/[\s,]+/).filter(word => word !== ''));
	const ids = groups.map(group => group.map(word => names.parse(word)));
	if (groups.some(group => group.length === 0) || ids.some(group => group.some(id => id === undefined))) return `"partition" needs groups of ${names.noun}s split by |, e.g. partition ${n(0)} ${n(1)} | ${n(2)} ${n(3)} ${n(4)}`;
	const flat = ids.flat();
	if (new Set(flat).size !== flat.length) return `"partition": a ${names.noun} can be in one group only`;
	return ids as number[][];
}

/** One of the network's verbs as a fault, an error, or undefined if `words` is not a network verb. */
export function parseNetVerb<T extends string>(names: NodeNames, messageWords: MessageWords<T>, words: readonly string[]): NetFault<T> | string | undefined {
	const [verb = '', ...args] = words;
	const n = (i: number) => names.name(i);
	switch (verb) {
		case 'partition': {
			const groups = parseGroups(names, args);
			return typeof groups === 'string' ? groups : {type: 'partition', groups};
		}

		case 'cut': {
			const pair = args.length === 1 ? args[0]!.split(/->|→/) : args;
			const [from, to] = pair.map(word => names.parse(word));
			return pair.length === 2 && from !== undefined && to !== undefined && from !== to
				? {type: 'cut', from, to}
				: `"cut" needs two ${names.noun}s, e.g. cut ${n(0)} ${n(1)} (messages ${n(0)}→${n(1)} are lost; ${n(1)}→${n(0)} still arrive)`;
		}

		case 'heal':
			return args.length === 0 ? {type: 'heal'} : '"heal" takes nothing';
		case 'drop':
		case 'duplicate':
		case 'deliver': {
			const pick = parsePick(names, messageWords, args);
			return typeof pick === 'string' ? pick : {type: verb, pick};
		}

		case 'delay': {
			const ms = durationWord(args.at(-1));
			const pick = parsePick(names, messageWords, ms === undefined ? args : args.slice(0, -1));
			if (typeof pick === 'string') return pick;
			return {type: 'delay', pick, ms: ms ?? 100};
		}

		case 'loss': {
			const setting = parseLinkSetting(names, args);
			if (typeof setting === 'string') return setting;
			const probability = parseProbability(setting.value);
			return probability === undefined ? `"loss" needs a probability such as 0.3 or 30%, not "${setting.value}"` : {type: 'loss', from: setting.from, to: setting.to, probability};
		}

		case 'slow': {
			const setting = parseLinkSetting(names, args);
			if (typeof setting === 'string') return setting;
			const ms = durationWord(setting.value);
			return ms === undefined ? `"slow" needs extra milliseconds such as 100 or 100ms, not "${setting.value}"` : {type: 'slow', from: setting.from, to: setting.to, ms};
		}

		default:
			return undefined;
	}
}
