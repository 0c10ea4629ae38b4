/**
 * Rules that can be broken on purpose, each letting a safety lamp go red.
 */
export const bugNames = ['ignore-promised-values', 'accept-below-promise', 'forget-promise-on-crash', 'shared-proposal-numbers', 'skip-phase1'] as const;
export type BugName = (typeof bugNames)[number];

export const bugText: Readonly<Record<BugName, string>> = {
	'ignore-promised-values': 'a proposer ignores the accepted values in promises and proposes its own',
	'accept-below-promise': 'an acceptor accepts a proposal numbered below its promise',
	'forget-promise-on-crash': 'an acceptor keeps its promise in memory only: a crash forgets it',
	'shared-proposal-numbers': 'proposers number proposals by round alone: two can use the same number',
	'skip-phase1': 'a new Multi-Paxos leader skips phase 1 and proposes at the next instance it knows of',
};

/** The bugs menu's keys. */
export const bugKeys: Readonly<Record<BugName, string>> = {
	'ignore-promised-values': 'i',
	'accept-below-promise': 'a',
	'forget-promise-on-crash': 'f',
	'shared-proposal-numbers': 's',
	'skip-phase1': 'k',
};

export function hasBug(state: {readonly bugs: readonly BugName[]}, bug: BugName): boolean {
	return state.bugs.includes(bug);
}
