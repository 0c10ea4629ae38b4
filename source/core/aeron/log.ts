/**
 * A member's archive recording: log records addressed by byte position. An
 * immutable value over a shared append-only array: appending to the newest
 * version pushes in place (older versions read only their own prefix), and
 * appending to an older or truncated version copies first.
 */
import type {LogRecord, RecordType} from './types.js';

export type PositionLog = {readonly items: LogRecord[]; readonly length: number};

/** A fresh empty log (its own array: appends push into it). */
export const emptyLog = (): PositionLog => ({items: [], length: 0});

/** Frame sizes (32-byte header, SBE header and block, aligned to 32), from the notes. */
export const recordSize: Readonly<Record<RecordType, number>> = {message: 96, schedule: 96, timer: 64, action: 96, 'new-term': 96};

export function logEnd(log: PositionLog): number {
	return log.length === 0 ? 0 : log.items[log.length - 1]!.end;
}

export function lastRecord(log: PositionLog): LogRecord | undefined {
	return log.length === 0 ? undefined : log.items[log.length - 1];
}

/** The term of the last record (-1 for an empty log). */
export function logTerm(log: PositionLog): number {
	return lastRecord(log)?.term ?? -1;
}

export function append(log: PositionLog, record: LogRecord): PositionLog {
	if (log.items.length === log.length) {
		log.items.push(record);
		return {items: log.items, length: log.length + 1};
	}

	const items = log.items.slice(0, log.length);
	items.push(record);
	return {items, length: log.length + 1};
}

/** The log cut to the records that end at or before `position`. */
export function truncate(log: PositionLog, position: number): PositionLog {
	let length = log.length;
	while (length > 0 && log.items[length - 1]!.end > position) length--;
	return length === log.length ? log : {items: log.items, length};
}

/** Index of the record starting at `position`, or -1. */
export function indexAt(log: PositionLog, position: number): number {
	let low = 0;
	let high = log.length - 1;
	while (low <= high) {
		const middle = (low + high) >>> 1;
		const start = log.items[middle]!.start;
		if (start === position) return middle;
		if (start < position) low = middle + 1;
		else high = middle - 1;
	}

	return -1;
}

export function recordAt(log: PositionLog, position: number): LogRecord | undefined {
	const index = indexAt(log, position);
	return index < 0 ? undefined : log.items[index];
}

/** Records from `from` (a record start) up to `to` (record ends ≤ to). */
export function recordsBetween(log: PositionLog, from: number, to: number): LogRecord[] {
	const index = from === 0 ? 0 : indexAt(log, from);
	if (index < 0) return [];
	const out: LogRecord[] = [];
	for (let i = index; i < log.length && log.items[i]!.end <= to; i++) out.push(log.items[i]!);
	return out;
}

/** The latest `count` records. */
export function latestRecords(log: PositionLog, count: number): LogRecord[] {
	return log.items.slice(Math.max(0, log.length - count), log.length);
}

export function allRecords(log: PositionLog): LogRecord[] {
	return log.items.slice(0, log.length);
}
