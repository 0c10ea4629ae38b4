import {describe, expect, it} from 'vitest';
import {maxPending} from '../../../source/core/raft/client.js';
import {clientId} from '../../../source/core/raft/types.js';
import {act, deliver, raft, replyTo, until} from './helpers.js';

describe('the client', () => {
	it('a follower redirects the client to the leader it knows; the client resends there', () => {
		let state = until(raft({seed: '7'}), 'leader S3');
		state = until(state, 'time 300');
		state = deliver(state, clientId, 0, {type: 'ClientRequest', request: 1, input: {kind: 'deposit', amount: 5}});
		expect(replyTo(state, clientId, 'ClientReply')).toEqual({type: 'ClientReply', request: 1, ok: false, leaderHint: 2, index: 0});
		expect(state.servers[0]!.log.length).toBe(0);
		state = act(state, {type: 'request', server: 0});
		state = until(state, 'acked 1');
		expect(state.client.leaderGuess).toBe(2);
		expect(state.servers[2]!.log.length).toBe(1);
	});

	it('acknowledges a request only once it is committed and applied on the leader', () => {
		let state = until(raft({seed: '7'}), 'leader S3');
		state = act(state, {type: 'crash', server: 0}, {type: 'crash', server: 1}, {type: 'crash', server: 3});
		state = act(state, {type: 'request', server: 2});
		state = until(state, 'length S3 1');
		state = until(state, 'time 1000');
		expect(state.servers[2]!.commitIndex).toBe(0);
		expect(state.client.acked).toBe(0);
		expect(state.client.pending.map(item => item.request)).toEqual([1]);
		state = act(state, {type: 'restart', server: 0});
		state = until(state, 'acked 1');
		expect(state.servers[2]!.commitIndex).toBe(1);
		expect(state.client.lastAck).toEqual({request: 1, index: 1, leader: 2});
	});

	it('gives up on a request after a timeout, and the state says whether it took effect later', () => {
		let state = until(raft({seed: '7'}), 'leader S3');
		state = act(state, {type: 'split', leaderSide: 'minority'}, {type: 'request', server: 2});
		state = until(state, 'time 2000');
		expect(state.client.gaveUp).toBe(1);
		expect(state.client.pending).toEqual([]);
	});

	it('another mode can feed its own commands: a request may carry its input', () => {
		let state = until(raft({seed: '7', model: 'kv'}), 'leader S3');
		state = act(state, {type: 'request', input: {kind: 'set', key: 0, value: 42}});
		state = until(state, 'applied 1');
		expect(state.servers.map(server => state.model.summary(server.machine))).toEqual(Array.from({length: 5}, () => 'a=42 b=— c=— d=— e=—'));
		expect(state.servers[0]!.log.entryAt(1)!.input).toEqual({kind: 'set', key: 0, value: 42});
	});

	it('keeps at most a bounded number of requests waiting', () => {
		let state = act(raft({seed: '7'}), {type: 'crash', server: 0}, {type: 'crash', server: 1}, {type: 'crash', server: 2});
		for (let i = 0; i < maxPending + 3; i++) state = act(state, {type: 'request', server: 0});
		expect(state.client.pending).toHaveLength(maxPending);
		expect(state.client.gaveUp).toBe(3);
	});

	it('the workload sends automatic requests at the configured mean interval, up to the configured number', () => {
		const state = until(raft({seed: '7', workload: '100', requests: '5'}), 'time 5000');
		expect(state.client.automatic).toBe(5);
		expect(state.client.acked).toBe(5);
		expect(state.queue.items.some(item => item.event.kind === 'workload')).toBe(false);
	});
});

describe('PreVote and CheckQuorum (--prevote)', () => {
	it('without PreVote an isolated follower raises its term again and again; with it, its term stays', () => {
		const isolated = (flags: Record<string, string | boolean>) => {
			let state = until(raft({seed: '7', ...flags}), 'leader S3');
			state = act(state, {type: 'isolate', server: 0});
			return until(state, 'time 3000').servers[0]!.currentTerm;
		};

		expect(isolated({})).toBeGreaterThan(5);
		expect(isolated({prevote: true})).toBe(1);
	});

	it('with PreVote, a rejoining server does not depose a healthy leader', () => {
		let state = until(raft({seed: '7', prevote: true}), 'leader S3');
		state = act(state, {type: 'isolate', server: 0});
		state = until(state, 'time 3000');
		state = act(state, {type: 'heal'});
		state = until(state, 'time 4000');
		expect(state.servers[2]).toMatchObject({role: 'leader', currentTerm: 1});
		expect(state.stats.elections).toBe(1);
	});

	it('with CheckQuorum, a leader that cannot hear a majority steps down', () => {
		let state = until(raft({seed: '7', prevote: true}), 'leader S3');
		state = act(state, {type: 'isolate', server: 2});
		state = until(state, 'role S3 follower');
		expect(state.time).toBeLessThan(1000);
		expect(state.last.text).toContain('CheckQuorum');
	});

	it('a pre-candidate asks for pre-votes in the next term without raising its own', () => {
		let state = act(raft({servers: '3', prevote: true}), {type: 'timeout', server: 0});
		state = until(state, 'role S1 pre-candidate');
		expect(state.servers[0]!.currentTerm).toBe(0);
		expect(replyTo(state, 1, 'RequestVote')).toMatchObject({preVote: true, term: 1});
		state = until(state, 'leader S1');
		expect(state.servers[0]!.currentTerm).toBe(1);
	});
});
