/**
 * One event's changes, made on a draft: members are copied the first time
 * they change, the queue once, and `finish` returns the new state. The state
 * the draft came from never changes (step back keeps old states).
 */
import {QueueDraft} from '../engine/event-queue.js';
import type {Network} from '../net/network.js';
import {addRecent} from '../engine/recent.js';
import type {Model} from '../models/model.js';
import type {PositionLog} from './log.js';
import type {AeronConfig, AeronEvent, AeronState, Client, Divergence, Envelope, EventArrow, EventLine, Member, Message, Seen, Stats} from './types.js';

type Mutable<T> = {-readonly [K in keyof T]: T[K]};
export type DraftMember = Mutable<Member>;

/** A copy of a member, field by field (faster than a spread on a hot path). */
function cloneMember(m: Member): DraftMember {
	return {id: m.id, log: m.log, recordingLog: m.recordingLog, snapshots: m.snapshots, candidateTermId: m.candidateTermId, role: m.role, election: m.election, term: m.term, leader: m.leader, pending: m.pending, commit: m.commit, leaderCommit: m.leaderCommit, service: m.service, timers: m.timers, uncommittedTimers: m.uncommittedTimers, positions: m.positions, heardAt: m.heardAt, stalledSince: m.stalledSince, streamFrom: m.streamFrom, streamKind: m.streamKind, canvass: m.canvass, votes: m.votes, leaderHeardAt: m.leaderHeardAt, deadline: m.deadline, stateSince: m.stateSince, startup: m.startup, truncated: m.truncated, termBase: m.termBase, target: m.target, snapshotting: m.snapshotting, ingress: m.ingress, slow: m.slow, archiveBusy: m.archiveBusy, sends: m.sends, draws: m.draws};
}

export class Tx {
	readonly config: AeronConfig;
	readonly model: Model;
	readonly size: number;
	readonly queue: QueueDraft<AeronEvent>;
	members: Member[];
	client: Client;
	network: Network;
	linkClear: number[] | undefined;
	nextMessageId: number;
	impurity: AeronState['impurity'];
	divergence: Divergence | null;
	digestAt: AeronState['digestAt'];
	lamps: AeronState['lamps'];
	committed: number;
	stats: Mutable<Stats>;
	seen: Seen;
	/** The message this event delivered, lost or dropped (for the space-time diagram). */
	arrow: EventArrow | undefined;
	/** What happened, in words: the head, then consequences. */
	parts: string[] = [];
	private readonly drafts = new Set<number>();

	constructor(
		readonly base: AeronState,
		readonly time: number,
	) {
		this.config = base.config;
		this.model = base.model;
		this.size = base.members.length;
		this.queue = new QueueDraft(base.queue);
		this.members = base.members.slice();
		this.client = base.client;
		this.network = base.network;
		this.nextMessageId = base.nextMessageId;
		this.impurity = base.impurity;
		this.divergence = base.divergence;
		this.digestAt = base.digestAt;
		this.lamps = base.lamps;
		this.committed = base.committed;
		this.stats = {...base.stats};
		this.seen = base.seen;
	}

	/** The member, writable (copied on first use in this event). */
	member(id: number): DraftMember {
		if (!this.drafts.has(id)) {
			this.members[id] = cloneMember(this.members[id]!);
			this.drafts.add(id);
		}

		return this.members[id] as DraftMember;
	}

	peek(id: number): Member {
		return this.members[id]!;
	}

	private freshLamp(event: number): AeronState['fresh'] {
		if (this.lamps === this.base.lamps) return undefined;
		const name = (Object.keys(this.lamps) as Array<keyof AeronState['lamps']>).find(lamp => this.lamps[lamp] !== undefined && this.base.lamps[lamp] === undefined);
		return name === undefined ? undefined : {property: name, event, time: this.time, text: this.lamps[name]!};
	}

	/** Turns a lamp red (the first counterexample stays). */
	breakLamp(lamp: keyof AeronState['lamps'], text: string): void {
		if (this.lamps[lamp] === undefined) this.lamps = {...this.lamps, [lamp]: text};
	}

	say(text: string): void {
		this.parts.push(text);
	}

	note<K extends keyof Seen>(key: K, value: Seen[K]): void {
		this.seen = {...this.seen, [key]: value};
	}

	linkClearFor(link: number): number {
		return (this.linkClear ?? this.base.linkClear)[link] ?? 0;
	}

	setLinkClear(link: number, time: number): void {
		this.linkClear ??= this.base.linkClear.slice();
		this.linkClear[link] = time;
	}

	/** Schedules a member's own event (replacing any of the same kind still pending). */
	reschedule(kind: 'archive' | 'election' | 'heartbeat' | 'liveness' | 'timer', member: number, time: number): void {
		this.queue.remove(event => event.kind === kind && event.member === member);
		this.queue.schedule(time, {kind, member});
	}

	cancel(kind: 'archive' | 'election' | 'heartbeat' | 'liveness' | 'timer', member: number): void {
		this.queue.remove(event => event.kind === kind && event.member === member);
	}

	finish(kind: string, member: number | null, counts = true): AeronState {
		const text = this.parts.join('; ');
		const events = this.base.events + (counts ? 1 : 0);
		const last: EventLine = {n: events, time: this.time, kind, member, text, ...(counts || kind === 'start' ? {} : {action: true}), ...(this.arrow === undefined ? {} : {arrow: this.arrow})};
		const changed = [...this.drafts].sort((a, b) => a - b).map(id => logChange(id, this.base.members[id]!.log, this.members[id]!.log));
		return {
			config: this.base.config,
			model: this.base.model,
			time: this.time,
			events,
			queue: this.queue.done(),
			members: this.members,
			client: this.client,
			network: this.network,
			linkClear: this.linkClear ?? this.base.linkClear,
			nextMessageId: this.nextMessageId,
			impurity: this.impurity,
			divergence: this.divergence,
			digestAt: this.digestAt,
			lamps: this.lamps,
			fresh: this.freshLamp(events),
			committed: this.committed,
			stats: this.stats,
			seen: this.seen,
			last,
			changed,
			history: addRecent(this.base.history, last),
		};
	}
}

/** How a log changed: the records both versions share from the start, and what the new one adds after them. */
function logChange(member: number, before: PositionLog, after: PositionLog) {
	let keep = Math.min(before.length, after.length);
	if (before.items !== after.items) {
		keep = 0;
		while (keep < before.length && keep < after.length && before.items[keep] === after.items[keep]) keep++;
	}

	return {member, keep, added: after.items.slice(keep, after.length)};
}

export type Sent = Envelope & {readonly body: Message};
