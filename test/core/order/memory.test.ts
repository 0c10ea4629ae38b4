/**
 * Bounded memory: a long run keeps bounded histories (ring buffers) and
 * bounded queues, whatever happens in it — even with the sequencer down and
 * a client silent for most of the run.
 */
import {describe, expect, it} from 'vitest';
import {queueSize} from '../../../source/core/engine/event-queue.js';
import {recentSize} from '../../../source/core/engine/recent.js';
import {clientHistoryChunk, inputLogChunk} from '../../../source/core/order/clients.js';
import {maxPending} from '../../../source/core/order/consensus.js';
import {orderMode} from '../../../source/core/order/mode.js';
import {latencyWindow, recentChunk, referenceChunk} from '../../../source/core/order/panel.js';
import {archIds, holdbackLimit, type OrderState} from '../../../source/core/order/types.js';
import {claim, verb} from './helpers.js';

function checkBounds(state: OrderState): void {
	expect(queueSize(state.queue)).toBeLessThan(400);
	expect(queueSize(state.raft.queue)).toBeLessThan(400);
	expect(recentSize(state.inputLog)).toBeLessThanOrEqual(2 * inputLogChunk);
	for (const client of state.clients) expect(recentSize(client.history)).toBeLessThanOrEqual(2 * clientHistoryChunk);
	for (const client of state.archs.lamport.clients) expect(recentSize(client.history)).toBeLessThanOrEqual(2 * clientHistoryChunk);
	expect(recentSize(state.archs.sequencer.sequencer.history)).toBeLessThanOrEqual(256);
	expect(state.archs.sequencer.sequencer.held.length).toBeLessThanOrEqual(holdbackLimit);
	for (const arch of archIds) {
		const {stats, replicas} = state.archs[arch];
		expect(recentSize(stats.reference)).toBeLessThanOrEqual(2 * referenceChunk);
		expect(recentSize(stats.latencies)).toBeLessThanOrEqual(2 * latencyWindow);
		for (const replica of replicas) expect(recentSize(replica.recent)).toBeLessThanOrEqual(2 * recentChunk);
	}

	for (const replica of state.archs.sequencer.replicas) expect(replica.holdback.length).toBeLessThanOrEqual(holdbackLimit);
	for (const replica of state.archs.lamport.replicas) expect(replica.holdback.length).toBeLessThanOrEqual(holdbackLimit);
	for (const replica of state.archs.consensus.replicas) expect(replica.appliedAbove.length).toBeLessThanOrEqual(1024);
	expect(state.archs.consensus.client.pending.length).toBeLessThanOrEqual(maxPending);
	for (const server of state.raft.servers) expect(server.log.length).toBeLessThanOrEqual(state.config.inputs * 2);
}

describe('bounded memory', () => {
	it('stays bounded over a long run with faults', {timeout: 120_000}, () => {
		let state = orderMode.create(orderMode.parseConfig({seed: '9', inputs: '3000'}));
		state = orderMode.advance(state, 5000);
		state = verb(state, 'crash sequencer');
		state = verb(state, 'silence C');
		for (let round = 0; round < 6; round++) {
			state = orderMode.advance(state, 10_000);
			checkBounds(state);
		}

		state = verb(state, 'restart sequencer');
		state = verb(state, 'resume C');
		state = orderMode.advance(state, 40_000);
		checkBounds(state);
		expect(state.inputs).toBeGreaterThan(2500);
		// Both panels got going again: what the clients and Q no longer kept was skipped, and the replicas still agree.
		for (const arch of ['sequencer', 'lamport'] as const) {
			expect(state.archs[arch].replicas[0]!.delivered).toBeGreaterThan(1000);
			expect(claim(state, `agree ${arch}`)).toBeUndefined();
		}
	});
});
