/**
 * The consensus panel keeps each client's order across a failover: a request
 * lost with the old leader is sent again and committed after later ones of
 * the same client, and every replica holds those later ones back until it has
 * applied the earlier one. `client-fifo off` shows what breaks without it.
 */
import {describe, expect, it} from 'vitest';
import {orderMode} from '../../../source/core/order/mode.js';
import {agreement, fifo, holdReason} from '../../../source/core/order/queries.js';
import {currentLeader} from '../../../source/core/raft/queries.js';
import {maxHeldBack} from '../../../source/core/order/consensus.js';
import {handRun, runTo, verb} from './helpers.js';
import type {OrderState} from '../../../source/core/order/types.js';

/** order-consensus-survives' run: seed 4, 20 inputs, the leader crashes, a new one leads, 1500 events more. */
function failover(clientFifo: 'on' | 'off'): {state: OrderState; held: string | undefined} {
	let state = orderMode.create(orderMode.parseConfig({seed: '4', model: 'bank', 'client-fifo': clientFifo}));
	while (state.inputs < 20) state = orderMode.advance(state, 1);
	state = orderMode.apply(state, {type: 'crash-leader'});
	while (currentLeader(state.raft) === undefined) state = orderMode.advance(state, 1);
	let held: string | undefined;
	for (let i = 0; i < 1500; i++) {
		state = orderMode.advance(state, 1);
		held ??= [0, 1, 2].map(index => holdReason(state, 'consensus', index)).find(reason => reason?.startsWith('holds '));
	}

	return {state, held};
}

describe('each client\'s order in the consensus panel', () => {
	it('is kept: later inputs of a client wait for a re-sent earlier one', () => {
		const {state, held} = failover('on');
		expect(state.archs.consensus.reordered).toBeGreaterThan(0);
		expect(held).toMatch(/^holds [A-C]\d+ back for [A-C]\d+ \(the client's order\)$/);
		expect(fifo(state, 'consensus')).toEqual({kept: true, text: 'FIFO', brief: 'FIFO'});
		expect(agreement(state, 'consensus').agree).toBe(true);
		expect(state.archs.consensus.replicas.map(replica => replica.heldBack.length)).toEqual([0, 0, 0]);
	});

	it('breaks with client-fifo off: a re-sent request is applied after later ones', () => {
		const {state} = failover('off');
		expect(state.archs.consensus.reordered).toBe(0);
		expect(fifo(state, 'consensus')).toEqual({kept: false, text: 'S2: B10 before B6', brief: 'S2'});
		// The order is still one total order: the replicas agree with each other.
		expect(agreement(state, 'consensus').agree).toBe(true);
	});

	it('refuses a switch that is neither on nor off', () => {
		expect(() => orderMode.parseConfig({'client-fifo': 'maybe'})).toThrow('unknown --client-fifo "maybe": choose one of on, off');
	});
});

describe('an input the client gave up on', () => {
	it('holds at most maxHeldBack of its client\'s later inputs back, then the replicas go on without it', () => {
		// Every server down: A1 reaches none, and the client gives up on it after its tries. Then the cluster comes back.
		let state = handRun();
		for (const server of ['S1', 'S2', 'S3']) state = verb(state, `crash consensus ${server}`);
		state = verb(state, 'send A');
		state = runTo(state, state.time + 10_000);
		expect(state.archs.consensus.client.gaveUp).toBe(1);
		for (const server of ['S1', 'S2', 'S3']) state = verb(state, `restart consensus ${server}`);
		state = runTo(state, state.time + 2000);
		for (let i = 0; i < maxHeldBack; i++) {
			state = verb(state, 'send A');
			state = runTo(state, state.time + 5);
		}

		state = runTo(state, state.time + 2000);
		// A2…A257 are all held back for A1, a full queue; one more overflows it, and the replicas go on from A2, the lowest held.
		expect(state.archs.consensus.replicas.map(replica => replica.delivered)).toEqual([0, 0, 0]);
		expect(state.archs.consensus.replicas.map(replica => replica.heldBack.length)).toEqual([maxHeldBack, maxHeldBack, maxHeldBack]);
		// The first held is the first committed: A2 or one that overtook it on the way to the leader.
		expect(holdReason(state, 'consensus', 0)).toMatch(/^holds A\d+ back for A1 \(the client's order\)$/);
		state = verb(state, 'send A');
		state = runTo(state, state.time + 2000);
		expect(state.archs.consensus.replicas.map(replica => replica.delivered)).toEqual([maxHeldBack + 1, maxHeldBack + 1, maxHeldBack + 1]);
		expect(state.archs.consensus.replicas.map(replica => replica.heldBack.length)).toEqual([0, 0, 0]);
		expect(fifo(state, 'consensus')).toEqual({kept: false, text: 'S1: A2 before A1', brief: 'S1'});
		expect(agreement(state, 'consensus').agree).toBe(true);
	}, 60_000);
});
