/**
 * Lamport timestamps, worked out by hand with two clients and 10 ms latency:
 * A1 at t0, B1 at t0+50, A2 at t0+100.
 *   A1 goes out stamped 1; B's clock moves to 1 when A1 reaches it (t0+10).
 *   B1 goes out stamped 2; A's clock moves to 2 when B1 reaches it (t0+60).
 *   A2 goes out stamped 3.
 * A replica delivers (ts, client) once the other client has been heard with a later stamp:
 * A1@1 at t0+60 (B1@2 heard), B1@2 at t0+110 (A2@3 heard); A2@3 waits for B.
 */
import {describe, expect, it} from 'vitest';
import {lamportNext} from '../../../source/core/order/lamport.js';
import {holdReason, isStalled, latency, stallReason} from '../../../source/core/order/queries.js';
import {claim, handRun, runTo, sequences, verb} from './helpers.js';

describe('the delivery rule', () => {
	let state = handRun({clients: '2'});
	const t0 = state.time;
	state = verb(state, 'send A');
	state = runTo(state, t0 + 50);
	state = verb(state, 'send B');
	const beforeA2 = state;
	state = runTo(state, t0 + 100);
	state = verb(state, 'send A');

	it('stamps with Lamport clocks that move past what a client hears', () => {
		const done = runTo(state, t0 + 120);
		expect(done.archs.lamport.clients.map(client => client.clock)).toEqual([3, 3]);
		const stamps = done.archs.lamport.replicas[0]!.holdback.map(item => item.ts);
		expect(stamps).toEqual([3]);
	});

	it('holds A1 until B has been heard with a later stamp', () => {
		const at59 = runTo(beforeA2, t0 + 59);
		const replica = at59.archs.lamport.replicas[0]!;
		expect(replica.delivered).toBe(0);
		expect(replica.heard).toEqual([1, 0]);
		expect(lamportNext(replica)?.waitingFor).toEqual([1]);
		expect(holdReason(at59, 'lamport', 0)).toBe('waits for B to pass 1');
		const at60 = runTo(beforeA2, t0 + 60);
		expect(sequences(at60, 'lamport')).toEqual(['A1', 'A1', 'A1']);
	});

	it('delivers B1 when A2 arrives, and holds A2 for B', () => {
		const at110 = runTo(state, t0 + 110);
		expect(sequences(at110, 'lamport')).toEqual(['A1 B1', 'A1 B1', 'A1 B1']);
		expect(at110.archs.lamport.replicas.map(replica => replica.holdback.length)).toEqual([1, 1, 1]);
		expect(latency(at110, 'lamport')).toEqual({median: 60, worst: 60, count: 6});
		expect(claim(at110, 'held lamport 1')).toBeUndefined();
	});

	it('stalls when B stays silent, and says why', () => {
		let silent = verb(state, 'silence B');
		silent = runTo(silent, t0 + 100 + 999);
		expect(isStalled(silent, 'lamport', 0)).toBe(false);
		silent = runTo(silent, t0 + 100 + 1000);
		expect(isStalled(silent, 'lamport', 0)).toBe(true);
		expect(stallReason(silent, 'lamport', 0)).toBe('B is silent: without null messages (heartbeats) no later stamp comes');
		expect(claim(silent, 'stalled lamport')).toBeUndefined();
		expect(claim(silent, 'delivering sequencer')).toBeUndefined();
	});

	it('goes on with null messages: idle clients send their clocks', () => {
		// Heartbeats on at t0+100: both clients' timers run from then and fire at t0+250 (neither sends anything else);
		// each sends clock 4 (3, the highest stamp it has seen, plus one), arriving at t0+260: B's lets A2@3 go.
		const beats = verb(state, 'heartbeats on');
		const before = runTo(beats, t0 + 259);
		expect(before.archs.lamport.replicas[0]!.delivered).toBe(2);
		const after = runTo(beats, t0 + 260);
		expect(sequences(after, 'lamport')).toEqual(['A1 B1 A2', 'A1 B1 A2', 'A1 B1 A2']);
		expect(after.archs.lamport.clients.map(client => client.nulls)).toEqual([1, 1]);
		expect(after.archs.lamport.replicas[0]!.heard).toEqual([4, 4]);
		// A2 was sent at t0+100 and delivered at t0+260.
		expect(latency(after, 'lamport')?.worst).toBe(160);
	});
});

describe('a lost input', () => {
	it('is held back behind, asked for again (NACK), and then delivered in stamp order', () => {
		// A1 to R1 is dropped. A2@2 and B1@2 (t0+30) reach R1 at t0+40: B1 waits for A, and A1 is missing;
		// R1 asks A again 60 ms later (t0+100), A sends A1 again (t0+110), R1 has it at t0+120.
		let state = handRun({clients: '2'});
		const t0 = state.time;
		state = verb(state, 'send A');
		state = verb(state, 'drop lamport A->R1');
		state = runTo(state, t0 + 30);
		state = verb(state, 'send A');
		state = verb(state, 'send B');
		const at41 = runTo(state, t0 + 41);
		expect(holdReason(at41, 'lamport', 0)).toBe('misses A1');
		expect(at41.archs.lamport.replicas[0]!.contiguous).toEqual([0, 1]);
		expect(runTo(state, t0 + 119).archs.lamport.replicas[0]!.delivered).toBe(0);
		const done = runTo(state, t0 + 300);
		expect(done.archs.lamport.replicas[0]!.nacks).toBe(1);
		// A1@1 goes first, then A2@2 (a tie with B1@2 goes to A, and B has been heard at 2); B1@2 waits for A to pass 2.
		expect(sequences(done, 'lamport')).toEqual(['A1 A2', 'A1 A2', 'A1 A2']);
		expect(holdReason(done, 'lamport', 0)).toBe('waits for A to pass 2');
		expect(done.archs.lamport.replicas[0]!.lastDeliveryAt).toBe(t0 + 120);
		expect(claim(done, 'agree lamport')).toBeUndefined();
		expect(claim(done, 'fifo lamport')).toBeUndefined();
	});
});
