/**
 * Learners count Accepted messages: a value is learned once a majority of
 * acceptors report accepting the same proposal number. In Multi-Paxos they
 * are the replicas: they apply learned values in instance order, and a hole
 * (an instance not yet learned) blocks everything after it.
 */
import {ballotText} from './ballot.js';
import {bitCount, majority} from './names.js';
import type {Tx} from './tx.js';
import type {Accepted, Learner, Message, PaxosState} from './types.js';

export function onLearnerAccepted(tx: Tx, index: number, message: Message, body: Accepted): void {
	const learner = tx.learners[index]!;
	const name = `L${index + 1}`;
	const acceptor = message.from - tx.config.proposers;
	const key = ballotText(body.ballot);
	const counts = learner.counts.slice();
	const here = {...counts[body.instance - 1]};
	const before = here[key];
	// Counted by proposal number: numbers are unique, so one number means one value.
	here[key] = {acceptors: (before?.acceptors ?? 0) | (1 << acceptor), value: body.value};
	counts[body.instance - 1] = here;
	const count = bitCount(here[key].acceptors);
	const need = majority(tx.config.acceptors);
	const where = tx.config.multi ? ` at #${body.instance}` : '';
	if (learner.learned[body.instance - 1] !== undefined || count < need) {
		tx.learners[index] = {...learner, counts};
		tx.say(`${name} hears A${acceptor + 1} accepted (${key}, ${body.value.text})${where}${learner.learned[body.instance - 1] === undefined ? ` (${count} of ${need})` : ''}`);
		return;
	}

	const learned = learner.learned.slice();
	while (learned.length < body.instance - 1) learned.push(undefined);
	learned[body.instance - 1] = body.value;
	tx.touched.add(body.instance);
	const next = applyLearned(tx.base, {...learner, counts, learned});
	tx.learners[index] = next;
	const applied = next.applied - learner.applied;
	const blocked = tx.config.multi && next.applied < body.instance ? `; #${next.applied + 1} is a hole, so it waits` : '';
	tx.say(`${name} learns ${body.value.text}${where}: ${count} acceptors accepted ${key}${tx.config.multi && applied > 0 ? `; applies ${applied}` : ''}${blocked}`);
}

/** Applies learned values in instance order, up to the first hole. */
export function applyLearned(state: Pick<PaxosState, 'model'>, learner: Learner): Learner {
	let {applied, machine} = learner;
	while (learner.learned[applied] !== undefined) {
		const value = learner.learned[applied]!;
		if (value.input !== undefined) machine = state.model.apply(machine, value.input);
		applied++;
	}

	return applied === learner.applied ? learner : {...learner, applied, machine};
}

/** The first hole: an instance below the highest learned one that is not learned yet. */
export function firstHole(learner: Learner): number | undefined {
	return learner.applied < learner.learned.length ? learner.applied + 1 : undefined;
}
