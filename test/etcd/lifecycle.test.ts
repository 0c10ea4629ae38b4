import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {etcdProcessesUnder, processStartTime, removeStaleRunDirs} from '../../source/etcd/run-dir.js';
import {etcd, skipReason, sleep, waitFor} from './etcd-available.js';

const child = path.join(import.meta.dirname, 'controller-child.ts');

type Started = {readonly folder: string; readonly root: string; readonly pids: number[]; readonly exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>; readonly pid: number};

const roots = mkdtempSync(path.join(os.tmpdir(), 'replica-tui-etcd-roots-'));
afterAll(() => {
	rmSync(roots, {recursive: true, force: true});
});

/** Runs the controller in a child Node process, with a runs root of its own; resolves once it printed its folder and member PIDs. */
function startChild(how: string): Promise<Started> {
	const root = mkdtempSync(path.join(roots, `${how}-`));
	const process_ = spawn(process.execPath, ['--import', 'tsx', child, how], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {...process.env, ETCD_NAME: 'must-be-removed', REPLICA_TUI_ETCD_ROOT: root},
	});
	const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>(resolve => process_.once('exit', (code, signal) => resolve({code, signal})));
	return new Promise((resolve, reject) => {
		let output = '';
		let errors = '';
		process_.stderr.on('data', (chunk: Buffer) => {
			errors += chunk.toString();
		});
		process_.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const line = output.split('\n').find(row => row.startsWith('{'));
			if (line) {
				const {folder, pids} = JSON.parse(line) as {folder: string; pids: number[]};
				resolve({folder, root, pids, exited, pid: process_.pid!});
			}
		});
		void exited.then(({code}) => reject(new Error(`child exited (${code}) before starting: ${errors}`)));
	});
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		// A zombie (dead, not yet reaped) has no command line.
		return processStartTime(pid) !== undefined;
	} catch {
		return false;
	}
}

/** Nothing of the run is left: no member process, no folder, not even the emptied runs root (waits a little: the sentinel cleans up after a SIGKILL). */
async function expectNothingLeft(started: Started): Promise<void> {
	await waitFor('the members and the folders to be gone', () => !existsSync(started.root) && etcdProcessesUnder(started.folder).length === 0 && !started.pids.some(alive), 8000);
	expect(path.dirname(started.folder)).toBe(started.root);
	expect(existsSync(started.folder)).toBe(false);
	expect(existsSync(started.root)).toBe(false);
	expect(etcdProcessesUnder(started.folder)).toEqual([]);
}

describe.skipIf(!etcd)(`no etcd process or data dir is left behind${skipReason}`, () => {
	it('after the controller stops and the app exits', async () => {
		const started = await startChild('stop');
		expect(started.pids).toHaveLength(3);
		expect((await started.exited).code).toBe(0);
		await expectNothingLeft(started);
	});

	it('after the app exits without stopping it, or crashes', async () => {
		await Promise.all(
			['exit', 'throw'].map(async how => {
				const started = await startChild(how);
				await started.exited;
				await expectNothingLeft(started);
			}),
		);
	});

	it('after the app is interrupted by SIGINT, SIGTERM or SIGHUP, which still end it', async () => {
		await Promise.all(
			(['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map(async signal => {
				const started = await startChild('wait');
				process.kill(started.pid, signal);
				expect((await started.exited).signal).toBe(signal);
				await expectNothingLeft(started);
			}),
		);
	});

	it('after the app is killed (SIGKILL): the kernel ends the members, the sentinel removes the folder', async () => {
		const started = await startChild('wait');
		// The three members run out of the run folder (with the ETCD_NAME the child was given removed from their environment).
		expect(etcdProcessesUnder(started.folder).sort()).toEqual([...started.pids].sort());
		process.kill(started.pid, 'SIGKILL');
		expect((await started.exited).signal).toBe('SIGKILL');
		await expectNothingLeft(started);
	});
});

describe('stale run folders', () => {
	const root = mkdtempSync(path.join(os.tmpdir(), 'replica-tui-etcd-test-'));
	const previous = process.env['REPLICA_TUI_ETCD_ROOT'];
	afterAll(() => {
		rmSync(root, {recursive: true, force: true});
		if (previous === undefined) delete process.env['REPLICA_TUI_ETCD_ROOT'];
		else process.env['REPLICA_TUI_ETCD_ROOT'] = previous;
	});

	it('are removed when their owner is gone, kept while it lives', async () => {
		process.env['REPLICA_TUI_ETCD_ROOT'] = root;
		const gone = spawn('true');
		await new Promise(resolve => gone.once('exit', resolve));
		await sleep(50);
		const dead = path.join(root, 'run-dead');
		const live = path.join(root, 'run-live');
		const reused = path.join(root, 'run-reused');
		for (const folder of [dead, live, reused]) mkdirSync(path.join(folder, 'm1'), {recursive: true});
		writeFileSync(path.join(dead, 'owner.json'), JSON.stringify({pid: gone.pid, started: '1', members: []}));
		writeFileSync(path.join(live, 'owner.json'), JSON.stringify({pid: process.pid, started: processStartTime(process.pid), members: []}));
		// Our PID, but another start time: the owner died and its PID was reused.
		writeFileSync(path.join(reused, 'owner.json'), JSON.stringify({pid: process.pid, started: '12345', members: []}));
		const removed = removeStaleRunDirs();
		expect(removed.sort()).toEqual([dead, reused].sort());
		expect(existsSync(live)).toBe(true);
		expect(existsSync(dead)).toBe(false);
	});
});
