/**
 * Lamport timestamps (the communication-history family): each client stamps
 * what it sends with its Lamport clock and sends it to every replica and to
 * the other clients (whose clocks move past it). A replica delivers the
 * held-back input with the smallest (timestamp, client) once every other
 * client has been heard from with a later one — so it waits for the slowest
 * sender, and stalls when one is silent, unless silent clients send null
 * messages (heartbeats) that carry their clock.
 *
 * The network may reorder and lose, so a replica first puts each client's
 * messages back in the client's order (by its input numbers), asking the
 * client again for a missing one (a NACK).
 */
import {addRecent} from '../engine/recent.js';
import {clientName, inputLabel, replicaName, replicaNode} from './names.js';
import type {Mutable} from './panel.js';
import type {Step} from './step.js';
import {holdbackLimit, replicaBase, replicasPerArch, type Held, type InputRef, type LamportClient, type LamportReplica, type OrderMessage} from './types.js';

export function lamportClient(step: Step, client: number): Mutable<LamportClient> {
	const arch = step.edit('lamport');
	if (arch.clients === step.base.archs.lamport.clients) arch.clients = arch.clients.slice();
	if (arch.clients[client] === step.base.archs.lamport.clients[client]) (arch.clients as LamportClient[])[client] = {...arch.clients[client]!};
	return arch.clients[client] as Mutable<LamportClient>;
}

/** Sends a Lamport message to every replica and every other client. */
function broadcast(step: Step, from: number, ts: number, sent: number, ref: InputRef | null): void {
	for (let index = 0; index < replicasPerArch; index++) step.send('lamport', from, replicaNode(index), {type: 'lamport', ts, sent, ref});
	for (let other = 0; other < step.config.clients; other++) if (other !== from) step.send('lamport', from, other, {type: 'lamport', ts, sent, ref});
}

/** Restarts the client's null-message timer (when heartbeats are on). */
export function resetNullTimer(step: Step, client: number): void {
	step.queue.remove(event => event.kind === 'null' && event.client === client);
	if (step.read('lamport').heartbeats) step.queue.schedule(step.now + step.config.nullEvery, {kind: 'null', client});
}

export function lamportInput(step: Step, ref: InputRef): void {
	const client = lamportClient(step, ref.client);
	client.clock++;
	client.lastSentAt = step.now;
	client.history = addRecent(client.history, {ts: client.clock, ref});
	broadcast(step, ref.client, client.clock, ref.number, ref);
	resetNullTimer(step, ref.client);
}

/** The client's null-message timer fires: a client that has sent nothing for a while sends its clock. */
export function lamportNullTimer(step: Step, client: number): void {
	if (!step.read('lamport').heartbeats) return;
	const current = step.read('lamport').clients[client]!;
	if (step.now - current.lastSentAt >= step.config.nullEvery) {
		const editable = lamportClient(step, client);
		editable.clock++;
		editable.lastSentAt = step.now;
		editable.nulls++;
		broadcast(step, client, editable.clock, step.clients[client]!.sent, null);
		step.say(`${clientName(client)} has sent nothing for ${step.config.nullEvery} ms: it sends a null message with its clock ${editable.clock}`);
	}

	resetNullTimer(step, client);
}

function byStamp(a: Held, b: Held): number {
	return a.ts - b.ts || a.ref.client - b.ref.client;
}

/** (ts, client) comes after (ts0, client0). */
function later(ts: number, client: number, ts0: number, client0: number): boolean {
	return ts > ts0 || (ts === ts0 && client > client0);
}

/** The held-back input that goes next, and the clients not yet heard from with a later stamp (empty: it can go now). */
export function lamportNext(replica: LamportReplica): {held: Held; waitingFor: number[]} | undefined {
	const held = replica.holdback.find(item => item.ref.number <= replica.contiguous[item.ref.client]!);
	if (held === undefined) return undefined;
	const waitingFor: number[] = [];
	for (let client = 0; client < replica.heard.length; client++) {
		if (client !== held.ref.client && !later(replica.heard[client]!, client, held.ts, held.ref.client)) waitingFor.push(client);
	}

	return {held, waitingFor};
}

function advanceContiguous(replica: Mutable<LamportReplica>, client: number): void {
	const contiguous = replica.contiguous.slice();
	const heard = replica.heard.slice();
	let next = replica.holdback.find(item => item.ref.client === client && item.ref.number === contiguous[client]! + 1);
	while (next !== undefined) {
		contiguous[client] = next.ref.number;
		heard[client] = Math.max(heard[client]!, next.ts);
		const number = contiguous[client]! + 1;
		next = replica.holdback.find(item => item.ref.client === client && item.ref.number === number);
	}

	const pending = replica.pendingNull[client];
	if (pending && pending.sent <= contiguous[client]!) {
		heard[client] = Math.max(heard[client]!, pending.ts);
		const pendingNull = replica.pendingNull.slice();
		pendingNull[client] = null;
		replica.pendingNull = pendingNull;
	}

	replica.contiguous = contiguous;
	replica.heard = heard;
}

/** Delivers every held-back input the rule allows, in (timestamp, client) order. */
function deliverReady(step: Step, index: number): void {
	const replica = step.replica('lamport', index);
	for (;;) {
		const next = lamportNext(replica);
		if (next === undefined || next.waitingFor.length > 0) return;
		replica.holdback = replica.holdback.filter(item => item !== next.held);
		step.deliver('lamport', index, next.held.ref);
	}
}

function atReplica(step: Step, index: number, from: number, ts: number, sent: number, ref: InputRef | null): void {
	const replica = step.replica('lamport', index);
	const name = replicaName('lamport', index);
	if (ref === null) {
		if (sent <= replica.contiguous[from]!) {
			if (ts > replica.heard[from]!) {
				const heard = replica.heard.slice();
				heard[from] = ts;
				replica.heard = heard;
			}
		} else if ((replica.pendingNull[from]?.ts ?? 0) < ts) {
			const pendingNull = replica.pendingNull.slice();
			pendingNull[from] = {ts, sent};
			replica.pendingNull = pendingNull;
		}

		step.say(`${name} hears ${clientName(from)}'s clock ${ts} (a null message)`);
	} else {
		const label = `${inputLabel(ref.client, ref.number)}@${ts}`;
		if (ref.number <= replica.contiguous[from]! || replica.holdback.some(item => item.ref.id === ref.id)) {
			step.say(`${name} has ${label} already: ignored`);
			return;
		}

		const share = Math.floor(holdbackLimit / step.config.clients);
		if (replica.holdback.filter(item => item.ref.client === from).length >= share) {
			step.say(`${name} already holds ${share} inputs of ${clientName(from)} (its share of the hold-back queue): ${label} is turned away`);
			return;
		}

		replica.holdback = [...replica.holdback, {ts, ref}].sort(byStamp);
		advanceContiguous(replica, from);
		if (ref.number > replica.contiguous[from]!) {
			step.say(`${name} holds ${label} back: ${inputLabel(from, replica.contiguous[from]! + 1)} has not arrived`);
			step.scheduleGapCheck('lamport', replicaNode(index), from, step.config.nackWait);
		} else {
			step.say(`${name} receives ${label}`);
			if (!replica.holdback.some(item => item.ref.client === from && item.ref.number > replica.contiguous[from]!)) step.cancelGapCheck('lamport', replicaNode(index), from);
		}
	}

	const before = replica.delivered;
	deliverReady(step, index);
	if (replica.delivered === before && replica.holdback.length > 0) {
		const next = lamportNext(replica);
		if (next && next.waitingFor.length > 0) step.say(`${name} holds ${replica.holdback.length}: ${waitingText(replica, next)}`);
	}
}

export function waitingText(replica: LamportReplica, next: NonNullable<ReturnType<typeof lamportNext>>): string {
	const who = next.waitingFor.map(client => `${clientName(client)} (heard ${replica.heard[client]})`).join(', ');
	return `${inputLabel(next.held.ref.client, next.held.ref.number)}@${next.held.ts} waits for a later stamp from ${who}`;
}

/** A client no longer keeps inputs a replica asked for: the replica goes on without them. */
function skipAtReplica(step: Step, index: number, client: number, first: number, last: number): void {
	const replica = step.replica('lamport', index);
	if (replica.contiguous[client]! >= last) return;
	const contiguous = replica.contiguous.slice();
	contiguous[client] = last;
	replica.contiguous = contiguous;
	step.say(`${replicaName('lamport', index)} goes on without ${inputLabel(client, first)}${last > first ? `–${inputLabel(client, last)}` : ''}: they are lost to this panel`);
	advanceContiguous(replica, client);
	if (!replica.holdback.some(item => item.ref.client === client && item.ref.number > replica.contiguous[client]!)) step.cancelGapCheck('lamport', replicaNode(index), client);
	deliverReady(step, index);
}

export function lamportDeliver(step: Step, message: OrderMessage): void {
	const {body} = message;
	if (message.to >= replicaBase) {
		if (body.type === 'lamport') atReplica(step, message.to - replicaBase, message.from, body.ts, body.sent, body.ref);
		else if (body.type === 'gone') skipAtReplica(step, message.to - replicaBase, message.from, body.first, body.last);
		return;
	}

	if (body.type === 'lamport') {
		const client = step.read('lamport').clients[message.to]!;
		if (body.ts > client.clock) {
			lamportClient(step, message.to).clock = body.ts;
			step.say(`${clientName(message.to)}'s clock moves up to ${body.ts}`);
		} else {
			step.say(`${clientName(message.to)}'s clock is already ${client.clock}`);
		}
	}
}

/** A replica checks whether a gap in a client's inputs is still open; if so it asks the client again. */
export function lamportGap(step: Step, node: number, sender: number): void {
	const index = node - replicaBase;
	const replica = step.read('lamport').replicas[index]!;
	if (!replica.up) return;
	const ahead = replica.holdback.filter(item => item.ref.client === sender && item.ref.number > replica.contiguous[sender]!);
	if (ahead.length === 0) return;
	const first = replica.contiguous[sender]! + 1;
	const last = Math.min(...ahead.map(item => item.ref.number)) - 1;
	step.replica('lamport', index).nacks++;
	step.send('lamport', node, sender, {type: 'nack', first, last});
	step.say(`${replicaName('lamport', index)} still misses ${inputLabel(sender, first)}${last > first ? `–${inputLabel(sender, last)}` : ''}: it asks ${clientName(sender)} again (NACK)`);
	step.scheduleGapCheck('lamport', node, sender, step.config.nackRetry);
}
