/**
 * An append-only journal that keeps only its newest entries: a persistent
 * list in chunks, so that appending to an immutable state copies one small
 * chunk, not the whole journal. Entries keep their absolute index (the first
 * entry ever appended is index 0) after older ones are dropped.
 */
const chunkSize = 64;

export type Journal<T> = {
	/** Absolute index of the first entry kept. */
	readonly first: number;
	/** Entries kept. */
	readonly length: number;
	/** Entries of chunks[0] already dropped. */
	readonly skip: number;
	readonly chunks: ReadonlyArray<readonly T[]>;
};

export function emptyJournal<T>(): Journal<T> {
	return {first: 0, length: 0, skip: 0, chunks: []};
}

/** Absolute index after the last entry: how many entries were ever appended. */
export function journalEnd<T>(journal: Journal<T>): number {
	return journal.first + journal.length;
}

export function append<T>(journal: Journal<T>, entry: T): Journal<T> {
	const last = journal.chunks.at(-1);
	const chunks =
		last === undefined || last.length >= chunkSize
			? [...journal.chunks, [entry]]
			: [...journal.chunks.slice(0, -1), [...last, entry]];
	return {...journal, length: journal.length + 1, chunks};
}

/** The entry at absolute index `index`, if it is kept. */
export function entryAt<T>(journal: Journal<T>, index: number): T | undefined {
	if (index < journal.first || index >= journalEnd(journal)) return undefined;
	const offset = index - journal.first + journal.skip;
	return journal.chunks[Math.floor(offset / chunkSize)]![offset % chunkSize];
}

/** Drops the oldest `count` entries. */
export function dropOldest<T>(journal: Journal<T>, count: number): Journal<T> {
	const drop = Math.min(count, journal.length);
	if (drop === 0) return journal;
	const skip = journal.skip + drop;
	const whole = Math.floor(skip / chunkSize);
	return {first: journal.first + drop, length: journal.length - drop, skip: skip - whole * chunkSize, chunks: journal.chunks.slice(whole)};
}

/** Entries from absolute index `from` (clamped to what is kept) up to `to` (exclusive). */
export function entriesBetween<T>(journal: Journal<T>, from: number, to = journalEnd(journal)): T[] {
	const result: T[] = [];
	for (let index = Math.max(from, journal.first); index < Math.min(to, journalEnd(journal)); index++) result.push(entryAt(journal, index)!);
	return result;
}

/** The newest `count` entries, oldest first. */
export function newest<T>(journal: Journal<T>, count: number): T[] {
	return entriesBetween(journal, journalEnd(journal) - count);
}

/** A journal holding `entries`, the first at absolute index `first`. */
export function journalOf<T>(first: number, entries: readonly T[]): Journal<T> {
	const chunks: T[][] = [];
	for (let i = 0; i < entries.length; i += chunkSize) chunks.push(entries.slice(i, i + chunkSize));
	return {first, length: entries.length, skip: 0, chunks};
}
