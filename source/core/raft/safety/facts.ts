/**
 * A persistent append-only list (first index 1): what the safety checker must
 * remember about each log index (the entry committed there, the entry first
 * applied there). Like RaftLog, a value is a length over a shared backing
 * array: appending at the end of the backing pushes there, so appending does
 * not copy, and every older value still sees only its own length. Only an
 * append where the backing already holds something else (a run replayed from
 * an older state) copies the kept part, once.
 */
export class FactList<T> {
	static empty<T>(): FactList<T> {
		return new FactList<T>([], 0);
	}

	readonly #backing: T[];

	private constructor(
		backing: T[],
		readonly length: number,
	) {
		this.#backing = backing;
	}

	/** The fact at `index` (1-based), if recorded. */
	at(index: number): T | undefined {
		return index >= 1 && index <= this.length ? this.#backing[index - 1] : undefined;
	}

	append(fact: T): FactList<T> {
		const backing = this.#backing;
		if (this.length === backing.length) {
			backing.push(fact);
			return new FactList(backing, this.length + 1);
		}

		if (backing[this.length] === fact) return new FactList(backing, this.length + 1);
		const copy = backing.slice(0, this.length);
		copy.push(fact);
		return new FactList(copy, copy.length);
	}

	toArray(): T[] {
		return this.#backing.slice(0, this.length);
	}
}
