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
import {replicaBase, replicasPerArch, sequencerNode, type InputRef, type OrderMessage, type Sequencer, type Stamp} from './types.js';
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
		q.held = [...q.held, ref];
		step.say(`Q holds ${label} back: ${inputLabel(ref.client, expected)} has not arrived`);
		step.scheduleGapCheck('sequencer', sequencerNode, ref.client, step.config.nackWait);
		return;
	}

	stamp(step, q, ref);
	let next = q.held.find(item => item.client === ref.client && item.number === q.clientNext[ref.client]);
	while (next !== undefined) {
		const found = next;
		q.held = q.held.filter(item => item !== found);
		stamp(step, q, found);
		next = q.held.find(item => item.client === ref.client && item.number === q.clientNext[ref.client]);
	}

	if (!q.held.some(item => item.client === ref.client)) step.cancelGapCheck('sequencer', sequencerNode, ref.client);
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
		const holdback = [...replica.holdback, stamped].sort((a, b) => a.seq - b.seq);
		replica.holdback = holdback;
		step.say(`${name} holds ${label} back: it waits for #${replica.nextSeq}`);
		step.scheduleGapCheck('sequencer', replicaNode(index), sequencerNode, step.config.nackWait);
		return;
	}

	step.deliver('sequencer', index, stamped.ref);
	replica.nextSeq = stamped.seq + 1;
	while (replica.holdback[0]?.seq === replica.nextSeq) {
		const [first, ...rest] = replica.holdback;
		replica.holdback = rest;
		step.deliver('sequencer', index, first!.ref);
		replica.nextSeq++;
	}

	if (replica.holdback.length === 0) step.cancelGapCheck('sequencer', replicaNode(index), sequencerNode);
}

export function sequencerDeliver(step: Step, message: OrderMessage): void {
	const {body} = message;
	if (message.to === sequencerNode) {
		if (body.type === 'input') atSequencer(step, body.ref);
		else if (body.type === 'nack') resendStamps(step, message.from, body.first, body.last);
		return;
	}

	if (message.to >= replicaBase && body.type === 'stamped') atReplica(step, message.to - replicaBase, {seq: body.seq, ref: body.ref});
}

/** Q sends stamped inputs first…last to a replica again. */
function resendStamps(step: Step, to: number, first: number, last: number): void {
	const history = step.read('sequencer').sequencer.history;
	const kept = latest(history, recentSize(history));
	const oldest = kept[0]?.seq ?? Number.POSITIVE_INFINITY;
	let sent = 0;
	for (const item of kept) {
		if (item.seq < first || item.seq > last) continue;
		step.send('sequencer', sequencerNode, to, {type: 'stamped', seq: item.seq, ref: item.ref}, true);
		sent++;
	}

	const name = replicaName('sequencer', to - replicaBase);
	const range = first === last ? `#${first}` : `#${first}–#${last}`;
	step.say(first < oldest ? `Q no longer keeps ${range} (it keeps #${oldest} on): ${name} would need a state transfer` : `Q sends ${range} to ${name} again (${sent} message${sent === 1 ? '' : 's'})`);
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
