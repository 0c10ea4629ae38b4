import type {Model} from '../models/model.js';
import type {Entry} from './log.js';
import {nodeName, serverName} from './names.js';
import type {Message, MessageBody, MessageType, RaftEvent} from './types.js';

/** Short names of message types, for narrow places. */
export const typeAbbreviation: Readonly<Record<MessageType, string>> = {
	RequestVote: 'RV',
	RequestVoteReply: 'RV↩',
	AppendEntries: 'AE',
	AppendEntriesReply: 'AE↩',
	ClientRequest: 'req',
	ClientReply: 'ack',
};

export function inputText(model: Model, input: unknown): string {
	return model.describeInput(input);
}

export function shortInputText(model: Model, input: unknown): string {
	return model.shortInput ? model.shortInput(input) : model.describeInput(input);
}

/** "1 log entry", "3 log entries": a count and its noun, singular or plural. */
export function countText(count: number, singular: string, plural: string): string {
	return `${count} ${count === 1 ? singular : plural}`;
}

export function entriesText(entries: readonly Entry[]): string {
	if (entries.length === 0) return 'no entries';
	return countText(entries.length, 'entry', 'entries');
}

/** A message's short name: its type's, except that a refused client reply is "refused" (an "ack" only when the request committed). */
export function bodyAbbreviation(body: MessageBody): string {
	return body.type === 'ClientReply' && !body.ok ? 'refused' : typeAbbreviation[body.type];
}

/** A message's content in a few words, e.g. "AppendEntries T3 prev 4/t3 +2 commit 4". */
export function bodyText(body: MessageBody, model: Model): string {
	switch (body.type) {
		case 'RequestVote':
			return `${body.preVote ? 'PreVote' : 'RequestVote'} T${body.term} last ${body.lastLogIndex}/t${body.lastLogTerm}`;
		case 'RequestVoteReply':
			return `${body.preVote ? 'pre-vote' : 'vote'} ${body.voteGranted ? '✓ granted' : '✗ refused'} T${body.term}`;
		case 'AppendEntries':
			return `AppendEntries T${body.term} prev ${body.prevLogIndex}/t${body.prevLogTerm} ${body.entries.length === 0 ? 'heartbeat' : `+${body.entries.length}`} commit ${body.leaderCommit}`;
		case 'AppendEntriesReply':
			return body.success ? `append ✓ T${body.term} match ${body.index}` : `append ✗ T${body.term} at ${body.index}`;
		case 'ClientRequest':
			return `request #${body.request} ${shortInputText(model, body.input)}`;
		case 'ClientReply':
			if (body.ok) return `ack #${body.request} (index ${body.index})`;
			return body.leaderHint === null ? `#${body.request} refused: no leader known` : `#${body.request} refused: try ${serverName(body.leaderHint)}`;
	}
}

export function messageText(message: Message, model: Model): string {
	return `${nodeName(message.from)}→${nodeName(message.to)} ${bodyText(message.body, model)}`;
}

/**
 * What an event about to happen is, before it happens (the outcome is told
 * once it has). `lost`: why a message due now would be lost, if it would.
 */
export function upcomingText(event: RaftEvent, model: Model, lost?: string): string {
	switch (event.kind) {
		case 'deliver':
			return `${messageText(event.message, model)} ${lost === undefined ? 'arrives' : `— ${lost}`}`;

		case 'election':
			return `${serverName(event.server)}'s election timer fires`;
		case 'heartbeat':
			return `${serverName(event.server)} sends heartbeats`;
		case 'workload':
			return 'the client sends a new request';
		case 'retry':
			return `the client tries request #${event.request} again`;
		case 'client-timeout':
			return `the client's wait for #${event.request} runs out`;
	}
}
