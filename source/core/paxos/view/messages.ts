/**
 * Paxos's messages in flight on the shared messages panel (net/view/messages.ts):
 * how a Prepare, Promise, Accept, Accepted or refusal reads in a few cells and
 * in full; a message the adversary holds says so.
 */
import type {Line} from '../../engine/screen.js';
import * as panel from '../../net/view/messages.js';
import {ballotText} from '../ballot.js';
import {bodyText} from '../describe.js';
import {lossReason} from '../engine.js';
import {nodeName} from '../names.js';
import {messagesInFlight} from '../queries.js';
import type {Body, Message, PaxosState} from '../types.js';

export const typeAbbreviation: Readonly<Record<Body['type'], string>> = {Prepare: 'Prep', Promise: 'Prom', Accept: 'Acc', Accepted: 'Acc✓', Nack: 'Refuse', Heartbeat: '♥'};

function shortDetail(message: Message): string {
	const {body} = message;
	const held = message.held ? ' held' : '';
	switch (body.type) {
		case 'Prepare':
			return ballotText(body.ballot);
		case 'Promise':
			return `${ballotText(body.ballot)}${body.accepted.length === 0 ? '' : `(${body.accepted.length === 1 ? `${ballotText(body.accepted[0]!.ballot)} ${body.accepted[0]!.value.text}` : body.accepted.length})`}`;
		case 'Accept':
		case 'Accepted':
			return `${ballotText(body.ballot)} ${body.value.text}${held}`;
		case 'Nack':
			return `<${ballotText(body.promised)}`;
		case 'Heartbeat':
			return '';
	}
}

/** The narrowest detail: the instance (Multi-Paxos), the proposal number, and held. */
function bareDetail(message: Message, multi: boolean): string {
	const {body} = message;
	if (body.type === 'Heartbeat') return '';
	const instance = multi && (body.type === 'Accept' || body.type === 'Accepted') ? `#${body.instance} ` : '';
	return `${instance}${ballotText(body.ballot)}${message.held ? ' held' : ''}`;
}

export function paxosLook(state: PaxosState): panel.MessageLook<Message> {
	return {
		name: node => nodeName(state.config, node),
		abbreviation: message => typeAbbreviation[message.body.type],
		details: message => [shortDetail(message), bareDetail(message, state.config.multi)],
		text: message => `${bodyText(state.config, message.body)}${message.held ? ' (held by the adversary)' : ''}`,
		lost: message => lossReason(state, message),
	};
}

/** The panel: a header (the ▸ message in full), then a line a message (wide) or a grid of cells (narrow). */
export function messageLines(state: PaxosState, rows: number, cursor: number, width: number): Line[] {
	if (rows <= 0) return [];
	const messages = messagesInFlight(state);
	const look = paxosLook(state);
	const at = messages.length === 0 ? 0 : ((cursor % messages.length) + messages.length) % messages.length;
	const header = panel.inFlightHeader(look, state.time, messages, at, true);
	if (rows === 1 || messages.length === 0) return [header];
	const body = width >= 110 ? panel.messageList(look, state.time, messages, at, Math.min(width, 72), rows - 1) : panel.messageGrid(look, state.time, messages, at, width, rows - 1, 26);
	return [header, ...body.filter(line => line.length > 0)];
}
