import type {Tone} from '../engine/screen.js';
import type {Expected} from './expected.js';
import type {ClusterInfo, FaultState, FollowerProgress, ProcessState, StaleReadResult, WriterProgress} from './types.js';

/** A member's role as the screen shows it: the raft role when it answers, else why it does not. */
export type MemberRole = 'leader' | 'follower' | 'candidate' | 'pre-candidate' | 'paused' | 'down' | 'no answer' | 'starting';

export type MemberKeys = {
	/** Values by kv key position; 0 absent, NaN not a number. */
	readonly values: readonly number[];
	/** The last input this member has applied (from the key our writes set with each input). */
	readonly lastInput: number;
	readonly digest: number;
};

/** One member as last observed; values stay from its last answer while it is down or paused. */
export type MemberView = {
	readonly name: string;
	readonly id: string;
	readonly role: MemberRole;
	readonly process: ProcessState;
	/** The current term from raft.status; when only status answered, the term of the last applied entry. */
	readonly term?: number;
	readonly termIsCurrent: boolean;
	/** Whom it voted for in its term (a member position), if known. */
	readonly vote?: number;
	readonly commit?: number;
	readonly applied?: number;
	/** The leader this member knows (a position). */
	readonly leader?: number;
	/** Only while leader: its view of each member by position. */
	readonly progress?: ReadonlyArray<FollowerProgress | undefined>;
	readonly keys?: MemberKeys;
	/** When it last answered (ms since start). */
	readonly seenAt?: number;
	readonly error?: string;
	/** The highest term and applied index ever observed, for the never-decrease checks. */
	readonly maxTerm: number;
	readonly maxApplied: number;
	/** Whether the event line has said it is far behind (cleared when it catches up). */
	readonly reportedBehind: boolean;
	/** Whether a disagreement of its keys with the model has been reported (cleared when it agrees again). */
	readonly reportedKeysWrong: boolean;
};

export type EtcdEvent = {readonly at: number; readonly text: string; readonly tone?: Tone};

export type TermLeaders = {readonly term: number; readonly members: readonly number[]};

export type EtcdState = {
	readonly info: ClusterInfo;
	readonly at: number;
	readonly round: number;
	readonly roundMs: number;
	readonly members: readonly MemberView[];
	readonly faults: FaultState;
	readonly writer: WriterProgress;
	/** The model fed our inputs; undefined when the keys are not ours (an attached cluster). */
	readonly expected: Expected | undefined;
	/** Newest last; bounded. */
	readonly events: readonly EtcdEvent[];
	/** Who was seen leading each recent term; bounded. */
	readonly leadersByTerm: readonly TermLeaders[];
	/** Safety findings (two leaders in a term, a term or applied index going down, keys unlike the model); bounded, with a total count. */
	readonly violations: readonly EtcdEvent[];
	readonly violationCount: number;
	/** The cluster's leader (the highest-term member that says it leads) and since when. */
	/** `ackedBefore`: the writes acknowledged when it was first seen leading (so later ones were acknowledged under it). */
	readonly leader?: {readonly member: number; readonly term: number; readonly since: number; readonly ackedBefore?: number};
	/** When the cluster was last seen without a leader, while it still is. */
	readonly leaderlessSince?: number;
	readonly staleRead?: StaleReadResult & {readonly at: number};
	/** The member last seen cut off on its own by a partition (kept after healing, for "the member that was isolated"). */
	readonly lastIsolated?: number;
};

export const eventLimit = 64;
export const violationLimit = 16;
export const termLimit = 64;
/** A follower this many entries behind the leader gets an event line. */
export const behindThreshold = 10;

