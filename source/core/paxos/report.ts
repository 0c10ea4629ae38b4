/**
 * Headless output: the --json report, the plain summary, and the --trace
 * lines. Every trace line carries, in full, each proposer, acceptor and
 * learner the event changed, so the trace rebuilds every one of them.
 */
import {ballotText} from './ballot.js';
import {acceptorList, nodeCount, nodeName, paxosNames} from './names.js';
import {networkText} from '../net/network.js';
import {currentLeader, instanceCount, knownBy} from './queries.js';
import {lampNames} from './safety.js';
import type {Acceptor, Learner, Message, PaxosState, Proposer, Value} from './types.js';

const valueJson = (value: Value | undefined) => (value === undefined ? null : value.text);

export function acceptorJson(acceptor: Acceptor) {
	return {
		up: acceptor.up,
		promised: acceptor.promised === null ? null : ballotText(acceptor.promised),
		accepted: acceptor.accepted.flatMap((proposal, index) => (proposal ? [{instance: index + 1, n: ballotText(proposal.ballot), value: proposal.value.text}] : [])),
		last: acceptor.last,
	};
}

export function proposerJson(state: PaxosState, proposer: Proposer) {
	return {
		up: proposer.up,
		round: proposer.round,
		phase: proposer.phase,
		n: proposer.ballot === null ? null : ballotText(proposer.ballot),
		promises: acceptorList(proposer.promises, state.config.acceptors).split(' ').filter(Boolean),
		adopted: proposer.adopted.flatMap((item, index) => (item ? [{instance: index + 1, n: ballotText(item.ballot), value: item.value.text, from: `A${item.from + 1}`}] : [])),
		proposing: proposer.proposing.flatMap((item, index) => (item ? [{instance: index + 1, value: item.value.text, accepted: acceptorList(item.acks, state.config.acceptors).split(' ').filter(Boolean), reason: item.reason}] : [])),
		waiting: proposer.waiting.map(value => value.text),
		attempts: proposer.attempts,
		note: proposer.note,
	};
}

export function learnerJson(state: PaxosState, learner: Learner) {
	return {learned: learner.learned.map(valueJson), applied: learner.applied, state: state.model.summary(learner.machine)};
}

function messageJson(state: PaxosState, message: Message) {
	const {body} = message;
	return {
		id: message.id,
		from: nodeName(state.config, message.from),
		to: nodeName(state.config, message.to),
		type: body.type,
		...('ballot' in body ? {n: ballotText(body.ballot)} : {}),
		...('instance' in body && body.type !== 'Nack' ? {instance: body.instance} : {}),
		...('value' in body ? {value: body.value.text} : {}),
		...(body.type === 'Nack' ? {promised: ballotText(body.promised)} : {}),
		...(body.type === 'Promise' ? {accepted: body.accepted.map(item => ({instance: item.instance, n: ballotText(item.ballot), value: item.value.text}))} : {}),
	};
}

function nodesJson(state: PaxosState, ids: readonly number[]) {
	const {proposers, acceptors} = state.config;
	const out: Record<string, unknown> = {};
	for (const id of ids) {
		if (id < proposers) out[nodeName(state.config, id)] = proposerJson(state, state.proposers[id]!);
		else if (id < proposers + acceptors) out[nodeName(state.config, id)] = acceptorJson(state.acceptors[id - proposers]!);
		else out[nodeName(state.config, id)] = learnerJson(state, state.learners[id - proposers - acceptors]!);
	}

	return out;
}

function allNodes(state: PaxosState): number[] {
	const {proposers, acceptors, learners} = state.config;
	return Array.from({length: proposers + acceptors + learners}, (_, id) => id);
}

function chosenJson(state: PaxosState) {
	return state.lamps.chosen.map((items, index) => ({instance: index + 1, values: (items ?? []).map(item => ({n: ballotText(item.ballot), value: item.value.text})), knownBy: knownBy(state, index + 1)}));
}

function lampsJson(state: PaxosState) {
	return Object.fromEntries(lampNames.map(lamp => [lamp, state.lamps.broken[lamp] === undefined ? 'green' : 'red']));
}

export function paxosReport(state: PaxosState) {
	const leader = currentLeader(state);
	return {
		mode: 'paxos',
		seed: state.config.seed,
		multi: state.config.multi,
		time: state.time,
		events: state.events,
		adversary: state.adversary,
		network: networkText(paxosNames(state.config), state.network, nodeCount(state.config)),
		leader: leader === undefined ? null : `P${leader.id + 1}`,
		bugs: state.bugs,
		instances: instanceCount(state),
		chosen: chosenJson(state),
		roundsWithoutDecision: state.roundsWithoutDecision,
		lamps: lampsJson(state),
		violations: lampNames.flatMap(lamp => (state.lamps.broken[lamp] ? [state.lamps.broken[lamp]] : [])),
		stats: state.stats,
		nodes: nodesJson(state, allNodes(state)),
	};
}

export function paxosSummary(state: PaxosState): string {
	const chosen = state.lamps.chosen.map((items, index) => `#${index + 1} ${(items ?? []).map(item => `${item.value.text}@${ballotText(item.ballot)}`).join('+') || '—'}`);
	const red = lampNames.filter(lamp => state.lamps.broken[lamp]);
	return [
		`paxos${state.config.multi ? ' (multi)' : ''} · seed ${state.config.seed} · t=${state.time}ms · ${state.events} events · ${state.stats.rounds} phase-1 rounds · ${state.stats.sent} messages`,
		`chosen: ${chosen.length === 0 ? 'nothing' : chosen.slice(0, 20).join(' · ')}${state.config.multi ? ` · applied ${state.learners.map(learner => `L${learner.id + 1} ${learner.applied}`).join(' ')}` : ''}`,
		red.length === 0 ? 'lamps: all green' : `lamps RED: ${red.map(lamp => `${lamp} (${state.lamps.broken[lamp]!.text})`).join('; ')}`,
	].join('\n');
}

export function paxosTraceLine(state: PaxosState) {
	const record = state.last;
	return {
		event: record.n,
		t: record.time,
		kind: record.kind,
		text: record.text,
		message: record.message === null ? null : messageJson(state, record.message),
		sent: record.sent.map(message => messageJson(state, message)),
		changed: nodesJson(state, record.changed),
		...(record.kind === 'action' ? {adversary: state.adversary, leader: state.leader, bugs: state.bugs, network: networkText(paxosNames(state.config), state.network, nodeCount(state.config))} : {}),
		...(state.lamps.fresh.length > 0 ? {violations: state.lamps.fresh} : {}),
	};
}

export function paxosTraceStart(state: PaxosState) {
	return {event: state.events, t: state.time, kind: 'start', text: state.last.kind === 'start' ? state.last.text : '', adversary: state.adversary, leader: state.leader, bugs: state.bugs, nodes: nodesJson(state, allNodes(state))};
}
