/** Messages in words, for the event line and the list of messages in flight. */
import {ballotText} from './ballot.js';
import {nodeName} from './names.js';
import type {Body, Message, PaxosConfig} from './types.js';

type Sizes = Pick<PaxosConfig, 'proposers' | 'acceptors' | 'learners' | 'multi'>;

export function bodyText(config: Sizes, body: Body): string {
	const at = (instance: number) => (config.multi ? ` #${instance}` : '');
	switch (body.type) {
		case 'Prepare':
			return `Prepare(${ballotText(body.ballot)})`;
		case 'Promise': {
			if (body.accepted.length === 0) return `Promise(${ballotText(body.ballot)}, none)`;
			if (!config.multi) return `Promise(${ballotText(body.ballot)}, ${ballotText(body.accepted[0]!.ballot)} ${body.accepted[0]!.value.text})`;
			return `Promise(${ballotText(body.ballot)}, ${body.accepted.length} accepted)`;
		}

		case 'Accept':
			return `Accept(${ballotText(body.ballot)}, ${body.value.text})${at(body.instance)}`;
		case 'Accepted':
			return `Accepted(${ballotText(body.ballot)}, ${body.value.text})${at(body.instance)}`;
		case 'Nack':
			return `Refuse(${ballotText(body.ballot)}: promised ${ballotText(body.promised)})`;
		case 'Heartbeat':
			return 'heartbeat';
	}
}

export function messageText(config: Sizes, message: Message): string {
	return `${nodeName(config, message.from)}→${nodeName(config, message.to)} ${bodyText(config, message.body)}`;
}
