import {report} from '../report.js';
import type {SimState} from '../types.js';

/** A headless run without --json: one line per replica and the vote. */
export function headlessSummary(sim: SimState): string {
	const result = report(sim);
	const lines = result.replicas.map(replica => `${replica.name.padEnd(3)} ${replica.status.padEnd(10)} applied #${replica.applied}  ${replica.summary}  ${replica.digest}`);
	const {quorum} = result;
	const verdict = quorum.decided ? `quorum #${quorum.index}: ${quorum.agree} of ${result.replicaCount} agree on ${quorum.value}` : `quorum #${quorum.index}: ${quorum.outcome}, no majority`;
	const flagged = quorum.flagged.map(entry => `${entry.name} ${entry.reason}${entry.reason === 'diverged' ? ` at #${entry.at}` : ''}`).join(', ');
	return [`model ${result.model} · seed ${result.seed} · ${result.inputs} inputs`, ...lines, verdict + (flagged ? ` · out of line: ${flagged}` : '')].join('\n');
}
