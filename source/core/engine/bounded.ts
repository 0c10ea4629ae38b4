/** `items` with `added` appended, keeping only the last `limit` of them. */
export function appendBounded<T>(items: readonly T[], added: readonly T[], limit: number): T[] {
	if (added.length === 0) return items as T[];
	const all = items.length + added.length <= limit ? [...items, ...added] : [...items, ...added].slice(-limit);
	return all;
}
