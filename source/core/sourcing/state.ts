/**
 * The sourcing mode's state: one stream of commands feeding two pipelines,
 * command-sourced and event-sourced, side by side. Everything here is plain
 * immutable data; every history is bounded (see `limits`).
 */
import type {Balances, Ledger} from './bank.js';
import type {Code} from './code.js';
import type {Command, Sequencer} from './commands.js';
import type {Message, RecordedEvent, Schema} from './events.js';
import type {Journal} from './journal.js';
import type {Basis, Decision} from './logic.js';

export type SourcingConfig = {
	readonly seed: number;
	/** Commands per second, if --rate set it. */
	readonly rate: number | undefined;
	/** Commands each journal keeps in memory; older entries are folded into a checkpoint. */
	readonly journalLimit: number;
};

export const limits = {
	/** Recent messages kept per outbox (sent or suppressed). */
	messages: 6,
	/** Changed decisions a replay keeps in detail (it counts all of them). */
	changes: 24,
	/** Earlier replays remembered to compare a new replay with. */
	replays: 8,
	/** Code versions listed as having derived a state. */
	labels: 8,
	/** Replays take at most this many steps: longer journals re-run several commands a step. */
	replaySteps: 32,
} as const;

/** How the logic ran on one command: the decision, and the code, clock and run that produced it. */
export type Derivation = {readonly decision: Decision; readonly code: Code; readonly clock: number; readonly run: number};

/** A command-sourced journal entry: the command, and (for display and explanation) what the logic last derived from it. */
export type CommandEntry = {
	readonly command: Command;
	readonly derived: Derivation;
	/** The messages customers were sent when the command first ran (replays send none). */
	readonly told: readonly Message[];
};

export type Outbox = {readonly sent: number; readonly recent: readonly Message[]};

export type CommandSide = {
	/** Absolute index i holds command seq i + 1. */
	readonly journal: Journal<CommandEntry>;
	/** The state before the first kept entry: the opening state until the journal is trimmed. */
	readonly base: Ledger;
	readonly ledger: Ledger;
	/** Versions whose logic derived the current state (and the base's). */
	readonly derivedBy: readonly string[];
	readonly baseBy: readonly string[];
	readonly outbox: Outbox;
};

export type EventSide = {
	/** Absolute index i holds event position i + 1. */
	readonly journal: Journal<RecordedEvent>;
	readonly base: Ledger;
	readonly ledger: Ledger;
	readonly outbox: Outbox;
	/** Versions that wrote the events kept (and the checkpoint's). */
	readonly writtenBy: readonly string[];
	/** Compensating events written so far. */
	readonly compensations: number;
	/** Bug credits already compensated (event positions), so a second fix does not compensate them twice. */
	readonly compensated: readonly number[];
};

export type Snapshot = {
	/** Commands covered: the state after command #at. */
	readonly at: number;
	/** Events covered on the event-sourced side. */
	readonly eventsAt: number;
	readonly clock: number;
	readonly commandLedger: Ledger;
	readonly eventLedger: Ledger;
	/** The versions whose logic derived the command-sourced state it holds. */
	readonly madeBy: readonly string[];
	/** The code deployed when it was taken. */
	readonly deployed: Code;
};

/** Why a replayed decision differs from the one derived before: the rule that changed, or only the state it was decided on. */
export type CauseKind = 'overdraft' | 'rate' | 'clock' | 'random' | 'bug' | 'state';

export type Change = {
	readonly command: Command;
	readonly causes: readonly CauseKind[];
	readonly oldCode: Code;
	readonly newCode: Code;
	readonly old: Basis;
	readonly now: Basis;
	readonly oldEffect: readonly number[];
	readonly newEffect: readonly number[];
	/** Accounts whose balance this command moves differently now. */
	readonly accounts: readonly number[];
	/** The bank clock when the replay re-ran it, and when it was derived before. */
	readonly clock: number;
	readonly oldClock: number;
	/** The two outcomes as the journal shows them ("✗", "✓", "+0 +3 +0 +3"). */
	readonly oldOutcome: string;
	readonly newOutcome: string;
};

export type ReplayFrom = 'empty' | 'snapshot' | 'checkpoint';

export type Replay = {
	readonly number: number;
	readonly from: ReplayFrom;
	readonly code: Code;
	readonly startClock: number;
	/** Commands per step. */
	readonly pace: number;
	readonly cmd: {
		/** Commands already in the starting state. */
		readonly startSeq: number;
		readonly endSeq: number;
		/** Commands re-run so far (the last one's seq). */
		readonly doneSeq: number;
		readonly before: Ledger;
		readonly ledger: Ledger;
		readonly startBy: readonly string[];
		/** New derivations, for commands startSeq + 1 … doneSeq. */
		readonly derived: readonly Derivation[];
		readonly suppressed: Outbox;
		/** Messages customers were sent that the re-derived history no longer produces. */
		readonly contradicted: number;
		readonly contradiction?: {readonly told: Message; readonly now: readonly Message[]};
		readonly changed: number;
		readonly changes: readonly Change[];
		/** The earliest change that moved each account's balance differently. */
		readonly firstChange: ReadonlyArray<Change | undefined>;
		readonly changesPerAccount: readonly number[];
	};
	readonly evt: {
		readonly startPosition: number;
		readonly endPosition: number;
		readonly donePosition: number;
		readonly before: Ledger;
		readonly ledger: Ledger;
		readonly upcast: number;
		readonly suppressed: Outbox;
	};
};

export type AccountChange = {readonly account: number; readonly before: number; readonly after: number; readonly first?: Change; readonly changes: number};

export type ReplayReport = {
	readonly number: number;
	readonly from: ReplayFrom;
	readonly code: Code;
	readonly startSeq: number;
	readonly endSeq: number;
	readonly startClock: number;
	readonly endClock: number;
	/** Versions that derived the starting state (a snapshot's or checkpoint's). */
	readonly startBy: readonly string[];
	readonly cmd: {
		readonly before: Ledger;
		readonly after: Ledger;
		readonly accounts: readonly AccountChange[];
		readonly decisionsChanged: number;
		readonly changes: readonly Change[];
		readonly suppressed: number;
		readonly contradicted: number;
		readonly contradiction?: {readonly told: Message; readonly now: readonly Message[]};
	};
	readonly evt: {readonly before: Ledger; readonly after: Ledger; readonly applied: number; readonly upcast: number; readonly suppressed: number};
	/** The latest earlier replay of the same commands from the same start under the same code, if any. */
	readonly comparison?: {readonly other: number; readonly otherClock: number; readonly agree: boolean; readonly differing: readonly number[]; readonly otherBalances: Balances};
};

/** A finished replay, remembered to compare later replays with. */
export type ReplayOutcome = {readonly number: number; readonly key: string; readonly balances: Balances; readonly startClock: number};

/** Why the two pipelines stopped agreeing. */
export type Divergence =
	| {readonly origin: 'replay'; readonly number: number; readonly code: Code}
	| {readonly origin: 'fix'; readonly corrections: number}
	| {readonly origin: 'live'; readonly seq: number};

/** What the lines under the columns explain: the last replay, fix, deploy, schema change or toggle. */
export type Story =
	| {readonly kind: 'none'}
	| {readonly kind: 'replay'; readonly report: ReplayReport}
	| {readonly kind: 'fix'; readonly at: number; readonly corrections: ReadonlyArray<{readonly account: number; readonly amount: number; readonly of: number}>; readonly code: Code}
	| {readonly kind: 'deploy'; readonly from: Code; readonly to: Code; readonly at: number}
	| {readonly kind: 'schema'; readonly oldEvents: number; readonly at: number}
	| {readonly kind: 'inputs'; readonly code: Code; readonly changed: 'clock' | 'random'; readonly at: number};

/** What just happened, for the event line and --trace. */
export type Note =
	| {readonly kind: 'start'}
	| {readonly kind: 'command'; readonly command: Command; readonly cmd: Decision; readonly evt: Decision; readonly positions: readonly [number, number]}
	| {
			readonly kind: 'replay-step';
			readonly number: number;
			readonly seqs: readonly [number, number];
			readonly changed: readonly number[];
			readonly events: readonly [number, number];
			readonly upcast: number;
			readonly finished: boolean;
	  }
	| {readonly kind: 'action'; readonly text: string}
	| {readonly kind: 'refused'; readonly text: string};

export type SourcingState = {
	readonly config: SourcingConfig;
	/** Steps handled: commands and replay steps (the mode's virtual time). */
	readonly time: number;
	/** The bank clock, in minutes. */
	readonly clock: number;
	readonly sequencer: Sequencer;
	readonly code: Code;
	readonly schema: Schema;
	readonly cmd: CommandSide;
	readonly evt: EventSide;
	readonly snapshot?: Snapshot;
	readonly replay?: Replay;
	/** Replays started so far (replay n runs as run n: its own random draws). */
	readonly replays: number;
	readonly history: readonly ReplayOutcome[];
	readonly lastReport?: ReplayReport;
	readonly divergence?: Divergence;
	readonly story: Story;
	readonly note: Note;
};

