/**
 * The live safety checker: after every event (and every user action) it
 * checks the five properties of the paper's Figure 3 against what the event
 * did (its record: the servers it touched, their state before, the lowest log
 * index changed, the entries applied), and returns the next SafetyState.
 *
 * Most events change no role, term, log, commit or applied index; they cost a
 * glance at the record. The rest cost about the size of what they changed
 * (Log Matching), or the committed prefix when a leader is elected.
 */
import {serverName} from '../names.js';
import {undisputedLeader} from '../queries.js';
import type {RaftState, ServerChange} from '../types.js';
import {entryLabel, sameEntry} from './entries.js';
import {logMismatch} from './log-matching.js';
import type {PropertyCode, Violation} from './properties.js';
import {electionMemory, leaderMemory, type Liveness, type SafetyState, type TermLeader} from './state.js';

const none: readonly never[] = Object.freeze([]);

/** Whether the event touched anything a property is about. */
function touchesSafety(base: RaftState, next: RaftState): boolean {
	const record = next.last;
	if (record.applied.length > 0) return true;
	for (const change of record.changes) {
		if (change.logFrom !== null || change.roleBefore !== change.roleAfter || change.termBefore !== change.termAfter) return true;
		if (next.servers[change.server]!.commitIndex > change.commitBefore) return true;
	}

	return next.stats.elections !== base.stats.elections;
}

/** The safety state after the event that turned `base` into `next` (whose own `safety` is still base's). */
export function nextSafety(base: RaftState, next: RaftState): SafetyState {
	const before = base.safety;
	if (!touchesSafety(base, next)) return before.fresh.length === 0 ? before : {...before, fresh: none};
	const draft = new SafetyDraft(before, next);
	const {changes} = next.last;
	for (const change of changes) draft.electionSafety(change);
	for (const change of changes) draft.leaderAppendOnly(change);
	draft.logMatching();
	for (const change of changes) draft.recordCommits(change);
	for (const change of changes) draft.leaderCompleteness(change);
	draft.stateMachineSafety();
	draft.updateLiveness(base);
	return draft.done();
}

class SafetyDraft {
	broken: SafetyState['broken'];
	fresh: Violation[] | undefined;
	leaders: SafetyState['leaders'];
	committed: SafetyState['committed'];
	applied: SafetyState['applied'];
	liveness: Liveness;

	constructor(
		readonly before: SafetyState,
		readonly state: RaftState,
	) {
		this.broken = before.broken;
		this.leaders = before.leaders;
		this.committed = before.committed;
		this.applied = before.applied;
		this.liveness = before.liveness;
	}

	done(): SafetyState {
		const same =
			this.fresh === undefined && this.leaders === this.before.leaders && this.committed === this.before.committed && this.applied === this.before.applied && this.liveness === this.before.liveness;
		if (same) return this.before.fresh.length === 0 ? this.before : {...this.before, fresh: none};
		return {broken: this.broken, fresh: this.fresh ?? none, leaders: this.leaders, committed: this.committed, applied: this.applied, liveness: this.liveness};
	}

	private isBroken(code: PropertyCode): boolean {
		return this.broken[code] !== undefined;
	}

	private report(code: PropertyCode, servers: number[], text: string, place: {index?: number; term?: number} = {}): void {
		if (this.isBroken(code)) return;
		const {last} = this.state;
		const violation: Violation = {property: code, event: last.n, time: last.time, cause: last.text, servers, ...place, text};
		this.broken = {...this.broken, [code]: violation};
		(this.fresh ??= []).push(violation);
	}

	/** Election Safety: a server that has just become leader of a term nobody else has led. */
	electionSafety(change: ServerChange): void {
		if (change.roleAfter !== 'leader' || (change.roleBefore === 'leader' && change.termBefore === change.termAfter) || this.isBroken('ES')) return;
		const term = change.termAfter;
		const server = change.server;
		const known = this.leaders.find(item => item.term === term);
		if (known !== undefined) {
			if (known.server !== server) this.report('ES', [known.server, server], `${serverName(known.server)} and ${serverName(server)} were both elected leader of term ${term}`, {term});
			return;
		}

		const leaders: TermLeader[] = [...this.leaders, {term, server}].sort((a, b) => a.term - b.term);
		this.leaders = leaders.length > leaderMemory ? leaders.slice(leaders.length - leaderMemory) : leaders;
	}

	/** Leader Append-Only: a server that leads the same term before and after the event only appends. */
	leaderAppendOnly(change: ServerChange): void {
		if (change.roleBefore !== 'leader' || change.roleAfter !== 'leader' || change.termBefore !== change.termAfter) return;
		if (change.logFrom === null || change.logFrom > change.logLengthBefore) return;
		const id = change.server;
		const length = this.state.servers[id]!.log.length;
		const what = length < change.logFrom ? 'deleted' : 'overwrote';
		this.report('LA', [id], `${serverName(id)}, leader of term ${change.termAfter}, ${what} its own entry at index ${change.logFrom} (it had ${change.logLengthBefore} entries, now ${length})`, {
			index: change.logFrom,
			term: change.termAfter,
		});
	}

	logMatching(): void {
		if (this.isBroken('LM')) return;
		const {changes} = this.state.last;
		let anyLog = false;
		for (const change of changes) if (change.logFrom !== null) anyLog = true;
		if (!anyLog) return;
		const mismatch = logMismatch(
			this.state.servers.map(server => server.log),
			changes,
		);
		if (mismatch === undefined) return;
		const {a, b, term, at, differ} = mismatch;
		const logs = this.state.servers;
		this.report(
			'LM',
			[a, b],
			`${serverName(a)} and ${serverName(b)} both hold an entry of term ${term} at index ${at}, but differ at index ${differ} (${entryLabel(logs[a]!.log.entryAt(differ)!)} vs ${entryLabel(logs[b]!.log.entryAt(differ)!)})`,
			{index: differ, term},
		);
	}

	/** Records the entries a server has just learned are committed; a leader of a later term must already hold each new one. */
	recordCommits(change: ServerChange): void {
		const server = this.state.servers[change.server]!;
		if (server.commitIndex <= change.commitBefore) return;
		const upTo = Math.min(server.commitIndex, server.log.length);
		for (let index = change.commitBefore + 1; index <= upTo; index++) {
			if (index !== this.committed.length + 1) continue;
			const entry = server.log.entryAt(index)!;
			this.committed = this.committed.append({entry, term: server.currentTerm, server: server.id});
			if (this.isBroken('LC')) continue;
			for (const leader of this.state.servers) {
				if (leader.role !== 'leader' || leader.currentTerm <= server.currentTerm) continue;
				const held = leader.log.entryAt(index);
				if (held === undefined || !sameEntry(held, entry)) this.reportIncomplete(leader.id, leader.currentTerm, index, server.currentTerm);
			}
		}
	}

	/** Leader Completeness: a new leader (or a leader whose log changed) holds every entry committed in an earlier term. */
	leaderCompleteness(change: ServerChange): void {
		if (this.isBroken('LC')) return;
		const server = this.state.servers[change.server]!;
		if (server.role !== 'leader') return;
		const became = change.roleBefore !== 'leader' || change.termBefore !== change.termAfter;
		if (!became && change.logFrom === null) return;
		const from = became ? 1 : change.logFrom!;
		for (let index = from; index <= this.committed.length; index++) {
			const fact = this.committed.at(index)!;
			if (fact.term >= server.currentTerm) continue;
			const held = server.log.entryAt(index);
			if (held === undefined || !sameEntry(held, fact.entry)) {
				this.reportIncomplete(server.id, server.currentTerm, index, fact.term);
				return;
			}
		}
	}

	private reportIncomplete(leader: number, term: number, index: number, committedIn: number): void {
		const fact = this.committed.at(index)!;
		const held = this.state.servers[leader]!.log.entryAt(index);
		this.report(
			'LC',
			[leader, fact.server],
			`${serverName(leader)} leads term ${term} without the entry committed at index ${index} in term ${committedIn} (${entryLabel(fact.entry)}, committed by ${serverName(fact.server)}; ${serverName(leader)} has ${held === undefined ? 'no entry' : entryLabel(held)} there)`,
			{index, term},
		);
	}

	/** State Machine Safety: every entry applied at an index is the one first applied there. */
	stateMachineSafety(): void {
		for (const {server, index, entry} of this.state.last.applied) {
			const fact = this.applied.at(index);
			if (fact === undefined) {
				if (index === this.applied.length + 1) this.applied = this.applied.append({entry, server});
				continue;
			}

			if (!sameEntry(fact.entry, entry)) {
				this.report('SM', [fact.server, server], `${serverName(fact.server)} applied ${entryLabel(fact.entry)} at index ${index}, ${serverName(server)} applies ${entryLabel(entry)}`, {index});
			}
		}
	}

	updateLiveness(base: RaftState): void {
		const {state} = this;
		const time = state.last.time;
		let {electionTimes} = this.liveness;
		const started = state.stats.elections - base.stats.elections;
		if (started > 0) {
			const times = [...electionTimes];
			for (let i = 0; i < started; i++) times.push(time);
			electionTimes = times.length > electionMemory ? times.slice(times.length - electionMemory) : times;
		}

		const leading = undisputedLeader(state) !== undefined;
		const {leaderlessSince, longestLeaderless} = this.liveness;
		if (leading && leaderlessSince !== null) {
			this.liveness = {leaderlessSince: null, longestLeaderless: Math.max(longestLeaderless, time - leaderlessSince), electionTimes};
		} else if (!leading && leaderlessSince === null) {
			this.liveness = {leaderlessSince: time, longestLeaderless, electionTimes};
		} else if (electionTimes !== this.liveness.electionTimes) {
			this.liveness = {...this.liveness, electionTimes};
		}
	}
}
