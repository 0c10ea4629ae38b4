import type {EventQueue} from '../engine/event-queue.js';
import type {Recent} from '../engine/recent.js';
import type {Model} from '../models/model.js';
import type {NetFault} from '../net/faults.js';
import type {MessagePick as NetMessagePick, NetMessage} from '../net/message.js';
import type {Network} from '../net/network.js';
import type {Entry, RaftLog} from './log.js';
import type {Mechanisms} from './mechanisms.js';
import type {SafetyState} from './safety/state.js';

/** Rules that can be switched off (or broken) on purpose, to watch what fails without them. */
export const bugNames = [
	'old-term-commit',
	'no-up-to-date-check',
	'forget-vote',
	'truncate-always',
	'fixed-timeout',
	'half-quorum',
	'apply-uncommitted',
	'stale-append',
] as const;
export type BugName = (typeof bugNames)[number];

export type RaftConfig = {
	readonly servers: number;
	readonly seed: number;
	readonly model: string;
	/** Election timeouts are drawn uniformly from [electionMin, electionMax] ms. */
	readonly electionMin: number;
	readonly electionMax: number;
	/** A leader sends AppendEntries to every follower this often (ms), entries or not. */
	readonly heartbeat: number;
	/** One-way message latency is drawn uniformly from [latencyMin, latencyMax] ms (plus any slowness set on a link). */
	readonly latencyMin: number;
	readonly latencyMax: number;
	/** Probability that a message between two servers is lost, on every link. */
	readonly loss: number;
	/** Mean virtual ms between automatic client requests (each gap is drawn from half to one and a half times it); 0: only requests you send. */
	readonly workload: number;
	/** At most this many automatic client requests in a run: it bounds every log. */
	readonly requests: number;
	/** At most this many entries in one AppendEntries. */
	readonly batch: number;
	/** PreVote and CheckQuorum (Ongaro's thesis, §9.6): a server asks before it raises its term; a leader that cannot hear a majority steps down. */
	readonly prevote: boolean;
	/** After a refused AppendEntries: 'one' steps nextIndex back one entry (Figure 2); 'term' skips a whole conflicting term (§5.3's optimization). */
	readonly backoff: 'one' | 'term';
	readonly bugs: readonly BugName[];
	/** Virtual ms per real second while running, if set. */
	readonly speed?: number;
	/** Labels for the columns, by server ('' for none), e.g. the paper's Figure 7 cases (a)–(f). */
	readonly labels?: readonly string[];
	/** The live checker of the five safety properties (false only to measure what it costs). */
	readonly safetyCheck?: boolean;
};

export type Role = 'follower' | 'precandidate' | 'candidate' | 'leader' | 'crashed';

/** The client's id in messages (servers are 0…N-1). */
export const clientId = -1;

export type Server = {
	readonly id: number;

	// Persistent state ("on disk"): survives a crash.
	readonly currentTerm: number;
	readonly votedFor: number | null;
	readonly log: RaftLog;

	// Volatile state: a crash loses it.
	/** 'crashed' while down. */
	readonly role: Role;
	readonly commitIndex: number;
	readonly lastApplied: number;
	/** The model's state after applying entries 1…lastApplied. */
	readonly machine: unknown;
	/** The leader of the current term, once heard from. */
	readonly leaderId: number | null;
	/** Votes (or pre-votes) granted to this candidate in its current election, one bit per server. */
	readonly votes: number;
	/** Leaders only, indexed by server (the leader's own entries are ignored). */
	readonly nextIndex: readonly number[];
	readonly matchIndex: readonly number[];
	/** When the election timer fires (a leader with CheckQuorum: when it next checks its quorum), or null. */
	readonly electionDeadline: number | null;
	/** The length of the running election timer, for drawing it as a bar. */
	readonly electionTimeout: number;
	readonly heartbeatDue: number | null;
	/** When this server last heard from a leader of its current term (PreVote's lease). */
	readonly lastHeardFromLeader: number;
	/** Leaders with CheckQuorum: the followers heard from since the last check, one bit per server. */
	readonly activePeers: number;
	/** Leaders only, indexed by server: AppendEntries sent to each follower in this term (Figure 7's count). */
	readonly appendsSent: readonly number[];

	// Simulation bookkeeping, not Raft state: positions in this server's random streams.
	readonly timerDraws: number;
	/** Messages sent on each outgoing link, indexed by destination + 1 (0: the client). */
	readonly sends: readonly number[];
};

export type RequestVote = {
	readonly type: 'RequestVote';
	readonly term: number;
	readonly lastLogIndex: number;
	readonly lastLogTerm: number;
	/** A PreVote asks "would you vote for me in `term`?" without anyone changing term. */
	readonly preVote: boolean;
};

export type RequestVoteReply = {readonly type: 'RequestVoteReply'; readonly term: number; readonly voteGranted: boolean; readonly preVote: boolean};

export type AppendEntries = {
	readonly type: 'AppendEntries';
	readonly term: number;
	readonly prevLogIndex: number;
	readonly prevLogTerm: number;
	readonly entries: readonly Entry[];
	readonly leaderCommit: number;
};

export type AppendEntriesReply = {
	readonly type: 'AppendEntriesReply';
	readonly term: number;
	readonly success: boolean;
	/** On success the last index now known to match the leader's log; on refusal the prevLogIndex refused. */
	readonly index: number;
	/** On refusal with backoff 'term': the term of the follower's conflicting entry (0: its log is too short) and the first index of that term. */
	readonly conflictTerm: number;
	readonly conflictIndex: number;
};

export type ClientRequest = {readonly type: 'ClientRequest'; readonly request: number; readonly input: unknown};

export type ClientReply = {
	readonly type: 'ClientReply';
	readonly request: number;
	/** Committed and applied by the leader. */
	readonly ok: boolean;
	/** Refused: the leader the server knows of, if any. */
	readonly leaderHint: number | null;
	/** The log index of the request's entry (0 when refused). */
	readonly index: number;
};

export type MessageBody = RequestVote | RequestVoteReply | AppendEntries | AppendEntriesReply | ClientRequest | ClientReply;
export type MessageType = MessageBody['type'];

/** A Raft message in flight: the shared network's envelope around a Raft body. */
export type Message = NetMessage<MessageBody>;

export type RaftEvent =
	| {readonly kind: 'deliver'; readonly message: Message}
	/** `forced`: the user fired it now (a leader then starts an election too). */
	| {readonly kind: 'election'; readonly server: number; readonly forced?: boolean}
	| {readonly kind: 'heartbeat'; readonly server: number}
	/** The client workload issues its next automatic request. */
	| {readonly kind: 'workload'}
	/** The client tries a request again after hearing that no leader is known. */
	| {readonly kind: 'retry'; readonly request: number}
	/** The client stops waiting for a request's answer. */
	| {readonly kind: 'client-timeout'; readonly request: number};

export type PendingRequest = {
	readonly request: number;
	readonly input: unknown;
	/** The server it was last sent to. */
	readonly target: number;
	readonly sentAt: number;
	/** When the client gives up waiting. */
	readonly deadline: number;
};

export type ClientState = {
	/** The number the next request gets (requests are numbered from 1). */
	readonly nextRequest: number;
	readonly automatic: number;
	readonly manual: number;
	/** The server the client believes leads (learned from acknowledgements and redirects). */
	readonly leaderGuess: number | null;
	/** Requests sent and not yet acknowledged, oldest first (bounded: the oldest is given up). */
	readonly pending: readonly PendingRequest[];
	readonly acked: number;
	/** Acknowledgements of requests the client had given up on. */
	readonly lateAcks: number;
	readonly gaveUp: number;
	readonly lastAck: {readonly request: number; readonly index: number; readonly leader: number} | null;
	/** Positions in the client's random streams. */
	readonly draws: number;
	readonly sends: readonly number[];
};

/** Link settings between servers (the client reaches everyone): the shared network's. */
export type {Network};

/** What one event (or user action) did to one server, beside its state after it. */
export type ServerChange = {
	readonly server: number;
	readonly roleBefore: Role;
	readonly termBefore: number;
	readonly votedForBefore: number | null;
	readonly commitBefore: number;
	readonly appliedBefore: number;
	readonly logLengthBefore: number;
	/** The lowest log index written or removed (null: the log did not change). The log after is the log before up to logFrom − 1, then the entries from logFrom on. */
	readonly logFrom: number | null;
	readonly roleAfter: Role;
	readonly termAfter: number;
};

export type EventKind = 'start' | 'deliver' | 'lost' | 'election' | 'heartbeat' | 'workload' | 'retry' | 'client-timeout' | 'action';

/** One handled event (or applied user action), for the event line, the trace, the diagram and a safety checker. */
export type EventRecord = {
	/** Events handled so far (an action keeps the count of the event before it). */
	readonly n: number;
	readonly time: number;
	readonly kind: EventKind;
	/** What happened, in plain words: `head`, then the `outcomes` after a colon, joined by semicolons. */
	readonly text: string;
	/** What the event was (e.g. the message that arrived), and what came of it, one clause a rule. */
	readonly head: string;
	readonly outcomes: readonly string[];
	/** The user's action (kind 'action'). */
	readonly action?: RaftAction;
	/** The server whose timer fired, or the receiver of the message. */
	readonly server: number | null;
	/** The message delivered (kind 'deliver') or lost on arrival (kind 'lost'). */
	readonly message: Message | null;
	readonly sent: readonly Message[];
	/** Messages taken out of the network (a crash, a drop). */
	readonly removed: readonly Message[];
	readonly changes: readonly ServerChange[];
	/** Entries applied to a state machine: server, index, entry. */
	readonly applied: ReadonlyArray<{readonly server: number; readonly index: number; readonly entry: Entry}>;
};

export type RaftStats = {
	readonly elections: number;
	readonly leadersElected: number;
	readonly sent: number;
	readonly delivered: number;
	readonly lost: number;
	/** Copies made by the duplicate action that were delivered. */
	readonly copiesDelivered: number;
};

export type RaftState = {
	readonly config: RaftConfig;
	readonly model: Model;
	/** Virtual time in ms. */
	readonly time: number;
	/** Events handled. */
	readonly events: number;
	readonly queue: EventQueue<RaftEvent>;
	readonly servers: readonly Server[];
	readonly client: ClientState;
	readonly network: Network;
	readonly nextMessageId: number;
	readonly last: EventRecord;
	/** The latest events, for the space-time diagram. */
	readonly history: Recent<EventRecord>;
	readonly stats: RaftStats;
	/** What the protocol did (refusals, nextIndex steps back, copies after their originals), for scenario claims. */
	readonly mechanisms: Mechanisms;
	/** The safety checker's verdict after this event, and what it keeps to reach the next one. */
	readonly safety: SafetyState;
};

/** Which message a message action acts on. */
export type MessagePick = NetMessagePick<MessageType>;

export type RaftAction =
	| {readonly type: 'crash'; readonly server: number | 'leader'}
	| {readonly type: 'restart'; readonly server: number}
	| {readonly type: 'timeout'; readonly server: number}
	/** A client request now: to `server` (else the server the client believes leads), carrying `input` (else the next input of the model's generator). */
	| {readonly type: 'request'; readonly server?: number | 'leader'; readonly input?: unknown}
	/** The shared network's faults: partition, cut, heal, loss, slow; drop, duplicate, delay, deliver. */
	| NetFault<MessageType>
	| {readonly type: 'isolate'; readonly server: number | 'leader'}
	/** Split the cluster in two, the leader on the majority or the minority side. */
	| {readonly type: 'split'; readonly leaderSide: 'majority' | 'minority'}
	/** Set-up: replace a server's term and log on disk (for the paper's figures). */
	| {readonly type: 'set-log'; readonly server: number; readonly terms: readonly number[]}
	| {readonly type: 'set-term'; readonly server: number; readonly term: number}
	/** The safety lab: switch a bug, PreVote + CheckQuorum, or the back-off rule on or off while running. */
	| {readonly type: 'bug'; readonly bug: BugName; readonly on: boolean}
	| {readonly type: 'prevote'; readonly on: boolean}
	| {readonly type: 'backoff'; readonly backoff: 'one' | 'term'};
