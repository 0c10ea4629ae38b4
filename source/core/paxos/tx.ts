/**
 * One event's changes, made on copies: the handlers edit a Tx, and `finish`
 * returns the new state (the old one is never touched, so step back can keep it).
 */
import {QueueDraft} from '../engine/event-queue.js';
import {linkDraw} from '../net/message.js';
import {hasBug, type BugName} from './bugs.js';
import {holdMs} from './config.js';
import {nodeCount, nodeName} from './names.js';
import {checkLamps, type Acceptance} from './safety.js';
import type {Acceptor, Body, EventKind, Learner, Message, PaxosAction, PaxosEvent, PaxosState, Proposer} from './types.js';
import {addRecent} from '../engine/recent.js';

export class Tx {
	readonly queue: QueueDraft<PaxosEvent>;
	proposers: Proposer[];
	acceptors: Acceptor[];
	learners: Learner[];
	nextMessageId: number;
	sends: number[] | undefined;
	stats: PaxosState['stats'];
	roundsWithoutDecision: number;
	leads: number;
	lastLead: number;
	commands: number;
	adversary: boolean;
	leader: boolean;
	bugs: readonly BugName[];
	network: PaxosState['network'];
	/** What happened, in words. */
	text = '';
	/** The user's action this draft applies, and a message it dropped (for the diagram). */
	action: PaxosAction | undefined;
	dropped: Message | undefined;
	readonly sent: Message[] = [];
	/** Instances whose acceptors changed (the lamps look at these). */
	readonly touched = new Set<number>();
	/** Values sent in Accept by this event, by instance. */
	readonly proposed: Array<readonly [number, string]> = [];
	/** Acceptances by this event (the lamps count them). */
	readonly acceptances: Acceptance[] = [];

	constructor(
		readonly base: PaxosState,
		readonly now: number,
	) {
		this.queue = new QueueDraft(base.queue);
		this.proposers = base.proposers.slice();
		this.acceptors = base.acceptors.slice();
		this.learners = base.learners.slice();
		this.nextMessageId = base.nextMessageId;
		this.stats = base.stats;
		this.roundsWithoutDecision = base.roundsWithoutDecision;
		this.leads = base.leads;
		this.lastLead = base.lastLead;
		this.commands = base.commands;
		this.adversary = base.adversary;
		this.leader = base.leader;
		this.bugs = base.bugs;
		this.network = base.network;
	}

	get config() {
		return this.base.config;
	}

	get model() {
		return this.base.model;
	}

	/** Replaces proposer `id` with a copy that has `change` (a copy written field by field: spreads are slow on this hot path). */
	updateProposer(id: number, change: Partial<Proposer>): Proposer {
		const old = this.proposers[id]!;
		const next: Proposer = {
			id: old.id,
			up: old.up,
			round: old.round,
			phase: old.phase,
			ballot: old.ballot,
			promises: old.promises,
			adopted: old.adopted,
			own: old.own,
			proposing: old.proposing,
			nextInstance: old.nextInstance,
			waiting: old.waiting,
			attempts: old.attempts,
			retryAt: old.retryAt,
			note: old.note,
			heard: old.heard,
			upSince: old.upSince,
			timerDraws: old.timerDraws,
		};
		Object.assign(next, change);
		this.proposers[id] = next;
		return next;
	}

	bug(name: BugName): boolean {
		return hasBug(this, name);
	}

	name(node: number): string {
		return nodeName(this.config, node);
	}

	say(text: string): void {
		this.text = this.text === '' ? text : `${this.text}; ${text}`;
	}

	count(field: keyof PaxosState['stats'], by = 1): void {
		const {sent, delivered, lost, rounds} = this.stats;
		const next = {sent, delivered, lost, rounds};
		next[field] += by;
		this.stats = next;
	}

	send(from: number, to: number, body: Body): void {
		const nodes = nodeCount(this.config);
		this.sends ??= this.base.sends.slice();
		const link = from * nodes + to;
		const draws = this.sends[link]!;
		this.sends[link] = draws + 1;
		const {latency, doomed} = linkDraw(this.config, this.network, nodes, from, to, draws);
		const held = this.adversary && body.type === 'Accept';
		const message: Message = {id: this.nextMessageId++, from, to, body, sentAt: this.now, doomed, ...(held ? {held} : {})};
		this.queue.schedule(this.now + (held ? holdMs : latency), {kind: 'deliver', message});
		this.sent.push(message);
		this.count('sent');
	}

	/** Node ids of the proposers, acceptors and learners this event replaced. */
	changed(): number[] {
		const {proposers, acceptors} = this.config;
		const changed: number[] = [];
		for (let id = 0; id < proposers; id++) if (this.proposers[id] !== this.base.proposers[id]) changed.push(id);
		for (let id = 0; id < acceptors; id++) if (this.acceptors[id] !== this.base.acceptors[id]) changed.push(proposers + id);
		for (let id = 0; id < this.learners.length; id++) if (this.learners[id] !== this.base.learners[id]) changed.push(proposers + acceptors + id);
		return changed;
	}

	finish(kind: EventKind, message: Message | null, counts = true): PaxosState {
		const events = this.base.events + (counts ? 1 : 0);
		// Every field written out: a spread of the old state is several times slower here, the hottest line of a run.
		const state: {-readonly [K in keyof PaxosState]: PaxosState[K]} = {
			config: this.base.config,
			model: this.base.model,
			time: this.now,
			events,
			queue: this.queue.done(),
			proposers: this.proposers,
			acceptors: this.acceptors,
			learners: this.learners,
			nextMessageId: this.nextMessageId,
			sends: this.sends ?? this.base.sends,
			stats: this.stats,
			roundsWithoutDecision: this.roundsWithoutDecision,
			leads: this.leads,
			lastLead: this.lastLead,
			commands: this.commands,
			adversary: this.adversary,
			leader: this.leader,
			bugs: this.bugs,
			network: this.network,
			lamps: this.base.lamps,
			last: {n: events, time: this.now, kind, text: this.text, message, sent: this.sent, changed: this.changed(), ...(this.action ? {action: this.action} : {}), ...(this.dropped ? {dropped: this.dropped} : {})},
			history: this.base.history,
		};
		state.history = addRecent(this.base.history, state.last);
		const lamps = checkLamps(state, this.touched, this.proposed, this.acceptances);
		if (lamps === state.lamps) return state;
		if (lamps.chosenCount > state.lamps.chosenCount) state.roundsWithoutDecision = 0;
		state.lamps = lamps;
		return state;
	}
}
