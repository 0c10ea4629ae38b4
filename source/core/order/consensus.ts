/**
 * The consensus panel: a Raft cluster of three servers (the Raft core, not a
 * copy of it) orders the inputs. Every input goes to the cluster as a client
 * request at the moment the client sends it; a server delivers an input when
 * it applies the committed entry.
 *
 * The client here is this panel's own, built on the Raft core's messages: it
 * sends each input to the server it believes leads, follows redirects, and
 * sends a request again after a refusal or a timeout, so that no input is
 * lost in a failover. A request sent twice may be committed twice: replicas
 * apply each input once, by its number (the Raft paper's client sessions,
 * §8). A crash loses a server's state machine, with the inputs it applied
 * (Figure 2: it is volatile, like lastApplied); restarted, it applies its
 * log again from index 1 as it learns what is committed, rebuilding the same
 * sequence. A request sent again after a failover can be committed after
 * later ones of its client: with `clientFifo` (the default), a replica holds
 * those back until the earlier one is applied, so each client's order is
 * kept, alike on every replica.
 *
 * The Raft cluster keeps its own event queue, which the engine merges with
 * this mode's.
 */
import {defaultConfig as raftDefaults} from '../raft/config.js';
import {messageText as raftMessageText} from '../raft/describe.js';
import {Tx} from '../raft/tx.js';
import {clientId, type RaftConfig, type RaftState} from '../raft/types.js';
import {inputById} from './input-log.js';
import {inputLabel} from './names.js';
import type {Mutable} from './panel.js';
import type {Step} from './step.js';
import {emptyRecent} from '../engine/recent.js';
import type {ConsensusReplica, Delivery, InputRef, OrderConfig, RaftClient, RaftRequest} from './types.js';

export const consensusServers = 3;
/** After "no leader known", the client waits this long before trying the next server. */
export const retryDelay = 100;
/** Requests waiting for an answer, at most (the oldest is given up), and tries per request. */
export const maxPending = 64;
export const maxTries = 12;
/** Committed inputs a replica holds back for its client's order, at most (then it goes on without the missing one). */
export const maxHeldBack = 256;
/** Applied ids kept above the floor, at most (older gaps are forgotten). */
const maxAppliedAbove = 1024;

/** Raft's timing scaled to the network: elections well above a round trip, heartbeats well below an election timeout. */
export function raftConfigFor(config: OrderConfig): RaftConfig {
	const electionMin = Math.max(raftDefaults.electionMin, 3 * config.latencyMax);
	return {
		...raftDefaults,
		servers: consensusServers,
		seed: config.seed,
		model: config.model,
		latencyMin: config.latencyMin,
		latencyMax: config.latencyMax,
		electionMin,
		electionMax: 2 * electionMin,
		heartbeat: Math.max(raftDefaults.heartbeat, config.latencyMax),
		// Requests come only from this panel's client.
		workload: 0,
		requests: 0,
		bugs: [],
	};
}

/** How long the client waits for an acknowledgement before it sends a request again. */
export function requestTimeout(config: OrderConfig): number {
	return Math.max(300, 6 * config.latencyMax);
}

/**
 * The Raft cluster with its clock moved up to `now`, for a request or an
 * action at this mode's time: every Raft event before `now` has been handled
 * already (the engine takes the earlier event first), so only the clock moves.
 */
export function raftAt(raft: RaftState, now: number): RaftState {
	return raft.time >= now ? raft : {...raft, time: now};
}

function editClient(step: Step): Mutable<RaftClient> {
	const arch = step.edit('consensus');
	if (arch.client === step.base.archs.consensus.client) arch.client = {...arch.client};
	return arch.client as Mutable<RaftClient>;
}

/** Sends request `id` to `server` through the Raft core's network, and (re)starts its timeout. */
function sendRequest(step: Step, ref: InputRef, server: number): void {
	const tx = new Tx(raftAt(step.raft, step.now), step.now);
	tx.send(clientId, server, {type: 'ClientRequest', request: ref.id, input: ref.input});
	step.raft = tx.finish('action', false, null, null);
	step.sent++;
	step.queue.remove(event => (event.kind === 'request-timeout' || event.kind === 'request-retry') && event.id === ref.id);
	step.queue.schedule(step.now + requestTimeout(step.config), {kind: 'request-timeout', id: ref.id});
}

function pendingOf(step: Step, id: number): RaftRequest | undefined {
	return step.read('consensus').client.pending.find(item => item.id === id);
}

function track(step: Step, request: RaftRequest): void {
	const client = editClient(step);
	const others = client.pending.filter(item => item.id !== request.id);
	client.pending = [...others, request].sort((a, b) => a.id - b.id);
}

function forget(step: Step, id: number): void {
	const client = editClient(step);
	client.pending = client.pending.filter(item => item.id !== id);
	step.queue.remove(event => (event.kind === 'request-timeout' || event.kind === 'request-retry') && event.id === id);
}

function label(step: Step, id: number): string {
	const ref = inputById(step, id);
	return ref === undefined ? `#${id}` : inputLabel(ref.client, ref.number);
}

export function consensusInput(step: Step, ref: InputRef): void {
	const {client} = step.read('consensus');
	if (client.pending.length >= maxPending) giveUp(step, client.pending[0]!.id, `${maxPending} requests wait for an answer`);
	const target = client.leaderGuess ?? (ref.id - 1) % consensusServers;
	track(step, {id: ref.id, target, tries: 1});
	sendRequest(step, ref, target);
}

function giveUp(step: Step, id: number, why: string): void {
	forget(step, id);
	editClient(step).gaveUp++;
	step.say(`the consensus client gives up on ${label(step, id)} (${why})`);
}

/** Sends a pending request again, to `server`. */
function resend(step: Step, request: RaftRequest, server: number, why: string): void {
	const ref = inputById(step, request.id);
	if (ref === undefined) {
		forget(step, request.id);
		return;
	}

	if (request.tries >= maxTries) {
		giveUp(step, request.id, `${maxTries} tries`);
		return;
	}

	track(step, {id: request.id, target: server, tries: request.tries + 1});
	editClient(step).resent++;
	sendRequest(step, ref, server);
	step.say(`${why}: the client sends ${inputLabel(ref.client, ref.number)} to S${server + 1}`);
}

/** A retry after "no leader known", or a timeout: the next server (or the leader, once known). */
export function consensusRetry(step: Step, id: number, timedOut: boolean): void {
	const request = pendingOf(step, id);
	if (request === undefined) return;
	if (timedOut) editClient(step).leaderGuess = null;
	const guess = step.read('consensus').client.leaderGuess;
	const next = guess ?? (request.target + 1) % consensusServers;
	resend(step, request, next, timedOut ? `no answer for ${label(step, id)} in ${requestTimeout(step.config)} ms` : `${label(step, id)} again`);
}

/** The client hears back from a server (the Raft event just handled delivered a reply to it). */
function onReply(step: Step): void {
	const {message} = step.raft.last;
	if (message === null || message.to !== clientId || message.body.type !== 'ClientReply' || step.raft.last.kind !== 'deliver') return;
	const answer = message.body;
	const name = label(step, answer.request);
	step.head = `[consensus] ${raftMessageText(message, step.model)}`;
	const request = pendingOf(step, answer.request);
	if (request === undefined) {
		step.say(answer.ok ? `${name} was answered already` : `the client no longer waits for ${name}`);
		return;
	}

	if (answer.ok) {
		forget(step, answer.request);
		editClient(step).leaderGuess = message.from;
		step.say(`the client has its answer: ${name} is committed at index ${answer.index}`);
		return;
	}

	if (answer.leaderHint !== null) {
		editClient(step).leaderGuess = answer.leaderHint;
		resend(step, request, answer.leaderHint, 'redirected');
		return;
	}

	editClient(step).leaderGuess = null;
	step.queue.schedule(step.now + retryDelay, {kind: 'request-retry', id: answer.request});
	step.say(`no leader is known: the client will try ${name} again in ${retryDelay} ms`);
}

function applied(replica: ConsensusReplica, id: number): boolean {
	return id <= replica.appliedFloor || replica.appliedAbove.includes(id);
}

function markApplied(replica: Mutable<ConsensusReplica>, id: number): void {
	let floor = replica.appliedFloor;
	let above = [...replica.appliedAbove, id].sort((a, b) => a - b);
	while (above[0] === floor + 1) {
		floor++;
		above = above.slice(1);
	}

	if (above.length > maxAppliedAbove) {
		floor = above[above.length - maxAppliedAbove - 1]!;
		above = above.slice(above.length - maxAppliedAbove);
	}

	replica.appliedFloor = floor;
	replica.appliedAbove = above;
}

/** Replica `server` applies `ref` now, and then what it held back for that client's next numbers. */
function applyInOrder(step: Step, server: number, ref: InputRef): void {
	let next: InputRef | undefined = ref;
	while (next !== undefined) {
		const applying: InputRef = next;
		const rebuilding = step.read('consensus').replicas[server]!.delivered < step.read('consensus').replicas[server]!.rebuildTo;
		step.deliver('consensus', server, applying, rebuilding);
		const replica = step.replica('consensus', server);
		markApplied(replica, applying.id);
		if (applying.number >= replica.clientNext[applying.client]!) {
			const clientNext = replica.clientNext.slice();
			clientNext[applying.client] = applying.number + 1;
			replica.clientNext = clientNext;
		}

		next = replica.heldBack.find(item => item.client === applying.client && item.number === replica.clientNext[applying.client]);
		if (next !== undefined) replica.heldBack = replica.heldBack.filter(item => item !== next);
	}
}

/**
 * A committed input that comes ahead of an earlier one of its client: with
 * `clientFifo`, the replica holds it back until that one is applied (the
 * client numbers its requests, as the Raft paper's client sessions do, §8).
 */
function holdsBack(step: Step, server: number, ref: InputRef): boolean {
	const expected = step.read('consensus').replicas[server]!.clientNext[ref.client]!;
	if (!step.config.clientFifo || ref.number <= expected) return false;
	const replica = step.replica('consensus', server);
	replica.heldBack = [...replica.heldBack, ref];
	step.edit('consensus').reordered++;
	step.say(`S${server + 1} holds ${inputLabel(ref.client, ref.number)} back until ${inputLabel(ref.client, expected)} is committed (the client's order)`);
	if (replica.heldBack.length > maxHeldBack) skipGap(step, server);
	return true;
}

/**
 * The hold-back queue is full: an input it waits for was never committed
 * (the client gave up on it). The replica goes on without it, from the
 * lowest number it holds of the longest-waiting client; the FIFO check shows
 * the gap. Every replica meets the same log, so every replica skips alike.
 */
function skipGap(step: Step, server: number): void {
	const replica = step.replica('consensus', server);
	const {client} = replica.heldBack[0]!;
	// The client's lowest number held: its later ones follow it out of the queue.
	const oldest = replica.heldBack.filter(item => item.client === client).reduce((low, item) => (item.number < low.number ? item : low));
	const clientNext = replica.clientNext.slice();
	step.say(`S${server + 1} holds ${maxHeldBack} inputs back: it goes on without ${inputLabel(oldest.client, clientNext[oldest.client]!)}–${inputLabel(oldest.client, oldest.number - 1)}`);
	clientNext[oldest.client] = oldest.number;
	replica.clientNext = clientNext;
	replica.heldBack = replica.heldBack.filter(item => item !== oldest);
	applyInOrder(step, server, oldest);
}

/** After a Raft event: the client's answer, and the entries the servers applied. */
export function consensusAfterRaftEvent(step: Step): void {
	onReply(step);
	for (const {server, entry} of step.raft.last.applied) {
		const replica = step.read('consensus').replicas[server]!;
		if (applied(replica, entry.request) || replica.heldBack.some(item => item.id === entry.request)) {
			step.edit('consensus').replays++;
			continue;
		}

		const ref = inputById(step, entry.request);
		if (ref === undefined) {
			step.edit('consensus').stats.unchecked++;
			continue;
		}

		if (!holdsBack(step, server, ref)) applyInOrder(step, server, ref);
	}

	syncUp(step);
}

/**
 * Each consensus replica is up exactly when its Raft server is. A crash
 * empties it as the Raft core empties the server's state machine: what it
 * applied is gone (what it delivered is rebuilt after a restart).
 */
export function syncUp(step: Step): void {
	for (const server of step.raft.servers) {
		const replica = step.read('consensus').replicas[server.id]!;
		const up = server.role !== 'crashed';
		if (replica.up === up) continue;
		const editable = step.replica('consensus', server.id);
		editable.up = up;
		editable.downSince = up ? null : step.now;
		if (!up) loseStateMachine(step, editable);
	}
}

function loseStateMachine(step: Step, replica: Mutable<ConsensusReplica>): void {
	replica.rebuildTo = Math.max(replica.rebuildTo, replica.delivered);
	replica.machine = step.model.initial();
	replica.delivered = 0;
	replica.recent = emptyRecent<Delivery>(replica.recent.chunk);
	replica.fifoNext = replica.fifoNext.map(() => 1);
	replica.appliedFloor = 0;
	replica.appliedAbove = [];
	replica.clientNext = replica.clientNext.map(() => 1);
	replica.heldBack = [];
}
