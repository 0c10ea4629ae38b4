/**
 * Faults: the sequencer dies (its panel stalls and says a new one needs
 * consensus) and comes back; a replica crashes and catches up; the Raft
 * leader crashes and the consensus panel goes on with every input.
 */
import {describe, expect, it} from 'vitest';
import {orderMode} from '../../../source/core/order/mode.js';
import {agreement, isStalled, stallReason, stalledReplicas} from '../../../source/core/order/queries.js';
import {decisionLines} from '../../../source/core/order/view/view.js';
import {lineText} from '../../../source/core/engine/screen.js';
import {claim, runTo, sequences, verb} from './helpers.js';

function run(flags = {}) {
	return orderMode.create(orderMode.parseConfig({seed: '2', ...flags}));
}

describe('the sequencer crashes', () => {
	let state = orderMode.advance(run(), 300);
	const crashedAt = state.time;
	const deliveredBefore = state.archs.sequencer.replicas.map(replica => replica.delivered);
	const stamped = state.archs.sequencer.sequencer.nextSeq - 1;
	state = verb(state, 'crash sequencer');

	it('says at once that nothing gets a number, and that a new sequencer needs consensus', () => {
		expect(state.last.text).toMatch(/Q crashes/);
		expect(state.last.text).toMatch(/that is consensus/);
		expect(claim(state, 'sequencer down')).toBeUndefined();
	});

	const later = runTo(state, crashedAt + 1500);

	it('delivers only what Q had stamped (its messages already on the wire), and stalls once inputs have waited a second', () => {
		expect(later.archs.sequencer.replicas.map(replica => replica.delivered)).toEqual([stamped, stamped, stamped]);
		expect(later.archs.sequencer.sequencer.lostWhileDown).toBeGreaterThan(0);
		expect(stalledReplicas(later, 'sequencer')).toEqual([0, 1, 2]);
		expect(stallReason(later, 'sequencer', 0)).toMatch(/the sequencer Q is down: a new one must be chosen, and agreeing on it .* needs consensus/);
		expect(lineText(decisionLines(later)[1]!)).toMatch(/^⚠ stalled: sequencer — the sequencer Q is down/);
	});

	it('gives replicas in the same state the same status, on screen and in the report, whenever they delivered it', () => {
		// Each replica delivered what Q had stamped, at its own time: from the first event that calls one stalled, all are.
		let current = state;
		while (stalledReplicas(current, 'sequencer').length === 0) current = orderMode.advance(current, 1);
		const replicas = current.archs.sequencer.replicas;
		expect(new Set(replicas.map(replica => `${replica.delivered} ${sequences(current, 'sequencer')[replica.index]}`)).size).toBe(1);
		expect(stalledReplicas(current, 'sequencer')).toEqual([0, 1, 2]);
		expect(orderMode.report(current).panels.sequencer.stalled).toEqual(['R1', 'R2', 'R3']);
		const screen = orderMode.view(current, {columns: 80, bodyRows: 16, selected: 1, cursor: 0});
		if (screen.kind !== 'screen') throw new Error(screen.reason);
		const statusRows = screen.panels[0]!.columns.map(column => lineText(column.lines[3]!));
		expect(new Set(statusRows).size, statusRows.join(' | ')).toBe(1);
	});

	it('leaves the other panels delivering', () => {
		for (const panel of ['none', 'lamport', 'consensus']) expect(claim(later, `delivering ${panel}`)).toBeUndefined();
	});

	it('recovers after a restart: Q asks the clients for what it missed, and the replicas agree', () => {
		let restarted = verb(later, 'restart sequencer');
		restarted = runTo(restarted, restarted.time + 1500);
		expect(stalledReplicas(restarted, 'sequencer')).toEqual([]);
		expect(agreement(restarted, 'sequencer').agree).toBe(true);
		expect(claim(restarted, 'fifo sequencer')).toBeUndefined();
		// Every input sent while Q was down got a number in the end: nothing is missing from a client's order.
		expect(restarted.archs.sequencer.replicas[0]!.delivered).toBeGreaterThan(Math.max(...deliveredBefore) + 20);
	});
});

describe('a replica crashes and restarts', () => {
	it('in the sequencer panel it notices the gap and catches up', () => {
		let state = orderMode.advance(run(), 300);
		state = verb(state, 'crash sequencer R2');
		state = runTo(state, state.time + 500);
		expect(claim(state, 'down sequencer R2')).toBeUndefined();
		const behind = state.archs.sequencer.replicas[1]!.delivered;
		expect(state.archs.sequencer.replicas[0]!.delivered).toBeGreaterThan(behind + 5);
		state = verb(state, 'restart sequencer R2');
		state = runTo(state, state.time + 1000);
		expect(state.archs.sequencer.replicas[1]!.nacks).toBeGreaterThan(0);
		expect(agreement(state, 'sequencer').agree).toBe(true);
		expect(Math.abs(state.archs.sequencer.replicas[1]!.delivered - state.archs.sequencer.replicas[0]!.delivered)).toBeLessThanOrEqual(3);
	});

	it('in the no-ordering panel what it missed is missed for good', () => {
		let state = orderMode.advance(run(), 300);
		state = verb(state, 'crash none R3');
		state = runTo(state, state.time + 300);
		state = verb(state, 'restart none R3');
		state = runTo(state, state.time + 500);
		expect(state.archs.none.replicas[2]!.fifoViolations).toBeGreaterThan(0);
		expect(state.archs.none.replicas[2]!.delivered).toBeLessThan(state.archs.none.replicas[0]!.delivered);
	});
});

describe('the Raft leader crashes', () => {
	// Inputs stop after 40 (the clients run out), so in the end every input can be counted.
	let state = orderMode.create(orderMode.parseConfig({seed: '4', inputs: '40'}));
	while (state.inputs < 20) state = orderMode.advance(state, 1);
	const leader = state.raft.servers.findIndex(server => server.role === 'leader');
	state = verb(state, 'crash leader');
	const done = runTo(state, state.time + 6000);

	it('elects a new leader and goes on', () => {
		expect(done.raft.servers[leader]!.role).toBe('crashed');
		expect(claim(done, 'leader')).toBeUndefined();
		expect(isStalled(done, 'consensus', (leader + 1) % 3)).toBe(false);
	});

	it('the running replicas deliver every input exactly once, in the same order', () => {
		for (const replica of done.archs.consensus.replicas) {
			if (replica.index === leader) continue;
			expect(replica.delivered).toBe(40);
		}

		expect(agreement(done, 'consensus').agree).toBe(true);
		expect(done.archs.consensus.client.pending).toEqual([]);
		expect(done.archs.consensus.client.gaveUp).toBe(0);
	});

	it('the crashed server restarts, rebuilds from its log and catches up', () => {
		let back = verb(done, `restart consensus S${leader + 1}`);
		back = runTo(back, back.time + 3000);
		expect(back.archs.consensus.replicas[leader]!.delivered).toBe(40);
		expect(agreement(back, 'consensus').agree).toBe(true);
		expect(back.archs.consensus.replicas[leader]!.machine).toEqual(back.archs.consensus.replicas[(leader + 1) % 3]!.machine);
	});
});

describe('a Raft server restarts (Figure 2: its state machine and lastApplied are volatile)', () => {
	// The run: seed 4, 150 events, crash S3, 10 events, restart S3.
	let state = orderMode.advance(orderMode.create(orderMode.parseConfig({seed: '4'})), 150);
	const before = state.archs.consensus.replicas[2]!;
	state = verb(state, 'crash consensus S3');
	const crashed = state;
	state = verb(orderMode.advance(state, 10), 'restart consensus S3');
	const restarted = state;

	it('loses its state machine in the crash, as the event line says, and restarts from an empty one', () => {
		expect(before.delivered).toBeGreaterThan(0);
		expect(crashed.last.text).toMatch(/loses commitIndex, its state machine/);
		for (const now of [crashed, restarted]) {
			const replica = now.archs.consensus.replicas[2]!;
			expect(replica.delivered).toBe(0);
			expect(replica.machine).toEqual(now.model.initial());
		}

		expect(restarted.last.text).toMatch(/rebuilds its state machine as it learns what is committed/);
		const screen = orderMode.view(restarted, {columns: 120, bodyRows: 32, selected: 3, cursor: 2});
		if (screen.kind !== 'screen') throw new Error(screen.reason);
		const column = screen.panels.at(-1)!.columns[2]!;
		expect(lineText(column.title)).toMatch(/S3 ● 0$/);
		expect(column.lines.map(line => lineText(line)).join('\n')).not.toMatch(/^\d+ [A-C]\d/m);
	});

	it('re-applies the committed log in the same order as the leader tells it the commit index, and catches up', () => {
		let current = restarted;
		const rebuilt: string[] = [];
		let fresh = 0;
		while (current.archs.consensus.replicas[2]!.delivered < before.delivered) {
			current = orderMode.advance(current, 1);
			for (const note of current.last.deliveries) {
				if (note.arch === 'consensus' && note.replica === 2) rebuilt.push(`${note.pos} ${note.rebuild === true}`);
				if (note.arch === 'consensus' && note.rebuild !== true) fresh++;
			}
		}

		// Positions 1… again, each marked a rebuild, none counted as a new delivery (nor its latency).
		expect(rebuilt.slice(0, before.delivered)).toEqual(Array.from({length: before.delivered}, (_, i) => `${i + 1} true`));
		expect(current.last.text).toMatch(/S3 re-applies/);
		expect(current.archs.consensus.stats.deliveries - restarted.archs.consensus.stats.deliveries).toBe(fresh);
		expect(agreement(current, 'consensus').agree).toBe(true);
		expect(orderMode.traceLine(current)).toHaveProperty(['deliveries', 0, 'rebuild'], true);
		let later = runTo(current, current.time + 1000);
		for (let events = 0; events < 2000 && later.archs.consensus.replicas[2]!.delivered !== later.archs.consensus.replicas[0]!.delivered; events++) later = orderMode.advance(later, 1);
		const [s1, , s3] = later.archs.consensus.replicas;
		expect(s3!.delivered).toBe(s1!.delivered);
		expect(s3!.machine).toEqual(s1!.machine);
	});
});
