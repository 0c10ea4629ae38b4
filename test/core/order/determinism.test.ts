/**
 * Same seed and same actions: the same run, event for event. And an action in
 * one panel changes nothing in another: every link has its own random stream.
 */
import {describe, expect, it} from 'vitest';
import {orderMode} from '../../../source/core/order/mode.js';
import type {OrderState} from '../../../source/core/order/types.js';
import {verb} from './helpers.js';

function trace(seed: string, actions: ReadonlyArray<[at: number, line: string]>, events: number): {lines: string[]; state: OrderState} {
	let state = orderMode.create(orderMode.parseConfig({seed}));
	const lines: string[] = [];
	for (let n = 0; n < events; n++) {
		for (const [at, line] of actions) if (at === n) state = verb(state, line);
		state = orderMode.advance(state, 1);
		lines.push(JSON.stringify(orderMode.traceLine(state)));
	}

	return {lines, state};
}

const faults: Array<[number, string]> = [
	[100, 'crash sequencer'],
	[150, 'silence C'],
	[200, 'drop lamport'],
	[250, 'crash leader'],
	[400, 'restart sequencer'],
	[450, 'heartbeats on'],
];

describe('determinism', () => {
	it('replays a run with faults byte for byte', () => {
		const first = trace('7', faults, 1500);
		const second = trace('7', faults, 1500);
		expect(second.lines).toEqual(first.lines);
		expect(JSON.stringify(orderMode.report(second.state))).toBe(JSON.stringify(orderMode.report(first.state)));
	});

	it('another seed gives another run', () => {
		expect(trace('8', [], 300).lines).not.toEqual(trace('7', [], 300).lines);
	});

	it('advance(n) is n single steps, and runUntil handles exactly what is due', () => {
		const start = orderMode.create(orderMode.parseConfig({seed: '3'}));
		let stepped = start;
		for (let i = 0; i < 400; i++) stepped = orderMode.advance(stepped, 1);
		const jumped = orderMode.advance(start, 400);
		expect(JSON.stringify(orderMode.report(jumped))).toBe(JSON.stringify(orderMode.report(stepped)));
		const until = orderMode.runUntil(start, stepped.time, 1_000_000);
		expect(until.state.events).toBeGreaterThanOrEqual(400);
		expect(orderMode.nextTime(until.state)!).toBeGreaterThan(stepped.time);
	});

	it('never changes a state it was given', () => {
		const start = orderMode.advance(orderMode.create(orderMode.parseConfig({seed: '5'})), 200);
		const before = JSON.stringify(orderMode.report(start));
		orderMode.advance(verb(start, 'crash sequencer'), 300);
		orderMode.advance(verb(start, 'delay none A->R1 100'), 300);
		expect(JSON.stringify(orderMode.report(start))).toBe(before);
	});
});

describe('random streams per link', () => {
	type Delivery = {t: number; deliveries: unknown[]};
	const deliveriesOf = (lines: string[], panel: string): Delivery[] =>
		lines
			.map(line => JSON.parse(line) as {t: number; deliveries: Array<{panel: string}>})
			.map(line => ({t: line.t, deliveries: line.deliveries.filter(item => item.panel === panel)}))
			.filter(line => line.deliveries.length > 0);

	it('dropping a message in one panel leaves every other panel as it was', () => {
		const base = trace('11', [], 1200);
		const dropped = trace('11', [[200, 'drop none'], [300, 'delay none A->R2 200']], 1200);
		expect(deliveriesOf(dropped.lines, 'none')).not.toEqual(deliveriesOf(base.lines, 'none'));
		for (const panel of ['sequencer', 'lamport', 'consensus']) {
			const until = Math.min(base.state.time, dropped.state.time);
			const cut = (list: Delivery[]) => list.filter(item => item.t < until);
			expect(cut(deliveriesOf(dropped.lines, panel))).toEqual(cut(deliveriesOf(base.lines, panel)));
		}
	});
});
