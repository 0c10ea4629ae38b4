/**
 * Liveness, reported beside the lamps and never called a violation: Raft
 * promises safety always, and progress only when timing is kind (random
 * timeouts, a majority up and connected).
 */
import type {RaftState} from '../types.js';

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

/** Words on progress when there is something to say: "no leader for 900 ms · 5 elections in 2 s". */
export function livenessNotes(state: RaftState): string[] {
	const notes: string[] = [];
	const leaderless = leaderlessFor(state);
	if (leaderless >= leaderlessNoticeMs) notes.push(`no leader for ${leaderless} ms`);
	const elections = recentElections(state);
	if (elections >= electionsNotice) notes.push(`${elections}${elections >= state.safety.liveness.electionTimes.length && elections > 1 ? '+' : ''} elections in ${electionWindowMs / 1000} s`);
	return notes;
}
