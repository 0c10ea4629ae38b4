import type {ReplicaState, SimState} from './types.js';

export type Tone = 'good' | 'warn' | 'bad' | 'muted';
export type ReplicaStatus = {readonly glyph: string; readonly word: string; readonly tone: Tone};

/** A replica's status as a glyph and a word (colour is only ever an extra). */
export function replicaStatus(sim: SimState, replica: ReplicaState): ReplicaStatus {
	if (replica.crashed) return {glyph: '○', word: 'crashed', tone: 'muted'};
	if (isUndecided(sim, replica)) return {glyph: '?', word: 'no majority', tone: 'warn'};
	const armed = armedFaults(replica);
	if (replica.check && !replica.check.agrees) return {glyph: '✗', word: armed.length > 0 ? `diverged · ${armed.join(' ')}` : 'diverged', tone: 'bad'};
	if (replica.faults.lag) return {glyph: '◐', word: `lag ${sim.index - replica.applied}`, tone: 'warn'};
	if (armed.length > 0) return {glyph: '⚠', word: armed.join(' '), tone: 'warn'};
	if (replica.applied < sim.index) return {glyph: '◐', word: `${sim.index - replica.applied} behind`, tone: 'warn'};
	return {glyph: '●', word: 'ok', tone: 'good'};
}

/** Every replica that can has reported this replica's latest index, and no value has a majority there. */
function isUndecided(sim: SimState, replica: ReplicaState): boolean {
	if (replica.check && replica.check.index >= replica.applied) return false;
	const vote = sim.votes.find(candidate => candidate.index === replica.applied);
	if (!vote || vote.decided) return false;
	return sim.replicas.every(other => other.crashed || other.applied >= vote.index);
}

export function armedFaults(replica: ReplicaState): string[] {
	const armed: string[] = [];
	if (replica.faults.skipNext) armed.push('skip');
	if (replica.faults.flaky) armed.push('flaky');
	if (replica.faults.reorder) armed.push('reorder');
	if (replica.faults.lag) armed.push('lag');
	return armed;
}

/** A digest as four hex digits, enough to tell states apart by eye. */
export function shortDigest(digest: number): string {
	return (digest >>> 16).toString(16).padStart(4, '0');
}
