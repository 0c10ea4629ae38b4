/**
 * What the protocol did, not only where it ended: per link, how many
 * AppendEntries were refused and how often a leader stepped nextIndex back;
 * whether a duplicated message's copy arrived after its original had been
 * delivered. Scenario claims read it to check that a caption's mechanism
 * happened. Bounded: counters per link (N × N), and at most `watchedCopies`
 * duplicated originals followed at a time.
 */

/** At most this many duplicated originals are followed (the oldest is forgotten). */
export const watchedCopies = 8;

export type Mechanisms = {
	/** AppendEntries refused, by link leader × N + follower (a lower term or a failed consistency check). */
	readonly refusedAppends: readonly number[];
	/** Times a leader stepped nextIndex back for a follower after a refusal, by link leader × N + follower. */
	readonly nextIndexBacks: readonly number[];
	/** Ids of originals of duplicated messages, not yet delivered (newest last). */
	readonly duplicated: readonly number[];
	/** Ids of duplicated originals that were delivered (newest last). */
	readonly deliveredOriginals: readonly number[];
	/** Copies delivered after their original had been delivered. */
	readonly copiesAfterOriginal: number;
};

export function initialMechanisms(size: number): Mechanisms {
	const links = Array.from({length: size * size}, () => 0);
	return {refusedAppends: links, nextIndexBacks: links, duplicated: [], deliveredOriginals: [], copiesAfterOriginal: 0};
}

function plusOne(counts: readonly number[], link: number): number[] {
	const copy = counts.slice();
	copy[link] = counts[link]! + 1;
	return copy;
}

function bounded(ids: readonly number[], id: number): number[] {
	return [...ids, id].slice(-watchedCopies);
}

export function countRefusal(mechanisms: Mechanisms, size: number, leader: number, follower: number): Mechanisms {
	const link = leader * size + follower;
	return {...mechanisms, refusedAppends: plusOne(mechanisms.refusedAppends, link)};
}

export function countStepBack(mechanisms: Mechanisms, size: number, leader: number, follower: number): Mechanisms {
	const link = leader * size + follower;
	return {...mechanisms, nextIndexBacks: plusOne(mechanisms.nextIndexBacks, link)};
}

export function noteDuplicated(mechanisms: Mechanisms, original: number): Mechanisms {
	return {...mechanisms, duplicated: bounded(mechanisms.duplicated, original)};
}

/** A message was delivered (not lost): a watched original, or a copy whose original came first. */
export function noteDelivered(mechanisms: Mechanisms, id: number, copyOf: number | undefined): Mechanisms {
	let next = mechanisms;
	if (next.duplicated.includes(id)) next = {...next, duplicated: next.duplicated.filter(one => one !== id), deliveredOriginals: bounded(next.deliveredOriginals, id)};
	if (copyOf !== undefined && next.deliveredOriginals.includes(copyOf)) next = {...next, copiesAfterOriginal: next.copiesAfterOriginal + 1};
	return next;
}
