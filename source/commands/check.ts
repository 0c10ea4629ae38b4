import {isLive} from '../live/shell-mode.js';
import {driveScenario, type Claim} from '../scenario/drive.js';
import type {Scenario} from '../scenario/types.js';

/**
 * Plays each scenario on a virtual clock and checks every `expect` (and every
 * `until` reached its condition): a lecturer's way to know that a scenario's
 * captions are true before showing it. A scenario of the etcd mode has no
 * virtual clock: it is played for real, against a cluster started for it.
 */
export async function checkScenarios(scenarios: readonly Scenario[], options: {progress?: (text: string) => void} = {}): Promise<{ok: boolean; text: string; claims: Claim[][]}> {
	const lines: string[] = [];
	const all: Claim[][] = [];
	let ok = true;
	for (const scenario of scenarios) {
		const live = isLive(scenario.mode);
		const {claims} = live ? await (await import('../live/drive-live.js')).driveLiveScenario(scenario, options.progress ? {onProgress: options.progress} : {}) : await driveScenario(scenario);
		all.push([...claims]);
		const failed = claims.filter(claim => claim.failure !== undefined);
		if (failed.length > 0) ok = false;
		lines.push(`${failed.length === 0 ? '✓' : '✗'} ${scenario.file}: ${claims.length - failed.length} of ${claims.length} claims hold${live ? ' (played in real time against a real etcd cluster)' : ''}`);
		for (const claim of failed) lines.push(`  ✗ line ${claim.line} at ${claim.position}: ${claim.kind} ${claim.text} — ${claim.failure}`);
		if (claims.length === 0) lines.push('  (no expect lines: nothing to check)');
	}

	return {ok, text: lines.join('\n'), claims: all};
}
