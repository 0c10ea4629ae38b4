import type {Transition} from './types.js';

/** Rows kept from the previous page when the history turns over, for context. */
const contextRows = 3;

/**
 * The transitions a column shows, oldest first, newest at the bottom, like a
 * log. New lines fill the box downwards; when it is full the page turns and the
 * last few lines move to the top. Between turns each input changes one row, so
 * the terminal redraws a line or two per replica rather than the whole box.
 */
export function historyWindow(recent: readonly Transition[], rows: number): readonly Transition[] {
	if (rows <= 0 || recent.length === 0) return [];
	const newest = recent.at(-1)!.index;
	const keep = Math.min(contextRows, rows - 1);
	const turn = rows - keep;
	const page = Math.max(0, Math.ceil((newest - rows) / turn));
	const first = page === 0 ? Number.NEGATIVE_INFINITY : page * turn + 1;
	const shown = recent.filter(transition => transition.index >= first);
	return shown.length > rows ? shown.slice(-rows) : shown;
}
