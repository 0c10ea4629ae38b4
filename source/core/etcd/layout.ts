import {kvKeys} from '../models/kv.js';

/** Where our keys live in a cluster this app started. */
export const defaultPrefix = 'replica-tui/';

/** The etcd key holding kv key `position` (a…e). */
export function kvKeyName(prefix: string, position: number): string {
	return `${prefix}kv/${kvKeys[position]}`;
}

/** The key each write sets to its input number, in the same transaction: read with the kv keys, it says which input they reflect. */
export function lastInputKeyName(prefix: string): string {
	return `${prefix}kv/input`;
}

export function kvRange(prefix: string): {readonly key: string; readonly rangeEnd: string} {
	return {key: `${prefix}kv/`, rangeEnd: `${prefix}kv0`};
}

/** Input numbers are zero-padded so that the keys sort by number. */
const inputDigits = 10;

/** The sequence key that marks input `index` as applied: the write's idempotency guard. */
export function inputKeyName(prefix: string, index: number): string {
	return `${prefix}in/${String(index).padStart(inputDigits, '0')}`;
}

export function inputRange(prefix: string): {readonly key: string; readonly rangeEnd: string} {
	return {key: `${prefix}in/`, rangeEnd: `${prefix}in0`};
}

/** The input number of a sequence key, or 0 if `key` is not one. */
export function inputNumberOf(prefix: string, key: string): number {
	const start = `${prefix}in/`;
	if (!key.startsWith(start)) return 0;
	const digits = key.slice(start.length);
	return /^\d+$/.test(digits) ? Number(digits) : 0;
}

/** The kv key position of an etcd key under `prefix`, or -1. */
export function kvPositionOf(prefix: string, key: string): number {
	const start = `${prefix}kv/`;
	if (!key.startsWith(start)) return -1;
	return (kvKeys as readonly string[]).indexOf(key.slice(start.length));
}

/** A value as stored in etcd: the number in decimal. */
export function parseKvValue(text: string): number {
	return /^[1-9]\d*$/.test(text) ? Number(text) : Number.NaN;
}
