import {describe, expect, it} from 'vitest';
import {handleNextEvent} from '../../../source/core/raft/engine.js';
import {networkText} from '../../../source/core/raft/network.js';
import {inFlight} from '../../../source/core/raft/queries.js';
import type {RaftState} from '../../../source/core/raft/types.js';
import {act, claim, raft, until} from './helpers.js';

/** Seed 7: S3 leads term 1 and three requests are committed and applied everywhere. */
function committedThree(flags: Record<string, string | string[]> = {}): RaftState {
	let state = until(raft({seed: '7', ...flags}), 'leader S3');
	state = act(state, {type: 'request'}, {type: 'request'}, {type: 'request'});
	return until(state, 'applied 3');
}

const eventsFor = (state: RaftState, id: number) =>
	state.queue.items.filter(({event}) => (event.kind === 'deliver' ? event.message.from === id || event.message.to === id : 'server' in event && event.server === id));

describe('crash and restart: what is persistent and what is volatile', () => {
	it('a crash keeps currentTerm, votedFor and the log, and loses commitIndex, lastApplied, the state machine, timers and messages in flight', () => {
		const before = committedThree();
		const s2 = before.servers[1]!;
		const state = act(before, {type: 'crash', server: 1});
		const after = state.servers[1]!;
		expect(after).toMatchObject({role: 'crashed', currentTerm: s2.currentTerm, votedFor: s2.votedFor, commitIndex: 0, lastApplied: 0, electionDeadline: null, heartbeatDue: null});
		expect(after.log.toJSON()).toEqual(s2.log.toJSON());
		expect(after.machine).toEqual(before.model.initial());
		expect(eventsFor(state, 1)).toEqual([]);
		expect(state.last.removed.length).toBe(eventsFor(before, 1).filter(({event}) => event.kind === 'deliver').length);
	});

	it('the forget-vote bug loses votedFor in a crash', () => {
		const state = act(committedThree({bug: ['forget-vote']}), {type: 'crash', server: 1});
		expect(state.servers[1]!.votedFor).toBeNull();
		expect(state.last.text).toContain('NOT its vote');
	});

	it('a crashed server receives nothing: messages to it are lost on arrival', () => {
		let state = act(committedThree(), {type: 'crash', server: 0});
		state = until(state, 'time 2000');
		expect(state.servers[0]!.log.length).toBe(3);
		expect(state.stats.lost).toBeGreaterThan(0);
	});

	it('a restarted server is a follower with commitIndex 0 and a fresh state machine, and rebuilds it by re-applying committed entries', () => {
		const before = committedThree();
		let state = act(before, {type: 'crash', server: 1});
		state = act(state, {type: 'request'});
		state = until(state, 'commit 4');
		state = act(state, {type: 'restart', server: 1});
		expect(state.servers[1]).toMatchObject({role: 'follower', commitIndex: 0, lastApplied: 0});
		expect(state.servers[1]!.electionDeadline).toBeGreaterThan(state.time);
		state = until(state, 'applied 4 on S2');
		expect(state.servers[1]!.machine).toEqual(state.servers[2]!.machine);
		expect(claim(state, 'log S2 1 1 1 1')).toBeUndefined();
	});

	it('restart and crash of a server in the wrong state change nothing', () => {
		const state = committedThree();
		expect(act(state, {type: 'restart', server: 0}).servers).toEqual(state.servers);
		const crashed = act(state, {type: 'crash', server: 0});
		expect(act(crashed, {type: 'crash', server: 0}).servers[0]).toEqual(crashed.servers[0]);
	});

	it('an action naming a server the cluster does not have changes nothing and says so', () => {
		const state = raft({servers: '3'});
		const after = act(state, {type: 'crash', server: 5});
		expect(after.servers).toEqual(state.servers);
		expect(after.last.text).toBe('there is no S6 in a cluster of 3');
	});
});

describe('partitions and links', () => {
	it('a partition cuts every link between groups both ways and none inside a group', () => {
		const state = act(raft(), {type: 'partition', groups: [[0, 1]]});
		expect(networkText(state.network, 5)).toBe('network whole'.replace('network whole', 'partition S1 S2 | S3 S4 S5'));
		const cut = (a: number, b: number) => state.network.cut[a * 5 + b];
		expect(cut(0, 2)).toBe(true);
		expect(cut(2, 0)).toBe(true);
		expect(cut(0, 1)).toBe(false);
		expect(cut(3, 4)).toBe(false);
		expect(networkText(act(state, {type: 'heal'}).network, 5)).toBe('network whole');
	});

	it('isolate leader, split majority and split minority put the leader where they say', () => {
		const state = until(raft({seed: '7'}), 'leader S3');
		expect(networkText(act(state, {type: 'isolate', server: 'leader'}).network, 5)).toBe('partition S1 S2 S4 S5 | S3');
		expect(networkText(act(state, {type: 'split', leaderSide: 'minority'}).network, 5)).toBe('partition S1 S2 S5 | S3 S4');
		expect(networkText(act(state, {type: 'split', leaderSide: 'majority'}).network, 5)).toBe('partition S1 S2 | S3 S4 S5');
	});

	it('a one-way cut loses messages in one direction only', () => {
		let state = until(raft({seed: '7'}), 'leader S3');
		state = act(state, {type: 'cut', from: 2, to: 0});
		expect(networkText(state.network, 5)).toBe('cut S3→S1');
		state = until(state, 'time 1500');
		const lost = (from: number, to: number) => state.history.current.concat(state.history.previous).some(record => record.kind === 'lost' && record.message?.from === from && record.message.to === to);
		expect(lost(2, 0)).toBe(true);
		expect(lost(0, 2)).toBe(false);
	});

	it('loss 1 on a link dooms every message on it; slowness adds latency', () => {
		let state = until(raft({seed: '7', latency: '5'}), 'leader S3');
		state = act(state, {type: 'loss', from: 2, to: 1, probability: 1}, {type: 'slow', from: 2, to: 3, ms: 40});
		const start = state.time;
		state = until(state, `time ${start + 120}`);
		const records = [...state.history.previous, ...state.history.current].filter(record => record.message !== null && record.message.sentAt > start);
		const toS2 = records.filter(record => record.message!.from === 2 && record.message!.to === 1);
		expect(toS2.length).toBeGreaterThan(0);
		expect(toS2.every(record => record.kind === 'lost' && record.message!.doomed)).toBe(true);
		const toS4 = records.filter(record => record.message!.from === 2 && record.message!.to === 3);
		expect(toS4.length).toBeGreaterThan(0);
		for (const record of toS4) expect(record.time - record.message!.sentAt).toBe(45);
		expect(networkText(state.network, 5)).toBe('network whole · loss 100% S3→S2 · +40 ms S3→S4');
	});
});

describe('messages in flight: the adversarial scheduler', () => {
	function withMessages(): RaftState {
		return until(until(raft({seed: '7'}), 'leader S3'), 'in-flight S3->S1 AppendEntries');
	}

	it('drop takes a message out of the network', () => {
		const state = withMessages();
		const target = inFlight(state).find(item => item.message.from === 2 && item.message.to === 0)!.message;
		const after = act(state, {type: 'drop', pick: {by: 'id', id: target.id}});
		expect(inFlight(after).map(item => item.message.id)).not.toContain(target.id);
		expect(inFlight(after)).toHaveLength(inFlight(state).length - 1);
		expect(after.last.removed).toEqual([target]);
	});

	it('duplicate adds a copy with its own id that arrives later; client messages are not duplicated', () => {
		const state = withMessages();
		const after = act(state, {type: 'duplicate', pick: {by: 'match', from: 2, to: 0, type: 'AppendEntries'}});
		const copies = inFlight(after).filter(item => item.message.copyOf !== undefined);
		expect(copies).toHaveLength(1);
		const original = inFlight(after).find(item => item.message.id === copies[0]!.message.copyOf)!;
		expect(copies[0]!.message.body).toBe(original.message.body);
		expect(copies[0]!.due).toBeGreaterThan(original.due);
		const request = act(raft({seed: '7'}), {type: 'request'});
		expect(act(request, {type: 'duplicate', pick: {by: 'next'}}).queue).toEqual(request.queue);
	});

	it('delay moves a message later; deliver makes it the next event', () => {
		const state = withMessages();
		const last = inFlight(state).at(-1)!;
		const delivered = act(state, {type: 'deliver', pick: {by: 'id', id: last.message.id}});
		expect(delivered.queue.items[0]!.event).toEqual({kind: 'deliver', message: last.message});
		const next = handleNextEvent(delivered);
		expect(next.last.message?.id).toBe(last.message.id);
		const first = inFlight(state)[0]!;
		const delayed = act(state, {type: 'delay', pick: {by: 'next'}, ms: 100});
		expect(inFlight(delayed).find(item => item.message.id === first.message.id)!.due).toBe(first.due + 100);
	});

	it('a pick that matches nothing changes nothing and says so', () => {
		const state = withMessages();
		const after = act(state, {type: 'drop', pick: {by: 'match', from: 0, to: 4, type: 'RequestVote'}});
		expect(after.queue).toEqual(state.queue);
		expect(after.last.text).toMatch(/^no RV message S1→S5 in flight/);
	});
});
