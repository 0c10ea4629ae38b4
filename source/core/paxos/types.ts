/**
 * The Paxos mode's state: proposers, acceptors and learners exchanging
 * Prepare / Promise / Accept / Accepted (Lamport, "Paxos Made Simple"), one
 * instance (single-decree) or a log of them (Multi-Paxos), on virtual ms.
 */
import type {EventQueue} from '../engine/event-queue.js';
import type {NetFault} from '../net/faults.js';
import type {MessagePick as NetMessagePick, NetMessage} from '../net/message.js';
import type {Network} from '../net/network.js';
import type {Model} from '../models/model.js';
import type {Recent} from '../engine/recent.js';
import type {Ballot} from './ballot.js';
import type {BugName} from './bugs.js';
import type {Lamps} from './safety.js';

export type PaxosConfig = {
	readonly seed: number;
	readonly proposers: number;
	readonly acceptors: number;
	readonly learners: number;
	/** Multi-Paxos: a log of instances, a stable leader, client commands applied to `model`. */
	readonly multi: boolean;
	readonly model: string;
	/** One-way latency drawn from [latencyMin, latencyMax] ms. */
	readonly latencyMin: number;
	readonly latencyMax: number;
	/** Proposer Pi (single-decree) first tries at (i − 1) × stagger ms. */
	readonly stagger: number;
	/** The adversary holds every Accept until a higher Prepare overtakes it (or `hold` ms pass). */
	readonly adversary: boolean;
	/** A distinguished proposer: proposers send heartbeats; only the lowest-numbered one heard from lately proposes. */
	readonly leader: boolean;
	/** Multi-Paxos: mean ms between client commands (0: only those you send). */
	readonly workload: number;
	/** Multi-Paxos: at most this many automatic client commands. */
	readonly requests: number;
	readonly bugs: readonly BugName[];
	readonly speed?: number;
};

/** A value a proposer proposes: in single-decree a letter (x, y, z), in Multi-Paxos a client command or a no-op. */
export type Value = {readonly id: string; readonly text: string; readonly input?: unknown};

export type AcceptedProposal = {readonly ballot: Ballot; readonly value: Value};

export type Prepare = {readonly type: 'Prepare'; readonly ballot: Ballot};
/** The promise carries every proposal the acceptor accepted, by instance (single-decree: at most one). */
export type Promise = {readonly type: 'Promise'; readonly ballot: Ballot; readonly accepted: ReadonlyArray<{readonly instance: number} & AcceptedProposal>};
export type Accept = {readonly type: 'Accept'; readonly ballot: Ballot; readonly instance: number; readonly value: Value};
export type Accepted = {readonly type: 'Accepted'; readonly ballot: Ballot; readonly instance: number; readonly value: Value};
/** A refusal: the acceptor promised a higher number. */
export type Nack = {readonly type: 'Nack'; readonly ballot: Ballot; readonly promised: Ballot; readonly phase: 1 | 2; readonly instance: number};
export type Heartbeat = {readonly type: 'Heartbeat'};
export type Body = Prepare | Promise | Accept | Accepted | Nack | Heartbeat;
export type MessageType = Body['type'];

/** Which message a message fault acts on (the shared network's pick). */
export type MessagePick = NetMessagePick<MessageType>;

/** A message on the shared network (node ids: proposers 0…k−1, acceptors k…k+n−1, learners after them). */
export type Message = NetMessage<Body> & {
	/** Held by the adversary: it arrives at the latest `hold` ms after it was sent, earlier if a higher Prepare overtakes it. */
	readonly held?: boolean;
};

export type Acceptor = {
	readonly id: number;
	readonly up: boolean;
	// On disk: survives a crash.
	readonly promised: Ballot | null;
	/** Accepted proposals by instance − 1. */
	readonly accepted: ReadonlyArray<AcceptedProposal | undefined>;
	// Volatile: what it last did, and why.
	readonly last: string;
	readonly lastRefused: boolean;
};

export type Phase = 'idle' | 'prepare' | 'accept' | 'lead' | 'wait' | 'follow' | 'down';

export type Adoption = {readonly instance: number; readonly from: number} & AcceptedProposal;

export type Proposer = {
	readonly id: number;
	readonly up: boolean;
	// On disk: the highest round it has used or seen, so a number is never reused.
	readonly round: number;
	// Volatile.
	readonly phase: Phase;
	readonly ballot: Ballot | null;
	/** Acceptors that promised the current ballot, one bit each. */
	readonly promises: number;
	/** Per instance − 1: the highest-numbered accepted proposal among the promises, and who reported it. */
	readonly adopted: ReadonlyArray<Adoption | undefined>;
	/** Single-decree: its own value. */
	readonly own: Value;
	/** Per instance − 1: the value it sent in Accept under its ballot, and the acceptors that accepted it. */
	readonly proposing: ReadonlyArray<{readonly value: Value; readonly acks: number; readonly reason: string} | undefined>;
	/** Multi-Paxos leader: the next instance for a new command; commands waiting for phase 1. */
	readonly nextInstance: number;
	readonly waiting: readonly Value[];
	/** Phase 1 attempts it has made. */
	readonly attempts: number;
	readonly retryAt: number | null;
	/** Why it last stopped or waits. */
	readonly note: string;
	/** Leader election: when it last heard each proposer's heartbeat (−1: never). */
	readonly heard: readonly number[];
	/** When it last came up: it takes the lead only after hearing no lower-numbered proposer for a whole leader timeout. */
	readonly upSince: number;
	readonly timerDraws: number;
};

export type Learner = {
	readonly id: number;
	/** Per instance − 1: Accepted messages counted, by ballot text: acceptors (bits) and the value. */
	readonly counts: ReadonlyArray<Readonly<Record<string, {readonly acceptors: number; readonly value: Value}>> | undefined>;
	readonly learned: ReadonlyArray<Value | undefined>;
	readonly applied: number;
	readonly machine: unknown;
};

export type PaxosEvent =
	| {readonly kind: 'deliver'; readonly message: Message}
	| {readonly kind: 'try'; readonly proposer: number}
	| {readonly kind: 'heartbeat'; readonly proposer: number}
	| {readonly kind: 'command'};

export type EventKind = PaxosEvent['kind'] | 'start' | 'action' | 'lost';

export type EventRecord = {
	readonly n: number;
	readonly time: number;
	readonly kind: EventKind;
	readonly text: string;
	readonly message: Message | null;
	/** Messages this event sent. */
	readonly sent: readonly Message[];
	/** Nodes whose state this event changed (for the trace). */
	readonly changed: readonly number[];
	/** The user's action this record is, if it is one (for the space-time diagram). */
	readonly action?: PaxosAction;
	/** A message the action took out of the network (dropped). */
	readonly dropped?: Message;
};

export type PaxosAction =
	| {readonly type: 'crash'; readonly node: number}
	| {readonly type: 'restart'; readonly node: number}
	| {readonly type: 'propose'; readonly proposer: number}
	| {readonly type: 'adversary'; readonly on: boolean}
	| {readonly type: 'leader'; readonly on: boolean}
	| {readonly type: 'bug'; readonly bug: BugName; readonly on: boolean}
	| {readonly type: 'request'}
	/** The shared network's faults: partition, cut, heal, loss, slow (links); drop, duplicate, delay, deliver (a message in flight). */
	| NetFault<MessageType>;

export type Stats = {readonly sent: number; readonly delivered: number; readonly lost: number; readonly rounds: number};

export type PaxosState = {
	readonly config: PaxosConfig;
	readonly model: Model;
	readonly time: number;
	readonly events: number;
	readonly queue: EventQueue<PaxosEvent>;
	readonly proposers: readonly Proposer[];
	readonly acceptors: readonly Acceptor[];
	readonly learners: readonly Learner[];
	readonly adversary: boolean;
	readonly leader: boolean;
	readonly bugs: readonly BugName[];
	/** Cut links, loss and slowness (the shared network's settings), over every node. */
	readonly network: Network;
	readonly nextMessageId: number;
	/** Client commands sent (Multi-Paxos). */
	readonly commands: number;
	/** Per-link send counters (latency draws), indexed by from × nodes + to. */
	readonly sends: readonly number[];
	/** Phase 1 attempts since the last value was chosen (or since the start): the duel's count. */
	readonly roundsWithoutDecision: number;
	/** Times a proposer took the lead (the timeline marks each). */
	readonly leads: number;
	/** The proposer that took the lead last (−1: none yet). */
	readonly lastLead: number;
	readonly last: EventRecord;
	/** The latest event records, for the space-time diagram (v). */
	readonly history: Recent<EventRecord>;
	readonly stats: Stats;
	readonly lamps: Lamps;
};
