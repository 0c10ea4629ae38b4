/**
 * The network's faults, as actions a user (or a scenario) applies: link
 * faults change the network's settings; message faults act on one message
 * in flight (the adversarial scheduler). Each returns what it did in words.
 */
import type {QueueDraft} from '../engine/event-queue.js';
import type {DeliverEvent, MessagePick, NetMessage} from './message.js';
import {healed, linksText, partitioned, partitionWithRest, withCut, withLoss, withSlow, type Network} from './network.js';
import {groupsText, type NodeNames} from './nodes.js';

export type LinkFault =
	/** Nodes in different groups cannot reach each other; nodes not named form one more group. */
	| {readonly type: 'partition'; readonly groups: ReadonlyArray<readonly number[]>}
	| {readonly type: 'cut'; readonly from: number; readonly to: number}
	| {readonly type: 'heal'}
	/** Loss probability on links: between two nodes (one way), on every link of one node, or on every link. */
	| {readonly type: 'loss'; readonly from?: number; readonly to?: number; readonly probability: number}
	| {readonly type: 'slow'; readonly from?: number; readonly to?: number; readonly ms: number};

export type MessageFault<T extends string = string> =
	| {readonly type: 'drop'; readonly pick: MessagePick<T>}
	| {readonly type: 'duplicate'; readonly pick: MessagePick<T>}
	| {readonly type: 'delay'; readonly pick: MessagePick<T>; readonly ms: number}
	| {readonly type: 'deliver'; readonly pick: MessagePick<T>};

/** Every fault of the shared network; a mode's action type includes it. */
export type NetFault<T extends string = string> = LinkFault | MessageFault<T>;

export const linkFaultTypes: ReadonlyArray<LinkFault['type']> = ['partition', 'cut', 'heal', 'loss', 'slow'];
export const messageFaultTypes: ReadonlyArray<MessageFault['type']> = ['drop', 'duplicate', 'delay', 'deliver'];

export function isLinkFault(action: {readonly type: string}): action is LinkFault {
	return (linkFaultTypes as readonly string[]).includes(action.type);
}

export function isMessageFault(action: {readonly type: string}): action is MessageFault {
	return (messageFaultTypes as readonly string[]).includes(action.type);
}

/** The network after a link fault, and what it did in words. */
export function applyLinkFault(network: Network, names: NodeNames, fault: LinkFault): {network: Network; text: string} {
	const {size} = names;
	const name = names.name;
	switch (fault.type) {
		case 'partition':
			return {network: partitioned(network, size, fault.groups), text: `partition: ${groupsText(names, partitionWithRest(size, fault.groups))}`};
		case 'cut':
			return {
				network: withCut(network, size, fault.from, fault.to),
				text: `the link ${name(fault.from)}→${name(fault.to)} is cut (one way: ${name(fault.to)}→${name(fault.from)} still works)`,
			};
		case 'heal':
			return {network: healed(network), text: `the network heals: every ${names.noun} can reach every other`};
		case 'loss':
			return {network: withLoss(network, size, fault.from, fault.to, fault.probability), text: `loss ${Math.round(fault.probability * 100)}% on ${linksText(names, fault.from, fault.to)}`};
		case 'slow':
			return {network: withSlow(network, size, fault.from, fault.to, fault.ms), text: `${fault.ms} ms extra latency on ${linksText(names, fault.from, fault.to)}`};
	}
}

/** What a message fault needs from the mode's draft of the next state. */
export type MessageFaultContext<M extends NetMessage, E extends {readonly kind: string}> = {
	readonly queue: QueueDraft<E>;
	readonly now: number;
	/** A duplicate arrives this long (at least 1 ms) after the original. */
	readonly latencyMax: number;
	/** Takes the message out of the network (and records it as removed). */
	readonly remove: (message: M) => void;
	/** A fresh message id. */
	readonly newId: () => number;
	/** Why this message may not be duplicated, if it may not. */
	readonly refuseCopy?: (message: M) => string | undefined;
	/** Told of each copy made. */
	readonly copied?: (original: M, copy: M) => void;
};

/**
 * Applies a message fault to `message`, due at `due`; returns what it did,
 * `text` being the message in words.
 */
export function applyMessageFault<M extends NetMessage, E extends {readonly kind: string}>(
	context: MessageFaultContext<M, E>,
	fault: MessageFault,
	message: M,
	due: number,
	text: string,
): string {
	const {queue} = context;
	const deliver = (item: M) => ({kind: 'deliver', message: item}) as DeliverEvent<M> as unknown as E;
	const isThis = (event: E) => event.kind === 'deliver' && (event as unknown as DeliverEvent<M>).message === message;
	switch (fault.type) {
		case 'drop':
			context.remove(message);
			return `dropped: ${text}`;
		case 'duplicate': {
			const refused = context.refuseCopy?.(message);
			if (refused !== undefined) return refused;
			const copy: M = {...message, id: context.newId(), copyOf: message.id, doomed: false};
			context.copied?.(message, copy);
			const at = due + Math.max(1, context.latencyMax);
			queue.schedule(at, deliver(copy));
			return `duplicated: ${text}; the copy (#${copy.id}) arrives at ${at} ms`;
		}

		case 'delay':
			queue.remove(isThis);
			queue.schedule(due + fault.ms, deliver(message));
			return `delayed by ${fault.ms} ms: ${text} (now due at ${due + fault.ms} ms)`;
		case 'deliver': {
			queue.remove(isThis);
			const forced: M = message.doomed ? {...message, doomed: false} : message;
			queue.scheduleFirst(context.now, deliver(forced));
			return `${text} will arrive next`;
		}
	}
}
