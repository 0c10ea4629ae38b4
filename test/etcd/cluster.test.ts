import {existsSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {kvKeys} from '../../source/core/models/kv.js';
import {modelAfter} from '../../source/core/etcd/expected.js';
import {createEtcdState, observe} from '../../source/core/etcd/observe.js';
import {hasConverged} from '../../source/core/etcd/scenario.js';
import type {EtcdState} from '../../source/core/etcd/state.js';
import type {Poll} from '../../source/core/etcd/types.js';
import {isStale} from '../../source/etcd/actions.js';
import {EtcdController} from '../../source/etcd/controller.js';
import {etcdProcessesUnder} from '../../source/etcd/run-dir.js';
import {etcd, skipReason, waitFor} from './etcd-available.js';

const seed = 5;
const members = 3;

/**
 * Independent of the reducer: from the raw polls, each member's current term
 * and applied index must never go down, and no term may have two leaders.
 */
class RawChecks {
	readonly problems: string[] = [];
	private readonly maxTerm = new Map<number, number>();
	private readonly maxApplied = new Map<number, number>();
	readonly leaders = new Map<number, Set<number>>();

	record(poll: Poll): void {
		for (const [i, member] of poll.members.entries()) {
			const {raft} = member;
			if (!raft) continue;
			if (raft.term < (this.maxTerm.get(i) ?? 0)) this.problems.push(`m${i + 1} term ${this.maxTerm.get(i)} → ${raft.term}`);
			if (raft.applied < (this.maxApplied.get(i) ?? 0)) this.problems.push(`m${i + 1} applied ${this.maxApplied.get(i)} → ${raft.applied}`);
			this.maxTerm.set(i, Math.max(raft.term, this.maxTerm.get(i) ?? 0));
			this.maxApplied.set(i, Math.max(raft.applied, this.maxApplied.get(i) ?? 0));
			if (raft.state === 'leader') {
				const set = this.leaders.get(raft.term) ?? new Set();
				set.add(i);
				this.leaders.set(raft.term, set);
			}
		}
	}
}

describe.skipIf(!etcd)(`a real 3-member etcd cluster under faults${skipReason}`, () => {
	const controller = new EtcdController({members, seed, rate: 50, preVote: false});
	const checks = new RawChecks();
	let state: EtcdState;
	let folder: string | undefined;
	const acked = () => state.writer.acked;
	const leader = () => state.leader;

	beforeAll(async () => {
		const info = await controller.start();
		folder = controller.folder;
		state = createEtcdState(info);
		controller.subscribe(poll => {
			state = observe(state, poll);
			checks.record(poll);
		});
		await waitFor('20 acknowledged writes', () => acked() >= 20);
	});

	afterAll(async () => {
		await controller.stop();
	});

	it('elects a new leader in a higher term when the leader is killed, and keeps writing', async () => {
		const old = leader()!;
		expect(old).toBeDefined();
		const note = await controller.perform({type: 'crash', member: 'leader'});
		expect(note.text).toMatch(new RegExp(`^killed m${old.member + 1} \\(SIGKILL`));
		await waitFor('a new leader', () => leader() !== undefined && leader()!.member !== old.member && leader()!.term > old.term);
		const before = acked();
		await waitFor('writes to go on with two members', () => acked() >= before + 10);
		expect(state.members[old.member]!.role).toBe('down');

		await controller.perform({type: 'restart', member: old.member});
		await waitFor('the old leader to rejoin', () => ['follower', 'leader'].includes(state.members[old.member]!.role));
		await waitFor('the old leader to catch up', () => (state.members[old.member]!.keys?.lastInput ?? 0) >= before + 10);
	});

	it('goes on while a follower is paused, and the follower catches up when resumed', async () => {
		const follower = state.members.findIndex((member, i) => i !== leader()?.member && member.role === 'follower');
		await controller.perform({type: 'pause', member: follower});
		await waitFor('the poll to see it paused', () => state.members[follower]!.role === 'paused');
		const before = acked();
		await waitFor('writes to go on without it', () => acked() >= before + 10);
		await controller.perform({type: 'resume', member: follower});
		await waitFor('it to catch up', () => (state.members[follower]!.keys?.lastInput ?? 0) >= before + 10);
	});

	it('an isolated leader is replaced by the majority; a serializable read on it is stale while a linearizable one fails', async () => {
		const old = leader()!;
		await controller.perform({type: 'isolate', member: 'leader'});
		try {
			await waitFor('a leader in the majority', () => leader() !== undefined && leader()!.member !== old.member && leader()!.term > old.term);
			const differs = () => {
				const mine = state.members[old.member]!.keys?.values;
				const theirs = state.members[leader()!.member]!.keys?.values;
				return mine !== undefined && theirs !== undefined && mine.some((value, i) => value !== theirs[i]);
			};

			// Writes go on in the majority until some key differs from the isolated member's copy; then they stop,
			// so that the key stays different (a later write could set it back) while it is read.
			await waitFor('the majority to move on', differs);
			await controller.perform({type: 'writes', on: false});
			const stoppedAt = state.round;
			await waitFor('a round after the writes stopped', () => state.round > stoppedAt + 1 && state.writer.issued === state.writer.acked);
			await waitFor('the keys to differ still', differs);
			const note = await controller.perform({type: 'stale-read', member: old.member});
			const read = note.staleRead!;
			expect(read.serializable).toBeDefined();
			expect(read.linearizableError).toBeDefined();
			expect(read.linearizable).toBeUndefined();
			expect(read.current).toBeDefined();
			expect(isStale(read)).toBe(true);
			expect(note.text).toContain('the serializable read is stale');
			// The isolated member still has the stale value: the read showed its own copy.
			const position = kvKeys.indexOf(read.key as (typeof kvKeys)[number]);
			const own = state.members[old.member]!.keys!.values[position]!;
			expect(read.serializable).toBe(own === 0 ? '' : String(own));
		} finally {
			await controller.perform({type: 'heal'});
			await controller.perform({type: 'writes', on: true});
		}

		await waitFor('the old leader to rejoin', () => state.members[old.member]!.role === 'follower' || leader()?.member === old.member);
	});

	it('every member converges to the model\'s state and keeps every acknowledged write', async () => {
		await controller.perform({type: 'writes', on: false});
		const stoppedAt = state.round;
		// The write in flight when writes stopped lands, and is acknowledged, before the count is taken: every member's
		// last input is the writer's last acknowledged one (a poll can see a write applied before it sees it acknowledged).
		// Only polls that began after the writes stopped count: an older one can show issued = acked just before the
		// writer issued one more input.
		await waitFor(
			'convergence',
			() =>
				state.round > stoppedAt + 1 &&
				hasConverged(state) === undefined &&
				state.writer.issued === state.writer.acked &&
				state.members.every(member => member.keys?.lastInput === state.writer.acked),
			15_000,
		);
		const total = acked();
		expect(total).toBeGreaterThan(40);
		const model = modelAfter(seed, total);
		for (const member of controller.info.members) {
			const keys = await controller.api.readKeys(member.clientUrl, controller.info.prefix, true, 2000);
			expect(keys.ok && keys.value).toEqual({values: model.values, lastInput: total});
			const inputs = await controller.api.inputNumbers(member.clientUrl, controller.info.prefix, 5000);
			expect(inputs.ok && inputs.value).toEqual(Array.from({length: total}, (_, i) => i + 1));
		}
	});

	it('terms and applied indexes never went down, and no term had two leaders', () => {
		expect(checks.problems).toEqual([]);
		for (const [term, set] of checks.leaders) expect(set.size, `term ${term}`).toBe(1);
		expect(checks.leaders.size).toBeGreaterThanOrEqual(3);
		expect(state.violations.map(finding => finding.text)).toEqual([]);
	});

	it('another controller can attach to it read-only: it shows the members and refuses faults', async () => {
		const attached = new EtcdController({members: 0, seed, rate: undefined, preVote: false, endpoints: controller.info.members.map(member => member.clientUrl)});
		try {
			const info = await attached.start();
			expect(info).toMatchObject({owned: false, writes: false});
			expect(info.members.map(member => [member.name, member.id])).toEqual(controller.info.members.map(member => [member.name, member.id]));
			let attachedState = createEtcdState(info);
			attached.subscribe(poll => {
				attachedState = observe(attachedState, poll);
			});
			await waitFor('both controllers to see the same leader', () => attachedState.leader !== undefined && attachedState.leader.member === leader()?.member && attachedState.leader.term === leader()?.term);
			expect(attachedState.members.every(member => member.role === 'leader' || member.role === 'follower')).toBe(true);
			const refused = await attached.perform({type: 'crash', member: 0});
			expect(refused.text).toContain('read-only');
			expect(controller.processState(0)).toBe('running');
		} finally {
			await attached.stop();
		}
	});

	it('leaves no process or folder behind once stopped', async () => {
		const pids = controller.pids;
		await controller.stop();
		expect(folder).toBeDefined();
		expect(existsSync(folder!)).toBe(false);
		expect(etcdProcessesUnder(folder!)).toEqual([]);
		for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
	});
});
