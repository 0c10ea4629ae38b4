/**
 * What the etcd mode's controller reads from a real cluster, as plain data.
 * The controller (source/etcd/) does the I/O; everything here is what one
 * polling round saw, so the pure reducer can turn it into a screen.
 *
 * Member IDs are lowercase hex, as etcd's /debug/vars prints them.
 */

/** What the raft node itself says (GET /debug/vars → raft.status). A debug endpoint: may be missing. */
export type RaftStatus = {
	readonly id: string;
	/** The member's current term (unlike status's raftTerm, the term of the last applied entry). */
	readonly term: number;
	/** Whom it voted for in this term ('0': nobody). */
	readonly vote: string;
	readonly commit: number;
	readonly applied: number;
	/** The leader it knows ('0': none). */
	readonly lead: string;
	readonly state: RaftRole;
	/** Only on the leader: its view of every member (itself included). */
	readonly progress?: Readonly<Record<string, FollowerProgress>>;
};

export type RaftRole = 'leader' | 'follower' | 'candidate' | 'pre-candidate';

/** The leader's view of one follower: the highest index known to match, the next one to send, and the sending state (probe, replicate, snapshot). */
export type FollowerProgress = {readonly match: number; readonly next: number; readonly state: string};

/** POST /v3/maintenance/status. */
export type MemberStatus = {
	/** The leader this member knows, if any. */
	readonly leader?: string;
	readonly commit: number;
	readonly applied: number;
	/** The term of the last applied entry (not the current term). */
	readonly appliedTerm: number;
	readonly revision: number;
	readonly version: string;
};

/** Our keys as read from one member (a serializable read: what that member has applied). */
export type KvRead = {
	/** Values by kv key position (see kvKeys); 0 means absent; NaN for a value that is not a number. */
	readonly values: readonly number[];
	/** The last input this member has applied: our writes set it in the same transaction as the keys, so it is read with them. */
	readonly lastInput: number;
};

/** What the controller knows about a member's process. `external`: attached, not ours. */
export type ProcessState = 'running' | 'paused' | 'down' | 'starting' | 'external';

export type MemberPoll = {
	readonly process: ProcessState;
	readonly status?: MemberStatus;
	readonly raft?: RaftStatus;
	readonly kv?: KvRead;
	/** Why nothing (or not everything) came back, in a few words ("timed out", "connection refused"). */
	readonly error?: string;
};

/** A partition: groups of member positions that can talk among themselves only. Empty: none. */
export type Partition = ReadonlyArray<readonly number[]>;

/** A delayed link between two members (b undefined: every link of a). */
export type LinkDelay = {readonly a: number; readonly b?: number; readonly ms: number};

export type FaultState = {readonly partition: Partition; readonly delays: readonly LinkDelay[]};

/** The writer's progress: input numbers start at 1. */
export type WriterProgress = {
	readonly enabled: boolean;
	/** The last input handed to the cluster (being written or done). */
	readonly issued: number;
	/** The last input acknowledged; writes are sequential, so 1…acked are all acknowledged. */
	readonly acked: number;
	readonly retries: number;
	/** Where the input being written (or the last one) went. */
	readonly target?: number;
	readonly latencyMs?: number;
	/** Acknowledged writes per second over the last few seconds. */
	readonly perSecond: number;
};

export type NoteTone = 'good' | 'warn' | 'bad';

/** Something the controller did or found between two rounds (a fault, a stale-read result, a retry). */
export type ControllerNote = {readonly text: string; readonly tone?: NoteTone; readonly staleRead?: StaleReadResult};

/** The stale-read demo: the same key read serializably and linearizably from one member, and linearizably through the majority. */
export type StaleReadResult = {
	readonly member: number;
	readonly key: string;
	/** Value read with serializable: true from the member ('' absent); undefined if it failed. */
	readonly serializable?: string;
	readonly serializableError?: string;
	readonly linearizable?: string;
	readonly linearizableError?: string;
	/** A linearizable read through another member, to tell whether the serializable value is stale. */
	readonly current?: string;
	readonly currentFrom?: number;
};

export type Poll = {
	/** Milliseconds since the controller started (the only clock the core sees). */
	readonly at: number;
	readonly round: number;
	/** How long the round took, in ms. */
	readonly roundMs: number;
	readonly members: readonly MemberPoll[];
	readonly faults: FaultState;
	readonly writer: WriterProgress;
	readonly notes: readonly ControllerNote[];
};

export type ClusterMember = {readonly name: string; readonly id: string; readonly clientUrl: string};

export type ClusterInfo = {
	readonly members: readonly ClusterMember[];
	readonly version: string;
	/** True when this app started the cluster (faults allowed); false when attached. */
	readonly owned: boolean;
	/** Whether our writes go into it (a fresh cluster; attached clusters are read-only). */
	readonly writes: boolean;
	readonly seed: number;
	readonly rate: number;
	readonly preVote: boolean;
	/** Where our keys live, e.g. "replica-tui/". */
	readonly prefix: string;
};

/** A member by position (0-based), or whichever member leads when the action runs. */
export type MemberRef = number | 'leader';

/** What the user (or a scenario, or the fault schedule) asks the controller to do. */
export type EtcdAction =
	| {readonly type: 'crash' | 'pause' | 'resume' | 'stale-read'; readonly member: MemberRef}
	/** `down`: the member that is down (the first, if several). */
	| {readonly type: 'restart'; readonly member: MemberRef | 'down'}
	/** Cut the member off from every other member. */
	| {readonly type: 'isolate'; readonly member: MemberRef}
	| {readonly type: 'partition'; readonly groups: Partition}
	/** Majority | minority with the leader on the given side (the Raft mode's split). */
	| {readonly type: 'split'; readonly leaderSide: 'majority' | 'minority'}
	| {readonly type: 'heal'}
	/** Extra latency on a's links (with b: on the link a↔b only); 0 removes it. */
	| {readonly type: 'delay'; readonly a: MemberRef; readonly b?: MemberRef; readonly ms: number}
	| {readonly type: 'writes'; readonly on: boolean}
	/** Write the next input now (the Raft mode's client request), even while writes are off. */
	| {readonly type: 'write-one'};
