/**
 * Messages and events in plain words, for the event lines and the trace.
 */
import {peekEvent} from '../engine/event-queue.js';
import type {Model} from '../models/model.js';
import {upcomingText as raftUpcomingText} from '../raft/describe.js';
import {clientName, inputLabel, isReplicaNode, nodeName, panelPrefix, replicaName} from './names.js';
import {replicaBase, sequencerNode, type OrderMessage, type OrderState} from './types.js';

/** An input in a few cells: "+15", "a=5", "next". */
export function compactInput(model: Model, input: unknown): string {
	if (model.shortInput) return model.shortInput(input);
	return model.describeInput(input).replace(/^set /, '').replace(/^del (\w+)$/, '$1=—');
}

export function bodyText(message: OrderMessage, model: Model): string {
	const {body} = message;
	switch (body.type) {
		case 'input':
			return `${inputLabel(body.ref.client, body.ref.number)} ${compactInput(model, body.ref.input)}`;
		case 'stamped':
			return `#${body.seq} ${inputLabel(body.ref.client, body.ref.number)} ${compactInput(model, body.ref.input)}`;
		case 'lamport':
			return body.ref === null ? `null @${body.ts}` : `${inputLabel(body.ref.client, body.ref.number)}@${body.ts} ${compactInput(model, body.ref.input)}`;
		case 'nack':
			return `NACK ${body.first === body.last ? body.first : `${body.first}–${body.last}`}`;
		case 'gone':
			return `gone ${body.first === body.last ? body.first : `${body.first}–${body.last}`} (no longer kept)`;
	}
}

export function messageText(message: OrderMessage, model: Model): string {
	return `${nodeName(message.from)}→${nodeName(message.to)} ${bodyText(message, model)}${message.resent ? ' (again)' : ''}`;
}


/** The next event in words, before it happens. */
export function upcomingText(state: OrderState): string | undefined {
	const own = peekEvent(state.queue);
	const raftNext = peekEvent(state.raft.queue);
	if (raftNext !== undefined && (own === undefined || raftNext.time <= own.time)) return `[consensus] ${raftUpcomingText(raftNext.event, state.model)}`;
	if (own === undefined) return undefined;
	const {event} = own;
	switch (event.kind) {
		case 'send': {
			const client = state.clients[event.client]!;
			return `${clientName(event.client)} sends ${inputLabel(event.client, client.sent + 1)} to every panel`;
		}

		case 'deliver': {
			const lost = lossReason(state, event.message);
			return `${panelPrefix(event.message.arch)}${messageText(event.message, state.model)} arrives${lost === undefined ? '' : ` (to be ${lost})`}`;
		}
		case 'null':
			return `[Lamport] ${clientName(event.client)}'s null-message timer fires`;
		case 'gap':
			return `${panelPrefix(event.arch)}${nodeName(event.node)} checks whether it still misses something from ${nodeName(event.sender)}`;
		case 'request-retry':
			return `[consensus] the client tries request #${event.id} again`;
		case 'request-timeout':
			return `[consensus] the client's wait for request #${event.id} runs out`;
	}
}

/** The time of the next event. */
export function upcomingTime(state: OrderState): number | undefined {
	const own = peekEvent(state.queue)?.time;
	const raft = peekEvent(state.raft.queue)?.time;
	if (own === undefined) return raft;
	return raft === undefined ? own : Math.min(own, raft);
}

/** Why a message will be lost when it arrives (its receiver is down), or undefined if it will be delivered. */
export function lossReason(state: OrderState, message: OrderMessage): string | undefined {
	if (message.to === sequencerNode) return state.archs.sequencer.sequencer.up ? undefined : 'lost: Q is down';
	if (isReplicaNode(message.to)) {
		const replica = state.archs[message.arch].replicas[message.to - replicaBase]!;
		return replica.up ? undefined : `lost: ${replicaName(message.arch, replica.index)} is down`;
	}

	return undefined;
}
