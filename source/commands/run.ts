import {TraceWriter, tracingMode} from '../headless.js';
import {driveScenario} from '../scenario/drive.js';
import type {Scenario} from '../scenario/types.js';

/** Runs a scenario to its end with no terminal: the report (or summary) and the claims that failed; `ok` when every claim held. */
export async function runScenarioHeadless(scenario: Scenario, options: {json: boolean; trace: string | undefined}): Promise<{text: string; ok: boolean}> {
	const trace = options.trace === undefined ? undefined : TraceWriter.open(options.trace);
	try {
		const {session, claims} = await driveScenario(scenario, trace ? {mode: tracingMode(scenario.mode, trace)} : {});
		const failed = claims.filter(claim => claim.failure !== undefined);
		const ok = failed.length === 0;
		if (options.json) {
			const claimList = claims.map(claim => ({line: claim.line, claim: `${claim.kind} ${claim.text}`, holds: claim.failure === undefined, ...(claim.failure ? {why: claim.failure} : {})}));
			return {text: JSON.stringify({...(scenario.mode.report(session.sim) as object), claims: claimList}, null, 2), ok};
		}

		const notes = failed.map(claim => `✗ line ${claim.line}: ${claim.kind} ${claim.text} — ${claim.failure}`);
		return {text: [scenario.mode.summary(session.sim), ...notes].join('\n'), ok};
	} finally {
		trace?.close();
	}
}
