/**
 * A setting that is allowed but unwise gets one plain line on stderr, and the
 * run goes on: the Raft mode's heartbeat when it is not well below the
 * election timeout (issue 17, item 18).
 */
import {describe, expect, it} from 'vitest';
import {run} from './run.js';

describe('replica-tui raft warnings', () => {
	it('--heartbeat 400 with 150–300 ms election timeouts: one warning line on stderr, exit 0, the report on stdout', () => {
		const result = run(['raft', '--heartbeat', '400', '--steps', '50']);
		expect(result.code).toBe(0);
		expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^warning: --heartbeat 400 is not well below the election timeout \(150–300 ms\)/)]);
		expect(result.stdout).toMatch(/^raft · 5 servers/);
	});

	it('the default heartbeat, or one well below a longer timeout, warns of nothing', () => {
		expect(run(['raft', '--steps', '20']).stderr).toBe('');
		expect(run(['raft', '--heartbeat', '400', '--election', '1000-2000', '--steps', '20']).stderr).toBe('');
	});
});
