/**
 * The five safety lamps, checked after every event on the instances it
 * touched: at most one value chosen per instance; a chosen value never
 * changes; only a proposed value is chosen; learners learn only chosen
 * values; replicas apply the same value at each instance.
 *
 * "Chosen" is the global truth, which no single process sees: a majority of
 * acceptors has accepted the same proposal (number and value), each at some
 * moment (Lamport's definition: they need not hold it at the same time).
 */
import type {Ballot} from './ballot.js';
import {ballotText} from './ballot.js';
import {bitCount, majority} from './names.js';
import type {PaxosState, Value} from './types.js';

export const lampNames = ['one-value', 'stable', 'valid', 'learn', 'apply'] as const;
export type LampName = (typeof lampNames)[number];

export const lampText: Readonly<Record<LampName, string>> = {
	'one-value': 'at most one value chosen per instance',
	stable: 'a chosen value never changes',
	valid: 'only a proposed value is chosen',
	learn: 'learners learn only chosen values',
	apply: 'replicas apply the same value at each instance',
};

/** The header's short names. */
export const lampShort: Readonly<Record<LampName, string>> = {'one-value': 'one', stable: 'stable', valid: 'valid', learn: 'learn', apply: 'apply'};
/** The lamps' codes, in order, as the header shows them. */
export const lampCodes: readonly string[] = lampNames.map(lamp => lampShort[lamp]);

export type Violation = {readonly lamp: LampName; readonly instance: number; readonly text: string; readonly event: number};

export type Chosen = {readonly ballot: Ballot; readonly value: Value; readonly event: number; readonly time: number};

export type Lamps = {
	/** Per instance − 1: every value chosen there, first first (more than one only when a lamp is red). */
	readonly chosen: ReadonlyArray<readonly Chosen[] | undefined>;
	/** Per instance − 1: for each proposal accepted there ("1.P1|x"), the acceptors that ever accepted it, one bit each. */
	readonly acceptedBy: ReadonlyArray<Readonly<Record<string, number>> | undefined>;
	/** Per instance − 1: ids of the values some proposer sent in an Accept there. */
	readonly proposed: ReadonlyArray<readonly string[] | undefined>;
	/** The first violation of each lamp. */
	readonly broken: Readonly<Partial<Record<LampName, Violation>>>;
	/** Violations found by the last event. */
	readonly fresh: readonly Violation[];
	/** Instances with a chosen value. */
	readonly chosenCount: number;
};

export const initialLamps: Lamps = {chosen: [], acceptedBy: [], proposed: [], broken: {}, fresh: [], chosenCount: 0};

/** An acceptance by one acceptor, as an event reports it to the lamps. */
export type Acceptance = {readonly instance: number; readonly acceptor: number; readonly ballot: Ballot; readonly value: Value};

/** The proposal a majority of acceptors holds at `instance` now, if any. */
export function majorityHolds(state: Pick<PaxosState, 'acceptors'>, instance: number): {ballot: Ballot; value: Value; acceptors: number} | undefined {
	const {acceptors} = state;
	const need = majority(acceptors.length);
	for (let a = 0; a < acceptors.length; a++) {
		const first = acceptors[a]!.accepted[instance - 1];
		if (first === undefined) continue;
		let bits = 0;
		let count = 0;
		for (let b = 0; b < acceptors.length; b++) {
			const other = acceptors[b]!.accepted[instance - 1];
			if (other && other.ballot.round === first.ballot.round && other.ballot.proposer === first.ballot.proposer && other.value.id === first.value.id) {
				bits |= 1 << b;
				count++;
			}
		}

		if (count >= need) return {ballot: first.ballot, value: first.value, acceptors: bits};
	}

	return undefined;
}

export function chosenValue(lamps: Lamps, instance: number): Chosen | undefined {
	return lamps.chosen[instance - 1]?.[0];
}

export function checkLamps(state: PaxosState, touched: ReadonlySet<number>, proposedNow: ReadonlyArray<readonly [number, string]>, acceptances: readonly Acceptance[]): Lamps {
	const old = state.lamps;
	if (touched.size === 0 && proposedNow.length === 0) return old.fresh.length === 0 ? old : {...old, fresh: []};
	let {acceptedBy} = old;
	const newlyChosen = new Map<number, {ballot: Ballot; value: Value}>();
	if (acceptances.length > 0) {
		const copy = acceptedBy.slice();
		const need = majority(state.acceptors.length);
		for (const {instance, acceptor, ballot, value} of acceptances) {
			const key = `${ballotText(ballot)}|${value.id}`;
			const here = {...copy[instance - 1]};
			const before = here[key] ?? 0;
			here[key] = before | (1 << acceptor);
			copy[instance - 1] = here;
			if (bitCount(before) < need && bitCount(here[key]) >= need) newlyChosen.set(instance, {ballot, value});
		}

		acceptedBy = copy;
	}

	let proposed = old.proposed;
	if (proposedNow.length > 0) {
		const copy = proposed.slice();
		for (const [instance, id] of proposedNow) {
			const list = copy[instance - 1] ?? [];
			if (!list.includes(id)) copy[instance - 1] = [...list, id];
		}

		proposed = copy;
	}

	let chosen = old.chosen;
	let chosenCount = old.chosenCount;
	const fresh: Violation[] = [];
	const broken = {...old.broken};
	const violate = (lamp: LampName, instance: number, text: string) => {
		const violation = {lamp, instance, text, event: state.events};
		fresh.push(violation);
		broken[lamp] ??= violation;
	};

	for (const instance of touched) {
		const before = chosen[instance - 1] ?? [];
		const now = newlyChosen.get(instance);
		if (now) {
			if (before.length > 0 && !before.some(item => item.value.id === now.value.id)) {
				violate('one-value', instance, `instance ${instance}: ${now.value.text} chosen at ${ballotText(now.ballot)} after ${before[0]!.value.text} was chosen at ${ballotText(before[0]!.ballot)}`);
			}

			if (!before.some(item => item.value.id === now.value.id)) {
				const copy = chosen.slice();
				copy[instance - 1] = [...before, {ballot: now.ballot, value: now.value, event: state.events, time: state.time}];
				chosen = copy;
				if (before.length === 0) chosenCount++;
				if (!(proposed[instance - 1] ?? []).includes(now.value.id)) violate('valid', instance, `instance ${instance}: ${now.value.text} was chosen but no proposer proposed it`);
			}
		}

		const holds = majorityHolds(state, instance);
		const first = (chosen[instance - 1] ?? [])[0];
		if (holds && first && first.value.id !== holds.value.id) {
			violate('stable', instance, `instance ${instance}: a majority now holds ${holds.value.text} (${ballotText(holds.ballot)}), not the chosen ${first.value.text}`);
		}

		const values = chosen[instance - 1] ?? [];
		let firstLearned: Value | undefined;
		for (const learner of state.learners) {
			const learned = learner.learned[instance - 1];
			if (learned === undefined) continue;
			if (!values.some(item => item.value.id === learned.id)) violate('learn', instance, `instance ${instance}: L${learner.id + 1} learned ${learned.text}, which was never chosen`);
			if (firstLearned === undefined) firstLearned = learned;
			else if (firstLearned.id !== learned.id) violate('apply', instance, `instance ${instance}: the learners hold ${firstLearned.text} and ${learned.text}`);
		}
	}

	const seen = (lamp: LampName) => old.broken[lamp] !== undefined;
	const fresher = fresh.filter(violation => !seen(violation.lamp));
	if (chosen === old.chosen && acceptedBy === old.acceptedBy && proposed === old.proposed && fresher.length === 0 && old.fresh.length === 0) return old;
	return {chosen, acceptedBy, proposed, broken, fresh: fresher, chosenCount};
}
