/**
 * Proposal numbers: a round and the proposer's id, compared round first, so
 * no two proposers ever use the same number (unless the shared-numbers bug is
 * on: then the id is left out and two proposers can pick the same one).
 */
export type Ballot = {readonly round: number; readonly proposer: number};

/** The proposer id a ballot has under the shared-proposal-numbers bug: none. */
export const sharedProposer = -1;

export function compareBallots(a: Ballot | null, b: Ballot | null): number {
	if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
	return a.round - b.round || a.proposer - b.proposer;
}

export function ballotText(ballot: Ballot | null): string {
	if (ballot === null) return '—';
	return ballot.proposer === sharedProposer ? String(ballot.round) : `${ballot.round}.P${ballot.proposer + 1}`;
}

/** "3.P1" or "3" (shared numbers) → a ballot, else undefined. */
export function parseBallot(text: string): Ballot | undefined {
	const match = /^(\d+)(?:\.P(\d))?$/i.exec(text);
	if (!match) return undefined;
	return {round: Number(match[1]), proposer: match[2] === undefined ? sharedProposer : Number(match[2]) - 1};
}
