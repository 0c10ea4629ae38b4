/**
 * The network's keys and menus, the same in every network mode: p the
 * network menu, l the links menu, m the message menu, [ ] the message
 * cursor, d drop and g deliver the ▸ message, v the space-time diagram
 * instead of the columns. A mode adds its own items
 * (Raft: isolate the leader, split) and keys; the labels name nodes with the
 * mode's names.
 */
import type {KeyResult, Menu, MenuItem} from '../engine/mode.js';
import type {LinkFault, NetFault} from './faults.js';
import type {NodeNames} from './nodes.js';

/** Extra latency the slow-links item adds, and the delay the message menu adds. */
export const slowMs = 100;
export const delayMs = 100;

/** What one of the network's keys means; undefined for other keys (and for d or g with no message in flight). */
export function netKeyAction(input: string, cursorMessageId: number | undefined): KeyResult<NetFault<never>> | undefined {
	switch (input) {
		case 'p':
			return {menu: 'network'};
		case 'm':
			return {menu: 'message'};
		case 'l':
			return {menu: 'links'};
		case '[':
			return {cursor: -1};
		case ']':
			return {cursor: 1};
		case 'd':
			return cursorMessageId === undefined ? undefined : {action: {type: 'drop', pick: {by: 'id', id: cursorMessageId}}};
		case 'g':
			return cursorMessageId === undefined ? undefined : {action: {type: 'deliver', pick: {by: 'id', id: cursorMessageId}}};
		case 'v':
			return {toggle: 'diagram'};
		default:
			return undefined;
	}
}

export function isolateItem(names: NodeNames, selected: number): MenuItem<LinkFault> {
	return {key: 'i', label: `isolate ${names.name(selected)}`, action: {type: 'partition', groups: [[selected]]}};
}

export const healItem: MenuItem<LinkFault> = {key: 'h', label: 'heal: every link works again', action: {type: 'heal'}};

/** One item a link from the selected node, keyed by the other end's number (1…N). */
export function cutItems(names: NodeNames, selected: number): Array<MenuItem<LinkFault>> {
	const items: Array<MenuItem<LinkFault>> = [];
	for (let to = 0; to < names.size; to++) {
		if (to !== selected) items.push({key: String(to + 1), label: `cut ${names.name(selected)}→${names.name(to)} (one way)`, action: {type: 'cut', from: selected, to}});
	}

	return items;
}

/** The network menu: isolate, the mode's own items, heal, then cut one way (`cuts`: the mode's own cut items, keyed its way). */
export function networkMenu<A>(names: NodeNames, selected: number, own: ReadonlyArray<MenuItem<A>>, isolate?: MenuItem<A>, cuts?: ReadonlyArray<MenuItem<LinkFault>>): Menu<A | LinkFault> {
	return {title: `network · selected ${names.name(selected)}`, items: [isolate ?? isolateItem(names, selected), ...own, healItem, ...(cuts ?? cutItems(names, selected))]};
}

export function linksMenu(names: NodeNames, selected: number): Menu<LinkFault> {
	const name = names.name(selected);
	return {
		title: `links · selected ${name}`,
		items: [
			{key: 'l', label: `lose 30% of ${name}'s messages (both ways)`, action: {type: 'loss', from: selected, probability: 0.3}},
			{key: 'o', label: `no loss on ${name}'s links`, action: {type: 'loss', from: selected, probability: 0}},
			{key: 'w', label: `slow ${name}'s links by ${slowMs} ms`, action: {type: 'slow', from: selected, ms: slowMs}},
			{key: 'f', label: `normal latency on ${name}'s links`, action: {type: 'slow', from: selected, ms: 0}},
			{key: 'a', label: 'lose 10% of every message', action: {type: 'loss', probability: 0.1}},
			{key: 'z', label: 'no loss, normal latency everywhere', action: {type: 'loss', probability: 0}},
		],
	};
}

/** The message menu for the ▸ message (`text`: it in words; `noCopy`: why it may not be duplicated). */
export function messageMenu(id: number | undefined, text: string, noCopy?: string): Menu<NetFault<never>> {
	if (id === undefined) return {title: 'no messages in flight', items: [{key: 'd', label: 'drop', disabled: 'no message in flight'}]};
	const pick = {by: 'id', id} as const;
	return {
		title: `message #${id}: ${text}`,
		items: [
			{key: 'd', label: 'drop it', action: {type: 'drop', pick}},
			{key: 'u', label: 'duplicate it', ...(noCopy === undefined ? {action: {type: 'duplicate', pick}} : {disabled: noCopy})},
			{key: 'y', label: `delay it ${delayMs} ms`, action: {type: 'delay', pick, ms: delayMs}},
			{key: 'g', label: 'deliver it now (next event)', action: {type: 'deliver', pick}},
		],
	};
}

/** The network keys' lines in a mode's help (`node`: "server"). */
export function netHelp(noun: string): Array<readonly [string, string]> {
	return [
		['p', `network menu: isolate a ${noun}, heal, cut one way`],
		['[ ]', 'move the message cursor (▸) over the messages in flight'],
		['m', 'message menu: drop, duplicate, delay, or deliver the ▸ message now'],
		['d / g', 'drop the ▸ message / deliver it now'],
		['l', `links menu: loss and slowness on the selected ${noun}'s links, or everywhere`],
		['v', 'switch the columns and the space-time diagram of the latest events (a lane per node, time running down)'],
	];
}
