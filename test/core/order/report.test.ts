/**
 * Headless output: the --json report, the summary and one trace line per
 * event, with the fields docs/order.md documents.
 */
import {describe, expect, it} from 'vitest';
import {orderMode} from '../../../source/core/order/mode.js';
import {handRun, runTo, verb} from './helpers.js';

describe('report', () => {
	let state = handRun();
	const t0 = state.time;
	state = verb(state, 'send A');
	state = runTo(state, t0 + 5);
	state = verb(state, 'send B');
	state = verb(state, 'delay none A->R2 20');
	state = runTo(state, t0 + 100);
	const report = orderMode.report(state) as ReturnType<typeof import('../../../source/core/order/report.js').orderReport>;

	it('describes the run and each panel', () => {
		expect(report).toMatchObject({mode: 'order', seed: 1, model: 'bank', clients: 3, inputs: 2, heartbeats: false, silenced: [], sequencer: {up: true, nextSeq: 3, lostWhileDown: 0}});
		expect(Object.keys(report.panels)).toEqual(['none', 'sequencer', 'lamport', 'consensus']);
		expect(report.panels.none).toMatchObject({agree: false, disagreement: 'R2≠R1 at #1', fifo: true, fifoBreak: null, stalled: [], latency: {median: 10, worst: 30, window: 6}, deliveries: 6, messages: 6, messagesPerInput: 3});
		expect(report.panels.none.replicas.map(replica => [replica.name, replica.delivered, replica.divergedAt, replica.last])).toEqual([
			['R1', 2, null, ['A1', 'B1']],
			['R2', 2, 1, ['B1', 'A1']],
			['R3', 2, null, ['A1', 'B1']],
		]);
		expect(report.panels.sequencer).toMatchObject({agree: true, latency: {median: 20, worst: 20}, messagesPerInput: 4});
		// Three clients, and C has sent nothing: the Lamport replicas hold both inputs, waiting for C.
		expect(report.panels.lamport.replicas.map(replica => [replica.held, replica.waiting])).toEqual([
			[2, 'waits for C to pass 1'],
			[2, 'waits for C to pass 1'],
			[2, 'waits for C to pass 1'],
		]);
		expect(report.raft.leader).toMatch(/^S[1-3]$/);
		expect(JSON.parse(JSON.stringify(report))).toEqual(report);
	});

	it('sums up in plain lines', () => {
		const summary = orderMode.summary(state).split('\n');
		expect(summary).toHaveLength(5);
		expect(summary[0]).toMatch(/^order · model bank · seed 1 · 3 clients · t=\d+ms · \d+ events · 2 inputs$/);
		expect(summary[1]).toMatch(/^unordered: DISAGREE R2≠R1 at #1 · FIFO kept · latency 10 median, 30 worst ms · 3\.0 msg\/input · R1 2 balance/);
	});
});

describe('trace', () => {
	it('gives one JSON line per event, with every delivery it caused', () => {
		let state = handRun();
		const t0 = state.time;
		state = verb(state, 'send A');
		const sent = orderMode.traceLine(state);
		expect(sent).toMatchObject({kind: 'action', panel: null, inputs: 1, deliveries: []});
		// 3 to the unordered replicas, 1 to Q, 5 Lamport messages (3 replicas, 2 other clients), 1 request to the Raft cluster.
		expect((sent as {sent: number}).sent).toBe(3 + 1 + 5 + 1);
		const lines = [];
		while (state.time < t0 + 10 || orderMode.nextTime(state)! <= t0 + 10) {
			state = orderMode.advance(state, 1);
			lines.push(orderMode.traceLine(state) as {event: number; t: number; kind: string; deliveries: Array<Record<string, unknown>>});
		}

		expect(lines.map(line => line.event)).toEqual(lines.map((_, i) => state.events - lines.length + i + 1));
		const none = lines.flatMap(line => line.deliveries).filter(item => item['panel'] === 'none');
		expect(none).toEqual([
			{panel: 'none', replica: 'R1', position: 1, input: 1, label: 'A1', latency: 10},
			{panel: 'none', replica: 'R2', position: 1, input: 1, label: 'A1', latency: 10},
			{panel: 'none', replica: 'R3', position: 1, input: 1, label: 'A1', latency: 10},
		]);
		expect(JSON.parse(JSON.stringify(lines))).toEqual(lines);
	});
});
