/**
 * The proposer's rules (phases 1a and 2a): pick a number higher than any it
 * has seen, gather promises from a majority, then propose the value of the
 * highest-numbered proposal among them (the key rule), or its own value if
 * they accepted nothing. A refusal sends it back to phase 1 after a backoff.
 */
import {drawFor, intBetween, StreamId} from '../engine/streams.js';
import {ballotText, compareBallots, sharedProposer} from './ballot.js';
import {backoff, replyTimeout} from './config.js';
import {leaderOf} from './leader.js';
import {acceptorNode, bitCount, majority} from './names.js';
import type {Tx} from './tx.js';
import type {Accepted, Adoption, Message, Nack, Promise, Proposer, Value} from './types.js';

export const noop: Value = {id: 'no-op', text: 'no-op'};

/** Stream for proposer backoffs, apart from the engine's others. */
const backoffStream = 201;

function update(tx: Tx, id: number, change: Partial<Proposer>): Proposer {
	return tx.updateProposer(id, change);
}

export function cancelTry(tx: Tx, id: number): void {
	tx.queue.remove(event => event.kind === 'try' && event.proposer === id);
}

export function scheduleTry(tx: Tx, id: number, delay: number): void {
	cancelTry(tx, id);
	tx.queue.schedule(tx.now + delay, {kind: 'try', proposer: id});
	update(tx, id, {retryAt: tx.now + delay});
}

function backoffDelay(tx: Tx, id: number): number {
	const proposer = tx.proposers[id]!;
	update(tx, id, {timerDraws: proposer.timerDraws + 1});
	return intBetween(drawFor(tx.config.seed, backoffStream, id, proposer.timerDraws), backoff[0], backoff[1]);
}

/** Whether this proposer has seen its single-decree value chosen (a majority accepted its proposal). */
export function knowsChosen(tx: Pick<Tx, 'config'>, proposer: Proposer): boolean {
	const mine = proposer.proposing[0];
	return !tx.config.multi && mine !== undefined && bitCount(mine.acks) >= majority(tx.config.acceptors);
}

/** The try timer: start (or restart) phase 1, unless another proposer leads or it is done. */
export function onTry(tx: Tx, id: number): void {
	const proposer = tx.proposers[id]!;
	const name = `P${id + 1}`;
	update(tx, id, {retryAt: null});
	if (knowsChosen(tx, proposer)) {
		tx.say(`${name}'s timer fires: it already knows its value is chosen`);
		return;
	}

	if (tx.leader) {
		const leader = leaderOf(tx, id);
		if (leader !== id) {
			update(tx, id, {phase: 'follow', note: `defers to leader P${leader + 1}`});
			tx.say(`${name}'s timer fires: it hears P${leader + 1}'s heartbeats, so it defers to P${leader + 1}`);
			return;
		}

		if (proposer.phase === 'lead') return;
	}

	const why = proposer.attempts === 0 ? 'starts' : proposer.phase === 'wait' ? 'tries again after its backoff' : 'hears too little back in time and tries again';
	startPhase1(tx, id, why);
}

export function startPhase1(tx: Tx, id: number, why: string): void {
	const proposer = tx.proposers[id]!;
	const name = `P${id + 1}`;
	const round = proposer.round + 1;
	const ballot = {round, proposer: tx.bug('shared-proposal-numbers') ? sharedProposer : id};
	if (tx.config.multi && tx.bug('skip-phase1') && tx.stats.rounds > 0) {
		// The bug: a leader taking over goes straight to phase 2 from the first instance it knows nothing about.
		update(tx, id, {round, ballot, phase: 'lead', promises: 0, adopted: [], proposing: [], nextInstance: 1, attempts: proposer.attempts + 1, note: 'skipped phase 1 (bug)'});
		tx.say(`${name} ${why} and leads with ${ballotText(ballot)} without phase 1 (bug skip-phase1): it proposes from #1`);
		flushWaiting(tx, id);
		return;
	}

	update(tx, id, {round, ballot, phase: 'prepare', promises: 0, adopted: [], proposing: [], attempts: proposer.attempts + 1, note: ''});
	tx.roundsWithoutDecision++;
	tx.count('rounds');
	tx.say(`${name} ${why}: Prepare(${ballotText(ballot)}) to every acceptor`);
	for (let a = 0; a < tx.config.acceptors; a++) tx.send(id, acceptorNode(tx.config, a), {type: 'Prepare', ballot});
	scheduleTry(tx, id, replyTimeout);
}

export function onPromise(tx: Tx, id: number, message: Message, body: Promise): void {
	const proposer = tx.proposers[id]!;
	const name = `P${id + 1}`;
	const from = tx.name(message.from);
	const index = message.from - tx.config.proposers;
	if (proposer.phase !== 'prepare' || compareBallots(proposer.ballot, body.ballot) !== 0) {
		tx.say(`${name} gets ${from}'s promise for ${ballotText(body.ballot)}, too late to matter`);
		return;
	}

	const adopted = proposer.adopted.slice();
	for (const item of body.accepted) {
		const current = adopted[item.instance - 1];
		if (current === undefined || compareBallots(item.ballot, current.ballot) > 0) adopted[item.instance - 1] = {...item, from: index};
	}

	const promises = proposer.promises | (1 << index);
	update(tx, id, {promises, adopted});
	const count = bitCount(promises);
	const need = majority(tx.config.acceptors);
	const reported = body.accepted.length === 0 ? 'nothing accepted' : body.accepted.length === 1 && !tx.config.multi ? `it accepted (${ballotText(body.accepted[0]!.ballot)}, ${body.accepted[0]!.value.text})` : `${body.accepted.length} accepted`;
	tx.say(`${name} has ${from}'s promise (${reported}): ${count} of ${need} needed`);
	if (count === need) enterPhase2(tx, id);
}

/** The key rule, in words: what the proposer must propose at `instance`, and why. */
export function adoptionReason(name: string, adoption: Adoption | undefined, own: Value, ignore: boolean): {value: Value; reason: string} {
	if (adoption === undefined) return {value: own, reason: `no acceptor in the majority accepted anything: ${name} may propose its own ${own.text}`};
	const what = `A${adoption.from + 1} accepted (${ballotText(adoption.ballot)}, ${adoption.value.text})`;
	if (ignore) return {value: own, reason: `${what}, but ${name} ignores it (bug) and proposes ${own.text}`};
	return {value: adoption.value, reason: `${what}: ${name} must propose ${adoption.value.text}`};
}

function proposeAt(tx: Tx, id: number, instance: number, value: Value, reason: string): void {
	const proposer = tx.proposers[id]!;
	const proposing = proposer.proposing.slice();
	while (proposing.length < instance - 1) proposing.push(undefined);
	proposing[instance - 1] = {value, acks: 0, reason};
	update(tx, id, {proposing});
	tx.proposed.push([instance, value.id]);
	for (let a = 0; a < tx.config.acceptors; a++) tx.send(id, acceptorNode(tx.config, a), {type: 'Accept', ballot: proposer.ballot!, instance, value});
}

function enterPhase2(tx: Tx, id: number): void {
	const proposer = tx.proposers[id]!;
	const name = `P${id + 1}`;
	const ignore = tx.bug('ignore-promised-values');
	if (!tx.config.multi) {
		const {value, reason} = adoptionReason(name, proposer.adopted[0], proposer.own, ignore);
		update(tx, id, {phase: 'accept', note: reason});
		tx.say(`a majority promised: ${reason}; Accept(${ballotText(proposer.ballot)}, ${value.text}) to every acceptor`);
		proposeAt(tx, id, 1, value, reason);
		scheduleTry(tx, id, replyTimeout);
		return;
	}

	// Multi-Paxos: phase 1 covered every instance; re-propose what was accepted, fill the gaps with no-ops.
	const open = proposer.adopted.length;
	let kept = 0;
	let filled = 0;
	update(tx, id, {phase: 'lead', note: `leads with ${ballotText(proposer.ballot)}`, nextInstance: open + 1});
	for (let instance = 1; instance <= open; instance++) {
		const adoption = proposer.adopted[instance - 1];
		if (adoption === undefined) {
			filled++;
			proposeAt(tx, id, instance, noop, `nothing accepted at #${instance}: ${name} fills it with a no-op`);
		} else {
			kept++;
			const {value, reason} = adoptionReason(name, adoption, noop, ignore);
			proposeAt(tx, id, instance, value, reason);
		}
	}

	tx.say(`a majority promised: ${name} leads with ${ballotText(proposer.ballot)}${open === 0 ? '; no instance was open' : `; it re-proposes ${kept} accepted value${kept === 1 ? '' : 's'} and fills ${filled} gap${filled === 1 ? '' : 's'} with no-ops (#1–#${open})`}`);
	cancelTry(tx, id);
	update(tx, id, {retryAt: null});
	flushWaiting(tx, id);
}

/** A leader proposes its waiting commands at the next instances (phase 2 only). */
export function flushWaiting(tx: Tx, id: number): void {
	let proposer = tx.proposers[id]!;
	if (proposer.phase !== 'lead' || proposer.waiting.length === 0) return;
	for (const value of proposer.waiting) {
		const instance = proposer.nextInstance;
		update(tx, id, {nextInstance: instance + 1});
		proposeAt(tx, id, instance, value, `a client's command: P${id + 1} proposes it at #${instance}`);
		tx.say(`P${id + 1} proposes ${value.text} at #${instance}: Accept(${ballotText(proposer.ballot)}) only, phase 1 is done`);
		proposer = tx.proposers[id]!;
	}

	update(tx, id, {waiting: []});
}

export function onNack(tx: Tx, id: number, message: Message, body: Nack): void {
	const proposer = tx.proposers[id]!;
	const name = `P${id + 1}`;
	const from = tx.name(message.from);
	const round = Math.max(proposer.round, body.promised.round);
	if (compareBallots(proposer.ballot, body.ballot) !== 0 || !['prepare', 'accept', 'lead'].includes(proposer.phase)) {
		update(tx, id, {round});
		tx.say(`${name} gets ${from}'s refusal of ${ballotText(body.ballot)}, an old number`);
		return;
	}

	const note = `${from} refused ${ballotText(body.ballot)}: promised ${ballotText(body.promised)}`;
	update(tx, id, {round, phase: 'wait', note});
	const delay = backoffDelay(tx, id);
	scheduleTry(tx, id, delay);
	tx.say(`${name} is preempted: ${note}; it tries a higher number in ${delay} ms`);
}

export function onProposerAccepted(tx: Tx, id: number, message: Message, body: Accepted): void {
	const proposer = tx.proposers[id]!;
	const name = `P${id + 1}`;
	const mine = proposer.proposing[body.instance - 1];
	const index = message.from - tx.config.proposers;
	if (compareBallots(proposer.ballot, body.ballot) !== 0 || mine === undefined || mine.value.id !== body.value.id) {
		tx.say(`${name} hears ${tx.name(message.from)} accepted (${ballotText(body.ballot)}, ${body.value.text}), no longer its proposal`);
		return;
	}

	const proposing = proposer.proposing.slice();
	const acks = mine.acks | (1 << index);
	proposing[body.instance - 1] = {...mine, acks};
	update(tx, id, {proposing});
	const need = majority(tx.config.acceptors);
	const where = tx.config.multi ? ` at #${body.instance}` : '';
	if (bitCount(acks) === need) {
		tx.say(`${name} hears ${tx.name(message.from)} accepted ${body.value.text}${where}: a majority did, so ${name} knows it is chosen`);
		if (!tx.config.multi) {
			cancelTry(tx, id);
			update(tx, id, {phase: 'idle', retryAt: null, note: `knows ${body.value.text} is chosen`});
		}
	} else {
		tx.say(`${name} hears ${tx.name(message.from)} accepted ${body.value.text}${where} (${bitCount(acks) > need ? 'it already knows it is chosen' : `${bitCount(acks)} of ${need}`})`);
	}
}

export function crashProposer(tx: Tx, id: number): void {
	cancelTry(tx, id);
	const lost = tx.proposers[id]!.waiting.length;
	update(tx, id, {up: false, phase: 'down', ballot: null, promises: 0, adopted: [], proposing: [], waiting: [], retryAt: null, note: 'crashed', heard: tx.proposers[id]!.heard.map(() => -1)});
	tx.say(`P${id + 1} crashes: it keeps only its highest round (${tx.proposers[id]!.round}) on disk${lost > 0 ? `; ${lost} waiting command${lost === 1 ? '' : 's'} lost` : ''}`);
}

export function restartProposer(tx: Tx, id: number): void {
	update(tx, id, {up: true, phase: 'idle', note: 'restarted', upSince: tx.now});
	tx.say(`P${id + 1} restarts with round ${tx.proposers[id]!.round} from disk`);
	if (!tx.leader || !tx.config.multi) scheduleTry(tx, id, backoffDelay(tx, id));
}
