/**
 * Raft's five safety properties (the paper's Figure 3), checked event by
 * event from each state's event record: feed `observe` every state of a run
 * in order (the state after each event or action). It keeps what the checks
 * need: the leader of each recent term, the committed entry at each index and
 * the entry first applied at each index (both bounded by the longest log).
 */
import type {Entry} from './log.js';
import {serverName} from './names.js';
import type {RaftState} from './types.js';

export const propertyNames = ['Election Safety', 'Leader Append-Only', 'Log Matching', 'Leader Completeness', 'State Machine Safety'] as const;
export type PropertyName = (typeof propertyNames)[number];

export type Violation = {
	readonly property: PropertyName;
	/** The event (count) and time at which it was seen. */
	readonly event: number;
	readonly time: number;
	readonly servers: readonly number[];
	readonly index?: number;
	readonly term?: number;
	/** The counterexample in words. */
	readonly text: string;
};

/** Terms remembered for Election Safety. */
const termMemory = 4096;

/** What makes two entries the same: their term and request (set-up entries have no request: their command). */
export function entryKey(entry: Entry): string {
	return entry.request > 0 ? `${entry.term}#${entry.request}` : `${entry.term}:${JSON.stringify(entry.input)}`;
}

type Committed = {readonly key: string; readonly term: number; readonly by: number};

export class SafetyChecker {
	private readonly leaderOfTerm = new Map<number, number>();
	/** By index − 1: the entry known committed there, and the term of the server that first committed it. */
	private readonly committed: Committed[] = [];
	/** By index − 1: the entry first applied there, and by whom. */
	private readonly applied: Array<{readonly key: string; readonly server: number}> = [];

	/** Checks the event that produced `state`; returns the first property it breaks. */
	observe(state: RaftState): Violation | undefined {
		return this.electionSafety(state) ?? this.leaderAppendOnly(state) ?? this.logMatching(state) ?? this.commits(state) ?? this.leaderCompleteness(state) ?? this.stateMachineSafety(state);
	}

	private violation(state: RaftState, property: PropertyName, servers: number[], text: string, extra: {index?: number; term?: number} = {}): Violation {
		return {property, event: state.last.n, time: state.last.time, servers, ...extra, text: `${property}: ${text} (event ${state.last.n}, t=${state.last.time}ms)`};
	}

	private electionSafety(state: RaftState): Violation | undefined {
		for (const server of state.servers) {
			if (server.role !== 'leader') continue;
			const term = server.currentTerm;
			const known = this.leaderOfTerm.get(term);
			if (known !== undefined && known !== server.id) return this.violation(state, 'Election Safety', [known, server.id], `${serverName(known)} and ${serverName(server.id)} both led term ${term}`, {term});
			if (known === undefined) {
				this.leaderOfTerm.set(term, server.id);
				if (this.leaderOfTerm.size > termMemory) this.leaderOfTerm.delete(Math.min(...this.leaderOfTerm.keys()));
			}
		}

		return undefined;
	}

	private leaderAppendOnly(state: RaftState): Violation | undefined {
		for (const change of state.last.changes) {
			if (change.roleBefore !== 'leader' || change.roleAfter !== 'leader' || change.termBefore !== change.termAfter) continue;
			if (change.logFrom !== null && change.logFrom <= change.logLengthBefore) {
				return this.violation(state, 'Leader Append-Only', [change.server], `${serverName(change.server)}, leader of term ${change.termAfter}, changed its own entry at index ${change.logFrom}`, {index: change.logFrom, term: change.termAfter});
			}
		}

		return undefined;
	}

	private logMatching(state: RaftState): Violation | undefined {
		for (const change of state.last.changes) {
			if (change.logFrom === null) continue;
			const a = state.servers[change.server]!.log;
			for (const other of state.servers) {
				if (other.id === change.server) continue;
				const b = other.log;
				let last = Math.min(a.length, b.length);
				while (last > 0 && a.termAt(last) !== b.termAt(last)) last--;
				for (let index = 1; index <= last; index++) {
					if (entryKey(a.entryAt(index)!) !== entryKey(b.entryAt(index)!)) {
						return this.violation(
							state,
							'Log Matching',
							[change.server, other.id],
							`${serverName(change.server)} and ${serverName(other.id)} both have an entry of term ${a.termAt(last)} at index ${last}, but differ at index ${index}`,
							{index},
						);
					}
				}
			}
		}

		return undefined;
	}

	/** Records newly committed entries; two different entries committed at one index break State Machine Safety in the making. */
	private commits(state: RaftState): Violation | undefined {
		for (const change of state.last.changes) {
			const server = state.servers[change.server]!;
			const upTo = Math.min(server.commitIndex, server.log.length);
			for (let index = change.commitBefore + 1; index <= upTo; index++) {
				const key = entryKey(server.log.entryAt(index)!);
				const known = this.committed[index - 1];
				if (known === undefined) {
					this.committed[index - 1] = {key, term: server.currentTerm, by: server.id};
					const leader = this.missingFromLeader(state, index, key, server.currentTerm);
					if (leader !== undefined) return leader;
				} else if (known.key !== key) {
					return this.violation(state, 'State Machine Safety', [known.by, server.id], `index ${index} was committed with two different entries (by ${serverName(known.by)} and by ${serverName(server.id)})`, {index});
				}
			}
		}

		return undefined;
	}

	/** A leader of a term later than the commit's that lacks the committed entry. */
	private missingFromLeader(state: RaftState, index: number, key: string, committedIn: number): Violation | undefined {
		for (const leader of state.servers) {
			if (leader.role !== 'leader' || leader.currentTerm <= committedIn) continue;
			const entry = leader.log.entryAt(index);
			if (entry === undefined || entryKey(entry) !== key) {
				return this.violation(state, 'Leader Completeness', [leader.id], `${serverName(leader.id)} leads term ${leader.currentTerm} without the entry committed at index ${index} in term ${committedIn}`, {index, term: leader.currentTerm});
			}
		}

		return undefined;
	}

	/** When a server becomes leader or a leader's log changes: it must hold every entry committed in an earlier term. */
	private leaderCompleteness(state: RaftState): Violation | undefined {
		for (const change of state.last.changes) {
			const server = state.servers[change.server]!;
			if (server.role !== 'leader') continue;
			const became = change.roleBefore !== 'leader' || change.termBefore !== change.termAfter;
			if (!became && change.logFrom === null) continue;
			const from = became ? 1 : change.logFrom!;
			for (let index = from; index <= this.committed.length; index++) {
				const committed = this.committed[index - 1];
				if (committed === undefined || committed.term >= server.currentTerm) continue;
				const entry = server.log.entryAt(index);
				if (entry === undefined || entryKey(entry) !== committed.key) {
					return this.violation(state, 'Leader Completeness', [server.id], `${serverName(server.id)} leads term ${server.currentTerm} without the entry committed at index ${index} in term ${committed.term}`, {index, term: server.currentTerm});
				}
			}
		}

		return undefined;
	}

	private stateMachineSafety(state: RaftState): Violation | undefined {
		for (const {server, index, entry} of state.last.applied) {
			const key = entryKey(entry);
			const known = this.applied[index - 1];
			if (known === undefined) this.applied[index - 1] = {key, server};
			else if (known.key !== key) {
				return this.violation(state, 'State Machine Safety', [known.server, server], `${serverName(known.server)} and ${serverName(server)} applied different entries at index ${index}`, {index});
			}
		}

		return undefined;
	}
}
