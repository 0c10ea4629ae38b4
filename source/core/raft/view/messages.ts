/**
 * Raft's messages in flight on the shared messages panel: how a Raft message
 * reads in a few cells (its type's abbreviation and a short detail) and in
 * full.
 */
import type {Line} from '../../engine/screen.js';
import * as panel from '../../net/view/messages.js';
import {bodyAbbreviation, bodyText} from '../describe.js';
import {lossReason} from '../engine.js';
import {nodeName} from '../names.js';
import type {InFlight} from '../queries.js';
import type {Message, RaftState} from '../types.js';

function shortDetail(message: Message): string {
	const {body} = message;
	switch (body.type) {
		case 'RequestVote':
			return `${body.preVote ? 'pre' : ''}T${body.term}`;
		case 'RequestVoteReply':
			return body.voteGranted ? '✓' : '✗';
		case 'AppendEntries':
			return body.entries.length === 0 ? '♥' : `+${body.entries.length}`;
		case 'AppendEntriesReply':
			return body.success ? `✓${body.index}` : `✗${body.index}`;
		case 'ClientRequest':
			return `#${body.request}`;
		case 'ClientReply':
			return body.ok ? `#${body.request}✓` : `#${body.request}${body.leaderHint === null ? '' : `→${nodeName(body.leaderHint)}`}`;
	}
}

/** How Raft's messages read on the shared panel; a refused client reply drops its hint before its word. */
export function raftLook(state: RaftState): panel.MessageLook<Message> {
	return {
		name: nodeName,
		abbreviation: message => bodyAbbreviation(message.body),
		details: message => (message.body.type === 'ClientReply' ? [shortDetail(message), `#${message.body.request}`] : [shortDetail(message)]),
		text: message => bodyText(message.body, state.model),
		lost: message => lossReason(state, message),
	};
}

/** Raft's words for the shared panel, without a state (for what does not depend on one). */
const stateless = {name: nodeName, abbreviation: (message: Message) => bodyAbbreviation(message.body), details: (message: Message) => [shortDetail(message)]};

/** A message in a few words, e.g. "S5→S3 AE ♥", "S1→client refused #4→S3". */
export function shortMessageText(message: Message): string {
	return panel.shortMessageText({...stateless, text: () => '', lost: () => undefined}, message);
}

export function messageCell(state: RaftState, item: InFlight, width = Number.POSITIVE_INFINITY): string {
	return panel.messageCell(raftLook(state), state.time, item, width);
}

export function messageDetail(state: RaftState, item: InFlight): string {
	return panel.messageDetail(raftLook(state), state.time, item);
}

export function messageGrid(state: RaftState, messages: readonly InFlight[], cursor: number, width: number, rows: number, cellWidth: number): Line[] {
	return panel.messageGrid(raftLook(state), state.time, messages, cursor, width, rows, cellWidth);
}

export function messageList(state: RaftState, messages: readonly InFlight[], cursor: number, width: number, rows: number): Line[] {
	return panel.messageList(raftLook(state), state.time, messages, cursor, width, rows);
}
