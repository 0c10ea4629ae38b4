/**
 * The client: it sends ingress (session messages) to the member it believes
 * leads; only the active leader appends them; egress comes only from the
 * leader's service.
 */
import {Draw, hash3} from '../engine/random.js';
import {memberName} from './names.js';
import {send} from './transport.js';
import {appendRecord} from './stream.js';
import type {DraftMember, Tx} from './tx.js';
import type {Envelope, IngressItem, Message} from './types.js';

/** The client sends request #n now (an input drawn from the seed, or a timer to schedule). */
export function sendRequest(tx: Tx, timerDelay?: number): void {
	const request = tx.client.nextRequest;
	const item: IngressItem = timerDelay === undefined ? {request, input: tx.model.generate(new Draw(hash3(tx.config.seed, 17, request)))} : {request, timer: tx.client.nextTimer, delay: timerDelay};
	tx.client = {...tx.client, nextRequest: request + 1, sent: tx.client.sent + 1, nextTimer: tx.client.nextTimer + (timerDelay === undefined ? 0 : 1)};
	send(tx, tx.size, tx.client.leaderGuess, {type: 'Ingress', item});
	const what = item.input === undefined ? `schedule timer T${item.timer} in ${item.delay} ms` : tx.model.describeInput(item.input);
	tx.say(`the client sends #${request} (${what}) to ${memberName(tx.client.leaderGuess)}`);
}

export function scheduleWorkload(tx: Tx): void {
	const {workload, requests, seed} = tx.config;
	if (workload <= 0 || tx.client.automatic >= requests) return;
	const gap = Math.max(1, Math.round(workload / 2 + (hash3(seed, 19, tx.client.automatic) % (workload + 1))));
	tx.queue.schedule(tx.time + gap, {kind: 'workload'});
}

export function onWorkload(tx: Tx): void {
	tx.client = {...tx.client, automatic: tx.client.automatic + 1};
	sendRequest(tx);
	scheduleWorkload(tx);
}

function appendIngress(tx: Tx, m: DraftMember, item: IngressItem): void {
	const record = item.input === undefined ? appendRecord(tx, m, {type: 'schedule', request: item.request, timer: item.timer, delay: item.delay}) : appendRecord(tx, m, {type: 'message', request: item.request, input: item.input});
	tx.say(`leader ${memberName(m.id)} appends #${item.request} at ${record.start}–${record.end} (its time ${record.timestamp})`);
}

/** Ingress at a member: the active leader appends it (or holds it while suspended for a snapshot); anyone else drops it. */
export function onIngress(tx: Tx, m: DraftMember, item: IngressItem): void {
	if (m.role !== 'leader') {
		tx.say(`${memberName(m.id)} is not the leader: drops #${item.request}`);
		return;
	}

	if (m.election !== 'closed' || m.snapshotting) {
		m.ingress = [...m.ingress, item];
		tx.note('held', tx.seen.held + 1);
		tx.say(`leader ${memberName(m.id)} holds #${item.request}: ${m.snapshotting ? 'appends are suspended until its snapshot is taken' : 'the election is not complete'}`);
		return;
	}

	appendIngress(tx, m, item);
}

/** The leader appends what it held while suspended. */
export function drainIngress(tx: Tx, m: DraftMember): void {
	const held = m.ingress;
	m.ingress = [];
	for (const item of held) appendIngress(tx, m, item);
}

export function onClientMessage(tx: Tx, message: Envelope, body: Message): void {
	if (body.type === 'Egress') {
		tx.client = {...tx.client, replies: tx.client.replies + 1, lastReply: `#${body.request} ${body.result}`};
		tx.say(`the client gets ${memberName(message.from)}'s reply to #${body.request}: ${body.result}`);
	} else if (body.type === 'NewLeaderEvent') {
		tx.client = {...tx.client, leaderGuess: body.leader};
		tx.say(`the client learns ${memberName(body.leader)} leads term ${body.term}`);
	}
}
