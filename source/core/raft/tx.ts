/**
 * One event's (or one user action's) change to the state, as a draft.
 *
 * The rules read like Figure 2: "if the term is higher, step down; grant the
 * vote if…". They change drafts: a server is copied the first time a rule
 * touches it in this event, and the queue's pending list once; `finish`
 * returns the next state. The state the draft came from never changes, which
 * is what lets the shell keep old states to step back.
 *
 * The draft also writes down what happened (words, messages sent, each
 * server's state before, the lowest log index touched, the entries applied):
 * the event record that the event line, the trace and a safety checker read.
 */
import {QueueDraft} from '../engine/event-queue.js';
import {addRecent} from '../engine/recent.js';
import {drawFor, intBetween, StreamId} from '../engine/streams.js';
import {linkDraw} from '../net/message.js';
import type {Model} from '../models/model.js';
import {hasBug, majorityOf} from './config.js';
import type {Entry, RaftLog} from './log.js';
import type {Mechanisms} from './mechanisms.js';
import {serverName} from './names.js';
import {nextSafety} from './safety/check.js';
import {
	clientId,
	type BugName,
	type ClientState,
	type EventKind,
	type EventRecord,
	type Message,
	type MessageBody,
	type Network,
	type RaftConfig,
	type RaftAction,
	type RaftEvent,
	type RaftState,
	type RaftStats,
	type Server,
	type ServerChange,
} from './types.js';

export type ServerDraft = {-readonly [K in keyof Server]: Server[K]};
type ChangeDraft = {-readonly [K in keyof ServerChange]: ServerChange[K]};
type Applied = EventRecord['applied'][number];


const none: readonly never[] = Object.freeze([]);

export function withValue<T>(items: readonly T[], index: number, value: T): T[] {
	const copy = items.slice();
	copy[index] = value;
	return copy;
}

/** The votes (or replicas) that make a quorum: a majority, or half (rounded down) with the half-quorum bug. */
export function quorumOf(config: RaftConfig, size: number): number {
	return hasBug(config, 'half-quorum') ? Math.max(1, Math.floor(size / 2)) : majorityOf(size);
}

export class Tx {
	/** A safety-lab action may switch bugs, PreVote or the back-off rule. */
	config: RaftConfig;
	readonly model: Model;
	readonly size: number;
	majority: number;
	readonly queue: QueueDraft<RaftEvent>;
	client: ClientState;
	network: Network;
	/** What the protocol did, for scenario claims (see mechanisms.ts). */
	mechanisms: Mechanisms;
	nextMessageId: number;
	readonly sent: Message[] = [];
	/** Allocated on first use: most events remove and apply nothing. */
	private removed: Message[] | undefined;
	private applied: Applied[] | undefined;
	/** Says what the event is; the rules' `say` adds what came of it. */
	head = '';
	/** The user's action this draft applies, if it is one. */
	action: RaftAction | undefined;
	private readonly outcomes: string[] = [];
	private readonly servers: Server[];
	/** Drafts and change records by server id (sparse: only servers touched in this event). */
	private readonly drafts: Array<ServerDraft | undefined> = [];
	private readonly changes: ChangeDraft[] = [];
	private readonly changeOf: Array<ChangeDraft | undefined> = [];
	private stats: RaftStats;
	private statsCopied = false;

	constructor(
		readonly base: RaftState,
		readonly now: number,
	) {
		this.config = base.config;
		this.model = base.model;
		this.size = base.servers.length;
		this.majority = quorumOf(this.config, this.size);
		this.queue = new QueueDraft(base.queue);
		this.client = base.client;
		this.network = base.network;
		this.mechanisms = base.mechanisms;
		this.nextMessageId = base.nextMessageId;
		this.servers = base.servers.slice();
		this.stats = base.stats;
	}

	bug(name: BugName): boolean {
		return hasBug(this.config, name);
	}

	/** The server as it is now in this event, for reading. */
	read(id: number): Server {
		return this.servers[id]!;
	}

	/** The server's draft, to change. */
	server(id: number): ServerDraft {
		let draft = this.drafts[id];
		if (draft === undefined) {
			const server = this.servers[id]!;
			draft = {...server};
			this.drafts[id] = draft;
			this.servers[id] = draft;
			const change: ChangeDraft = {
				server: id,
				roleBefore: server.role,
				termBefore: server.currentTerm,
				votedForBefore: server.votedFor,
				commitBefore: server.commitIndex,
				appliedBefore: server.lastApplied,
				logLengthBefore: server.log.length,
				logFrom: null,
				roleAfter: server.role,
				termAfter: server.currentTerm,
			};
			this.changeOf[id] = change;
			this.changes.push(change);
		}

		return draft;
	}

	say(text: string): void {
		this.outcomes.push(text);
	}

	count(stat: keyof RaftStats): void {
		if (!this.statsCopied) {
			this.stats = {...this.stats};
			this.statsCopied = true;
		}

		(this.stats as {-readonly [K in keyof RaftStats]: RaftStats[K]})[stat]++;
	}

	// The log: every change goes through here, so the record knows the lowest index touched.

	setLog(server: ServerDraft, log: RaftLog, lowestChanged: number): void {
		server.log = log;
		const change = this.changeOf[server.id]!;
		change.logFrom = change.logFrom === null ? lowestChanged : Math.min(change.logFrom, lowestChanged);
	}

	appendEntry(server: ServerDraft, entry: Entry): void {
		this.setLog(server, server.log.append(entry), server.log.length + 1);
	}

	truncateLog(server: ServerDraft, length: number): void {
		if (length < server.log.length) this.setLog(server, server.log.truncate(length), length + 1);
	}

	// Messages.

	send(from: number, to: number, body: MessageBody): Message {
		let counter: number;
		if (from === clientId) {
			counter = this.client.sends[to + 1]!;
			this.client = {...this.client, sends: withValue(this.client.sends, to + 1, counter + 1)};
		} else {
			const sender = this.server(from);
			counter = sender.sends[to + 1]!;
			sender.sends = withValue(sender.sends, to + 1, counter + 1);
		}

		const {latency, doomed} = linkDraw(this.config, this.network, this.size, from, to, counter);
		const message: Message = {id: this.nextMessageId++, from, to, sentAt: this.now, body, doomed};
		this.queue.schedule(this.now + latency, {kind: 'deliver', message});
		this.sent.push(message);
		this.count('sent');
		return message;
	}

	/** Takes messages out of the network (a crash, a drop); returns how many. */
	removeMessages(pick: (message: Message) => boolean): number {
		return this.queue.remove(event => {
			if (event.kind !== 'deliver' || !pick(event.message)) return false;
			(this.removed ??= []).push(event.message);
			return true;
		});
	}

	// Timers.

	/** Draws a new election timeout and starts the server's election timer from now. */
	resetElectionTimer(server: ServerDraft): void {
		this.stopElectionTimer(server);
		let timeout = this.config.electionMin;
		if (!this.bug('fixed-timeout')) {
			timeout = intBetween(drawFor(this.config.seed, StreamId.electionTimeout, server.id, server.timerDraws), this.config.electionMin, this.config.electionMax);
			server.timerDraws++;
		}

		this.startElectionTimer(server, timeout);
	}

	/** Starts the election timer for exactly `timeout` ms (a leader's quorum check). */
	startElectionTimer(server: ServerDraft, timeout: number): void {
		this.stopElectionTimer(server);
		server.electionTimeout = timeout;
		server.electionDeadline = this.now + timeout;
		this.queue.schedule(this.now + timeout, {kind: 'election', server: server.id});
	}

	stopElectionTimer(server: ServerDraft): void {
		if (server.electionDeadline === null) return;
		server.electionDeadline = null;
		const id = server.id;
		this.queue.remove(event => event.kind === 'election' && event.server === id);
	}

	startHeartbeatTimer(server: ServerDraft): void {
		this.stopHeartbeatTimer(server);
		server.heartbeatDue = this.now + this.config.heartbeat;
		this.queue.schedule(server.heartbeatDue, {kind: 'heartbeat', server: server.id});
	}

	stopHeartbeatTimer(server: ServerDraft): void {
		if (server.heartbeatDue === null) return;
		server.heartbeatDue = null;
		const id = server.id;
		this.queue.remove(event => event.kind === 'heartbeat' && event.server === id);
	}

	// The state machine.

	/** Figure 2, all servers: while commitIndex > lastApplied, apply the next entry. A leader answers the client for entries of its own term. */
	applyCommitted(server: ServerDraft): void {
		this.applyThrough(server, server.commitIndex);
	}

	/** Applies the entries after lastApplied up to `upTo` (the commit index, unless a bug applies sooner). */
	applyThrough(server: ServerDraft, upTo: number): void {
		const first = server.lastApplied + 1;
		while (server.lastApplied < upTo && server.lastApplied < server.log.length) {
			const index = server.lastApplied + 1;
			const entry = server.log.entryAt(index)!;
			server.machine = this.model.apply(server.machine, entry.input);
			server.lastApplied = index;
			(this.applied ??= []).push({server: server.id, index, entry});
			if (server.role === 'leader' && entry.term === server.currentTerm && entry.request > 0) {
				this.send(server.id, clientId, {type: 'ClientReply', request: entry.request, ok: true, leaderHint: null, index});
			}
		}

		if (server.lastApplied >= first) {
			this.say(`${serverName(server.id)} applies ${server.lastApplied === first ? `index ${first}` : `indexes ${first}–${server.lastApplied}`} (${this.model.summary(server.machine)})`);
		}
	}

	/** The next state, with this event's record. `counted`: a queue event (not a user action). */
	finish(kind: EventKind, counted: boolean, server: number | null, message: Message | null): RaftState {
		const n = counted ? this.base.events + 1 : this.base.events;
		for (const change of this.changes) {
			const server = this.servers[change.server]!;
			change.roleAfter = server.role;
			change.termAfter = server.currentTerm;
		}

		const text = this.outcomes.length === 0 ? this.head : this.head === '' ? this.outcomes.join('; ') : `${this.head}: ${this.outcomes.join('; ')}`;
		const record: EventRecord = {
			n,
			time: this.now,
			kind,
			text,
			head: this.head,
			outcomes: this.outcomes,
			...(this.action === undefined ? {} : {action: this.action}),
			server,
			message,
			sent: this.sent,
			removed: this.removed ?? none,
			changes: this.changes,
			applied: this.applied ?? none,
		};
		const next: {-readonly [K in keyof RaftState]: RaftState[K]} = {
			config: this.config,
			model: this.model,
			time: this.now,
			events: n,
			queue: this.queue.done(),
			servers: this.servers,
			client: this.client,
			network: this.network,
			nextMessageId: this.nextMessageId,
			last: record,
			history: addRecent(this.base.history, record),
			stats: this.stats,
			mechanisms: this.mechanisms,
			safety: this.base.safety,
		};
		if (this.config.safetyCheck !== false) next.safety = nextSafety(this.base, next);
		return next;
	}
}
