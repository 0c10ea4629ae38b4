/**
 * Scenarios of the etcd mode against real clusters on loopback: the bundled
 * ones run headless through the built binary and every claim holds; a false
 * claim is reported with file:line and exit 1; `play` in a pseudo-terminal
 * shows the captions, says on screen when a claim is false or an `until` runs
 * out of time, records a cast, and leaves no etcd process or folder behind.
 */
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {liveBundledNames} from '../../source/scenario/bundled.js';
import {etcdProcessesUnder} from '../../source/etcd/run-dir.js';
import {plainEnv, runAsync} from '../e2e/run-async.js';
import {startApp, until} from '../robustness/pty-app.js';
import {etcd, skipReason, waitFor} from './etcd-available.js';

const folder = mkdtempSync(path.join(os.tmpdir(), 'replica-tui-etcd-scenarios-'));
afterAll(() => {
	rmSync(folder, {recursive: true, force: true});
});

/** A runs root of its own for one run, so that what is left behind can be checked. */
const ownRoot = (name: string) => path.join(folder, `root-${name}`);

const write = (name: string, lines: readonly string[]) => {
	const file = path.join(folder, name);
	writeFileSync(file, lines.join('\n') + '\n');
	return file;
};

async function expectNothingLeft(root: string): Promise<void> {
	await waitFor('the run folder to be gone', () => !existsSync(root), 8000);
	expect(etcdProcessesUnder(root)).toEqual([]);
}

type Report = {ok: boolean; members: number; claims: Array<{line: number; claim: string; holds: boolean; at: string; why?: string}>; final: {leader: {member: string; term: number} | null}};

describe.skipIf(!etcd)(`etcd scenarios against a real cluster${skipReason}`, () => {
	it('there are bundled etcd scenarios', () => {
		expect(liveBundledNames()).toEqual(expect.arrayContaining(['etcd-leader-crash', 'etcd-partition']));
	});

	// One at a time: each runs a cluster in real time, and its claims are about real timings.
	it.each(liveBundledNames())('%s: run --json plays it against a real cluster; every claim holds; nothing is left behind', async name => {
		const root = ownRoot(name);
		const {code, stdout, stderr} = await runAsync(['run', name, '--json'], plainEnv({REPLICA_TUI_ETCD_ROOT: root}), 90_000);
		expect(stderr).toBe('starting 3 etcd members on loopback …\n');
		const report = JSON.parse(stdout) as Report;
		expect(report.claims.filter(claim => !claim.holds), stdout).toEqual([]);
		expect(report.claims.length).toBeGreaterThan(5);
		expect(report.ok).toBe(true);
		expect(report.final.leader).not.toBeNull();
		expect(code).toBe(0);
		await expectNothingLeft(root);
	}, 100_000);

	it('a false claim: run and check name its file:line and why, and exit 1', async () => {
		const file = write('false.scenario', [
			'description One true claim, one false', // 1
			'mode etcd', // 2
			'writes off', // 3
			'until one leader', // 4
			'caption One leader.', // 5
			'expect one leader', // 6
			'expect 2 members down', // 7
			'until no leader within 1s', // 8
		]);
		const root = ownRoot('false');
		const [ran, checked] = [await runAsync(['run', file], plainEnv({REPLICA_TUI_ETCD_ROOT: root}), 60_000), await runAsync(['check', file], plainEnv({REPLICA_TUI_ETCD_ROOT: root}), 60_000)];
		expect(ran.code).toBe(1);
		expect(ran.stdout).toMatch(new RegExp(`^✓ ${file}:6 at t=[\\d.]+s: expect one leader$`, 'm'));
		expect(ran.stdout).toMatch(new RegExp(`^✗ ${file}:7 at t=[\\d.]+s: expect 2 members down — no member is down$`, 'm'));
		expect(ran.stdout).toMatch(new RegExp(`^✗ ${file}:8 at t=[\\d.]+s: until no leader — m\\d leads term \\d+ \\(not within 1 s\\)$`, 'm'));
		expect(ran.stdout.trimEnd().split('\n').at(-1)).toBe('✗ 2 of 4 claims hold');
		expect(checked.code).toBe(1);
		expect(checked.stdout).toContain(`✗ ${file}: 2 of 4 claims hold (played in real time against a real etcd cluster)`);
		expect(checked.stdout).toMatch(/^ {2}✗ line 7 at t=[\d.]+s: expect 2 members down — no member is down$/m);
		await expectNothingLeft(root);
	}, 100_000);

	it('play in a terminal: captions show, a false claim and a timed-out until say so on screen, --record writes a cast; q leaves nothing behind', async () => {
		const file = write('play.scenario', [
			'description Play test', // 1
			'mode etcd', // 2
			'size 100x30', // 3
			'until one leader', // 4
			'caption FIRST: one member leads.', // 5
			'expect one leader', // 6
			'expect 3 members down', // 7
			'until no leader within 1s', // 8
			'crash leader', // 9
			'until new leader', // 10
			'caption SECOND: a new leader, in a higher term.', // 11
			'expect new leader', // 12
			'pause', // 13
		]);
		const root = ownRoot('play');
		const cast = path.join(folder, 'play.cast');
		const app = startApp(['play', file, '--record', cast], {cols: 100, rows: 30, env: {REPLICA_TUI_ETCD_ROOT: root}});
		try {
			// The screen, not the raw output: Ink redraws only what changed, so a line's text may come in pieces.
			const onScreen = async (text: string, timeoutMs = 20_000) => until(() => app.screen().includes(text), JSON.stringify(text), timeoutMs, () => app.screen());
			await app.waitForOutput('starting 3 etcd members on loopback', 0, 20_000);
			await onScreen('FIRST: one member leads.');
			await onScreen('✗ line 7: expect 3 members down (no member is down)', 10_000);
			await onScreen('✗ line 8: until no leader — not within 1 s; going on', 10_000);
			await onScreen('SECOND: a new leader, in a higher term.');
			await onScreen('scenario paused: Enter, PgDn or n continues');
			expect(etcdProcessesUnder(root).length).toBe(2);
			app.write('q');
			const {status} = await app.finished(20_000);
			expect(status).toBe(0);
		} finally {
			app.kill();
		}

		await expectNothingLeft(root);
		expect(readFileSync(cast, 'utf8')).toContain('SECOND: a new leader');
		const gif = path.join(folder, 'play.gif');
		const converted = await runAsync(['record', cast, '-o', gif], plainEnv(), 90_000);
		expect(converted.stderr).toMatch(/^converted .*play\.cast: \d+ frames/);
		expect(converted.code).toBe(0);
		expect(readFileSync(gif).subarray(0, 6).toString()).toBe('GIF89a');
	}, 120_000);

	it('record on a virtual clock is refused in one line that says what to do instead', async () => {
		const {code, stderr} = await runAsync(['record', 'etcd-leader-crash', '-o', path.join(folder, 'x.gif')]);
		expect(stderr).toBe(
			'replica-tui: etcd-leader-crash.scenario runs a real etcd cluster in real time, so it cannot be recorded on a virtual clock: record it live with "replica-tui play etcd-leader-crash --record x.cast", then "replica-tui record x.cast -o x.gif"\n',
		);
		expect(code).toBe(2);
	});
});
