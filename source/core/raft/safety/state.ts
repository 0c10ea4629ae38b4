/**
 * The safety checker's state, kept inside every Raft state: the verdict (the
 * first violation of each property, and those the last event found) and what
 * the checks need to remember, all bounded and persistent, so that step back
 * (which replays from the seed and the actions) gives the same lamps.
 */
import type {Entry} from '../log.js';
import {FactList} from './facts.js';
import type {PropertyCode, Violation} from './properties.js';

/** The entry known committed at an index: by whom first, in which of its terms. */
export type CommitFact = {readonly entry: Entry; readonly term: number; readonly server: number};
/** The entry first applied at an index, and by whom. */
export type ApplyFact = {readonly entry: Entry; readonly server: number};
/** A leader elected in a term. */
export type TermLeader = {readonly term: number; readonly server: number};

/** Liveness is reported, never called a violation: how long without a leader, how many elections lately. */
export type Liveness = {
	/** Since when no server has led the highest term a running server knows (null: one does). */
	readonly leaderlessSince: number | null;
	/** The longest stretch without a leader that has ended, in ms. */
	readonly longestLeaderless: number;
	/** When the latest elections started (a server became candidate), oldest first. */
	readonly electionTimes: readonly number[];
};

export type SafetyState = {
	/** The first violation of each property (absent: its lamp is green). */
	readonly broken: Readonly<Partial<Record<PropertyCode, Violation>>>;
	/** The properties the last event (or action) broke for the first time: the run halts there. */
	readonly fresh: readonly Violation[];
	/** The leader of each recent term, by term (the latest `leaderMemory`). */
	readonly leaders: readonly TermLeader[];
	readonly committed: FactList<CommitFact>;
	readonly applied: FactList<ApplyFact>;
	readonly liveness: Liveness;
};

/** Terms whose leader Election Safety remembers. */
export const leaderMemory = 64;
/** Election start times kept for "N elections in 2 s". */
export const electionMemory = 64;

const none: readonly never[] = Object.freeze([]);

export function initialSafety(): SafetyState {
	return {
		broken: {},
		fresh: none,
		leaders: none,
		committed: FactList.empty(),
		applied: FactList.empty(),
		liveness: {leaderlessSince: 0, longestLeaderless: 0, electionTimes: none},
	};
}

export function isSafe(safety: SafetyState): boolean {
	for (const _ in safety.broken) return false;
	return true;
}
