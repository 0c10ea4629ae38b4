/** Questions about a Paxos state that the screen, the report and the scenarios share. */
import {peekEvent} from '../engine/event-queue.js';
import type {Scheduled} from '../engine/event-queue.js';
import type {InFlight} from '../net/message.js';
import {agreedLeader} from './leader.js';
import {chosenValue} from './safety.js';
import {bitCount, majority} from './names.js';
import type {Message, PaxosEvent, PaxosState, Proposer, Value} from './types.js';

/** Messages in flight, in arrival order (heartbeats left out: they are the leader election's, not Paxos's). */
export function inFlight(state: PaxosState): Array<Scheduled<PaxosEvent> & {readonly event: {readonly kind: 'deliver'; readonly message: Message}}> {
	return state.queue.items.filter(item => item.event.kind === 'deliver' && item.event.message.body.type !== 'Heartbeat') as never;
}

/** The same, as the shared network's InFlight items (message, due, seq). */
export function messagesInFlight(state: PaxosState): Array<InFlight<Message>> {
	const messages: Array<InFlight<Message>> = [];
	for (const item of state.queue.items) if (item.event.kind === 'deliver' && item.event.message.body.type !== 'Heartbeat') messages.push({message: item.event.message, due: item.time, seq: item.seq});
	return messages;
}

export function inFlightCount(state: PaxosState): number {
	return inFlight(state).length;
}

export function nextEvent(state: PaxosState) {
	return peekEvent(state.queue);
}

/** Who knows instance `instance`'s chosen value: learners that learned it, proposers that counted a majority of Accepted. */
export function knownBy(state: PaxosState, instance: number): string[] {
	const chosen = chosenValue(state.lamps, instance);
	if (chosen === undefined) return [];
	const need = majority(state.config.acceptors);
	const proposers = state.proposers.filter(proposer => {
		const mine = proposer.proposing[instance - 1];
		return mine !== undefined && mine.value.id === chosen.value.id && bitCount(mine.acks) >= need;
	});
	const learners = state.learners.filter(learner => learner.learned[instance - 1]?.id === chosen.value.id);
	return [...proposers.map(proposer => `P${proposer.id + 1}`), ...learners.map(learner => `L${learner.id + 1}`)];
}

/** The Multi-Paxos leader: the proposer that leads (phase 2 open) and whom every up proposer takes as leader. */
export function currentLeader(state: PaxosState): Proposer | undefined {
	const agreed = agreedLeader(state);
	const proposer = agreed === undefined ? undefined : state.proposers[agreed];
	return proposer?.phase === 'lead' ? proposer : undefined;
}

/** Highest instance any acceptor, proposer or learner has touched. */
export function instanceCount(state: PaxosState): number {
	let count = state.config.multi ? 0 : 1;
	for (const acceptor of state.acceptors) count = Math.max(count, acceptor.accepted.length);
	for (const learner of state.learners) count = Math.max(count, learner.learned.length);
	return count;
}

export function isNoop(value: Value | undefined): boolean {
	return value?.id === 'no-op';
}

export function isDueling(state: PaxosState): boolean {
	return !state.config.multi && state.lamps.chosenCount === 0 && state.roundsWithoutDecision >= 3;
}
