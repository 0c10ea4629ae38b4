import type {Entry} from '../log.js';

/**
 * Whether two log entries are the same entry: the same term and client
 * request (a request is appended at most once); entries written by the
 * set-up verb have no request and are the same when their commands are.
 */
export function sameEntry(a: Entry, b: Entry): boolean {
	if (a === b) return true;
	if (a.term !== b.term || a.request !== b.request) return false;
	return a.request > 0 || JSON.stringify(a.input) === JSON.stringify(b.input);
}

/** An entry's identity as text (for comparing in tests and claims). */
export function entryKey(entry: Entry): string {
	return entry.request > 0 ? `${entry.term}#${entry.request}` : `${entry.term}:${JSON.stringify(entry.input)}`;
}

/** "t2 #7" (a client request) or "t2" (a set-up entry), for counterexamples. */
export function entryLabel(entry: Entry): string {
	return entry.request > 0 ? `t${entry.term} #${entry.request}` : `t${entry.term}`;
}
