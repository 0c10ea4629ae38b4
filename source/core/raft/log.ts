/**
 * A server's Raft log (first index 1) as an immutable value.
 *
 * Appending must not copy the whole log on every event, so a log is a window
 * (its length) onto an append-only backing array, like a Go slice: appending
 * at the end of the backing pushes there, and every older log value that
 * shares the backing still sees only its own length. Only when the backing
 * already holds a different entry at that position (after a truncation, or in
 * a run replayed from an older state) is the log copied. Entries already in a
 * backing are never overwritten, so no log value ever changes.
 */
export type Entry = {
	readonly term: number;
	/** The client request this entry carries (0 for entries written by a set-up verb). */
	readonly request: number;
	/** The model input the request asks the state machine to apply. */
	readonly input: unknown;
};

export class RaftLog {
	static empty(): RaftLog {
		return new RaftLog([], 0);
	}

	static of(entries: readonly Entry[]): RaftLog {
		return new RaftLog([...entries], entries.length);
	}

	readonly #backing: Entry[];

	private constructor(
		backing: Entry[],
		/** The index of the last entry (0 when empty). */
		readonly length: number,
	) {
		this.#backing = backing;
	}

	get lastTerm(): number {
		return this.termAt(this.length);
	}

	/** The term of the entry at `index`, or 0 if there is none (index 0 has term 0, as in the paper). */
	termAt(index: number): number {
		return index >= 1 && index <= this.length ? this.#backing[index - 1]!.term : 0;
	}

	entryAt(index: number): Entry | undefined {
		return index >= 1 && index <= this.length ? this.#backing[index - 1] : undefined;
	}

	/** The log without the entries after `length`. */
	truncate(length: number): RaftLog {
		const kept = Math.max(0, Math.min(length, this.length));
		return kept === this.length ? this : new RaftLog(this.#backing, kept);
	}

	append(entry: Entry): RaftLog {
		const backing = this.#backing;
		if (this.length === backing.length) {
			backing.push(entry);
			return new RaftLog(backing, this.length + 1);
		}

		if (backing[this.length] === entry) return new RaftLog(backing, this.length + 1);
		const copy = backing.slice(0, this.length);
		copy.push(entry);
		return new RaftLog(copy, copy.length);
	}

	/** Entries from index `from` to `to`, both included (cut to the log). */
	slice(from: number, to: number): Entry[] {
		return this.#backing.slice(Math.max(0, from - 1), Math.min(to, this.length));
	}

	/** The terms of every entry, in index order. */
	terms(): number[] {
		const terms: number[] = [];
		for (let i = 0; i < this.length; i++) terms.push(this.#backing[i]!.term);
		return terms;
	}

	/** The first index holding an entry of `term`, scanning down from `from` while terms stay equal to it. */
	firstIndexOfTermRun(from: number): number {
		const term = this.termAt(from);
		let index = from;
		while (index > 1 && this.termAt(index - 1) === term) index--;
		return index;
	}

	/** The last index holding an entry of `term`, or 0 when the log has none. */
	lastIndexOfTerm(term: number): number {
		for (let index = this.length; index >= 1; index--) {
			const found = this.#backing[index - 1]!.term;
			if (found === term) return index;
			if (found < term) return 0;
		}

		return 0;
	}

	toJSON(): Entry[] {
		return this.#backing.slice(0, this.length);
	}
}
