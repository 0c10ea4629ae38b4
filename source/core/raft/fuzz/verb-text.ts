/**
 * A user action as the scenario line that makes it (the inverse of the
 * scenario verbs' parser): what the fuzzer writes so that a run replays.
 */
import {serverList, serverName} from '../names.js';
import type {MessagePick, MessageType, RaftAction} from '../types.js';

const typeWord: Readonly<Record<MessageType, string>> = {
	AppendEntries: 'ae',
	AppendEntriesReply: 'ae-reply',
	RequestVote: 'vote',
	RequestVoteReply: 'vote-reply',
	ClientRequest: 'request',
	ClientReply: 'ack',
};

function end(node: number | 'any'): string {
	if (node === 'any') return '*';
	return node === -1 ? 'client' : serverName(node);
}

function pickText(pick: MessagePick): string {
	switch (pick.by) {
		case 'id':
			return `#${pick.id}`;
		case 'next':
			return 'next';
		case 'match':
			return `${end(pick.from)}->${end(pick.to)}${pick.type === undefined ? '' : ` ${typeWord[pick.type]}`}`;
	}
}

function who(server: number | 'leader'): string {
	return server === 'leader' ? 'leader' : serverName(server);
}

function links(from: number | undefined, to: number | undefined): string {
	if (from !== undefined && to !== undefined) return `${serverName(from)}->${serverName(to)} `;
	return from === undefined ? '' : `${serverName(from)} `;
}

/** The scenario line for `action` (undefined for a request that carries its own input: no verb says that). */
export function verbText(action: RaftAction): string | undefined {
	switch (action.type) {
		case 'crash':
		case 'isolate':
			return `${action.type} ${who(action.server)}`;
		case 'restart':
		case 'timeout':
			return `${action.type} ${serverName(action.server)}`;
		case 'request':
			if ('input' in action && action.input !== undefined) return undefined;
			return action.server === undefined ? 'request' : `request ${who(action.server)}`;
		case 'partition':
			return `partition ${action.groups.map(group => serverList(group)).join(' | ')}`;
		case 'split':
			return `split ${action.leaderSide}`;
		case 'cut':
			return `cut ${serverName(action.from)} ${serverName(action.to)}`;
		case 'heal':
			return 'heal';
		case 'drop':
		case 'duplicate':
		case 'deliver':
			return `${action.type} ${pickText(action.pick)}`;
		case 'delay':
			return `delay ${pickText(action.pick)} ${action.ms}ms`;
		case 'loss':
			return `loss ${links(action.from, action.to)}${action.probability}`;
		case 'slow':
			return `slow ${links(action.from, action.to)}${action.ms}`;
		case 'set-log':
			return `set-log ${serverName(action.server)} ${action.terms.join(' ')}`.trimEnd();
		case 'set-term':
			return `set-term ${serverName(action.server)} ${action.term}`;
		case 'bug':
			return `bug ${action.bug} ${action.on ? 'on' : 'off'}`;
		case 'prevote':
			return `prevote ${action.on ? 'on' : 'off'}`;
		case 'backoff':
			return `backoff ${action.backoff}`;
	}
}
