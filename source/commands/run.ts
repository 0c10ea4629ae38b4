import {TraceWriter, tracingMode} from '../headless.js';
import {driveScenario} from '../scenario/drive.js';
import type {Scenario} from '../scenario/types.js';

/** Runs a scenario to its end with no terminal; prints the report (or summary) and the claims that failed. */
export async function runScenarioHeadless(scenario: Scenario, options: {json: boolean; trace: string | undefined}): Promise<string> {
	const trace = options.trace === undefined ? undefined : TraceWriter.open(options.trace);
	try {
		const {session, claims} = await driveScenario(scenario, trace ? {mode: tracingMode(scenario.mode, trace)} : {});
		const failed = claims.filter(claim => claim.failure !== undefined);
		if (options.json) return JSON.stringify({...(scenario.mode.report(session.sim) as object), claims: claims.map(claim => ({line: claim.line, claim: `${claim.kind} ${claim.text}`, holds: claim.failure === undefined, ...(claim.failure ? {why: claim.failure} : {})}))}, null, 2);
		const notes = failed.map(claim => `✗ line ${claim.line}: ${claim.kind} ${claim.text} — ${claim.failure}`);
		return [scenario.mode.summary(session.sim), ...notes].join('\n');
	} finally {
		trace?.close();
	}
}
