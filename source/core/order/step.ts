/**
 * One event's (or one user action's) change to the state, as a draft: the
 * architectures, replicas and clients it touches are copied the first time,
 * the queue's pending list once, and `finish` returns the next state. The
 * state it came from never changes (the shell keeps old states to step back).
 * The draft also writes down what happened, for the event line and the trace.
 */
import {QueueDraft} from '../engine/event-queue.js';
import {addRecent} from '../engine/recent.js';
import type {DiagramRow} from '../net/view/diagram.js';
import {drawFor, intBetween} from '../engine/streams.js';
import type {Model} from '../models/model.js';
import type {RaftState} from '../raft/types.js';
import {inputById} from './input-log.js';
import {inputLabel, replicaName} from './names.js';
import {recordDelivery, type Mutable} from './panel.js';
import {
	archIds,
	netArchIds,
	replicaBase,
	sequencerNode,
	type ArchId,
	type Architectures,
	type Client,
	type DeliveryNote,
	type EventKind,
	type InputRef,
	type NetArch,
	type OrderBody,
	type OrderConfig,
	type OrderEvent,
	type OrderMessage,
	type OrderRecord,
	type OrderState,
	type PanelStats,
	type Replica,
} from './types.js';

/** Stream numbers, distinct from the voting mode's (1–3) and the Raft core's (101–106). */
export const OrderStream = {
	linkLatency: 201,
	workload: 202,
} as const;

/** A node's slot in a link key: clients 0–7, replicas 8–11, the sequencer 12. */
function slot(node: number): number {
	if (node === sequencerNode) return 12;
	if (node >= replicaBase) return 8 + node - replicaBase;
	return node;
}

const archNumber: Readonly<Record<NetArch, number>> = {none: 0, sequencer: 1, lamport: 2};

/** The key of the directed link from → to of a panel in the latency stream. */
export function linkKey(arch: NetArch, from: number, to: number): number {
	return archNumber[arch] * 256 + slot(from) * 16 + slot(to);
}

const archBit: Readonly<Record<ArchId, number>> = {none: 0, sequencer: 1, lamport: 2, consensus: 3};

type ArchDraft<K extends ArchId> = Omit<Mutable<Architectures[K]>, 'stats'> & {stats: Mutable<PanelStats>};

/** The diagrams with `row` added to each of `panels`' (an event of no one panel, such as a silenced client, shows on all three). */
function withRow(diagrams: OrderState['diagrams'], panels: readonly NetArch[], row: DiagramRow): OrderState['diagrams'] {
	const next = {...diagrams};
	for (const panel of panels) next[panel] = addRecent(diagrams[panel], row);
	return next;
}

export class Step {
	readonly config: OrderConfig;
	readonly model: Model;
	readonly queue: QueueDraft<OrderEvent>;
	nextMessageId: number;
	inputs: number;
	raft: RaftState;
	inputLog: OrderState['inputLog'];
	clients: Array<Client>;
	/** Says what the event is; `say` adds what came of it. */
	head = '';
	arch: ArchId | null = null;
	readonly deliveries: DeliveryNote[] = [];
	/** This event on the diagram of its panel (`arch`), if it draws there. */
	row: DiagramRow | undefined;
	sent = 0;
	private readonly outcomes: string[] = [];
	private readonly archs: {-readonly [K in ArchId]: Architectures[K]};
	/** What this event has copied already, one bit each: architectures, replicas (4 bits per architecture), clients. */
	private copiedArchs = 0;
	private copiedReplicas = 0;
	private copiedClients = 0;
	/** Messages sent on each link, copied once per event that sends. */
	private linkSends: ReadonlyMap<number, number>;
	private linkSendsCopied = false;

	constructor(
		readonly base: OrderState,
		readonly now: number,
	) {
		this.config = base.config;
		this.model = base.model;
		this.queue = new QueueDraft(base.queue);
		this.nextMessageId = base.nextMessageId;
		this.inputs = base.inputs;
		this.raft = base.raft;
		this.inputLog = base.inputLog;
		this.clients = base.clients.slice();
		this.archs = {...base.archs};
		this.linkSends = base.linkSends;
	}

	say(text: string): void {
		this.outcomes.push(text);
	}

	/** The architecture as it is now in this event, for reading. */
	read<K extends ArchId>(id: K): Architectures[K] {
		return this.archs[id];
	}

	/** The architecture's draft, to change (its replicas array is a copy too). */
	edit<K extends ArchId>(id: K): ArchDraft<K> {
		const bit = 1 << archBit[id];
		if ((this.copiedArchs & bit) === 0) {
			const copy = {...this.archs[id], replicas: this.archs[id].replicas.slice(), stats: {...this.archs[id].stats}};
			this.archs[id] = copy as Architectures[K] & typeof copy;
			this.copiedArchs |= bit;
		}

		return this.archs[id] as ArchDraft<K>;
	}

	/** A replica's draft, to change. */
	replica<K extends ArchId>(id: K, index: number): Mutable<Architectures[K]['replicas'][number]> {
		const arch = this.edit(id);
		const bit = 1 << (archBit[id] * 4 + index);
		if ((this.copiedReplicas & bit) === 0) {
			(arch.replicas as Replica[])[index] = {...arch.replicas[index]!};
			this.copiedReplicas |= bit;
		}

		return arch.replicas[index] as Mutable<Architectures[K]['replicas'][number]>;
	}

	client(index: number): Mutable<Client> {
		const bit = 1 << index;
		if ((this.copiedClients & bit) === 0) {
			this.clients[index] = {...this.clients[index]!};
			this.copiedClients |= bit;
		}

		return this.clients[index] as Mutable<Client>;
	}

	/** Replica `index` of `arch` delivers `ref` now (`rebuild`: applies it again after a restart, see recordDelivery). */
	deliver(arch: ArchId, index: number, ref: InputRef, rebuild = false): void {
		const replica = this.replica(arch, index);
		const stats = this.edit(arch).stats;
		const {delivery, reference} = recordDelivery(this.model, replica, stats, ref, this.now, rebuild);
		this.deliveries.push({arch, replica: index, pos: delivery.pos, id: ref.id, client: ref.client, number: ref.number, latency: this.now - ref.sentAt, matches: delivery.matches, ...(rebuild ? {rebuild} : {})});
		const other = delivery.matches || reference === undefined ? undefined : inputById(this, reference.id);
		const differs = other === undefined ? '' : ` ≠ ${replicaName(arch, reference!.replica)}'s ${inputLabel(other.client, other.number)} there`;
		this.say(`${replicaName(arch, index)} ${rebuild ? 're-applies' : 'delivers'} ${inputLabel(ref.client, ref.number)} as #${delivery.pos}${delivery.matches ? '' : differs || ' ≠ another replica\'s input there'}`);
	}

	/** Sends a message on a panel's network; its latency is drawn from the link's own stream. */
	send(arch: NetArch, from: number, to: number, body: OrderBody, resent = false): OrderMessage {
		const key = linkKey(arch, from, to);
		if (!this.linkSendsCopied) {
			this.linkSends = new Map(this.linkSends);
			this.linkSendsCopied = true;
		}

		const counter = this.linkSends.get(key) ?? 0;
		(this.linkSends as Map<number, number>).set(key, counter + 1);
		const latency = intBetween(drawFor(this.config.seed, OrderStream.linkLatency, key, counter), this.config.latencyMin, this.config.latencyMax);
		const message: OrderMessage = {id: this.nextMessageId++, arch, from, to, sentAt: this.now, body, ...(resent ? {resent} : {})};
		this.queue.schedule(this.now + latency, {kind: 'deliver', message});
		this.edit(arch).stats.messages++;
		this.sent++;
		return message;
	}

	/** Schedules a gap check unless one is pending for that node and sender. */
	scheduleGapCheck(arch: NetArch, node: number, sender: number, delay: number): void {
		const pending = this.queue.pending.some(item => item.event.kind === 'gap' && item.event.arch === arch && item.event.node === node && item.event.sender === sender);
		if (!pending) this.queue.schedule(this.now + delay, {kind: 'gap', arch, node, sender});
	}

	/** Cancels a pending gap check: the gap has closed. */
	cancelGapCheck(arch: NetArch, node: number, sender: number): void {
		this.queue.remove(event => event.kind === 'gap' && event.arch === arch && event.node === node && event.sender === sender);
	}

	get text(): string {
		if (this.outcomes.length === 0) return this.head;
		return this.head === '' ? this.outcomes.join('; ') : `${this.head}: ${this.outcomes.join('; ')}`;
	}

	/** The next state. `counted`: a queue event (not a user action). */
	finish(kind: EventKind, counted: boolean, time = this.now): OrderState {
		const n = counted ? this.base.events + 1 : this.base.events;
		const record: OrderRecord = {n, time, kind, arch: this.arch, text: this.text, deliveries: this.deliveries, sent: this.sent};
		const archs = {} as {-readonly [K in ArchId]: Architectures[K]};
		for (const id of archIds) (archs as Record<ArchId, unknown>)[id] = this.archs[id];
		const panel = this.arch;
		const diagrams = this.row === undefined || panel === 'consensus' ? this.base.diagrams : withRow(this.base.diagrams, panel === null ? netArchIds : [panel], this.row);
		return {
			config: this.config,
			model: this.model,
			time,
			events: n,
			queue: this.queue.done(),
			nextMessageId: this.nextMessageId,
			inputs: this.inputs,
			clients: this.clients,
			archs,
			raft: this.raft,
			inputLog: this.inputLog,
			linkSends: this.linkSends,
			last: record,
			diagrams,
		};
	}
}
