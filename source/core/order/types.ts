/**
 * The order mode's state: several clients send the same inputs at the same
 * virtual times to four ordering architectures side by side, each with three
 * replicas. Three architectures run on this mode's own network (datagrams with
 * seeded latency: they may overtake one another and can be lost); the
 * consensus architecture is a Raft cluster on the Raft core.
 */
import type {EventQueue} from '../engine/event-queue.js';
import type {Recent} from '../engine/recent.js';
import type {Model} from '../models/model.js';
import type {DiagramRow} from '../net/view/diagram.js';
import type {RaftState} from '../raft/types.js';

export const archIds = ['none', 'sequencer', 'lamport', 'consensus'] as const;
export type ArchId = (typeof archIds)[number];
/** The architectures on this mode's own network (consensus runs on the Raft core's). */
export type NetArch = Exclude<ArchId, 'consensus'>;
export const netArchIds: readonly NetArch[] = ['none', 'sequencer', 'lamport'];

export type OrderConfig = {
	readonly seed: number;
	readonly model: string;
	/** Clients A, B, C…: each sends inputs. */
	readonly clients: number;
	/** Mean virtual ms between one client's inputs (each gap drawn from half to one and a half times it); 0: only inputs sent by hand. */
	readonly workload: number;
	/** The clients stop after this many inputs in all: it bounds the Raft log. */
	readonly inputs: number;
	/** One-way latency of every message, drawn uniformly from [latencyMin, latencyMax] ms. */
	readonly latencyMin: number;
	readonly latencyMax: number;
	/** Lamport: null messages from a client that has sent nothing for `nullEvery` ms (switchable while running). */
	readonly heartbeats: boolean;
	readonly nullEvery: number;
	/** A replica that finds a gap waits this long before asking for the missing messages again (a NACK), and then every `nackRetry` ms while the gap lasts. */
	readonly nackWait: number;
	readonly nackRetry: number;
	/** A replica that has delivered nothing for this long while inputs wait is called stalled. */
	readonly stallAfter: number;
	/**
	 * The consensus panel keeps each client's order: its replicas apply a
	 * client's committed inputs in the client's numbering, holding back one
	 * committed ahead of an earlier one (a request sent again after a failover
	 * can be committed after later ones). Off: in commit order.
	 */
	readonly clientFifo: boolean;
	/** Virtual ms per real second while running, if set. */
	readonly speed?: number;
};

/** One client input: the same object travels through every architecture. */
export type InputRef = {
	/** Global input number, in the order inputs were sent (the Raft request number too). */
	readonly id: number;
	readonly client: number;
	/** The client's own count: A1, A2, … */
	readonly number: number;
	readonly sentAt: number;
	readonly input: unknown;
};

/**
 * Nodes of one panel's network: clients 0…N-1, replicas R1…R3, the sequencer Q.
 * (The consensus panel's nodes are the Raft servers S1…S3.)
 */
export const replicaBase = 16;
export const sequencerNode = 32;
export const replicasPerArch = 3;
/** A hold-back queue keeps at most this many messages; a full one turns away what arrives (it is asked for again later). */
export const holdbackLimit = 512;

export type OrderBody =
	/** A client's input to a replica (no ordering) or to the sequencer. */
	| {readonly type: 'input'; readonly ref: InputRef}
	/** The sequencer's numbered input to a replica. */
	| {readonly type: 'stamped'; readonly seq: number; readonly ref: InputRef}
	/** A Lamport-stamped message from a client: an input, or a null message (ref null). `sent`: the inputs the client had sent when it sent this. */
	| {readonly type: 'lamport'; readonly ts: number; readonly sent: number; readonly ref: InputRef | null}
	/** "Send me numbers first…last again" (sequence numbers to the sequencer, client numbers to a client). */
	| {readonly type: 'nack'; readonly first: number; readonly last: number}
	/** The answer to a NACK for what the sender no longer keeps: "go on without first…last". */
	| {readonly type: 'gone'; readonly first: number; readonly last: number};

export type OrderMessage = {
	/** Unique in a run. */
	readonly id: number;
	readonly arch: NetArch;
	readonly from: number;
	readonly to: number;
	readonly sentAt: number;
	readonly body: OrderBody;
	/** Sent again after a NACK. */
	readonly resent?: boolean;
};

export type OrderEvent =
	/** A client's workload timer: it sends its next input. */
	| {readonly kind: 'send'; readonly client: number}
	| {readonly kind: 'deliver'; readonly message: OrderMessage}
	/** A client's null-message timer (Lamport heartbeats). */
	| {readonly kind: 'null'; readonly client: number}
	/** A node checks whether a gap in `sender`'s numbers is still open; if so it asks again (NACK). */
	| {readonly kind: 'gap'; readonly arch: NetArch; readonly node: number; readonly sender: number}
	/** The consensus panel's client tries a refused request again (no leader was known). */
	| {readonly kind: 'request-retry'; readonly id: number}
	/** The consensus panel's client has had no answer in time: it sends the request again, to another server. */
	| {readonly kind: 'request-timeout'; readonly id: number};

/** One input delivered (applied) by one replica. */
export type Delivery = {
	/** Its position in the replica's delivered sequence (from 1). */
	readonly pos: number;
	readonly ref: InputRef;
	readonly at: number;
	/** The same input as every replica that delivered this position before it. */
	readonly matches: boolean;
};

export type FifoBreak = {readonly pos: number; readonly client: number; readonly got: number; readonly expected: number};
export type Divergence = {readonly pos: number; readonly got: number; readonly expected: number; readonly other: number};

/** What every architecture's replica keeps: its state machine and the live checks' bookkeeping. */
export type Replica = {
	readonly index: number;
	readonly up: boolean;
	readonly downSince: number | null;
	readonly machine: unknown;
	/** Inputs delivered (applied), in all. */
	readonly delivered: number;
	/** The latest deliveries, for the screen. */
	readonly recent: Recent<Delivery>;
	readonly lastDeliveryAt: number | null;
	/** The highest input number (id) it delivered, 0 for none: what it waits for starts after it. */
	readonly newestDelivered: number;
	/** Per client: the client number FIFO order expects next. */
	readonly fifoNext: readonly number[];
	readonly fifoViolations: number;
	readonly fifoBroken: FifoBreak | null;
	/** Per client: the first break of that client's order, if any. */
	readonly fifoBreaks: ReadonlyArray<FifoBreak | null>;
	/** The first position where it delivered another input than the replica that delivered that position first. */
	readonly diverged: Divergence | null;
};

/** A position's input, as the first replica to deliver it delivered it. */
export type Reference = {readonly id: number; readonly replica: number};

export type PanelStats = {
	/** Positions 1…positions, the latest of them kept (agreement is checked against these). */
	readonly reference: Recent<Reference>;
	readonly positions: number;
	/** Deliveries at positions older than the kept reference (not checked; only after a very long lag). */
	readonly unchecked: number;
	/** Latencies (delivery time − send time) of the latest deliveries, for the median. */
	readonly latencies: Recent<number>;
	readonly worst: number;
	readonly deliveries: number;
	/** Messages sent on this panel's network. */
	readonly messages: number;
};

export type Stamp = {readonly seq: number; readonly ref: InputRef};

export type Sequencer = {
	readonly up: boolean;
	readonly downSince: number | null;
	/** The number the next input gets (from 1). Kept on disk: a restart resumes from it. */
	readonly nextSeq: number;
	/** Per client: the client number it stamps next (it stamps each client's inputs in their order). */
	readonly clientNext: readonly number[];
	/** Inputs that arrived ahead of an earlier one from the same client. */
	readonly held: readonly InputRef[];
	/** What it stamped lately, to send again on a NACK. */
	readonly history: Recent<Stamp>;
	/** Inputs that arrived while it was down (lost, unless a client is asked again). */
	readonly lostWhileDown: number;
};

export type SeqReplica = Replica & {
	readonly nextSeq: number;
	/** Stamped inputs that arrived ahead of a gap, by number. */
	readonly holdback: readonly Stamp[];
	readonly nacks: number;
};

export type Held = {readonly ts: number; readonly ref: InputRef};
export type NullNote = {readonly ts: number; readonly sent: number};

export type LamportClient = {
	readonly clock: number;
	/** What it sent lately (input and timestamp), to send again on a NACK. */
	readonly history: Recent<Held>;
	readonly lastSentAt: number;
	readonly nulls: number;
};

export type LamportReplica = Replica & {
	/** Per client: every input up to this client number has arrived. */
	readonly contiguous: readonly number[];
	/** Per client: the latest timestamp heard from it, with every earlier input of it arrived. */
	readonly heard: readonly number[];
	/** Per client: a null message that arrived ahead of one of the client's inputs. */
	readonly pendingNull: ReadonlyArray<NullNote | null>;
	/** Inputs received and not yet delivered, in (timestamp, client) order. */
	readonly holdback: readonly Held[];
	readonly nacks: number;
};

export type NoneArch = {readonly id: 'none'; readonly replicas: readonly Replica[]; readonly stats: PanelStats};
export type SeqArch = {readonly id: 'sequencer'; readonly replicas: readonly SeqReplica[]; readonly stats: PanelStats; readonly sequencer: Sequencer};
export type LamportArch = {
	readonly id: 'lamport';
	readonly replicas: readonly LamportReplica[];
	readonly stats: PanelStats;
	readonly clients: readonly LamportClient[];
	readonly heartbeats: boolean;
};
/** A request the consensus panel's client sends until a leader acknowledges it. */
export type RaftRequest = {
	/** The input's id, which is also the Raft request number (and its session serial number). */
	readonly id: number;
	/** The server it was last sent to. */
	readonly target: number;
	readonly tries: number;
};

export type RaftClient = {
	/** The server the client believes leads, learned from acknowledgements and redirects. */
	readonly leaderGuess: number | null;
	/** Sent and not acknowledged, oldest first (bounded: the oldest is given up). */
	readonly pending: readonly RaftRequest[];
	/** Requests sent again (after a redirect, a refusal or a timeout). */
	readonly resent: number;
	readonly gaveUp: number;
};

/**
 * A consensus replica: the Raft server's committed entries, applied once
 * each. A request sent again after a timeout may be in the log twice; the
 * replica skips an input it has applied already (Raft's client sessions, §8).
 */
export type ConsensusReplica = Replica & {
	/** Every input id up to this one has been applied. */
	readonly appliedFloor: number;
	/** Ids above the floor applied already, ascending. */
	readonly appliedAbove: readonly number[];
	/** Positions up to this one were delivered before its last crash: applying them again rebuilds its state, it delivers nothing new. */
	readonly rebuildTo: number;
	/** Per client: the client number it applies next, when each client's order is kept (`clientFifo`). */
	readonly clientNext: readonly number[];
	/** Committed inputs held back until an earlier input of the same client is applied, in commit order. */
	readonly heldBack: readonly InputRef[];
};

/** The consensus panel: the checks and the client; the servers are the Raft cluster's. */
export type ConsensusArch = {
	readonly id: 'consensus';
	readonly replicas: readonly ConsensusReplica[];
	readonly stats: PanelStats;
	readonly client: RaftClient;
	/** Committed entries not applied because the replica applied that input before (a request committed twice). */
	readonly replays: number;
	/** Committed inputs a replica held back for its client's order (counted once per replica). */
	readonly reordered: number;
};

export type Architectures = {
	readonly none: NoneArch;
	readonly sequencer: SeqArch;
	readonly lamport: LamportArch;
	readonly consensus: ConsensusArch;
};

export type Client = {
	readonly silenced: boolean;
	/** Inputs sent so far (its next is number sent + 1). */
	readonly sent: number;
	/** Its latest inputs, to send again on a NACK. */
	readonly history: Recent<InputRef>;
	/** Draws taken from its workload stream. */
	readonly draws: number;
};

export type EventKind = 'start' | 'send' | 'deliver' | 'lost' | 'null' | 'gap' | 'request-retry' | 'request-timeout' | 'raft' | 'action';

export type DeliveryNote = {
	readonly arch: ArchId;
	readonly replica: number;
	readonly pos: number;
	readonly id: number;
	readonly client: number;
	readonly number: number;
	readonly latency: number;
	readonly matches: boolean;
	/** A restarted consensus server applying again what it had delivered before its crash (not a new delivery). */
	readonly rebuild?: true;
};

/** One handled event (or applied action): the event line and the trace. */
export type OrderRecord = {
	readonly n: number;
	readonly time: number;
	readonly kind: EventKind;
	readonly arch: ArchId | null;
	readonly text: string;
	readonly deliveries: readonly DeliveryNote[];
	/** Messages this event sent, on every panel's network (the Raft cluster's included). */
	readonly sent: number;
};

export type OrderState = {
	readonly config: OrderConfig;
	readonly model: Model;
	readonly time: number;
	/** Events handled (this mode's and the Raft cluster's). */
	readonly events: number;
	readonly queue: EventQueue<OrderEvent>;
	readonly nextMessageId: number;
	/** Inputs sent so far (the last input's id). */
	readonly inputs: number;
	readonly clients: readonly Client[];
	readonly archs: Architectures;
	/**
	 * The consensus panel's Raft cluster; its queue is merged with this mode's
	 * (earlier first; Raft first at equal times). It has elected its first
	 * leader before the run starts, so that every panel starts ready.
	 */
	readonly raft: RaftState;
	/** Every input sent lately, by id (the consensus panel looks inputs up by Raft request number). */
	readonly inputLog: Recent<InputRef>;
	/** Messages sent on each link of each panel so far: the position in the link's latency stream. */
	readonly linkSends: ReadonlyMap<number, number>;
	readonly last: OrderRecord;
	/** The latest events of each panel on this mode's network, for the space-time diagram. */
	readonly diagrams: Readonly<Record<NetArch, Recent<DiagramRow>>>;
};

/** A link, for picking a message in flight: either end may be any node. */
export type LinkPick = {readonly from: number | 'any'; readonly to: number | 'any'};

export type OrderAction =
	| {readonly type: 'crash'; readonly arch: ArchId; readonly replica: number}
	| {readonly type: 'restart'; readonly arch: ArchId; readonly replica: number}
	/** The consensus panel's leader, whoever it is. */
	| {readonly type: 'crash-leader'}
	| {readonly type: 'crash-sequencer'}
	| {readonly type: 'restart-sequencer'}
	| {readonly type: 'silence'; readonly client: number}
	| {readonly type: 'resume'; readonly client: number}
	| {readonly type: 'heartbeats'; readonly on: boolean}
	/** The client sends one more input now. */
	| {readonly type: 'send'; readonly client: number}
	/** The next message to arrive in the panel (on the link, if given) is lost. */
	| {readonly type: 'drop'; readonly arch: ArchId; readonly link: LinkPick}
	| {readonly type: 'delay'; readonly arch: ArchId; readonly link: LinkPick; readonly ms: number};
