import type {EtcdState} from '../core/etcd/state.js';
import {driveLiveScenario, liveConfig} from '../live/drive-live.js';
import type {Claim} from '../scenario/drive.js';
import type {Scenario} from '../scenario/types.js';

/** One claim as `file:line`, for a run against a real cluster (timings vary, so every claim is listed). */
export function liveClaimLine(scenario: Scenario, claim: Claim): string {
	const where = `${scenario.file}:${claim.line}`;
	return claim.failure === undefined ? `✓ ${where} at ${claim.position}: ${claim.kind} ${claim.text}` : `✗ ${where} at ${claim.position}: ${claim.kind} ${claim.text} — ${claim.failure}`;
}

function finalState(state: EtcdState) {
	return {
		leader: state.leader ? {member: state.members[state.leader.member]!.name, term: state.leader.term} : null,
		members: state.members.map(member => ({name: member.name, role: member.role, term: member.term ?? null, applied: member.applied ?? null, lastInput: member.keys?.lastInput ?? null})),
		writes: {issued: state.writer.issued, acknowledged: state.writer.acked},
		findings: state.violations.map(finding => finding.text),
	};
}

/**
 * `replica-tui run FILE` for a scenario of the etcd mode: starts a real
 * cluster, plays the timeline in real time, checks every claim against what
 * was observed at that moment, stops the cluster. `ok` is false when a claim
 * did not hold.
 */
export async function runLiveScenarioHeadless(scenario: Scenario, options: {json: boolean; progress?: (text: string) => void}): Promise<{text: string; ok: boolean}> {
	const config = liveConfig(scenario);
	const {claims, state, ms} = await driveLiveScenario(scenario, options.progress ? {onProgress: options.progress} : {});
	const failed = claims.filter(claim => claim.failure !== undefined);
	const ok = failed.length === 0 && claims.length > 0;
	if (options.json) {
		const report = {
			mode: 'etcd',
			scenario: scenario.file,
			etcd: state.info.version,
			members: config.members,
			seed: config.seed,
			preVote: config.preVote,
			seconds: Math.round(ms / 100) / 10,
			ok,
			claims: claims.map(claim => ({line: claim.line, claim: `${claim.kind} ${claim.text}`, holds: claim.failure === undefined, at: claim.position, ...(claim.failure ? {why: claim.failure} : {})})),
			final: finalState(state),
		};
		return {text: JSON.stringify(report, null, 2), ok};
	}

	const lines = [
		`${scenario.file}: etcd ${state.info.version} · ${config.members} members · seed ${config.seed}${config.preVote ? ' · pre-vote' : ''} · played in ${(ms / 1000).toFixed(1)} s against a real cluster`,
		...claims.map(claim => liveClaimLine(scenario, claim)),
		claims.length === 0 ? '✗ no expect or until lines: nothing was checked' : `${ok ? '✓' : '✗'} ${claims.length - failed.length} of ${claims.length} claims hold`,
	];
	return {text: lines.join('\n'), ok};
}
