/**
 * The Aeron core: the commit rule, the invariants after every event over
 * random seeds and fault schedules (no bug on: every lamp green), a bug that
 * turns its lamp red, and the trace rebuilding every member.
 */
import {describe, expect, test} from 'vitest';
import {applyAction} from '../../../source/core/aeron/actions.js';
import {quorumPosition} from '../../../source/core/aeron/commit.js';
import {parseAeronConfig} from '../../../source/core/aeron/config.js';
import {createAeron, handleNextEvent} from '../../../source/core/aeron/engine.js';
import {logEnd} from '../../../source/core/aeron/log.js';
import {aeronMode} from '../../../source/core/aeron/mode.js';
import {aeronReport} from '../../../source/core/aeron/report.js';
import type {AeronAction, AeronState} from '../../../source/core/aeron/types.js';
import {hash3} from '../../../source/core/engine/random.js';

const create = (flags: Record<string, string>) => createAeron(parseAeronConfig(flags));

function runEvents(state: AeronState, count: number, each?: (state: AeronState) => void): AeronState {
	let current = state;
	for (let i = 0; i < count; i++) {
		current = handleNextEvent(current);
		each?.(current);
	}

	return current;
}

/**
 * A fault schedule drawn from the seed: kills, restarts, isolations, heals,
 * slow archives, snapshots, timers. Not lost disks: two of three members
 * losing theirs loses committed records in any protocol (the test below
 * loses one).
 */
function faultAt(seed: number, step: number, state: AeronState): AeronAction | undefined {
	const draw = hash3(seed, 77, step);
	if (draw % 9 !== 0) return undefined;
	const member = (draw >>> 8) % state.members.length;
	const down = state.members[member]!.role === 'down';
	switch ((draw >>> 16) % 8) {
		case 0:
			return down ? {type: 'restart', member} : {type: 'kill', member};
		case 1:
			return {type: 'isolate', member};
		case 2:
			return {type: 'heal'};
		case 3:
			return {type: 'slow-archive', member, on: !state.members[member]!.slow};
		case 4:
			return {type: 'snapshot'};
		case 5:
			return {type: 'timer', delay: 200};
		case 6:
			return down ? {type: 'restart', member} : {type: 'request'};
		default:
			return {type: 'request'};
	}
}

describe('the commit rule', () => {
	test('the quorum position is the k-th highest known position (unknown: -1)', () => {
		expect(quorumPosition([480, 288, 96])).toBe(288);
		expect(quorumPosition([480, 288, 96, 96, 0])).toBe(96);
		expect(quorumPosition([480, -1, -1])).toBe(-1);
	});

	test('a leader with a slow archive caps commit at its own recorded position', () => {
		let state = create({workload: '0', seed: '1'});
		state = runEvents(state, 40);
		const leader = state.members.find(m => m.role === 'leader')!.id;
		state = applyAction(state, {type: 'slow-archive', member: leader, on: true});
		state = applyAction(state, {type: 'request'});
		state = applyAction(state, {type: 'request'});
		let capped = false;
		state = runEvents(state, 60, s => {
			const m = s.members[leader]!;
			expect(m.commit).toBeLessThanOrEqual(logEnd(m.log));
			const followers = s.members.filter(f => f.id !== leader).map(f => logEnd(f.log));
			if (Math.min(...followers) > logEnd(m.log)) capped = true;
		});
		expect(capped).toBe(true);
		expect(state.seen.cappedByOwn).toBeGreaterThan(0);
	});
});

describe('random seeds and fault schedules, no bug on', () => {
	test.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: service ≤ commit ≤ appended on every member after every event, and every lamp stays green', seed => {
		let state = create({seed: String(seed), members: seed % 2 === 0 ? '5' : '3', workload: '80'});
		for (let step = 0; step < 1500; step++) {
			const action = faultAt(seed, step, state);
			if (action) state = applyAction(state, action);
			state = handleNextEvent(state);
			for (const m of state.members) {
				expect(m.service.position).toBeLessThanOrEqual(m.commit);
				expect(m.commit).toBeLessThanOrEqual(logEnd(m.log));
			}
		}

		expect(state.lamps).toEqual({'one-leader': undefined, 'commit-kept': undefined, 'same-records': undefined, 'service-commit': undefined});
		expect(state.divergence).toBeNull();
	});
});

test('a member that loses its disk rejoins from position 0 by copying the leader\'s archive', () => {
	let state = create({seed: '2', workload: '60', requests: '20'});
	state = runEvents(state, 600);
	const follower = state.members.find(m => m.role === 'follower')!.id;
	const before = logEnd(state.members[follower]!.log);
	expect(before).toBeGreaterThan(0);
	state = applyAction(state, {type: 'lose-disk', member: follower});
	expect(logEnd(state.members[follower]!.log)).toBe(0);
	state = runEvents(state, 1500);
	const leader = state.members.find(m => m.role === 'leader')!;
	const m = state.members[follower]!;
	expect(state.seen.replications + state.seen.catchups).toBeGreaterThan(0);
	expect(logEnd(m.log)).toBe(logEnd(leader.log));
	expect(m.service.digest).toBe(leader.service.digest);
	expect(Object.values(state.lamps).filter(Boolean)).toEqual([]);
});

describe('the safety lab', () => {
	test('service-past-commit: a follower\'s service reads what it recorded, and the SC lamp goes out', () => {
		let state = create({seed: '1', workload: '0', bug: 'service-past-commit'});
		state = runEvents(state, 40);
		for (let i = 0; i < 3; i++) state = applyAction(state, {type: 'request'});
		state = runEvents(state, 80);
		expect(state.lamps['service-commit']).toMatch(/past its commit position/);
	});

	test('the same faults without the bug keep SC green', () => {
		let state = create({seed: '1', workload: '0'});
		state = runEvents(state, 40);
		for (let i = 0; i < 3; i++) state = applyAction(state, {type: 'request'});
		state = runEvents(state, 80);
		expect(state.lamps['service-commit']).toBeUndefined();
	});
});

type Rebuilt = {role: string; election: string; term: number; appended: number; commit: number; service: unknown; log: unknown[]};

describe('the trace', () => {
	test('folding the trace from its start line rebuilds every member: positions, role, term, log, service', () => {
		let state = aeronMode.create(parseAeronConfig({seed: '5', workload: '120'}));
		const lines: any[] = [aeronMode.traceStart!(state)]; // eslint-disable-line @typescript-eslint/no-explicit-any
		for (let step = 0; step < 1200; step++) {
			const action = faultAt(5, step, state);
			if (action) {
				const next = aeronMode.apply(state, action);
				if (next !== state) lines.push(aeronMode.traceAction!(state, next, action));
				state = next;
			}

			state = aeronMode.advance(state, 1);
			lines.push(aeronMode.traceLine(state));
		}

		const members = new Map<string, Rebuilt>();
		for (const line of lines) {
			for (const server of line.servers) {
				const old = members.get(server.name);
				const log = [...(old?.log ?? []).slice(0, server.log.keep), ...server.log.added];
				members.set(server.name, {role: server.role, election: server.election, term: server.term, appended: server.appended, commit: server.commit, service: server.service, log});
			}
		}

		const report = aeronReport(state);
		expect(state.seen.truncations.length + state.seen.catchups).toBeGreaterThan(0);
		for (const server of report.servers) {
			expect(members.get(server.name)).toEqual({role: server.role, election: server.election, term: server.term, appended: server.appended, commit: server.commit, service: server.service, log: server.log});
		}
	});
});

describe('timeline marks', () => {
	test('marks each election won, with the winner and its term, and nothing else', () => {
		let state = createAeron(parseAeronConfig({seed: '1', workload: '0'}));
		const marks: string[] = [];
		for (let i = 0; i < 400; i++) {
			const after = handleNextEvent(state);
			const mark = aeronMode.markOf!(state, after);
			if (mark !== undefined) marks.push(mark);
			state = after;
		}

		expect(marks).toEqual(['M0 wins term 0']);
		const crashed = applyAction(state, {type: 'kill', member: 0});
		let later = crashed;
		const after: string[] = [];
		for (let i = 0; i < 3000 && after.length === 0; i++) {
			const next = handleNextEvent(later);
			const mark = aeronMode.markOf!(later, next);
			if (mark !== undefined) after.push(mark);
			later = next;
		}

		expect(after).toHaveLength(1);
		expect(after[0]).toMatch(/^M[12] wins term 1$/);
	});
});

describe('space-time diagram (v)', () => {
	test('draws a lane per member and the client, an arrow per message that arrived, was lost or dropped, and the actions', async () => {
		const {aeronDiagramLines} = await import('../../../source/core/aeron/view/diagram.js');
		let state = createAeron(parseAeronConfig({seed: '1', workload: '0'}));
		for (let i = 0; i < 40; i++) state = handleNextEvent(state);
		state = applyAction(state, {type: 'drop', pick: {by: 'next'}});
		state = applyAction(state, {type: 'kill', member: 0});
		const text = aeronDiagramLines(state, 79, 40).map(line => line.map(part => part.text).join(''));
		expect(text[0]).toMatch(/M0 +M1 +M2 +client/);
		expect(text.some(line => line.includes('NLT T0'))).toBe(true);
		expect(text.some(line => line.includes('╳'))).toBe(true);
		expect(text.at(-1)).toContain('[kill M0]');
	});
});
