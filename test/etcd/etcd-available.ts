import {findEtcd, installHint} from '../../source/etcd/etcd-binary.js';

/** The etcd these tests run, if any. Without one they are skipped, and say why (on CI a missing etcd already failed `npm test`'s pretest). */
export const etcd = findEtcd();
export const skipReason = etcd ? '' : ` (skipped: ${installHint})`;
if (!etcd && (process.env['CI'] || process.env['CONTINUOUS_INTEGRATION'])) {
	// On CI the etcd tests must run: fail every file that needs them.
	throw new Error(`CI must run the etcd tests, and ${installHint} (scripts/ensure-etcd.mjs does this on Debian as root)`);
}

if (!etcd) process.stderr.write(`etcd tests skipped: ${installHint}\n`);

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Polls `check` until it returns true, at most `timeoutMs`; fails with `what` otherwise. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
	const deadline = performance.now() + timeoutMs;
	while (!check()) {
		if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(20);
	}
}
