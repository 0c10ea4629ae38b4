/**
 * A bounded history as an immutable value: the newest items in two chunks.
 * Adding an item copies only the current chunk (at most `chunk` items); when
 * it is full it becomes the previous chunk and the oldest chunk is dropped.
 * At least `chunk` and at most 2 × `chunk` of the latest items are kept.
 */
export type Recent<T> = {readonly previous: readonly T[]; readonly current: readonly T[]; readonly chunk: number};

export function emptyRecent<T>(chunk: number): Recent<T> {
	return {previous: [], current: [], chunk};
}

export function addRecent<T>(recent: Recent<T>, item: T): Recent<T> {
	if (recent.current.length < recent.chunk) return {previous: recent.previous, current: [...recent.current, item], chunk: recent.chunk};
	return {previous: recent.current, current: [item], chunk: recent.chunk};
}

/** The latest `count` items (or all kept, if fewer), oldest first. */
export function latest<T>(recent: Recent<T>, count: number): T[] {
	const {previous, current} = recent;
	if (count <= 0) return [];
	if (count <= current.length) return current.slice(current.length - count);
	const fromPrevious = Math.min(previous.length, count - current.length);
	return [...previous.slice(previous.length - fromPrevious), ...current];
}

export function recentSize<T>(recent: Recent<T>): number {
	return recent.previous.length + recent.current.length;
}
