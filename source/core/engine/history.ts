/**
 * What makes step back exact: a run is its initial state plus the log of what
 * happened to it (advances of time and the user's actions). Going back one
 * step re-runs the log, less its last advance, from the nearest snapshot.
 *
 * The log grows only with the user's actions: consecutive advances are one
 * entry with a count. Snapshots are taken at least `snapshotEvery` events
 * apart and thinned when there are too many (the older ones, kept evenly
 * spread), so memory stays bounded. A step back that has to replay a long
 * stretch takes snapshots along it, so the steps back after it are instant
 * again: holding b replays each event about once, not once per step.
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

/** Whether there is anything to step back over: an advance, or an action taken at the start (which b undoes). */
export function canStepBack<S, A>(history: History<S, A>): boolean {
	return history.entries.length > 0;
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
	const kept = history.snapshots.filter(snapshot => snapshot.entry < lastAdvance || (snapshot.entry === lastAdvance && snapshot.offset <= count));
	const {state, snapshots} = replay(mode.inner ?? mode, entries, kept.at(-1) ?? start(history.initial), kept);
	return {history: {initial: history.initial, entries, snapshots, events: history.events - 1}, state};
}

const start = <S>(initial: S): Snapshot<S> => ({entry: 0, offset: 0, events: 0, state: initial});

/**
 * Re-runs `entries` from the snapshot `from`, taking a snapshot every
 * `snapshotEvery` events on the way (added to `snapshots`, then thinned).
 */
function replay<S, A>(mode: AnyMode, entries: ReadonlyArray<Entry<A>>, from: Snapshot<S>, snapshots: ReadonlyArray<Snapshot<S>>): {state: S; snapshots: ReadonlyArray<Snapshot<S>>} {
	let current: unknown = from.state;
	let {events} = from;
	const taken = [...snapshots];
	let lastTaken = taken.at(-1)?.events ?? 0;
	for (let i = from.entry; i < entries.length; i++) {
		const entry = entries[i]!;
		if (entry.kind === 'action') {
			current = mode.apply(current, entry.action);
			continue;
		}

		for (let done = i === from.entry ? from.offset : 0; done < entry.count; ) {
			const chunk = Math.min(entry.count - done, snapshotEvery);
			current = mode.advance(current, chunk);
			done += chunk;
			events += chunk;
			if (events - lastTaken >= snapshotEvery) {
				taken.push({entry: i, offset: done, events, state: current as S});
				lastTaken = events;
			}
		}
	}

	return {state: current as S, snapshots: taken.length === snapshots.length ? snapshots : thin(taken)};
}

/** The whole run again from its initial state: what a bug report or a scenario replays. */
export function replayAll<S, A>(history: History<S, A>, mode: AnyMode): S {
	return replay(mode, history.entries, start(history.initial), []).state;
}

/**
 * At most maxSnapshots: the newest half stays as it is (stepping back a few
 * events is the common case); in the older half the snapshots closest together
 * go first, so the rest stay evenly spread and no stretch of the run is far
 * from one. Thins to three quarters, so it is not redone for every snapshot.
 */
function thin<S>(snapshots: Array<Snapshot<S>>): Array<Snapshot<S>> {
	if (snapshots.length <= maxSnapshots) return snapshots;
	const kept = [...snapshots];
	const dense = Math.floor(maxSnapshots / 2);
	while (kept.length > maxSnapshots - Math.floor(maxSnapshots / 4)) {
		let drop = 0;
		let smallest = Number.POSITIVE_INFINITY;
		for (let i = 0; i < kept.length - dense; i++) {
			// The stretch without a snapshot if this one went.
			const gap = kept[i + 1]!.events - (i === 0 ? 0 : kept[i - 1]!.events);
			if (gap < smallest) {
				smallest = gap;
				drop = i;
			}
		}

		kept.splice(drop, 1);
	}

	return kept;
}
