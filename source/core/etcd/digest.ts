import {hashList} from '../engine/random.js';

/** The kv model's digest of a member's values (a value that is not a number hashes apart from every number). */
export function keysDigest(values: readonly number[]): number {
	return hashList(values.map(value => (Number.isNaN(value) ? -1 : value)));
}

/** A digest as four hex digits, as the voting mode shows it. */
export function shortDigest(digest: number): string {
	return (digest >>> 16).toString(16).padStart(4, '0');
}
