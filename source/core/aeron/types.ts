/**
 * The Aeron Cluster mode's state, as plain immutable data (notes: /work/shared
 * notes/aeron.md; docs/aeron.md says what is simplified and what was chosen).
 */
import type {NetFault} from '../net/faults.js';
import type {NetMessage} from '../net/message.js';
import type {Network} from '../net/network.js';
import type {EventQueue} from '../engine/event-queue.js';
import type {Recent} from '../engine/recent.js';
import type {Model} from '../models/model.js';
import type {PositionLog} from './log.js';

/** Rules that can be broken on purpose, each to watch one safety lamp go out. */
export const bugNames = ['commit-without-own', 'service-past-commit', 'follower-timers', 'skip-replication-wait', 'no-truncation'] as const;
export type BugName = (typeof bugNames)[number];

/** Ways a service can be non-deterministic (the determinism switches). */
export const impurityNames = ['wall-clock', 'random', 'map-order'] as const;
export type Impurity = (typeof impurityNames)[number];

export type Timings = {
	/** Leader sends CommitPosition (the heartbeat) at least this often; followers send AppendPosition as often. */
	readonly heartbeatInterval: number;
	/** Followers start an election after this long without the leader; a leader steps down after this long without a quorum. */
	readonly heartbeatTimeout: number;
	/** A ballot lasts this long; the nomination delay is drawn from [0, electionTimeout/2). */
	readonly electionTimeout: number;
	/** CanvassPosition is re-sent this often. */
	readonly statusInterval: number;
	/** At a cold start, canvass this long unless every member is heard. */
	readonly startupCanvass: number;
};

export type AeronConfig = {
	readonly members: number;
	readonly seed: number;
	readonly model: string;
	/** Aeron's own defaults (10 s heartbeat timeout…) instead of the scaled ones. */
	readonly realDefaults: boolean;
	readonly timings: Timings;
	/** One-way latency drawn from [latencyMin, latencyMax] ms. */
	readonly latencyMin: number;
	readonly latencyMax: number;
	/** Ms an archive takes to record one frame (a slow archive: × slowFactor). */
	readonly archiveMs: number;
	/** Mean ms between automatic client requests; 0: only requests you send. */
	readonly workload: number;
	/** At most this many automatic requests in a run (bounds every log). */
	readonly requests: number;
	readonly bugs: readonly BugName[];
	readonly speed?: number;
};

export type RecordType = 'message' | 'schedule' | 'timer' | 'action' | 'new-term';

/** One log record (an Aeron frame), addressed by byte position: [start, end). */
export type LogRecord = {
	readonly type: RecordType;
	readonly start: number;
	readonly end: number;
	/** The leadership term it was appended in. */
	readonly term: number;
	/** The appending leader's cluster time (ms). */
	readonly timestamp: number;
	/** message: the client request number and model input; schedule: a timer id and delay; timer: the timer id. */
	readonly request?: number;
	readonly input?: unknown;
	readonly timer?: number;
	readonly delay?: number;
	readonly leader?: number;
};

export type ElectionState =
	| 'init'
	| 'canvass'
	| 'nominate'
	| 'candidate-ballot'
	| 'follower-ballot'
	| 'leader-log-replication'
	| 'leader-replay'
	| 'leader-ready'
	| 'follower-log-replication'
	| 'follower-replay'
	| 'follower-catchup'
	| 'follower-ready'
	| 'closed';

export type Role = 'leader' | 'follower' | 'candidate' | 'down';

export type RecordingEntry = {readonly kind: 'term'; readonly term: number; readonly base: number} | {readonly kind: 'snapshot'; readonly term: number; readonly position: number};

export type Snapshot = {readonly position: number; readonly term: number; readonly machine: unknown; readonly time: number; readonly timers: readonly ClusterTimer[]; readonly digest: number; readonly applied: number};

export type ClusterTimer = {readonly id: number; readonly deadline: number};

/** What a member's service has processed. */
export type Service = {
	readonly position: number;
	readonly machine: unknown;
	/** Cluster time: the timestamp of the last record processed. */
	readonly time: number;
	/** A running hash of every record processed and its result (same records at same positions → same digest). */
	readonly digest: number;
	readonly applied: number;
};

export type Member = {
	readonly id: number;
	// Durable: the archive (recording), recording log, snapshots, node-state candidate term.
	readonly log: PositionLog;
	readonly recordingLog: readonly RecordingEntry[];
	readonly snapshots: readonly Snapshot[];
	readonly candidateTermId: number;
	// In memory.
	readonly role: Role;
	readonly election: ElectionState;
	/** The term this member follows or leads (-1 before any). */
	readonly term: number;
	readonly leader: number | null;
	/** Received from the log stream but not yet recorded by the archive. */
	readonly pending: readonly LogRecord[];
	readonly commit: number;
	/** The last CommitPosition heard from the leader. */
	readonly leaderCommit: number;
	readonly service: Service;
	readonly timers: readonly ClusterTimer[];
	/** Leader: TimerEvents appended but not yet committed. */
	readonly uncommittedTimers: readonly ClusterTimer[];
	/** Leader: AppendPosition per member (own = recorded), -1 unknown, and when last heard. */
	readonly positions: readonly number[];
	readonly heardAt: readonly number[];
	/** Leader: when each follower's position last advanced (a stalled stream is resent from it). */
	readonly stalledSince: readonly number[];
	/** Leader: next position to stream to each follower (-1: not streaming), why, and up to where. */
	readonly streamFrom: readonly number[];
	readonly streamKind: readonly StreamKind[];
	/** Canvass: each member's reported (logTerm, position), or null. */
	readonly canvass: ReadonlyArray<{readonly logTerm: number; readonly position: number} | null>;
	/** Candidate: votes, one entry per member: true yes, false no, null none. */
	readonly votes: ReadonlyArray<boolean | null>;
	/** When this member last heard its leader (follower) — heartbeat timeout from here. */
	readonly leaderHeardAt: number;
	/** The election's deadline (canvass resend, nomination, ballot), or null. */
	readonly deadline: number | null;
	/** When the current election state started (for the canvass deadline). */
	readonly stateSince: number;
	readonly startup: boolean;
	/** Truncation happens at most once per election. */
	readonly truncated: boolean;
	/** Election: the new term's base position and the leader's log position (from NewLeadershipTerm). */
	readonly termBase: number;
	readonly target: number;
	/** Leader: suspended for a snapshot (no appends until its own service took it). */
	readonly snapshotting: boolean;
	/** Leader: ingress received while appends are suspended. */
	readonly ingress: readonly IngressItem[];
	/** A slow archive (records slowFactor times slower). */
	readonly slow: boolean;
	readonly archiveBusy: boolean;
	/** Sends on each link (for latency draws). */
	readonly sends: number;
	readonly draws: number;
};

export type StreamKind = 'live' | 'catch-up' | 'replication';

export type IngressItem = {readonly request: number; readonly input?: unknown; readonly timer?: number; readonly delay?: number};

export type Message =
	| {readonly type: 'CanvassPosition'; readonly logTerm: number; readonly position: number; readonly term: number}
	| {readonly type: 'RequestVote'; readonly logTerm: number; readonly position: number; readonly candidateTerm: number}
	| {readonly type: 'Vote'; readonly candidateTerm: number; readonly logTerm: number; readonly position: number; readonly vote: boolean}
	| {readonly type: 'NewLeadershipTerm'; readonly logTerm: number; readonly nextTermBase: number; readonly term: number; readonly termBase: number; readonly position: number; readonly commit: number; readonly timestamp: number}
	| {readonly type: 'AppendPosition'; readonly term: number; readonly position: number; readonly catchup: boolean}
	| {readonly type: 'CommitPosition'; readonly term: number; readonly position: number}
	| {readonly type: 'CatchupPosition'; readonly term: number; readonly position: number}
	| {readonly type: 'StopCatchup'; readonly term: number}
	| {readonly type: 'Replicate'; readonly term: number; readonly position: number; readonly to: number}
	| {readonly type: 'Log'; readonly record: LogRecord; readonly kind: StreamKind}
	| {readonly type: 'Ingress'; readonly item: IngressItem}
	| {readonly type: 'Egress'; readonly request: number; readonly result: string; readonly position: number}
	| {readonly type: 'NewLeaderEvent'; readonly term: number; readonly leader: number};

export type MessageType = Message['type'];

/** A message in flight on the shared network (source/core/net/). */
export type Envelope = NetMessage<Message>;

export type AeronEvent =
	| {readonly kind: 'deliver'; readonly message: Envelope}
	| {readonly kind: 'archive'; readonly member: number}
	| {readonly kind: 'election'; readonly member: number}
	| {readonly kind: 'heartbeat'; readonly member: number}
	| {readonly kind: 'liveness'; readonly member: number}
	| {readonly kind: 'timer'; readonly member: number}
	| {readonly kind: 'workload'};

/** The client (index `members` in link tables). */
export type Client = {readonly nextRequest: number; readonly automatic: number; readonly leaderGuess: number; readonly sent: number; readonly replies: number; readonly lastReply: string | null; readonly draws: number; readonly nextTimer: number};

/** The first record at which two services' digests differ, and why. */
export type Divergence = {readonly member: number; readonly position: number; readonly record: string; readonly why: string};

/** A message's arrow on the space-time diagram: it arrived, was lost on the way, or was dropped by hand. */
export type EventArrow = {readonly from: number; readonly to: number; readonly end: 'arrived' | 'lost' | 'dropped'; readonly labels: readonly string[]};

/** One event or action in words; `action` marks the user's (or a scenario's) actions; `arrow` the message it delivered, lost or dropped. */
export type EventLine = {readonly n: number; readonly time: number; readonly kind: string; readonly member: number | null; readonly text: string; readonly action?: boolean; readonly arrow?: EventArrow};

export type AeronState = {
	readonly config: AeronConfig;
	readonly model: Model;
	readonly time: number;
	readonly events: number;
	readonly queue: EventQueue<AeronEvent>;
	readonly members: readonly Member[];
	readonly client: Client;
	/** The links between members: cut, loss, slowness (the client, id n, reaches everyone). */
	readonly network: Network;
	/** The latest delivery time scheduled on each link (links are FIFO). */
	readonly linkClear: readonly number[];
	readonly nextMessageId: number;
	readonly impurity: Impurity | null;
	readonly divergence: Divergence | null;
	/** Recent processed positions: the service digest and the record's identity there, from the first member to get there. */
	readonly digestAt: ReadonlyArray<readonly [position: number, digest: number, record: string]>;
	/** The safety lamps: undefined while green, else the first counterexample. */
	readonly lamps: Lamps;
	/** The lamp the last event or action turned red, if it did (the fuzzer stops there). */
	readonly fresh: {readonly property: LampName; readonly event: number; readonly time: number; readonly text: string} | undefined;
	/** The highest commit position any member has had. */
	readonly committed: number;
	readonly last: EventLine;
	/** Members the last event or action changed, and how each one's log changed (records kept, records added). */
	readonly changed: ReadonlyArray<{readonly member: number; readonly keep: number; readonly added: readonly LogRecord[]}>;
	readonly history: Recent<EventLine>;
	readonly stats: Stats;
	/** What happened, for scenario claims about mechanisms. */
	readonly seen: Seen;
};

export const lampNames = ['one-leader', 'commit-kept', 'same-records', 'service-commit'] as const;
export type LampName = (typeof lampNames)[number];
export type Lamps = Readonly<Record<LampName, string | undefined>>;

export type Stats = {readonly sent: number; readonly delivered: number; readonly lost: number; readonly elections: number; readonly appended: number};

export type Seen = {
	readonly truncations: ReadonlyArray<{readonly member: number; readonly from: number; readonly to: number}>;
	readonly vetoes: number;
	readonly replications: number;
	readonly catchups: number;
	readonly replays: ReadonlyArray<{readonly member: number; readonly from: number; readonly to: number}>;
	readonly timerFires: ReadonlyArray<{readonly member: number; readonly timer: number; readonly time: number; readonly position: number}>;
	readonly snapshots: ReadonlyArray<{readonly member: number; readonly position: number}>;
	readonly loaded: ReadonlyArray<{readonly member: number; readonly position: number}>;
	readonly leaders: ReadonlyArray<{readonly member: number; readonly term: number}>;
	readonly stepDowns: number;
	readonly followerTimerFires: number;
	readonly cappedByOwn: number;
	/** Ingress the leader held while its appends were suspended (a snapshot) or its election was not complete. */
	readonly held: number;
};

export type AeronAction =
	| {readonly type: 'kill'; readonly member: number}
	| {readonly type: 'restart'; readonly member: number}
	| {readonly type: 'lose-disk'; readonly member: number}
	| {readonly type: 'isolate'; readonly member: number | 'leader'}
	| NetFault<MessageType>
	| {readonly type: 'slow-archive'; readonly member: number | 'leader'; readonly on: boolean}
	| {readonly type: 'snapshot'}
	| {readonly type: 'request'}
	| {readonly type: 'timer'; readonly delay: number}
	| {readonly type: 'impurity'; readonly impurity: Impurity | null}
	| {readonly type: 'bug'; readonly bug: BugName; readonly on: boolean};
