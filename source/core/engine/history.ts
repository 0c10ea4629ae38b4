/**
 * What makes step back exact: a run is its initial state plus the log of what
 * happened to it (advances of time and the user's actions). Going back one
 * step re-runs the log, less its last advance, from the nearest snapshot.
 *
 * The log grows only with the user's actions: consecutive advances are one
 * entry with a count. Snapshots are taken at least `snapshotEvery` events
 * apart and thinned when there are too many, so memory stays bounded and
 * stepping back near the end replays at most a few hundred events.
 */
import type {AnyMode} from './mode.js';

export type Entry<A> = {readonly kind: 'advance'; readonly count: number} | {readonly kind: 'action'; readonly action: A};

/** The state after the first `offset` advances of entry `entry` (entries before it complete). */
type Snapshot<S> = {readonly entry: number; readonly offset: number; readonly events: number; readonly state: S};

export type History<S, A> = {
	readonly initial: S;
	readonly entries: ReadonlyArray<Entry<A>>;
	readonly snapshots: ReadonlyArray<Snapshot<S>>;
	/** Events (advances) handled since the start. */
	readonly events: number;
};

export const snapshotEvery = 256;
export const maxSnapshots = 48;

export function createHistory<S, A>(initial: S): History<S, A> {
	return {initial, entries: [], snapshots: [], events: 0};
}

/** The history after `count` more advances, which brought the run to `state`. */
export function recordAdvance<S, A>(history: History<S, A>, count: number, state: S): History<S, A> {
	if (count <= 0) return history;
	const last = history.entries.at(-1);
	const entries =
		last?.kind === 'advance'
			? [...history.entries.slice(0, -1), {kind: 'advance' as const, count: last.count + count}]
			: [...history.entries, {kind: 'advance' as const, count}];
	const events = history.events + count;
	const lastEntry = entries.length - 1;
	const previous = history.snapshots.at(-1)?.events ?? 0;
	const snapshots =
		events - previous >= snapshotEvery
			? thin([...history.snapshots, {entry: lastEntry, offset: (entries[lastEntry] as {count: number}).count, events, state}])
			: history.snapshots;
	return {...history, entries, events, snapshots};
}

/** The history after a user action. */
export function recordAction<S, A>(history: History<S, A>, action: A): History<S, A> {
	return {...history, entries: [...history.entries, {kind: 'action', action}]};
}

/** Whether there is an advance to step back over. */
export function canStepBack<S, A>(history: History<S, A>): boolean {
	return history.events > 0;
}

/**
 * One event back: the state just before the last advance, with every action
 * taken after it undone too. Without any advance it is the initial state.
 */
export function stepBack<S, A>(history: History<S, A>, mode: AnyMode): {history: History<S, A>; state: S} {
	const lastAdvance = history.entries.findLastIndex(entry => entry.kind === 'advance');
	if (lastAdvance < 0) return {history: createHistory(history.initial), state: history.initial};
	const count = (history.entries[lastAdvance] as {count: number}).count - 1;
	const entries = history.entries.slice(0, lastAdvance);
	if (count > 0) entries.push({kind: 'advance', count});
	const snapshots = history.snapshots.filter(snapshot => snapshot.entry < lastAdvance || (snapshot.entry === lastAdvance && snapshot.offset <= count));
	const from = snapshots.at(-1);
	const state = replay(mode, entries, from?.state ?? history.initial, from?.entry ?? 0, from?.offset ?? 0) as S;
	return {history: {initial: history.initial, entries, snapshots, events: history.events - 1}, state};
}

/** Re-runs `entries` from `state`, which is the state after `offset` advances of entry `start`. */
function replay<A>(mode: AnyMode, entries: ReadonlyArray<Entry<A>>, state: unknown, start: number, offset: number): unknown {
	let current = state;
	for (let i = start; i < entries.length; i++) {
		const entry = entries[i]!;
		if (entry.kind === 'advance') {
			const remaining = entry.count - (i === start ? offset : 0);
			if (remaining > 0) current = mode.advance(current, remaining);
		} else if (!(i === start && offset > 0)) {
			current = mode.apply(current, entry.action);
		}
	}

	return current;
}

/** The whole run again from its initial state: what a bug report or a scenario replays. */
export function replayAll<S, A>(history: History<S, A>, mode: AnyMode): S {
	return replay(mode, history.entries, history.initial, 0, 0) as S;
}

/** Keeps the newest half dense and drops every other snapshot of the older half. */
function thin<S>(snapshots: Array<Snapshot<S>>): Array<Snapshot<S>> {
	if (snapshots.length <= maxSnapshots) return snapshots;
	const half = Math.floor(snapshots.length / 2);
	return [...snapshots.slice(0, half).filter((_, i) => i % 2 === 1), ...snapshots.slice(half)];
}
