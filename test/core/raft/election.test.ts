import {describe, expect, it} from 'vitest';
import {handleNextEvent} from '../../../source/core/raft/engine.js';
import {act, claim, deliver, raft, replyTo, sentBy, until} from './helpers.js';

const vote = (term: number, lastLogIndex = 0, lastLogTerm = 0) => ({type: 'RequestVote', term, lastLogIndex, lastLogTerm, preVote: false}) as const;

describe('the election timer (Figure 2, followers and candidates)', () => {
	it('a follower whose timer runs out becomes a candidate of the next term, votes for itself and asks every other server', () => {
		let state = act(raft({servers: '5'}), {type: 'set-log', server: 1, terms: [1, 1, 2]});
		state = act(state, {type: 'timeout', server: 1});
		expect(state.queue.items[0]!.event).toEqual({kind: 'election', server: 1, forced: true});
		state = handleNextEvent(state);
		const s2 = state.servers[1]!;
		expect(s2.role).toBe('candidate');
		expect(s2.currentTerm).toBe(3);
		expect(s2.votedFor).toBe(1);
		expect(sentBy(state)).toEqual([0, 2, 3, 4].map(to => [1, to, 'RequestVote']));
		expect(replyTo(state, 0, 'RequestVote')).toEqual({type: 'RequestVote', term: 3, lastLogIndex: 3, lastLogTerm: 2, preVote: false});
		expect(s2.electionDeadline).toBeGreaterThan(state.time);
	});

	it('election timeouts are drawn between the configured bounds, independently per server', () => {
		const state = raft({servers: '7', seed: '11'});
		const timeouts = state.servers.map(server => server.electionTimeout);
		for (const timeout of timeouts) expect(timeout).toBeGreaterThanOrEqual(150), expect(timeout).toBeLessThanOrEqual(300);
		expect(new Set(timeouts).size).toBeGreaterThan(1);
		const narrow = raft({servers: '3', election: '40-41'});
		for (const server of narrow.servers) expect([40, 41]).toContain(server.electionTimeout);
	});

	it('the fixed-timeout bug gives every server the same timeout, so they all stand at once', () => {
		let state = raft({servers: '5', bug: ['fixed-timeout']});
		expect(state.servers.map(server => server.electionTimeout)).toEqual([150, 150, 150, 150, 150]);
		state = until(state, 'term 1');
		state = until(state, 'time 151');
		expect(state.servers.filter(server => server.role === 'candidate').length).toBeGreaterThan(1);
	});

	it('a candidate whose timer runs out again starts a new election in the next term', () => {
		let state = act(raft({servers: '3'}), {type: 'timeout', server: 0});
		state = handleNextEvent(state);
		expect(state.servers[0]!.currentTerm).toBe(1);
		state = act(state, {type: 'timeout', server: 0});
		state = handleNextEvent(state);
		expect(state.servers[0]!.role).toBe('candidate');
		expect(state.servers[0]!.currentTerm).toBe(2);
	});
});

describe('RequestVote receiver (Figure 2)', () => {
	it('refuses a candidate with a lower term and answers with its own term', () => {
		let state = act(raft({servers: '3'}), {type: 'set-term', server: 0, term: 5});
		state = deliver(state, 1, 0, vote(3));
		expect(replyTo(state, 1, 'RequestVoteReply')).toEqual({type: 'RequestVoteReply', term: 5, voteGranted: false, preVote: false});
		expect(state.servers[0]!.votedFor).toBeNull();
	});

	it('a higher term makes the receiver a follower of that term, and then it can vote', () => {
		let state = act(raft({servers: '3'}), {type: 'timeout', server: 0});
		state = handleNextEvent(state);
		expect(state.servers[0]!.role).toBe('candidate');
		state = deliver(state, 1, 0, vote(4));
		expect(state.servers[0]!.role).toBe('follower');
		expect(state.servers[0]!.currentTerm).toBe(4);
		expect(state.servers[0]!.votedFor).toBe(1);
		expect(replyTo(state, 1, 'RequestVoteReply').voteGranted).toBe(true);
	});

	it('votes at most once per term: a second candidate is refused, the same one again is granted', () => {
		let state = deliver(raft({servers: '3'}), 1, 0, vote(1));
		expect(replyTo(state, 1, 'RequestVoteReply').voteGranted).toBe(true);
		state = deliver(state, 2, 0, vote(1));
		expect(replyTo(state, 2, 'RequestVoteReply').voteGranted).toBe(false);
		expect(state.last.text).toContain('already voted for S2');
		state = deliver(state, 1, 0, vote(1));
		expect(replyTo(state, 1, 'RequestVoteReply').voteGranted).toBe(true);
		expect(state.servers[0]!.votedFor).toBe(1);
	});

	it('refuses a candidate whose log is less up to date: an older last term, or the same last term and shorter', () => {
		const base = act(raft({servers: '3'}), {type: 'set-log', server: 0, terms: [1, 2, 2]});
		const olderTerm = deliver(base, 1, 0, vote(3, 9, 1));
		expect(replyTo(olderTerm, 1, 'RequestVoteReply').voteGranted).toBe(false);
		const shorter = deliver(base, 1, 0, vote(3, 2, 2));
		expect(replyTo(shorter, 1, 'RequestVoteReply').voteGranted).toBe(false);
		expect(shorter.last.text).toContain('more up to date');
		const sameLength = deliver(base, 1, 0, vote(3, 3, 2));
		expect(replyTo(sameLength, 1, 'RequestVoteReply').voteGranted).toBe(true);
		const laterTerm = deliver(base, 1, 0, vote(3, 1, 3));
		expect(replyTo(laterTerm, 1, 'RequestVoteReply').voteGranted).toBe(true);
	});

	it('the no-up-to-date-check bug grants the vote to a stale candidate', () => {
		const base = act(raft({servers: '3', bug: ['no-up-to-date-check']}), {type: 'set-log', server: 0, terms: [1, 2, 2]});
		const state = deliver(base, 1, 0, vote(3, 0, 0));
		expect(replyTo(state, 1, 'RequestVoteReply').voteGranted).toBe(true);
	});

	it('granting a vote restarts the election timer; refusing it does not', () => {
		let state = raft({servers: '3'});
		expect(state.time).toBe(0);
		const draws = state.servers[0]!.timerDraws;
		state = deliver(state, 1, 0, vote(1));
		expect(state.servers[0]!.timerDraws).toBe(draws + 1);
		expect(state.servers[0]!.electionDeadline).toBe(state.servers[0]!.electionTimeout);
		expect(state.queue.items.filter(item => item.event.kind === 'election' && item.event.server === 0).map(item => item.time)).toEqual([state.servers[0]!.electionDeadline]);
		const granted = state.servers[0]!.electionDeadline;
		state = deliver(state, 2, 0, vote(1));
		expect(state.servers[0]!.timerDraws).toBe(draws + 1);
		expect(state.servers[0]!.electionDeadline).toBe(granted);
	});
});

describe('RequestVote replies (candidates)', () => {
	it('a majority of votes makes the candidate leader: nextIndex = last index + 1, matchIndex = 0, heartbeats to all', () => {
		let state = act(raft({servers: '5'}), {type: 'set-log', server: 0, terms: [1, 1]}, {type: 'timeout', server: 0});
		state = handleNextEvent(state);
		expect(state.servers[0]!.currentTerm).toBe(2);
		state = deliver(state, 1, 0, {type: 'RequestVoteReply', term: 2, voteGranted: true, preVote: false});
		expect(state.servers[0]!.role).toBe('candidate');
		state = deliver(state, 2, 0, {type: 'RequestVoteReply', term: 2, voteGranted: false, preVote: false});
		expect(state.servers[0]!.role).toBe('candidate');
		state = deliver(state, 3, 0, {type: 'RequestVoteReply', term: 2, voteGranted: true, preVote: false});
		const leader = state.servers[0]!;
		expect(leader.role).toBe('leader');
		expect(leader.nextIndex).toEqual([3, 3, 3, 3, 3]);
		expect(leader.matchIndex).toEqual([0, 0, 0, 0, 0]);
		expect(sentBy(state)).toEqual([1, 2, 3, 4].map(to => [0, to, 'AppendEntries']));
		expect(replyTo(state, 4, 'AppendEntries')).toMatchObject({term: 2, prevLogIndex: 2, prevLogTerm: 1, entries: [], leaderCommit: 0});
		expect(leader.heartbeatDue).toBe(state.time + 50);
		expect(leader.electionDeadline).toBeNull();
	});

	it('a vote from an old term is ignored; a reply with a higher term makes the candidate a follower', () => {
		let state = act(raft({servers: '3'}), {type: 'set-term', server: 0, term: 4}, {type: 'timeout', server: 0});
		state = handleNextEvent(state);
		state = deliver(state, 1, 0, {type: 'RequestVoteReply', term: 4, voteGranted: true, preVote: false});
		expect(state.servers[0]!.role).toBe('candidate');
		state = deliver(state, 2, 0, {type: 'RequestVoteReply', term: 7, voteGranted: false, preVote: false});
		expect(state.servers[0]!.role).toBe('follower');
		expect(state.servers[0]!.currentTerm).toBe(7);
	});

	it('a first election with the default flags ends with exactly one leader, whom a majority voted for', () => {
		for (const seed of ['1', '2', '3', '4', '5']) {
			const state = until(raft({seed}), 'leader');
			const leaders = state.servers.filter(server => server.role === 'leader');
			expect(leaders).toHaveLength(1);
			const votes = state.servers.filter(server => server.votedFor === leaders[0]!.id && server.currentTerm === leaders[0]!.currentTerm);
			expect(votes.length).toBeGreaterThanOrEqual(3);
			expect(claim(state, `leader S${leaders[0]!.id + 1}`)).toBeUndefined();
		}
	});
});
