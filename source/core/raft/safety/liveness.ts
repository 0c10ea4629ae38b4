/**
 * Liveness, reported beside the lamps and never called a violation: Raft
 * promises safety always, and progress only when timing is kind (random
 * timeouts, a majority up and connected).
 */
import type {RaftState} from '../types.js';
import {electionMemory} from './state.js';

/** "N elections in 2 s" counts elections started in this window. */
export const electionWindowMs = 2000;
/** A leaderless stretch is worth a word once it is this long. */
export const leaderlessNoticeMs = 500;
/** And the elections once this many started in the window. */
export const electionsNotice = 3;

/** How long no server has led the highest term a running server knows (0: one does). */
export function leaderlessFor(state: RaftState): number {
	const since = state.safety.liveness.leaderlessSince;
	return since === null ? 0 : state.time - since;
}

/** Elections started within `window` ms before now. */
export function recentElections(state: RaftState, window = electionWindowMs): number {
	let count = 0;
	for (const time of state.safety.liveness.electionTimes) if (time > state.time - window) count++;
	return count;
}

/** The longest stretch without a leader so far, the current one included. */
export function longestLeaderless(state: RaftState): number {
	return Math.max(state.safety.liveness.longestLeaderless, leaderlessFor(state));
}

/** "5 elections in 2 s" ("64+ …" when every election remembered falls in the window), or undefined when there are too few to mention. */
export function electionsText(state: RaftState): string | undefined {
	const elections = recentElections(state);
	if (elections < electionsNotice) return undefined;
	const saturated = elections === electionMemory && state.safety.liveness.electionTimes.length === electionMemory;
	return `${elections}${saturated ? '+' : ''} elections in ${electionWindowMs / 1000} s`;
}
