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
/** How many of the user's actions step back would undo along with the last advance. */
export function actionsSinceLastAdvance<S, A>(history: History<S, A>): number {
	const lastAdvance = history.entries.findLastIndex(entry => entry.kind === 'advance');
	return history.entries.length - 1 - lastAdvance;
}

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

/** Where `history` stands, as a snapshot of `state` (which must be the state its entries lead to). */
export function snapshotAt<S, A>(history: History<S, A>, state: S): Snapshot<S> {
	const last = history.entries.length - 1;
	const entry = history.entries[last];
	if (entry?.kind === 'advance') return {entry: last, offset: entry.count, events: history.events, state};
	return {entry: last + 1, offset: 0, events: history.events, state};
}

/**
 * The first `events` events of `run` and every action taken before the event
 * after them: the run as it stood when its event `events + 1` was next (what
 * stepping there shows). `events` is at most run.events.
 */
export function prefixEntries<A>(run: History<unknown, A>, events: number): Array<Entry<A>> {
	const kept: Array<Entry<A>> = [];
	let handled = 0;
	for (const entry of run.entries) {
		if (entry.kind === 'action') {
			kept.push(entry);
			continue;
		}

		if (handled >= events) break;
		const count = Math.min(entry.count, events - handled);
		kept.push(count === entry.count ? entry : {kind: 'advance', count});
		handled += count;
		if (count < entry.count) break;
	}

	return kept;
}

/** Whether `history` is `run` so far: the same entries (actions the very same), its last advance no longer than the run's. */
export function isPrefixOf<S, A>(history: History<S, A>, run: History<S, A>): boolean {
	const {entries} = history;
	if (entries.length > run.entries.length || history.events > run.events) return false;
	for (let i = 0; i < entries.length; i++) {
		const mine = entries[i]!;
		const theirs = run.entries[i]!;
		if (mine.kind !== theirs.kind) return false;
		if (mine.kind === 'action' ? mine.action !== (theirs as typeof mine).action : mine.count > (theirs as typeof mine).count || (i < entries.length - 1 && mine.count !== (theirs as typeof mine).count)) return false;
	}

	return true;
}

/** Whether `history` is all of `run` (nothing of it lies ahead). */
export function reachesEnd<S, A>(history: History<S, A>, run: History<S, A>): boolean {
	return history.events === run.events && history.entries.length === run.entries.length;
}

/**
 * The state at event `events` of `run` (see prefixEntries), replayed from the
 * nearest snapshot at or before it (or from `from`, the state a prefix of the
 * run reached, when that is nearer). Returns the history that led there, and
 * the run with the snapshots taken on the way, so that moving about near the
 * same place again is quick.
 */
export function historyAt<S, A>(run: History<S, A>, events: number, mode: AnyMode, from?: {readonly history: History<S, A>; readonly state: S}): {history: History<S, A>; run: History<S, A>; state: S} {
	const target = Math.max(0, Math.min(events, run.events));
	const entries = prefixEntries(run, target);
	// The current state and its snapshots lie on the way when its history is a prefix of the target's.
	const onTheWay = from !== undefined && from.history.events <= target && isPrefixOf(from.history, {...run, entries, events: target});
	const known = mergeSnapshots(run.snapshots, onTheWay ? from.history.snapshots : []);
	const kept = known.filter(snapshot => snapshot.events <= target);
	let origin = kept.at(-1) ?? start(run.initial);
	if (onTheWay && from.history.events >= origin.events) origin = snapshotAt(from.history, from.state);
	const {state, snapshots} = replay(mode.inner ?? mode, entries, origin, kept);
	return {
		history: {initial: run.initial, entries, snapshots, events: target},
		run: {...run, snapshots: snapshots === kept && known === run.snapshots ? run.snapshots : mergeSnapshots(known, snapshots)},
		state,
	};
}

/** Two lists of snapshots of one run as one, in order, each place once, thinned. */
function mergeSnapshots<S>(first: ReadonlyArray<Snapshot<S>>, second: ReadonlyArray<Snapshot<S>>): ReadonlyArray<Snapshot<S>> {
	if (second.length === 0) return first;
	const byEvents = new Map<number, Snapshot<S>>();
	for (const snapshot of [...first, ...second]) if (!byEvents.has(snapshot.events)) byEvents.set(snapshot.events, snapshot);
	return thin([...byEvents.values()].sort((a, b) => a.events - b.events));
}

/**
 * The number of events of `run` after which `stop` first holds (checked where
 * each event is next, once the actions before it are taken), or run.events if
 * it never does. Walks the run one event at a time from the latest snapshot
 * for which `from` holds (`from` must hold for a stretch and then stop holding, like "time ≤ T").
 */
export function firstEventWhere<S, A>(run: History<S, A>, mode: AnyMode, from: (state: S) => boolean, stop: (state: S) => boolean): number {
	const inner = mode.inner ?? mode;
	const origin = run.snapshots.findLast(snapshot => from(snapshot.state)) ?? start(run.initial);
	let state: unknown = origin.state;
	let {events} = origin;
	for (let i = origin.entry; i < run.entries.length; i++) {
		const entry = run.entries[i]!;
		if (entry.kind === 'action') {
			state = inner.apply(state, entry.action);
			continue;
		}

		for (let done = i === origin.entry ? origin.offset : 0; done < entry.count; done++) {
			// Actions taken right after the previous event come before this check (they are in the entries already applied).
			if (stop(state as S)) return events;
			state = inner.advance(state, 1);
			events++;
		}
	}

	return stop(state as S) ? events : run.events;
}

/** Where the first of `run`'s actions taken after event `events` stands (the events before it), or Infinity if none is. */
export function nextActionAfter<S, A>(run: History<S, A>, events: number): number {
	let handled = 0;
	for (const entry of run.entries) {
		if (entry.kind === 'advance') handled += entry.count;
		else if (handled > events) return handled;
	}

	return Number.POSITIVE_INFINITY;
}
