import type {ReplicaState, SimState, Standing, VoteRecord} from './types.js';

export const noStanding: Standing = {checked: null, agrees: false, runStart: null, firstDivergence: null, lastDivergence: null};

/** `standing` after one more decided vote, at an index above any folded before. */
export function foldStanding(standing: Standing, index: number, agrees: boolean): Standing {
	const continues = standing.checked !== null && standing.agrees === agrees;
	const runStart = continues ? standing.runStart : index;
	if (agrees) return {checked: index, agrees, runStart, firstDivergence: standing.firstDivergence, lastDivergence: standing.lastDivergence};
	return {checked: index, agrees, runStart, firstDivergence: standing.firstDivergence ?? index, lastDivergence: {from: runStart!, to: index}};
}

/** Folds one vote into a replica's standing, if it is decided and the replica reported to it. */
export function foldVote(standing: Standing, vote: VoteRecord, id: number): Standing {
	const digest = vote.digests[id];
	if (!vote.decided || digest === undefined) return standing;
	return foldStanding(standing, vote.index, digest === vote.decided.digest);
}

/**
 * What every decided vote says about `replica` now: the votes that have
 * closed (kept folded in the replica) and the ones still open, whose
 * decisions can still change (a late report, a corruption re-reported).
 */
export function standingOf(sim: Pick<SimState, 'votes'>, replica: ReplicaState): Standing {
	let standing = replica.settled;
	for (const vote of sim.votes) standing = foldVote(standing, vote, replica.id);
	return standing;
}
