/**
 * A fixed sequencer: clients send inputs to one process, Q, which stamps
 * each with the next number and sends it to every replica. A replica
 * delivers in number order; what arrives ahead of a gap is held back, and a
 * gap that stays open is asked for again (a NACK). Q stamps each client's
 * inputs in the order the client sent them, asking a client again when one
 * of its inputs is missing.
 */
import {addRecent, latest, recentSize} from '../engine/recent.js';
import {clientName, inputLabel, replicaName, replicaNode} from './names.js';
import type {Step} from './step.js';
import {holdbackLimit, replicaBase, replicasPerArch, sequencerNode, type InputRef, type OrderMessage, type Sequencer, type Stamp} from './types.js';
import type {Mutable} from './panel.js';

export function sequencerInput(step: Step, ref: InputRef): void {
	step.send('sequencer', ref.client, sequencerNode, {type: 'input', ref});
}

function editSequencer(step: Step): Mutable<Sequencer> {
	const arch = step.edit('sequencer');
	if (arch.sequencer === step.base.archs.sequencer.sequencer) arch.sequencer = {...arch.sequencer};
	return arch.sequencer as Mutable<Sequencer>;
}

function stamp(step: Step, q: Mutable<Sequencer>, ref: InputRef): void {
	const seq = q.nextSeq;
	q.nextSeq = seq + 1;
	const clientNext = q.clientNext.slice();
	clientNext[ref.client] = ref.number + 1;
	q.clientNext = clientNext;
	q.history = addRecent(q.history, {seq, ref});
	for (let index = 0; index < replicasPerArch; index++) step.send('sequencer', sequencerNode, replicaNode(index), {type: 'stamped', seq, ref});
	step.say(`Q stamps ${inputLabel(ref.client, ref.number)} as #${seq} and sends it to every replica`);
}

/** Q receives a client's input. */
function atSequencer(step: Step, ref: InputRef): void {
	const q = editSequencer(step);
	const label = inputLabel(ref.client, ref.number);
	const expected = q.clientNext[ref.client]!;
	if (ref.number < expected || q.held.some(item => item.id === ref.id)) {
		step.say(`Q has ${label} already: ignored`);
		return;
	}

	if (ref.number > expected) {
		if (q.held.filter(item => item.client === ref.client).length >= heldPerClient(step)) {
			step.say(`Q's hold-back queue is full (${holdbackLimit}): ${label} is turned away`);
			return;
		}

		q.held = [...q.held, ref];
		step.say(`Q holds ${label} back: ${inputLabel(ref.client, expected)} has not arrived`);
		step.scheduleGapCheck('sequencer', sequencerNode, ref.client, step.config.nackWait);
		return;
	}

	stamp(step, q, ref);
	stampHeld(step, q, ref.client);
}

/** Stamps what Q held back from `client` that is now next in the client's order. */
function stampHeld(step: Step, q: Mutable<Sequencer>, client: number): void {
	let next = q.held.find(item => item.client === client && item.number === q.clientNext[client]);
	while (next !== undefined) {
		const found = next;
		q.held = q.held.filter(item => item !== found);
		stamp(step, q, found);
		next = q.held.find(item => item.client === client && item.number === q.clientNext[client]);
	}

	if (!q.held.some(item => item.client === client)) step.cancelGapCheck('sequencer', sequencerNode, client);
}

/** A client's hold-back share at Q: one client's gap cannot fill the queue for every client. */
function heldPerClient(step: Step): number {
	return Math.floor(holdbackLimit / step.config.clients);
}

/** A client no longer keeps inputs Q asked for: Q goes on without them (they are lost to this panel). */
function skipAtSequencer(step: Step, client: number, first: number, last: number): void {
	const q = editSequencer(step);
	if (q.clientNext[client]! > last) return;
	const clientNext = q.clientNext.slice();
	clientNext[client] = last + 1;
	q.clientNext = clientNext;
	q.held = q.held.filter(item => item.client !== client || item.number > last);
	step.say(`Q goes on without ${inputLabel(client, first)}${last > first ? `–${inputLabel(client, last)}` : ''}: they are lost to this panel`);
	stampHeld(step, q, client);
}

/** Q no longer keeps stamped inputs a replica asked for: the replica goes on without them (it would need a state transfer). */
function skipAtReplica(step: Step, index: number, first: number, last: number): void {
	const replica = step.replica('sequencer', index);
	if (replica.nextSeq > last) return;
	replica.nextSeq = last + 1;
	replica.holdback = replica.holdback.filter(item => item.seq > last);
	step.say(`${replicaName('sequencer', index)} goes on without #${first}${last > first ? `–#${last}` : ''}: it would need a state transfer`);
	deliverHeld(step, index);
}

function deliverHeld(step: Step, index: number): void {
	const replica = step.replica('sequencer', index);
	while (replica.holdback[0]?.seq === replica.nextSeq) {
		const [first, ...rest] = replica.holdback;
		replica.holdback = rest;
		step.deliver('sequencer', index, first!.ref);
		replica.nextSeq++;
	}

	if (replica.holdback.length === 0) step.cancelGapCheck('sequencer', replicaNode(index), sequencerNode);
}

/** A replica receives a stamped input. */
function atReplica(step: Step, index: number, stamped: Stamp): void {
	const replica = step.replica('sequencer', index);
	const name = replicaName('sequencer', index);
	const label = `#${stamped.seq} ${inputLabel(stamped.ref.client, stamped.ref.number)}`;
	if (stamped.seq < replica.nextSeq || replica.holdback.some(item => item.seq === stamped.seq)) {
		step.say(`${name} has ${label} already: ignored`);
		return;
	}

	if (stamped.seq > replica.nextSeq) {
		if (replica.holdback.length >= holdbackLimit) {
			step.say(`${name}'s hold-back queue is full (${holdbackLimit}): ${label} is turned away`);
			return;
		}

		const holdback = [...replica.holdback, stamped].sort((a, b) => a.seq - b.seq);
		replica.holdback = holdback;
		step.say(`${name} holds ${label} back: it waits for #${replica.nextSeq}`);
		step.scheduleGapCheck('sequencer', replicaNode(index), sequencerNode, step.config.nackWait);
		return;
	}

	step.deliver('sequencer', index, stamped.ref);
	replica.nextSeq = stamped.seq + 1;
	deliverHeld(step, index);
}

export function sequencerDeliver(step: Step, message: OrderMessage): void {
	const {body} = message;
	if (message.to === sequencerNode) {
		if (body.type === 'input') atSequencer(step, body.ref);
		else if (body.type === 'nack') resendStamps(step, message.from, body.first, body.last);
		else if (body.type === 'gone') skipAtSequencer(step, message.from, body.first, body.last);
		return;
	}

	if (message.to < replicaBase) return;
	if (body.type === 'stamped') atReplica(step, message.to - replicaBase, {seq: body.seq, ref: body.ref});
	else if (body.type === 'gone') skipAtReplica(step, message.to - replicaBase, body.first, body.last);
}

/** Q sends stamped inputs first…last to a replica again, and says which ones it no longer keeps. */
function resendStamps(step: Step, to: number, first: number, last: number): void {
	const history = step.read('sequencer').sequencer.history;
	const kept = latest(history, recentSize(history));
	const oldest = kept[0]?.seq ?? step.read('sequencer').sequencer.nextSeq;
	const name = replicaName('sequencer', to - replicaBase);
	if (first < oldest) {
		const goneTo = Math.min(last, oldest - 1);
		step.send('sequencer', sequencerNode, to, {type: 'gone', first, last: goneTo});
		step.say(`Q no longer keeps #${first}${goneTo > first ? `–#${goneTo}` : ''}: ${name} must go on without (it would need a state transfer)`);
	}

	let sent = 0;
	for (const item of kept) {
		if (item.seq < first || item.seq > last) continue;
		step.send('sequencer', sequencerNode, to, {type: 'stamped', seq: item.seq, ref: item.ref}, true);
		sent++;
	}

	if (sent > 0) step.say(`Q sends ${sent === 1 ? `#${Math.max(first, oldest)}` : `#${Math.max(first, oldest)}–#${last}`} to ${name} again`);
}

/** A gap check at Q (sender: a client) or at a replica (sender: Q). */
export function sequencerGap(step: Step, node: number, sender: number): void {
	if (node === sequencerNode) {
		const q = step.read('sequencer').sequencer;
		if (!q.up) return;
		const held = q.held.filter(item => item.client === sender);
		if (held.length === 0) return;
		const first = q.clientNext[sender]!;
		const last = Math.min(...held.map(item => item.number)) - 1;
		step.send('sequencer', sequencerNode, sender, {type: 'nack', first, last});
		step.say(`Q still misses ${inputLabel(sender, first)}${last > first ? `–${inputLabel(sender, last)}` : ''}: it asks ${clientName(sender)} again`);
		step.scheduleGapCheck('sequencer', node, sender, step.config.nackRetry);
		return;
	}

	const index = node - replicaBase;
	const replica = step.read('sequencer').replicas[index]!;
	const head = replica.holdback[0];
	if (!replica.up || head === undefined) return;
	const editable = step.replica('sequencer', index);
	editable.nacks++;
	const range = head.seq - 1 === replica.nextSeq ? `#${replica.nextSeq}` : `#${replica.nextSeq}–#${head.seq - 1}`;
	step.send('sequencer', node, sequencerNode, {type: 'nack', first: replica.nextSeq, last: head.seq - 1});
	step.say(`${replicaName('sequencer', index)} still misses ${range}: it asks Q again (NACK)`);
	step.scheduleGapCheck('sequencer', node, sender, step.config.nackRetry);
}
