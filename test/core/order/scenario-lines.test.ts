/**
 * The order mode's scenario verbs, conditions and claims: what they parse
 * to, and a plain sentence for what they do not understand.
 */
import {describe, expect, it} from 'vitest';
import {orderMode} from '../../../source/core/order/mode.js';
import {replicaNode} from '../../../source/core/order/names.js';
import {sequencerNode} from '../../../source/core/order/types.js';
import {claim, handRun, runTo, sequences, verb} from './helpers.js';

const parse = (line: string) => orderMode.scenario.verb(line.split(' '));

describe('verbs', () => {
	it('parses crashes, restarts, clients, heartbeats and messages', () => {
		expect(parse('crash lamport R2')).toEqual({type: 'crash', arch: 'lamport', replica: 1});
		expect(parse('restart raft S3')).toEqual({type: 'restart', arch: 'consensus', replica: 2});
		expect(parse('crash sequencer')).toEqual({type: 'crash-sequencer'});
		expect(parse('restart Q')).toEqual({type: 'restart-sequencer'});
		expect(parse('crash leader')).toEqual({type: 'crash-leader'});
		expect(parse('silence C')).toEqual({type: 'silence', client: 2});
		expect(parse('resume a')).toEqual({type: 'resume', client: 0});
		expect(parse('send B')).toEqual({type: 'send', client: 1});
		expect(parse('heartbeats on')).toEqual({type: 'heartbeats', on: true});
		expect(parse('drop none')).toEqual({type: 'drop', arch: 'none', link: {from: 'any', to: 'any'}});
		expect(parse('drop seq Q->R2')).toEqual({type: 'drop', arch: 'sequencer', link: {from: sequencerNode, to: replicaNode(1)}});
		expect(parse('delay lamport *->R3 1.5s')).toEqual({type: 'delay', arch: 'lamport', link: {from: 'any', to: replicaNode(2)}, ms: 1500});
		expect(parse('delay none A->R1')).toEqual({type: 'delay', arch: 'none', link: {from: 0, to: replicaNode(0)}, ms: 300});
	});

	it('says what is wrong in one sentence', () => {
		expect(parse('crash lamport')).toMatch(/needs a panel: none, sequencer, lamport or consensus and a replica/);
		expect(parse('crash moon R1')).toMatch(/needs a panel/);
		expect(parse('silence Z')).toBe('"silence" needs one client, e.g. silence C');
		expect(orderMode.scenario.verb(['silence', 'C'], orderMode.parseConfig({clients: '2'}))).toBe('"silence" needs one client of 2, e.g. silence C');
		expect(parse('heartbeats maybe')).toBe('"heartbeats" needs on or off');
		expect(parse('drop none A-R2')).toMatch(/is not a link/);
		expect(parse('fly away')).toMatch(/^unknown verb "fly": the order mode knows crash, restart/);
	});
});

describe('actions', () => {
	it('refuse a client the run does not have, in words', () => {
		const state = orderMode.apply(handRun({clients: '2'}), {type: 'silence', client: 3});
		expect(state.last.text).toBe('there is no client D (this run has 2)');
	});
});

describe('conditions and claims', () => {
	it('refuses what it does not understand', () => {
		expect(orderMode.scenario.expectation(['agree'])).toMatch(/needs a panel/);
		expect(orderMode.scenario.expectation(['latency', 'none', 'middle', '<=', '3'])).toMatch(/^say "latency/);
		expect(orderMode.scenario.condition(['sunrise'])).toMatch(/^unknown claim "sunrise"/);
	});

	it('reads delivered counts: "until" means at least, "expect" exactly', () => {
		let state = handRun();
		state = verb(state, 'send A');
		state = verb(state, 'send B');
		state = runTo(state, state.time + 50);
		expect(claim(state, 'delivered none 2')).toBeUndefined();
		expect(claim(state, 'delivered none 1')).toBe('R1 delivered 2, R2 delivered 2, R3 delivered 2');
		expect(claim(state, 'delivered none R2 >= 2')).toBeUndefined();
		const until = orderMode.scenario.condition(['delivered', 'none', '1']);
		expect(typeof until !== 'string' && until.check(state)).toBeUndefined();
		expect(claim(state, 'inputs 2')).toBeUndefined();
		expect(claim(state, 'messages none = 3')).toBeUndefined();
		expect(claim(state, 'states sequencer equal')).toBeUndefined();
		expect(claim(state, 'up lamport R1')).toBeUndefined();
		expect(claim(state, 'down lamport R1')).toBe('R1 is up');
	});
});

describe('claims on the inputs two replicas applied, and on one client\'s order', () => {
	// Seed 1: A1 deposits 40, B1 withdraws 70 from the opening 50. A1 to R1 is late, so R1 refuses B1 and ends at 90; R2 and R3 take both: 20.
	let state = handRun({model: 'bank'});
	const t0 = state.time;
	state = verb(state, 'send A');
	state = verb(state, 'send B');
	state = verb(state, 'delay none A->R1 20');
	const done = runTo(state, t0 + 100);

	it('same-inputs: the same set in any order, and the states equal or not', () => {
		expect(sequences(done, 'none')).toEqual(['B1 A1', 'A1 B1', 'A1 B1']);
		expect(done.archs.none.replicas.map(replica => done.model.summary(replica.machine))).toEqual(['balance 90', 'balance 20', 'balance 20']);
		expect(claim(done, 'same-inputs none R1 R2')).toBeUndefined();
		expect(claim(done, 'same-inputs none R1 R2 differ')).toBeUndefined();
		expect(claim(done, 'same-inputs none R1 R2 equal')).toBe('the same inputs (from #1: R1 B1 A1, R2 A1 B1), and their states are different: balance 90 | balance 20');
		expect(claim(done, 'same-inputs none R2 R3 equal')).toBeUndefined();
		expect(claim(done, 'same-inputs none R2 R3 differ')).toBe('the same inputs (R2 and R3 applied the same 2 inputs in the same order), and their states are equal: balance 20 | balance 20');
	});

	it('same-inputs fails, saying what each applied, while the sets differ', () => {
		const early = runTo(state, t0 + 11);
		expect(sequences(early, 'none')).toEqual(['B1', 'A1 B1', 'A1 B1']);
		expect(claim(early, 'same-inputs none R1 R2')).toBe('not the same inputs: from #1: R1 B1, R2 A1 B1');
		expect(orderMode.scenario.expectation(['same-inputs', 'none', 'R1', 'R1'])).toMatch(/^say "same-inputs none R1 R2"/);
		expect(orderMode.scenario.expectation(['same-inputs', 'none', 'R1', 'R2', 'maybe'])).toMatch(/^say "same-inputs none R1 R2"/);
	});

	it('fifo and fifo-broken for one client; sent for one client\'s inputs', () => {
		// A2 overtakes A1 on the way to R2 (A1 delayed by 30 ms): A's order is broken there, B's is kept.
		let fifoRun = handRun();
		const start = fifoRun.time;
		fifoRun = verb(fifoRun, 'send A');
		fifoRun = verb(fifoRun, 'send B');
		fifoRun = runTo(fifoRun, start + 5);
		fifoRun = verb(fifoRun, 'send A');
		fifoRun = verb(fifoRun, 'delay none A->R2 30');
		fifoRun = runTo(fifoRun, start + 100);
		expect(sequences(fifoRun, 'none')).toEqual(['A1 B1 A2', 'B1 A2 A1', 'A1 B1 A2']);
		expect(claim(fifoRun, 'fifo-broken none A')).toBeUndefined();
		expect(claim(fifoRun, 'fifo none A')).toBe('FIFO is broken: R2: A2 before A1');
		expect(claim(fifoRun, 'fifo none B')).toBeUndefined();
		expect(claim(fifoRun, 'fifo-broken none B')).toBe("B's order is kept");
		expect(orderMode.scenario.expectation(['fifo', 'none', 'Z'])).toMatch(/^say "fifo none" \(every client\) or "fifo none B"/);
		expect(claim(fifoRun, 'sent A 2')).toBeUndefined();
		expect(claim(fifoRun, 'sent B 2')).toBe('B has sent 1 inputs');
	});
});
