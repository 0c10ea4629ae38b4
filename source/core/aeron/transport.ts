/**
 * How the Aeron mode sends on the shared network (source/core/net/): each
 * message's latency and loss come from its link's draw (linkDraw), plus the
 * link's slowness; a link stays FIFO (an Aeron publication is an ordered
 * stream), so a message never overtakes an earlier one on its link. On
 * arrival a message is lost when the link's loss picked it, the link is cut,
 * or the receiver is down.
 */
import {linkDraw} from '../net/message.js';
import {isCut} from '../net/network.js';
import type {NodeNames} from '../net/nodes.js';
import {memberName, parseMemberName} from './names.js';
import type {Tx} from './tx.js';
import type {AeronState, Envelope, Message} from './types.js';

/** Aeron's node names for the shared network: members M0…, the client (id = members) "client". */
export function aeronNames(size: number): NodeNames {
	return {name: id => (id === size ? 'client' : memberName(id)), parse: word => parseMemberName(word, size), size, noun: 'member'};
}

export const nodeName = (node: number, size: number): string => aeronNames(size).name(node);

/** Sends `body` from `from` to `to` (members 0…n-1, the client n); it arrives after its link's latency, in order on its link. */
export function send(tx: Tx, from: number, to: number, body: Message): void {
	const {config} = tx;
	let counter: number;
	if (from === tx.size) {
		counter = tx.client.draws;
		tx.client = {...tx.client, draws: counter + 1};
	} else {
		const member = tx.member(from);
		counter = member.sends;
		member.sends = counter + 1;
	}

	const {latency, doomed} = linkDraw(config, tx.network, tx.size, from, to, counter);
	const link = from * (tx.size + 1) + to;
	const at = Math.max(tx.time + latency, tx.linkClearFor(link));
	tx.setLinkClear(link, at);
	const message: Envelope = {id: tx.nextMessageId++, from, to, sentAt: tx.time, body, doomed};
	tx.stats.sent++;
	tx.queue.schedule(at, {kind: 'deliver', message});
}

export function sendToAll(tx: Tx, from: number, body: (to: number) => Message | undefined): void {
	for (let to = 0; to < tx.size; to++) {
		if (to === from) continue;
		const message = body(to);
		if (message) send(tx, from, to, message);
	}
}

/** Why a message is lost on arrival, or undefined when it is delivered. */
export function lossReason(state: AeronState, message: Envelope): string | undefined {
	const size = state.members.length;
	if (message.doomed) return 'lost on the way';
	if (isCut(state.network, size, message.from, message.to)) return `lost: the link ${nodeName(message.from, size)}→${nodeName(message.to, size)} is cut`;
	if (message.to < size && state.members[message.to]!.role === 'down') return `lost: ${memberName(message.to)} is down`;
	return undefined;
}
