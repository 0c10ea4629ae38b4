/**
 * The acceptor's two rules (Paxos Made Simple, phases 1b and 2b). Its
 * promised number and accepted proposals are on disk: they survive a crash.
 */
import {ballotText, compareBallots} from './ballot.js';
import {learnerNode} from './names.js';
import type {Tx} from './tx.js';
import type {Accept, Message, Prepare} from './types.js';

/** Phase 1b: promise never to accept below n, and report what it accepted; or refuse, having promised more. */
export function onPrepare(tx: Tx, index: number, message: Message, body: Prepare): void {
	const acceptor = tx.acceptors[index]!;
	const name = `A${index + 1}`;
	const from = tx.name(message.from);
	if (acceptor.promised !== null && compareBallots(body.ballot, acceptor.promised) < 0) {
		const last = `refused ${ballotText(body.ballot)}: promised ${ballotText(acceptor.promised)}`;
		tx.acceptors[index] = {...acceptor, last, lastRefused: true};
		tx.say(`${name} refuses ${from}'s Prepare(${ballotText(body.ballot)}): it promised ${ballotText(acceptor.promised)}`);
		tx.send(message.to, message.from, {type: 'Nack', ballot: body.ballot, promised: acceptor.promised, phase: 1, instance: 0});
		return;
	}

	const accepted = acceptor.accepted.flatMap((proposal, i) => (proposal ? [{instance: i + 1, ...proposal}] : []));
	const reported = accepted.length === 0 ? 'none accepted' : accepted.length === 1 && !tx.config.multi ? `accepted (${ballotText(accepted[0]!.ballot)}, ${accepted[0]!.value.text})` : `${accepted.length} accepted`;
	tx.acceptors[index] = {...acceptor, promised: body.ballot, last: `promise ${ballotText(body.ballot)}: to ${from}`, lastRefused: false};
	tx.say(`${name} promises ${ballotText(body.ballot)} to ${from} (${reported})`);
	tx.send(message.to, message.from, {type: 'Promise', ballot: body.ballot, accepted});
	if (tx.adversary) releaseOvertaken(tx, message.to, body);
}

/** Phase 2b: accept unless it promised a higher number; tell the proposer and every learner. */
export function onAccept(tx: Tx, index: number, message: Message, body: Accept): void {
	const acceptor = tx.acceptors[index]!;
	const name = `A${index + 1}`;
	const from = tx.name(message.from);
	const what = `(${ballotText(body.ballot)}, ${body.value.text})`;
	const below = acceptor.promised !== null && compareBallots(body.ballot, acceptor.promised) < 0;
	if (below && !tx.bug('accept-below-promise')) {
		tx.acceptors[index] = {...acceptor, last: `refused ${ballotText(body.ballot)}: promised ${ballotText(acceptor.promised)}`, lastRefused: true};
		tx.say(`${name} refuses ${from}'s Accept${what}: it promised ${ballotText(acceptor.promised)}`);
		tx.send(message.to, message.from, {type: 'Nack', ballot: body.ballot, promised: acceptor.promised!, phase: 2, instance: body.instance});
		return;
	}

	const accepted = acceptor.accepted.slice();
	while (accepted.length < body.instance - 1) accepted.push(undefined);
	accepted[body.instance - 1] = {ballot: body.ballot, value: body.value};
	const promised = below ? acceptor.promised : body.ballot;
	const where = tx.config.multi ? ` at #${body.instance}` : '';
	tx.acceptors[index] = {...acceptor, promised, accepted, last: `accepted ${ballotText(body.ballot)}: ${below ? `below ${ballotText(acceptor.promised)} (bug)` : `from ${from}`}${where}`, lastRefused: false};
	tx.touched.add(body.instance);
	tx.acceptances.push({instance: body.instance, acceptor: index, ballot: body.ballot, value: body.value});
	tx.say(`${name} accepts ${what}${where}${below ? ` though it promised ${ballotText(acceptor.promised)} (bug accept-below-promise)` : ''}`);
	const reply = {type: 'Accepted', ballot: body.ballot, instance: body.instance, value: body.value} as const;
	tx.send(message.to, message.from, reply);
	for (let learner = 0; learner < tx.config.learners; learner++) tx.send(message.to, learnerNode(tx.config, learner), reply);
}

/** The adversary's rule: an Accept it holds to this acceptor, numbered below the Prepare that just arrived, goes now (to be refused). */
function releaseOvertaken(tx: Tx, to: number, prepare: Prepare): void {
	const overtaken: Message[] = [];
	tx.queue.remove(event => {
		if (event.kind !== 'deliver' || !event.message.held || event.message.to !== to) return false;
		const {body} = event.message;
		if (body.type !== 'Accept' || compareBallots(body.ballot, prepare.ballot) >= 0) return false;
		overtaken.push(event.message);
		return true;
	});
	for (const message of overtaken) tx.queue.schedule(tx.now, {kind: 'deliver', message: {...message, held: false}});
}

/** A crash: the acceptor stops; its promise and accepted proposals stay on disk (unless the forget-promise-on-crash bug is on). */
export function crashAcceptor(tx: Tx, index: number): void {
	const acceptor = tx.acceptors[index]!;
	const forget = tx.bug('forget-promise-on-crash');
	tx.acceptors[index] = {...acceptor, up: false, ...(forget ? {promised: null} : {}), last: forget ? 'crashed: promise lost (bug)' : 'crashed: disk kept', lastRefused: false};
	tx.say(`A${index + 1} crashes${forget ? `; its promise ${ballotText(acceptor.promised)} was only in memory and is lost (bug forget-promise-on-crash)` : `; promised ${ballotText(acceptor.promised)} and what it accepted stay on disk`}`);
}
