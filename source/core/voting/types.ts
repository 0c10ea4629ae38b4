import type {FaultType, ScheduledFault} from './fault.js';
import type {Model} from '../models/model.js';

/**
 * skipped: the input was not applied; late/early: applied after/before its turn
 * (lag, reorder); replayed: applied by a repair catching up; transfer: the
 * majority's state copied in; rebuilt: the state rebuilt by replaying the input
 * log from #1; corrupted: the state silently altered; nondet: applied with a
 * reading of the (simulated) clock.
 */
export type TransitionNote = 'skipped' | 'late' | 'early' | 'replayed' | 'transfer' | 'rebuilt' | 'corrupted' | 'nondet';

/** One step of one replica's history, described lazily for display. */
export type Transition = {
	readonly index: number;
	readonly input: unknown;
	readonly before: unknown;
	readonly after: unknown;
	readonly note?: TransitionNote;
	/** On the late half of a reordered pair: whether the two inputs give the same state in either order. */
	readonly commutes?: boolean;
	/** On a non-deterministic transition: the simulated clock reading (0–999 ms) it used. */
	readonly reading?: number;
};

export type ActiveFaults = {
	readonly skipNext: boolean;
	readonly flaky: boolean;
	readonly lag: boolean;
	readonly reorder: boolean;
	readonly nondet: boolean;
};

/** A fault injected (or a repair made) just before input `beforeInput` arrived. */
export type FaultRecord = {readonly type: FaultType | 'repair'; readonly beforeInput: number};

/**
 * What the decided votes say about one replica, folded in index order. A run
 * is a stretch of consecutive decided votes where it agreed (or disagreed)
 * every time.
 */
export type Standing = {
	/** The latest decided input index this replica reported a state for; null before any. */
	readonly checked: number | null;
	/** Whether its state agreed with the decided value at `checked` (false when `checked` is null). */
	readonly agrees: boolean;
	/** The first index of its current run (agreeing or disagreeing); null when `checked` is. */
	readonly runStart: number | null;
	/** The first index where it ever disagreed with a decided value. */
	readonly firstDivergence: number | null;
	/** The latest run of disagreement, `from`…`to` (still going on when `agrees` is false). */
	readonly lastDivergence: {readonly from: number; readonly to: number} | null;
};

export type ReplicaState = {
	readonly id: number;
	readonly name: string;
	readonly state: unknown;
	readonly digest: number;
	/** The index of the last input applied (or skipped); 0 before the first. */
	readonly applied: number;
	readonly crashed: boolean;
	readonly faults: ActiveFaults;
	readonly recent: readonly Transition[];
	readonly history: readonly FaultRecord[];
	/** What the votes that have closed say about it (standingOf folds in the open ones). */
	readonly settled: Standing;
};

/** What each replica reported after applying one input, and what the majority decided. */
export type VoteRecord = {
	readonly index: number;
	readonly digests: ReadonlyArray<number | undefined>;
	readonly states: readonly unknown[];
	readonly decided: {readonly digest: number; readonly state: unknown; readonly count: number} | null;
};

/** Something that happened to a replica; `short` says it in fewer words where the event line is narrow. */
export type SimEvent = {readonly index: number; readonly text: string; readonly short?: string};

export type SimConfig = {
	readonly model: string;
	readonly replicas: number;
	readonly seed: number;
	readonly faults: readonly ScheduledFault[];
};

export type SimState = {
	readonly config: SimConfig;
	readonly model: Model;
	/** The index of the last input issued to the replicas; 0 before the first. */
	readonly index: number;
	readonly replicas: readonly ReplicaState[];
	/** Faults still to inject, in index order. */
	readonly scheduled: readonly ScheduledFault[];
	/** Votes still open to late replicas, oldest first, consecutive, the last at `index` (#0: the initial state). */
	readonly votes: readonly VoteRecord[];
	/** The latest decided vote, open or closed. */
	readonly lastDecision: VoteRecord | null;
	/** Counts injected faults, so each corruption draws afresh. */
	readonly serial: number;
	readonly events: readonly SimEvent[];
};

export type SimAction =
	| {readonly type: 'input'; readonly count?: number}
	| {readonly type: 'inject'; readonly replica: number; readonly fault: FaultType}
	| {readonly type: 'repair'; readonly replica: number};
