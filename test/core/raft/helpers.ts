import {QueueDraft} from '../../../source/core/engine/event-queue.js';
import {parseRaftConfig} from '../../../source/core/raft/config.js';
import {createRaft, handleNextEvent} from '../../../source/core/raft/engine.js';
import {raftMode} from '../../../source/core/raft/mode.js';
import type {Message, MessageBody, RaftAction, RaftEvent, RaftState} from '../../../source/core/raft/types.js';
import {applyAction} from '../../../source/core/raft/actions.js';

/** A cluster with no automatic client requests (tests send their own). */
export function raft(flags: Record<string, string | boolean | string[]> = {}): RaftState {
	return createRaft(parseRaftConfig({workload: '0', ...flags}));
}

/** Handles events until the scenario condition holds (fails the test if it never does). */
export function until(state: RaftState, condition: string, limit = 100_000): RaftState {
	const parsed = raftMode.scenario.condition(condition.split(' '));
	if (typeof parsed === 'string') throw new Error(parsed);
	let current = state;
	for (let i = 0; i < limit; i++) {
		if (parsed.check(current) === undefined) return current;
		current = handleNextEvent(current);
	}

	throw new Error(`until ${condition}: not reached in ${limit} events (${parsed.check(current)})`);
}

export function claim(state: RaftState, text: string): string | undefined {
	const parsed = raftMode.scenario.expectation(text.split(' '));
	if (typeof parsed === 'string') throw new Error(parsed);
	return parsed.check(state);
}

export function act(state: RaftState, ...actions: RaftAction[]): RaftState {
	return actions.reduce(applyAction, state);
}

/** Delivers a hand-made message from → to as the next event, and handles it. */
export function deliver(state: RaftState, from: number, to: number, body: MessageBody): RaftState {
	const message: Message = {id: state.nextMessageId, from, to, sentAt: state.time, body, doomed: false};
	const draft = new QueueDraft<RaftEvent>(state.queue);
	draft.scheduleFirst(state.time, {kind: 'deliver', message});
	return handleNextEvent({...state, queue: draft.done(), nextMessageId: state.nextMessageId + 1});
}

/** Messages sent by the last event, as [from, to, type]. */
export function sentBy(state: RaftState): Array<[number, number, string]> {
	return state.last.sent.map(message => [message.from, message.to, message.body.type]);
}

/** The body of the first message the last event sent to `to`. */
export function replyTo<T extends MessageBody['type']>(state: RaftState, to: number, type: T): Extract<MessageBody, {type: T}> {
	const message = state.last.sent.find(item => item.to === to && item.body.type === type);
	if (!message) throw new Error(`no ${type} to ${to} in ${JSON.stringify(sentBy(state))}`);
	return message.body as Extract<MessageBody, {type: T}>;
}

/** A plain-data picture of a state (the report, the queue and the last record), for comparing runs. */
export function projection(state: RaftState): unknown {
	return JSON.parse(JSON.stringify({report: raftMode.report(state), queue: state.queue, last: state.last, client: state.client, network: state.network}));
}
