/**
 * The safety lab's bugs: each removes or breaks one rule of Figure 2, so that
 * one lamp can go red. What each breaks, which properties it can break, and
 * the scenario that shows it (docs/raft.md's table says the same).
 */
import type {PropertyCode} from './safety/properties.js';
import type {BugName} from './types.js';

export type BugInfo = {
	/** What the bug does, in a few words (the event line, the fuzzer's report). */
	readonly does: string;
	/** The same in fewer words, so that the safety lab's menu reads whole at 80 columns. */
	readonly short: string;
	/** The rule of Figure 2 it breaks. */
	readonly rule: string;
	/** The properties it can break; empty for a liveness bug. */
	readonly breaks: readonly PropertyCode[];
	/** The bundled scenario that shows it. */
	readonly scenario: string;
};

export const bugInfo: Readonly<Record<BugName, BugInfo>> = {
	'old-term-commit': {
		short: 'commits an old term\'s entry by counting',
		does: 'a leader commits an entry of an earlier term by counting replicas',
		rule: 'commit index N only if log[N].term == currentTerm',
		breaks: ['LC', 'SM'],
		scenario: 'raft-figure-8',
	},
	'no-up-to-date-check': {
		short: 'votes without the log up-to-date check',
		does: 'a server votes without checking that the candidate\'s log is at least as up to date',
		rule: 'grant a vote only to a candidate whose log is at least as up to date',
		breaks: ['LC', 'SM'],
		scenario: 'raft-uncommitted-entry',
	},
	'forget-vote': {
		short: 'a crash forgets votedFor: it votes twice',
		does: 'votedFor is not saved on disk: a crash forgets it, so a server can vote twice in a term',
		rule: 'votedFor is persistent state, written before answering',
		breaks: ['ES', 'LM', 'LC', 'SM'],
		scenario: 'raft-vote-not-saved',
	},
	'truncate-always': {
		short: 'always deletes entries after prevLogIndex',
		does: 'a follower deletes everything after prevLogIndex on every AppendEntries, even entries that match',
		rule: 'delete an existing entry only if it conflicts with a new one',
		breaks: ['LC', 'SM'],
		scenario: 'found by raft fuzz --bug truncate-always',
	},
	'fixed-timeout': {
		short: 'every election timeout is the minimum',
		does: 'every election timeout is the minimum, with no randomness',
		rule: 'election timeouts are chosen randomly (150-300 ms)',
		breaks: [],
		scenario: 'raft-split-vote',
	},
	'half-quorum': {
		short: 'quorum is half the servers, rounded down',
		does: 'a quorum is half the servers (rounded down), not a majority: two quorums need not overlap',
		rule: 'votes and replicas are counted to a majority',
		breaks: ['ES', 'LM', 'LC', 'SM'],
		scenario: 'found by raft fuzz --bug half-quorum',
	},
	'apply-uncommitted': {
		short: 'applies entries before they commit',
		does: 'a follower applies entries as soon as it appends them, before they are committed',
		rule: 'apply log[lastApplied] only while commitIndex > lastApplied',
		breaks: ['SM'],
		scenario: 'found by raft fuzz --bug apply-uncommitted',
	},
	'stale-append': {
		short: 'accepts AppendEntries of an older term',
		does: 'a follower accepts AppendEntries from a leader of an older term',
		rule: 'AppendEntries: reply false if term < currentTerm',
		breaks: ['LC', 'SM'],
		scenario: 'found by raft fuzz --bug stale-append',
	},
};

/** Bugs that can break a safety property (the fuzzer must find each). */
export function isSafetyBug(bug: BugName): boolean {
	return bugInfo[bug].breaks.length > 0;
}
