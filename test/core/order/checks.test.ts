/**
 * The live checks (agreement as prefixes, FIFO per client, latency, messages
 * per input) against small schedules worked out by hand: latency is fixed at
 * 10 ms, inputs are sent by hand at chosen times, and one message is delayed.
 */
import {describe, expect, it} from 'vitest';
import {agreement, fifo, latency, messagesPerInput} from '../../../source/core/order/queries.js';
import {claim, handRun, runTo, sequences, verb} from './helpers.js';

describe('no ordering: two clients, one message delayed', () => {
	// A sends A1 at t0, B sends B1 at t0+5. A1 to R2 is delayed by 20 ms: R2 gets B1 (t0+15) before A1 (t0+30).
	// R1 and R3 get A1 at t0+10 and B1 at t0+15.
	let state = handRun();
	const t0 = state.time;
	state = verb(state, 'send A');
	state = runTo(state, t0 + 5);
	state = verb(state, 'send B');
	state = verb(state, 'delay none A->R2 20');
	state = runTo(state, t0 + 100);

	it('delivers in arrival order', () => {
		expect(sequences(state, 'none')).toEqual(['A1 B1', 'B1 A1', 'A1 B1']);
	});

	it('says R2 disagrees with R1 (the first to deliver position 1) at position 1', () => {
		expect(agreement(state, 'none')).toEqual({agree: false, text: 'R2≠R1 at #1', brief: 'R2≠R1'});
		expect(state.archs.none.replicas[1]!.diverged).toEqual({pos: 1, got: 2, expected: 1, other: 0});
		expect(state.archs.none.replicas[0]!.diverged).toBeNull();
		expect(claim(state, 'disagree none')).toBeUndefined();
		expect(claim(state, 'agree none')).toMatch(/disagree: R2≠R1 at #1/);
	});

	it('keeps FIFO: each client sent one input', () => {
		expect(fifo(state, 'none').kept).toBe(true);
	});

	it('measures latency: five deliveries of 10 ms and one of 30 ms', () => {
		expect(latency(state, 'none')).toEqual({median: 10, worst: 30, count: 6});
		expect(claim(state, 'latency none worst = 30')).toBeUndefined();
		expect(claim(state, 'latency none median <= 9')).toBe('the median latency is 10 ms');
	});

	it('counts three messages per input', () => {
		expect(messagesPerInput(state, 'none')).toBe(3);
	});

	it('the sequencer orders both inputs the same everywhere, 20 ms after they were sent', () => {
		// A→Q arrives t0+10 (#1), B→Q t0+15 (#2); Q→R takes 10 ms more.
		expect(sequences(state, 'sequencer')).toEqual(['A1 B1', 'A1 B1', 'A1 B1']);
		expect(agreement(state, 'sequencer').agree).toBe(true);
		expect(latency(state, 'sequencer')).toEqual({median: 20, worst: 20, count: 6});
		expect(messagesPerInput(state, 'sequencer')).toBe(4);
	});
});

describe('one client, its first input overtaken', () => {
	// A sends A1 at t0 and A2 at t0+5. A1 to R3 (no ordering) and A1 to Q (sequencer) are each delayed by 20 ms.
	let state = handRun();
	const t0 = state.time;
	state = verb(state, 'send A');
	state = runTo(state, t0 + 5);
	state = verb(state, 'send A');
	state = verb(state, 'delay none A->R3 20');
	state = verb(state, 'delay sequencer A->Q 20');

	it('the sequencer holds A2 back until A1 arrives', () => {
		const at16 = runTo(state, t0 + 16);
		expect(at16.archs.sequencer.sequencer.held.map(ref => ref.number)).toEqual([2]);
		expect(at16.archs.sequencer.sequencer.nextSeq).toBe(1);
		const at30 = runTo(state, t0 + 30);
		expect(at30.archs.sequencer.sequencer.held).toEqual([]);
		expect(at30.archs.sequencer.sequencer.nextSeq).toBe(3);
	});

	const done = runTo(state, t0 + 100);

	it('no ordering breaks FIFO at R3: A2 before A1', () => {
		expect(sequences(done, 'none')).toEqual(['A1 A2', 'A1 A2', 'A2 A1']);
		expect(fifo(done, 'none')).toEqual({kept: false, text: 'R3: A2 before A1', brief: 'R3'});
		expect(done.archs.none.replicas[2]!.fifoViolations).toBe(2);
		expect(claim(done, 'fifo-broken none')).toBeUndefined();
	});

	it('the sequencer keeps FIFO; A1 waited 40 ms and A2 35 ms', () => {
		expect(sequences(done, 'sequencer')).toEqual(['A1 A2', 'A1 A2', 'A1 A2']);
		expect(fifo(done, 'sequencer').kept).toBe(true);
		// Latencies 40, 40, 40, 35, 35, 35: the median is (35 + 40) / 2 = 37.5, shown rounded.
		expect(latency(done, 'sequencer')).toEqual({median: 38, worst: 40, count: 6});
	});
});

describe('the sequencer holds back a gap and asks for it again', () => {
	// A1 at t0 is stamped #1 at t0+10; the copy of #1 to R2 is dropped. A2 at t0+30 is stamped #2 at t0+40, at R2 t0+50:
	// R2 holds #2, waits 60 ms (t0+110), sends a NACK (Q has it at t0+120), Q sends #1 again (R2 has it at t0+130).
	let state = handRun();
	const t0 = state.time;
	state = verb(state, 'send A');
	state = runTo(state, t0 + 10);
	state = verb(state, 'drop sequencer Q->R2');
	state = runTo(state, t0 + 30);
	state = verb(state, 'send A');

	it('R2 holds #2 back while #1 is missing', () => {
		const held = runTo(state, t0 + 50);
		const r2 = held.archs.sequencer.replicas[1]!;
		expect(r2.delivered).toBe(0);
		expect(r2.holdback.map(item => item.seq)).toEqual([2]);
		expect(r2.nextSeq).toBe(1);
		expect(claim(held, 'held sequencer R2 1')).toBeUndefined();
		expect(held.archs.sequencer.replicas[0]!.delivered).toBe(2);
		const before = runTo(state, t0 + 129);
		expect(before.archs.sequencer.replicas[1]!.delivered).toBe(0);
		expect(before.archs.sequencer.replicas[1]!.nacks).toBe(1);
	});

	it('fills the gap when #1 comes again, and delivers both in order', () => {
		const done = runTo(state, t0 + 130);
		expect(sequences(done, 'sequencer')).toEqual(['A1 A2', 'A1 A2', 'A1 A2']);
		expect(done.archs.sequencer.replicas[1]!.holdback).toEqual([]);
		// R1, R3: 20 and 20 ms; R2: A1 130 ms, A2 100 ms.
		expect(latency(done, 'sequencer')).toEqual({median: 20, worst: 130, count: 6});
		// 2 inputs to Q, 6 stamped copies, 1 NACK, 1 copy sent again.
		expect(done.archs.sequencer.stats.messages).toBe(10);
		expect(agreement(done, 'sequencer').agree).toBe(true);
	});
});
