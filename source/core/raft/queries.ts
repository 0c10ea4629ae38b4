/**
 * Questions about a state that the view, the scenarios and the reports ask.
 */
import {inFlightCountIn, inFlightIn, type InFlight as NetInFlight} from '../net/message.js';
import {majorityOf} from './config.js';
import type {Message, RaftEvent, RaftState, Server} from './types.js';

export type InFlight = NetInFlight<Message>;

/** Messages in flight, in the order they will arrive. */
export function inFlight(state: RaftState): InFlight[] {
	return inFlightIn<Message>(state.queue.items);
}

export function inFlightCount(state: RaftState): number {
	return inFlightCountIn(state.queue.items);
}

export function isUp(server: Server): boolean {
	return server.role !== 'crashed';
}

/** The leader with the highest term, if any server is leading. */
export function currentLeader(state: RaftState): number | undefined {
	let best: Server | undefined;
	for (const server of state.servers) if (server.role === 'leader' && (best === undefined || server.currentTerm > best.currentTerm)) best = server;
	return best?.id;
}

/** Leaders that an up server with a higher term has already left behind (e.g. an old leader in a minority). */
export function staleLeaders(state: RaftState): number[] {
	const leader = currentLeader(state);
	return state.servers.filter(server => server.role === 'leader' && server.id !== leader).map(server => server.id);
}

/** The highest term of any running server. */
export function highestTerm(state: RaftState): number {
	let term = 0;
	for (const server of state.servers) if (isUp(server)) term = Math.max(term, server.currentTerm);
	return term;
}

/** The leader, if it leads the highest term any running server has seen. */
export function undisputedLeader(state: RaftState): number | undefined {
	const leader = currentLeader(state);
	return leader !== undefined && state.servers[leader]!.currentTerm >= highestTerm(state) ? leader : undefined;
}

/** The highest commit index any running server knows. */
export function clusterCommit(state: RaftState): number {
	let commit = 0;
	for (const server of state.servers) if (isUp(server)) commit = Math.max(commit, server.commitIndex);
	return commit;
}

export function majority(state: RaftState): number {
	return majorityOf(state.servers.length);
}

/** How many servers' logs (on disk, crashed ones too) hold an entry at `index` with `term`. */
export function holders(state: RaftState, index: number, term: number): number {
	let count = 0;
	for (const server of state.servers) if (server.log.termAt(index) === term) count++;
	return count;
}

/** The longest log in the cluster. */
export function longestLog(state: RaftState): number {
	let length = 0;
	for (const server of state.servers) length = Math.max(length, server.log.length);
	return length;
}
