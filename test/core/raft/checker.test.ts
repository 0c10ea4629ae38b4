/**
 * The live checker against crafted violations of each property: hand-made
 * messages and set-up actions that a correct Raft would never produce, each
 * turning exactly one lamp red, at the event that does it, naming the
 * servers and the index or term of the counterexample.
 */
import {describe, expect, it} from 'vitest';
import type {Entry} from '../../../source/core/raft/log.js';
import {raftMode} from '../../../source/core/raft/mode.js';
import {propertyCodes, type PropertyCode} from '../../../source/core/raft/safety/properties.js';
import type {MessageBody, RaftState} from '../../../source/core/raft/types.js';
import {act, deliver, raft, until} from './helpers.js';

const entry = (term: number, request: number): Entry => ({term, request, input: {kind: 'deposit', amount: 5 * request}});
const append = (term: number, prevLogIndex: number, prevLogTerm: number, entries: Entry[], leaderCommit = 0): MessageBody => ({type: 'AppendEntries', term, prevLogIndex, prevLogTerm, entries, leaderCommit});
const granted = (term: number): MessageBody => ({type: 'RequestVoteReply', term, voteGranted: true, preVote: false});

/** Only `code` is red, first seen at the state's own event (so the run halts there). */
function onlyRed(state: RaftState, code: PropertyCode): void {
	for (const other of propertyCodes) expect(state.safety.broken[other] === undefined, `${other}: ${state.safety.broken[other]?.text}`).toBe(other !== code);
	expect(state.safety.fresh.map(violation => violation.property)).toEqual([code]);
	const violation = state.safety.broken[code]!;
	expect(violation.event).toBe(state.events);
	expect(violation.cause).toBe(state.last.text);
	expect(raftMode.haltReason!(state)).toBe(`✗ ${code}: ${violation.text} (event ${state.events})`);
}

describe('the checker sees each property broken, and says where', () => {
	it('Election Safety: a second leader of a term it already has', () => {
		let state = until(raft({servers: '3', seed: '7'}), 'leader');
		const first = state.servers.find(server => server.role === 'leader')!;
		const other = state.servers.find(server => server.role === 'follower')!;
		expect(state.safety.leaders).toContainEqual({term: first.currentTerm, server: first.id});
		// The other server stands in the same term and gets a forged vote.
		state = act(state, {type: 'set-term', server: other.id, term: first.currentTerm - 1}, {type: 'timeout', server: other.id});
		state = raftMode.advance(state, 1);
		expect(state.servers[other.id]).toMatchObject({role: 'candidate', currentTerm: first.currentTerm});
		state = deliver(state, 3 - first.id - other.id, other.id, granted(first.currentTerm));
		expect(state.servers[other.id]!.role).toBe('leader');
		onlyRed(state, 'ES');
		expect(state.safety.broken.ES).toMatchObject({servers: [first.id, other.id], term: first.currentTerm});
	});

	it('Leader Append-Only: a leader whose own entry is overwritten (the set-up verb on a running leader)', () => {
		let state = until(raft({servers: '3', seed: '7'}), 'leader');
		const leader = state.servers.find(server => server.role === 'leader')!.id;
		state = act(state, {type: 'request', server: leader}, {type: 'request', server: leader});
		state = until(state, `length S${leader + 1} 2`);
		expect(state.safety.broken).toEqual({});
		state = act(state, {type: 'set-log', server: leader, terms: []});
		onlyRed(state, 'LA');
		expect(state.safety.broken.LA).toMatchObject({servers: [leader], index: 1});
		expect(state.safety.broken.LA!.text).toMatch(/leader of term \d+, deleted its own entry at index 1 \(it had 2 entries, now 0\)/);
	});

	it('Log Matching: the same index and term with different entries, directly or further down the logs', () => {
		// S3 holds a set-up entry of term 1 at index 1; S1 is sent a different entry of term 1 there.
		let state = act(raft({servers: '3'}), {type: 'set-log', server: 2, terms: [1]});
		state = deliver(state, 1, 0, append(1, 0, 0, [entry(1, 7)]));
		onlyRed(state, 'LM');
		expect(state.safety.broken.LM).toMatchObject({servers: [0, 2], index: 1, term: 1});
		expect(state.safety.broken.LM!.text).toBe('S1 and S3 both hold an entry of term 1 at index 1, but differ at index 1 (t1 #7 vs t1)');
		// Agreeing at index 2 but not at index 1 below it.
		let deeper = act(raft({servers: '3'}), {type: 'set-log', server: 2, terms: [1, 2]});
		deeper = deliver(deeper, 1, 0, append(2, 0, 0, [entry(1, 7), deeper.servers[2]!.log.entryAt(2)!]));
		expect(deeper.safety.broken.LM).toMatchObject({servers: [0, 2], index: 1, term: 2});
		expect(deeper.safety.broken.LM!.text).toMatch(/both hold an entry of term 2 at index 2, but differ at index 1/);
	});

	it('Leader Completeness: a leader elected without an entry committed in an earlier term', () => {
		// S3 is down while S1 commits #1 with S2; then S1 goes down and S3 is elected with a forged vote.
		let state = act(raft({servers: '3', seed: '7'}), {type: 'crash', server: 2}, {type: 'timeout', server: 0});
		state = until(state, 'leader S1');
		state = act(state, {type: 'request', server: 0});
		state = until(state, 'commit 1');
		expect(state.safety.committed.at(1)).toMatchObject({term: 1, server: 0});
		state = act(state, {type: 'crash', server: 0}, {type: 'restart', server: 2}, {type: 'set-term', server: 2, term: 1}, {type: 'timeout', server: 2});
		state = raftMode.advance(state, 1);
		expect(state.servers[2]).toMatchObject({role: 'candidate', currentTerm: 2});
		state = deliver(state, 1, 2, granted(2));
		onlyRed(state, 'LC');
		expect(state.safety.broken.LC).toMatchObject({servers: [2, 0], index: 1, term: 2});
		expect(state.safety.broken.LC!.text).toMatch(/^S3 leads term 2 without the entry committed at index 1 in term 1 \(t1 #1, committed by S1; S3 has no entry there\)$/);
	});

	it('Leader Completeness: an entry committed after a later leader was elected without it', () => {
		// Figure 8 with the old-term-commit bug: S5 leads term 5 while S1 commits index 2 by counting in term 4.
		let state = raft({bug: ['old-term-commit']});
		for (const [server, terms] of [[0, [1, 2]], [1, [1, 2]], [2, [1]], [3, [1]], [4, [1, 3]]] as const) state = act(state, {type: 'set-log', server, terms: [...terms]});
		state = act(state, {type: 'set-term', server: 0, term: 3}, {type: 'crash', server: 4}, {type: 'timeout', server: 0});
		while (state.servers[0]!.commitIndex < 2) state = raftMode.advance(state, 1);
		expect(state.safety.broken).toEqual({});
		state = act(state, {type: 'crash', server: 0}, {type: 'restart', server: 4}, {type: 'timeout', server: 4});
		for (let i = 0; i < 200 && state.safety.broken.LC === undefined; i++) state = raftMode.advance(state, 1);
		expect(state.safety.broken.LC!.text).toMatch(/^S5 leads term 5 without the entry committed at index 2 in term 4/);
	});

	it('State Machine Safety: two servers apply different entries at one index', () => {
		let state = until(raft({servers: '3', seed: '7'}), 'leader');
		const leader = state.servers.find(server => server.role === 'leader')!.id;
		const follower = (leader + 1) % 3;
		state = act(state, {type: 'request', server: leader});
		state = until(state, `applied 1 on S${leader + 1}`);
		expect(state.safety.applied.at(1)).toMatchObject({server: leader});
		// A forged leader of a later term makes the follower apply another entry at index 1.
		state = deliver(state, (leader + 2) % 3, follower, append(9, 0, 0, [entry(9, 42)], 1));
		onlyRed(state, 'SM');
		expect(state.safety.broken.SM).toMatchObject({servers: [leader, follower], index: 1});
		expect(state.safety.broken.SM!.text).toBe(`S${leader + 1} applied t1 #1 at index 1, S${follower + 1} applies t9 #42`);
	});
});

describe('the verdict is part of the state', () => {
	it('a red lamp stays red, and the run halts only at the event that turned it red', () => {
		let state = act(raft({servers: '3'}), {type: 'set-log', server: 2, terms: [1]});
		state = deliver(state, 1, 0, append(1, 0, 0, [entry(1, 7)]));
		expect(raftMode.haltReason!(state)).toBeDefined();
		const next = raftMode.advance(state, 1);
		expect(next.safety.broken.LM).toBe(state.safety.broken.LM);
		expect(next.safety.fresh).toEqual([]);
		expect(raftMode.haltReason!(next)).toBeUndefined();
		// The state it came from is unchanged (states are values: step back keeps old ones).
		expect(state.safety.fresh).toHaveLength(1);
	});

	it('runUntil stops at the event that breaks a property, however far the time goes', () => {
		let state = act(raft({servers: '3', bug: ['forget-vote'], election: '3000-4000'}), {type: 'cut', from: 0, to: 1}, {type: 'timeout', server: 0});
		state = until(state, 'leader S1');
		state = act(state, {type: 'crash', server: 2}, {type: 'restart', server: 2}, {type: 'timeout', server: 1});
		const {state: halted, count} = raftMode.runUntil(state, state.time + 60_000, 100_000);
		expect(halted.safety.fresh.map(violation => violation.property)).toEqual(['ES']);
		expect(halted.events).toBe(state.events + count);
		expect(halted.time).toBeLessThan(state.time + 100);
	});

	it('with the checker off (to measure its cost) the states are the same but nothing is checked', () => {
		const base = {servers: '3', seed: '7', workload: '50'};
		const on = raftMode.advance(raft(base), 2000);
		const off = raftMode.advance({...raft(base), config: {...raft(base).config, safetyCheck: false}}, 2000);
		expect(off.servers.map(server => server.log.terms())).toEqual(on.servers.map(server => server.log.terms()));
		expect(on.safety.committed.length).toBeGreaterThan(0);
		expect(off.safety.committed.length).toBe(0);
	});
});
