/**
 * Log Matching, checked incrementally: only the logs an event changed, only
 * from the lowest index it changed, against every other log.
 *
 * Before the event the property held for every pair of logs (it is checked
 * after every event, and once broken it is not checked again). If logs A and
 * B are unchanged below index f, a new counterexample needs an index i ≥ f
 * where A and B have the same term; for the highest such i, A and B must
 * hold the same entries at i, i−1, … down to the first index below f where
 * they agree: below it the old property already says they are identical.
 * So the cost is the size of the change, not the length of the logs.
 */
import type {RaftLog} from '../log.js';
import type {ServerChange} from '../types.js';
import {sameEntry} from './entries.js';

export type Mismatch = {readonly a: number; readonly b: number; readonly term: number; readonly at: number; readonly differ: number};

/** The lowest index `change` says the server's log changed from, or undefined. */
function changedFrom(changes: readonly ServerChange[], server: number): number | undefined {
	for (const change of changes) if (change.server === server && change.logFrom !== null) return change.logFrom;
	return undefined;
}

export function logMismatch(logs: readonly RaftLog[], changes: readonly ServerChange[]): Mismatch | undefined {
	for (const change of changes) {
		if (change.logFrom === null) continue;
		const a = change.server;
		const logA = logs[a]!;
		for (let b = 0; b < logs.length; b++) {
			if (b === a) continue;
			const other = changedFrom(changes, b);
			// A pair where both logs changed is checked once, from the lower index.
			if (other !== undefined && (other < change.logFrom || (other === change.logFrom && b < a))) continue;
			const from = change.logFrom;
			const logB = logs[b]!;
			let at = Math.min(logA.length, logB.length);
			while (at >= from && logA.termAt(at) !== logB.termAt(at)) at--;
			if (at < from) continue;
			for (let index = at; index >= 1; index--) {
				if (!sameEntry(logA.entryAt(index)!, logB.entryAt(index)!)) return {a, b, term: logA.termAt(at), at, differ: index};
				if (index < from) break;
			}
		}
	}

	return undefined;
}
