/** Words of a scenario line that every mode reads the same way. */

/** "12" → 12; anything else → undefined. */
export function countWord(word: string | undefined): number | undefined {
	return word !== undefined && /^\d+$/.test(word) ? Number(word) : undefined;
}

/** "300", "300ms", "1.5s" → milliseconds (a whole number); anything else → undefined. */
export function durationWord(word: string | undefined): number | undefined {
	const match = word === undefined ? null : /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(word);
	if (!match) return undefined;
	const value = match[2] === 's' ? Number(match[1]) * 1000 : Number(match[1]);
	return Number.isInteger(value) ? value : undefined;
}
