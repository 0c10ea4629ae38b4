/**
 * The client: it sends model inputs as requests to the server it believes
 * leads, follows redirects, and counts a request done only when the leader
 * acknowledges it (committed and applied). It never sends a request again
 * once a server may have appended it: a request that gets no answer in time
 * is given up, and the client cannot tell whether it took effect (the
 * paper's §8 fixes that with client serial numbers; this client shows why).
 */
import {drawFor, intBetween, sequenceDraw, StreamId} from '../engine/streams.js';
import {maxManualRequests} from './config.js';
import {shortInputText} from './describe.js';
import {serverName} from './names.js';
import type {ServerDraft, Tx} from './tx.js';
import {clientId, type ClientReply, type ClientRequest, type Message, type PendingRequest} from './types.js';

/** Requests waiting for an answer, at most. */
export const maxPending = 8;
/** After "no leader known", the client waits this long before trying the next server. */
export const retryDelay = 100;

/** How long the client waits for an answer before giving up. */
export function clientTimeout(tx: Tx): number {
	return 4 * tx.config.electionMax;
}

function input(tx: Tx, origin: 'automatic' | 'manual', count: number): unknown {
	const stream = origin === 'automatic' ? StreamId.input : StreamId.manualInput;
	return tx.model.generate(sequenceDraw(tx.config.seed, stream, count));
}

/** The next server to try when the client knows of no leader. */
function guessTarget(tx: Tx, after: number | null): number {
	if (after !== null) return (after + 1) % tx.size;
	const draw = drawFor(tx.config.seed, StreamId.client, 0, tx.client.draws);
	tx.client = {...tx.client, draws: tx.client.draws + 1};
	return draw.int(tx.size);
}

/** The workload timer: send the next automatic request, and set the timer for the one after. */
export function onWorkload(tx: Tx): void {
	if (tx.client.automatic >= tx.config.requests) return;
	issueRequest(tx, 'automatic');
	if (tx.client.automatic < tx.config.requests) scheduleWorkload(tx);
}

export function scheduleWorkload(tx: Tx): void {
	const mean = tx.config.workload;
	if (mean <= 0) return;
	const gap = intBetween(drawFor(tx.config.seed, StreamId.workload, 0, tx.client.automatic), Math.ceil(mean / 2), Math.floor((mean * 3) / 2));
	tx.queue.schedule(tx.now + Math.max(1, gap), {kind: 'workload'});
}

/** A new request, to `target` or to the server the client believes leads. */
export function issueRequest(tx: Tx, origin: 'automatic' | 'manual', target?: number, given?: {readonly input: unknown}): void {
	const {client} = tx;
	if (origin === 'manual' && client.manual >= maxManualRequests) {
		tx.say(`the client has sent ${maxManualRequests} requests by hand: no more in this run`);
		return;
	}

	const count = origin === 'automatic' ? client.automatic + 1 : client.manual + 1;
	const request = client.nextRequest;
	tx.client = {...client, nextRequest: request + 1, automatic: origin === 'automatic' ? count : client.automatic, manual: origin === 'manual' ? count : client.manual};
	if (tx.client.pending.length >= maxPending) giveUp(tx, tx.client.pending[0]!, `${maxPending} requests are waiting`);
	const to = target ?? tx.client.leaderGuess ?? guessTarget(tx, null);
	const pending: PendingRequest = {request, input: given === undefined ? input(tx, origin, count) : given.input, target: to, sentAt: tx.now, deadline: tx.now + clientTimeout(tx)};
	tx.client = {...tx.client, pending: [...tx.client.pending, pending]};
	tx.queue.schedule(pending.deadline, {kind: 'client-timeout', request});
	tx.say(`the client sends request #${request} (${shortInputText(tx.model, pending.input)}) to ${serverName(to)}`);
	tx.send(clientId, to, {type: 'ClientRequest', request, input: pending.input});
}

function giveUp(tx: Tx, pending: PendingRequest, why: string): void {
	tx.client = {...tx.client, pending: tx.client.pending.filter(item => item.request !== pending.request), gaveUp: tx.client.gaveUp + 1, leaderGuess: null};
	tx.queue.remove(event => (event.kind === 'client-timeout' || event.kind === 'retry') && event.request === pending.request);
	tx.say(`the client gives up on #${pending.request} (${why}); it cannot tell whether it took effect`);
}

/** A server receives a client request: a leader appends it to its log and replicates it; anyone else redirects the client. */
export function onClientRequest(tx: Tx, server: ServerDraft, message: Message, request: ClientRequest, replicate: (leader: ServerDraft) => void): void {
	const name = serverName(server.id);
	if (server.role === 'leader') {
		tx.appendEntry(server, {term: server.currentTerm, request: request.request, input: request.input});
		tx.say(`${name} appends #${request.request} at index ${server.log.length} (term ${server.currentTerm}) and replicates it`);
		replicate(server);
		return;
	}

	const hint = server.leaderId !== null && server.leaderId !== server.id ? server.leaderId : null;
	tx.say(`${name} is not the leader${hint === null ? ' and knows of none' : `: try ${serverName(hint)}`}`);
	tx.send(server.id, message.from, {type: 'ClientReply', request: request.request, ok: false, leaderHint: hint, index: 0});
}

/** The client hears back. */
export function onClientReply(tx: Tx, message: Message, answer: ClientReply): void {
	const pending = tx.client.pending.find(item => item.request === answer.request);
	if (answer.ok) {
		if (pending === undefined) {
			tx.client = {...tx.client, lateAcks: tx.client.lateAcks + 1};
			tx.say(`the client had given up on #${answer.request}: it did take effect (index ${answer.index})`);
			return;
		}

		tx.client = {
			...tx.client,
			pending: tx.client.pending.filter(item => item !== pending),
			acked: tx.client.acked + 1,
			leaderGuess: message.from,
			lastAck: {request: answer.request, index: answer.index, leader: message.from},
		};
		tx.queue.remove(event => event.kind === 'client-timeout' && event.request === answer.request);
		tx.say(`the client has its answer: #${answer.request} committed at index ${answer.index}`);
		return;
	}

	if (pending === undefined) {
		tx.say(`the client no longer waits for #${answer.request}`);
		return;
	}

	if (pending.target !== message.from) {
		tx.say(`the client has sent #${answer.request} to ${serverName(pending.target)} since: this answer is out of date`);
		return;
	}

	if (answer.leaderHint !== null) {
		tx.client = {...tx.client, leaderGuess: answer.leaderHint};
		resend(tx, pending, answer.leaderHint);
		return;
	}

	tx.client = {...tx.client, leaderGuess: null};
	tx.queue.schedule(tx.now + retryDelay, {kind: 'retry', request: pending.request});
	tx.say(`the client will try #${answer.request} again in ${retryDelay} ms`);
}

function resend(tx: Tx, pending: PendingRequest, to: number): void {
	tx.client = {...tx.client, pending: tx.client.pending.map(item => (item === pending ? {...item, target: to} : item))};
	tx.say(`the client sends #${pending.request} to ${serverName(to)}`);
	tx.send(clientId, to, {type: 'ClientRequest', request: pending.request, input: pending.input});
}

/** After "no leader known": try the next server. */
export function onRetry(tx: Tx, request: number): void {
	const pending = tx.client.pending.find(item => item.request === request);
	if (pending === undefined) return;
	resend(tx, pending, tx.client.leaderGuess ?? guessTarget(tx, pending.target));
}

export function onClientTimeout(tx: Tx, request: number): void {
	const pending = tx.client.pending.find(item => item.request === request);
	if (pending !== undefined) giveUp(tx, pending, `no answer in ${clientTimeout(tx)} ms`);
}
