import {describe, expect, it} from 'vitest';
import {bank} from '../../../source/core/models/bank.js';
import {handleNextEvent} from '../../../source/core/raft/engine.js';
import type {Entry} from '../../../source/core/raft/log.js';
import type {RaftState} from '../../../source/core/raft/types.js';
import {act, claim, deliver, raft, replyTo, until} from './helpers.js';

const entry = (term: number, request: number): Entry => ({term, request, input: {kind: 'deposit', amount: 5 * request}});
const append = (term: number, prevLogIndex: number, prevLogTerm: number, entries: Entry[], leaderCommit = 0) =>
	({type: 'AppendEntries', term, prevLogIndex, prevLogTerm, entries, leaderCommit}) as const;

/** S1 (index 0) a follower in `term` with a log of these terms. */
function follower(terms: number[], term = Math.max(1, ...terms), flags: Record<string, string | string[]> = {}): RaftState {
	return act(raft({servers: '3', ...flags}), {type: 'set-log', server: 0, terms}, {type: 'set-term', server: 0, term});
}

describe('AppendEntries receiver (Figure 2)', () => {
	it('1. refuses a leader with a lower term', () => {
		const state = deliver(follower([1], 3), 1, 0, append(2, 0, 0, [entry(2, 1)]));
		expect(replyTo(state, 1, 'AppendEntriesReply')).toMatchObject({term: 3, success: false});
		expect(state.servers[0]!.log.length).toBe(1);
	});

	it('a current leader makes the receiver its follower: a higher term is adopted, a candidate of the same term steps down', () => {
		let state = deliver(follower([], 1), 1, 0, append(4, 0, 0, []));
		expect(state.servers[0]).toMatchObject({currentTerm: 4, role: 'follower', leaderId: 1, votedFor: null});
		state = act(follower([], 1), {type: 'timeout', server: 0});
		state = handleNextEvent(state);
		expect(state.servers[0]!.role).toBe('candidate');
		state = deliver(state, 1, 0, append(2, 0, 0, []));
		expect(state.servers[0]).toMatchObject({currentTerm: 2, role: 'follower', leaderId: 1, votedFor: 0});
	});

	it('2. refuses if its log has no entry at prevLogIndex with prevLogTerm, and appends nothing', () => {
		const short = deliver(follower([1, 1]), 1, 0, append(2, 3, 1, [entry(2, 9)]));
		expect(replyTo(short, 1, 'AppendEntriesReply')).toMatchObject({success: false, index: 3});
		expect(short.servers[0]!.log.terms()).toEqual([1, 1]);
		const otherTerm = deliver(follower([1, 1]), 1, 0, append(2, 2, 2, [entry(2, 9)]));
		expect(replyTo(otherTerm, 1, 'AppendEntriesReply')).toMatchObject({success: false, index: 2});
		expect(otherTerm.servers[0]!.log.terms()).toEqual([1, 1]);
	});

	it('3. deletes a conflicting entry and all that follow it; 4. appends the new entries', () => {
		const state = deliver(follower([1, 1, 2, 2], 2), 1, 0, append(3, 2, 1, [entry(3, 7)]));
		expect(state.servers[0]!.log.terms()).toEqual([1, 1, 3]);
		expect(state.servers[0]!.log.entryAt(3)!.request).toBe(7);
		expect(replyTo(state, 1, 'AppendEntriesReply')).toMatchObject({success: true, index: 3});
		expect(state.last.changes[0]).toMatchObject({server: 0, logFrom: 3, logLengthBefore: 4});
	});

	it('keeps entries that already match, and what follows them (a late or repeated AppendEntries removes nothing)', () => {
		const base = follower([1, 1, 1], 1);
		const held = base.servers[0]!.log.entryAt(1)!;
		const state = deliver(base, 1, 0, append(1, 0, 0, [held]));
		expect(state.servers[0]!.log.terms()).toEqual([1, 1, 1]);
		expect(replyTo(state, 1, 'AppendEntriesReply')).toMatchObject({success: true, index: 1});
		expect(state.last.changes[0]!.logFrom).toBeNull();
	});

	it('the truncate-always bug deletes everything after prevLogIndex, even matching entries', () => {
		const base = follower([1, 1, 1], 1, {bug: ['truncate-always']});
		const state = deliver(base, 1, 0, append(1, 0, 0, [base.servers[0]!.log.entryAt(1)!]));
		expect(state.servers[0]!.log.terms()).toEqual([1]);
	});

	it('5. sets commitIndex to min(leaderCommit, index of the last new entry) and applies up to it, in order', () => {
		const state = deliver(follower([], 1), 1, 0, append(1, 0, 0, [entry(1, 1), entry(1, 2), entry(1, 3)], 9));
		const s1 = state.servers[0]!;
		expect(s1.commitIndex).toBe(3);
		expect(s1.lastApplied).toBe(3);
		// The bank's opening balance (the model's, not a number copied here) plus the three deposits.
		expect(s1.machine).toEqual({balance: bank.initial().balance + 5 + 10 + 15});
		expect(state.last.applied.map(item => item.index)).toEqual([1, 2, 3]);
		const stale = deliver(follower([1, 1, 1, 1], 1), 1, 0, append(1, 1, 1, [], 4));
		expect(stale.servers[0]!.commitIndex).toBe(1);
	});

	it('restarts the election timer on a valid AppendEntries, not on a refused one', () => {
		const base = follower([1], 2);
		const draws = base.servers[0]!.timerDraws;
		expect(deliver(base, 1, 0, append(2, 0, 0, [])).servers[0]!.timerDraws).toBe(draws + 1);
		expect(deliver(base, 1, 0, append(1, 0, 0, [])).servers[0]!.timerDraws).toBe(draws);
	});
});

/** Five servers, S1 the leader of a term above every other, all logs set as given (S1's first). */
function leaderWithLogs(logs: number[][], flags: Record<string, string | string[]> = {}, term?: number): RaftState {
	let state = raft({servers: '5', ...flags});
	for (const [id, terms] of logs.entries()) state = act(state, {type: 'set-log', server: id, terms});
	if (term !== undefined) state = act(state, {type: 'set-term', server: 0, term: term - 1});
	state = act(state, {type: 'timeout', server: 0});
	return until(state, 'leader S1');
}

describe('AppendEntries replies (leaders)', () => {
	it('a success raises matchIndex and nextIndex; a refusal steps nextIndex back and retries with an earlier prevLogIndex', () => {
		let state = leaderWithLogs([[1, 1, 1], [1, 1, 1], [1], [1], [1]]);
		state = act(state, {type: 'isolate', server: 4});
		const term = state.servers[0]!.currentTerm;
		state = deliver(state, 1, 0, {type: 'AppendEntriesReply', term, success: true, index: 3, conflictTerm: 0, conflictIndex: 0});
		expect(state.servers[0]!.matchIndex[1]).toBe(3);
		expect(state.servers[0]!.nextIndex[1]).toBe(4);
		state = deliver(state, 2, 0, {type: 'AppendEntriesReply', term, success: false, index: 3, conflictTerm: 0, conflictIndex: 0});
		expect(state.servers[0]!.nextIndex[2]).toBe(3);
		expect(replyTo(state, 2, 'AppendEntries')).toMatchObject({prevLogIndex: 2, prevLogTerm: 1, entries: [expect.objectContaining({term: 1})]});
		const again = deliver(state, 2, 0, {type: 'AppendEntriesReply', term, success: false, index: 3, conflictTerm: 0, conflictIndex: 0});
		expect(again.servers[0]!.nextIndex[2]).toBe(3);
		expect(again.last.sent).toHaveLength(0);
	});

	it('with backoff "term" a refusal skips the whole conflicting term', () => {
		let state = leaderWithLogs([[1, 1, 1, 4, 4, 5], [1], [1], [1], [1]], {backoff: 'term'});
		const term = state.servers[0]!.currentTerm;
		state = act(state, {type: 'heal'});
		state = deliver(state, 1, 0, {type: 'AppendEntriesReply', term, success: false, index: 6, conflictTerm: 3, conflictIndex: 4});
		expect(state.servers[0]!.nextIndex[1]).toBe(4);
	});

	it('a leader commits an entry of its own term once a majority holds it, and applies it', () => {
		let state = until(raft({servers: '5', seed: '7'}), 'leader S3');
		state = act(state, {type: 'crash', server: 0}, {type: 'crash', server: 1});
		state = act(state, {type: 'request', server: 2});
		state = until(state, 'length S3 1');
		expect(state.servers[2]!.commitIndex).toBe(0);
		state = until(state, 'commit 1 on S3');
		expect(claim(state, 'entry 1 term 1 on S3 S4 S5')).toBeUndefined();
		expect(state.servers[2]!.lastApplied).toBe(1);
		state = until(state, 'acked 1');
		expect(state.client.lastAck).toMatchObject({request: 1, index: 1, leader: 2});
	});

	it('Figure 8: an entry of an earlier term on a majority is not committed by counting; it commits with a current-term entry', () => {
		// S1 leads term 4 with log 1 2; S5 (log 1 3) is down, as in Figure 8 (c).
		let state = leaderWithLogs([[1, 2], [1, 2], [1], [1], [1, 3]], {}, 4);
		state = act(state, {type: 'crash', server: 4});
		expect(state.servers[0]!.currentTerm).toBe(4);
		state = until(state, 'length S3 2');
		state = until(state, 'length S4 2');
		state = until(state, 'time 1000');
		expect(claim(state, 'entry 2 term 2 on 4')).toBeUndefined();
		expect(state.servers[0]!.commitIndex).toBe(0);
		state = act(state, {type: 'request', server: 0});
		state = until(state, 'commit 3 on S1');
		expect(state.servers[0]!.log.terms()).toEqual([1, 2, 4]);
		expect(state.servers[0]!.lastApplied).toBe(3);
	});

	it('Figure 8 with the old-term-commit bug: the earlier-term entry is committed by counting replicas', () => {
		let state = leaderWithLogs([[1, 2], [1, 2], [1], [1], [1, 3]], {bug: ['old-term-commit']}, 4);
		state = act(state, {type: 'crash', server: 4});
		state = until(state, 'commit 2 on S1');
		expect(state.servers[0]!.log.terms()).toEqual([1, 2]);
		expect(state.last.text).toMatch(/commits up to index 2/);
	});
});
