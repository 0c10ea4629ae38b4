/**
 * Without etcd, every way into the etcd mode says so in one line before
 * anything else (no "starting 3 etcd members…" first), and exits 2.
 */
import {describe, expect, it} from 'vitest';
import {installHint} from '../../source/etcd/etcd-binary.js';
import {plainEnv, runAsync} from '../e2e/run-async.js';
import {startApp} from '../robustness/pty-app.js';

const missing = {REPLICA_TUI_ETCD: '/nonexistent/etcd'};
const onlyLine = `replica-tui: ${installHint}\n`;

describe('with etcd missing', () => {
	for (const command of ['run', 'check']) {
		it(`${command} of an etcd scenario prints only the install line`, async () => {
			const {code, stdout, stderr} = await runAsync([command, 'etcd-leader-crash'], plainEnv(missing), 20_000);
			expect({code, stdout, stderr}).toEqual({code: 2, stdout: '', stderr: onlyLine});
		});
	}

	it('the live mode prints only the install line', async () => {
		const app = startApp(['etcd'], {env: missing});
		const {status} = await app.finished(20_000);
		expect(status).toBe(2);
		const said = app.appOutput().replaceAll('\r', '').split('\n').filter(row => !row.startsWith('BEFORE='));
		expect(said.filter(row => row.trim() !== '')).toEqual([onlyLine.trimEnd()]);
	});
});
