import type {FaultType, ScheduledFault} from './fault.js';
import type {Model} from './model.js';

export type TransitionNote = 'skipped' | 'late' | 'early' | 'replayed' | 'transfer' | 'corrupted';

/** One step of one replica's history, described lazily for display. */
export type Transition = {
	readonly index: number;
	readonly input: unknown;
	readonly before: unknown;
	readonly after: unknown;
	readonly note?: TransitionNote;
};

export type ActiveFaults = {
	readonly skipNext: boolean;
	readonly flaky: boolean;
	readonly lag: boolean;
	readonly reorder: boolean;
};

/** `at`: the first input index the fault (or repair) can affect. */
export type FaultRecord = {readonly type: FaultType | 'repair'; readonly at: number};

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
	/** The first index where this replica disagreed with a decided value, until repaired. */
	readonly firstDivergence: number | null;
	/** The latest comparison of this replica with a decided value. */
	readonly check: {readonly index: number; readonly agrees: boolean} | null;
};

/** What each replica reported after applying one input, and what the majority decided. */
export type VoteRecord = {
	readonly index: number;
	readonly digests: ReadonlyArray<number | undefined>;
	readonly states: readonly unknown[];
	readonly decided: {readonly digest: number; readonly state: unknown; readonly count: number} | null;
};

export type SimEvent = {readonly index: number; readonly text: string};

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
	/** Votes still open to late replicas, oldest first. */
	readonly votes: readonly VoteRecord[];
	readonly lastDecision: VoteRecord | null;
	/** Counts injected faults, so each corruption draws afresh. */
	readonly serial: number;
	readonly events: readonly SimEvent[];
};

export type SimAction =
	| {readonly type: 'input'; readonly count?: number}
	| {readonly type: 'inject'; readonly replica: number; readonly fault: FaultType}
	| {readonly type: 'repair'; readonly replica: number};
