import {existsSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {kvKeys} from '../../source/core/models/kv.js';
import {UsageError} from '../../source/core/engine/usage-error.js';
import {parseEtcdConfig} from '../../source/core/etcd/config.js';
import {modelAfter} from '../../source/core/etcd/expected.js';
import {parseEtcdFaultSpec, type ScheduledEtcdFault} from '../../source/core/etcd/fault-schedule.js';
import {etcdHeadlessMain, etcdHeadlessText, runEtcdHeadless} from '../../source/etcd/headless.js';
import {etcdProcessesUnder} from '../../source/etcd/run-dir.js';
import {etcd, skipReason} from './etcd-available.js';

const faults = (...specs: string[]) => specs.map(spec => parseEtcdFaultSpec(spec, 3) as ScheduledEtcdFault);

describe.skipIf(!etcd)(`replica-tui etcd --steps N, headless${skipReason}`, () => {
	it('writes the inputs through a fault schedule and reports every member equal to the model, acknowledged writes kept', async () => {
		let folder: string | undefined;
		const steps = 80;
		const report = await runEtcdHeadless({
			members: 3,
			seed: 4,
			steps,
			preVote: true,
			faults: faults('leader:crash@15', 'restart@30', '2:pause@40', 'resume@50', 'leader:isolate@60', '3:delay=50@65', 'heal@75', '1:pause@78'),
			onController(controller) {
				controller.subscribe(() => {
					folder ??= controller.folder;
				});
			},
		});
		expect(report.acknowledged).toBe(steps);
		expect(report.faults.map(fault => fault.atInput)).toEqual([15, 30, 40, 50, 60, 65, 75, 78]);
		expect(report.faults[0]!.outcome).toMatch(/^killed m\d \(SIGKILL/);
		expect(report.faults[1]!.outcome).toMatch(/^restarted m\d/);
		// m1 was still paused after the last write: resumed before the final check.
		expect(report.repairedAtEnd).toEqual(['resumed m1 (SIGCONT)']);
		const model = modelAfter(4, steps);
		const keys = Object.fromEntries(kvKeys.map((key, i) => [key, model.values[i] === 0 ? null : model.values[i]]));
		expect(report.model.keys).toEqual(keys);
		for (const member of report.memberStates) {
			expect(member.keys).toEqual(keys);
			expect(member.lastInput).toBe(steps);
			expect(member.inputsHeld).toBe(steps);
			expect(member.missingAcknowledged).toEqual([]);
			expect(member.matchesModel).toBe(true);
		}

		expect(report).toMatchObject({allAgree: true, matchesModel: true, acknowledgedPresent: true, ok: true, problems: []});
		expect(report.observed.findings).toEqual([]);
		expect(etcdHeadlessText(report)).toContain('✓ all members agree · ✓ they equal the model · ✓ every acknowledged write is present');
		expect(folder).toBeDefined();
		expect(existsSync(folder!)).toBe(false);
		expect(etcdProcessesUnder(folder!)).toEqual([]);
	});

	it('judges a cluster that no longer changes: the write in flight when the time runs out is not retried after it (1 member)', async () => {
		// m1 (the only member, so the leader) is killed before #3 is sent, so #3 can only wait; after the time limit m1 is restarted for the final check. It is named by number: a 'leader:' fault needs a leader observed by then, which a loaded machine may not have.
		const report = await runEtcdHeadless({members: 1, seed: 3, steps: 5, preVote: false, faults: faults('1:crash@3'), writeTimeoutMs: 2500, convergeTimeoutMs: 5000});
		expect(report).toMatchObject({acknowledged: 2, inFlight: 3, lastInput: 2, allAgree: true, matchesModel: true, acknowledgedPresent: true, ok: false});
		expect(report.memberStates.map(member => member.lastInput)).toEqual([2]);
		expect(report.problems).toEqual(['only 2 of 5 inputs were acknowledged within 2.5 s']);
		expect(etcdHeadlessText(report)).toContain('✓ all members agree · ✓ they equal the model');
	});

	it('acts a later fault early when the writes stall, so a restart scheduled after a lost majority still happens (1 member)', async () => {
		const started = performance.now();
		const report = await runEtcdHeadless({members: 1, seed: 3, steps: 6, preVote: false, faults: faults('1:crash@3', 'restart@5'), stallMs: 1000, writeTimeoutMs: 15_000});
		expect(report).toMatchObject({acknowledged: 6, inFlight: null, lastInput: 6, ok: true, problems: []});
		expect(report.faults.map(fault => fault.atInput)).toEqual([3, 3]);
		expect(report.faults[1]!.outcome).toMatch(/^acted early: no write was acknowledged for 1\.\d s, so #5 could not be reached; restarted m1/);
		expect(performance.now() - started).toBeLessThan(12_000);
	});

	it('stops writing when a write stalls with no fault left to end it, and says why', async () => {
		const started = performance.now();
		const report = await runEtcdHeadless({members: 1, seed: 3, steps: 5, preVote: false, faults: faults('1:crash@2'), giveUpMs: 1500, writeTimeoutMs: 60_000});
		expect(report).toMatchObject({acknowledged: 1, inFlight: 2, lastInput: 1, allAgree: true, matchesModel: true, ok: false});
		expect(report.problems).toEqual(['only 1 of 5 inputs were acknowledged: #2 waited 1.5 s with no fault left in the schedule to end it (is a majority down, paused or cut off?), so the writes stopped']);
		expect(performance.now() - started).toBeLessThan(15_000);
	});

	it('prints JSON and returns 0 when everything held', async () => {
		let output = '';
		const status = await etcdHeadlessMain(parseEtcdConfig({steps: '10', json: true, seed: '2'}), text => {
			output += text;
		});
		expect(status).toBe(0);
		expect(JSON.parse(output)).toMatchObject({mode: 'etcd', inputs: 10, acknowledged: 10, ok: true});
	});
});

describe('without etcd', () => {
	it('says in one line how to install it (a usage error: exit 2)', async () => {
		const previous = process.env['REPLICA_TUI_ETCD'];
		process.env['REPLICA_TUI_ETCD'] = '/nonexistent/etcd';
		try {
			const run = etcdHeadlessMain(parseEtcdConfig({steps: '1'}), () => undefined);
			await expect(run).rejects.toBeInstanceOf(UsageError);
			await expect(run).rejects.toThrow(/^etcd is not installed: on Debian or Ubuntu run `sudo apt-get install etcd-server`/);
		} finally {
			if (previous === undefined) delete process.env['REPLICA_TUI_ETCD'];
			else process.env['REPLICA_TUI_ETCD'] = previous;
		}
	});
});
