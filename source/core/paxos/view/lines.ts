/** The rows under the columns and the decision rows: the key rule in words, learners, messages in flight, the chosen value, the duel. */
import {seg, type Line, type Segment} from '../../engine/screen.js';
import {ballotText} from '../ballot.js';
import {firstHole} from '../learner.js';
import {acceptorList, majority, nodeCount, paxosNames} from '../names.js';
import {networkText} from '../../net/network.js';
import {currentLeader, instanceCount, isDueling, knownBy} from '../queries.js';
import {chosenValue, lampNames, lampText} from '../safety.js';
import type {PaxosState} from '../types.js';

/** Each proposer in phase 2 (or just preempted), with the value it must propose and why. */
export function reasonLines(state: PaxosState): Line[] {
	if (state.config.multi) return [];
	return state.proposers.flatMap(proposer => {
		if (proposer.phase === 'accept') return [[seg(`P${proposer.id + 1}: `, undefined, true), seg(proposer.note, proposer.note.includes('must') ? 'accent' : proposer.note.includes('bug') ? 'bad' : undefined)]];
		if (proposer.phase === 'wait') return [[seg(`P${proposer.id + 1}: `, undefined, true), seg(`preempted: ${proposer.note}`, 'warn')]];
		return [];
	});
}

export function learnerLines(state: PaxosState, width: number): Line[] {
	if (!state.config.multi) {
		const parts = state.learners.map(learner => {
			const value = learner.learned[0];
			return value === undefined ? `L${learner.id + 1} learned —` : `L${learner.id + 1} learned ${value.text} ✓`;
		});
		return [[seg(parts.join(' · '), 'dim')]];
	}

	return state.learners.map(learner => {
		const hole = firstHole(learner);
		const row: Segment[] = [seg(`L${learner.id + 1} `, undefined, true), seg(`applied ${learner.applied} │ `, 'dim')];
		const shown = Math.max(1, Math.floor((width - 40) / 7));
		const from = Math.max(1, learner.learned.length - shown + 1);
		for (let instance = from; instance <= learner.learned.length; instance++) {
			const value = learner.learned[instance - 1];
			row.push(value === undefined ? seg(`#${instance} ○hole `, 'warn') : seg(`#${instance} ${value.id} `, instance <= learner.applied ? 'dim' : undefined));
		}

		if (hole !== undefined) row.push(seg(`#${hole} blocks ${learner.learned.length - learner.applied - 1} `, 'warn'));
		row.push(seg(`│ ${state.model.summary(learner.machine)}`, 'dim'));
		return row;
	});
}

export function chosenLine(state: PaxosState): Line {
	if (state.config.multi) {
		const count = instanceCount(state);
		const leader = currentLeader(state);
		const chosen = state.lamps.chosenCount;
		const applied = state.learners.map(learner => `L${learner.id + 1} ${learner.applied}`).join(' ');
		return [
			seg(leader ? `★ P${leader.id + 1} leads (${ballotText(leader.ballot)}) · ` : '☆ no leader · ', leader ? 'accent' : 'warn'),
			seg(`chosen ${chosen} of ${count} instance${count === 1 ? '' : 's'} · applied ${applied}`),
		];
	}

	const chosen = chosenValue(state.lamps, 1);
	if (chosen === undefined && isDueling(state)) return [seg('○ nothing chosen: ', 'warn'), seg(`${state.proposers.filter(item => item.attempts > 0).map(item => `P${item.id + 1}`).join(' and ')} preempt each other: each Prepare beats the other's Accept`, 'warn')];
	if (chosen === undefined) return [seg('○ nothing chosen yet', 'dim'), seg(` (a majority is ${majority(state.config.acceptors)} acceptors accepting the same proposal)`, 'dim')];
	const known = knownBy(state, 1);
	const holders = state.acceptors.reduce((bits, acceptor) => (acceptor.accepted[0]?.value.id === chosen.value.id ? bits | (1 << acceptor.id) : bits), 0);
	return [
		seg(`✓ chosen ${chosen.value.text}`, 'good', true),
		seg(` (${ballotText(chosen.ballot)}, held by ${acceptorList(holders, state.config.acceptors)}) · `),
		known.length === 0 ? seg('unknown: nobody has counted a majority yet', 'warn') : seg(`known to ${known.join(' ')}`, 'good'),
	];
}

export function secondDecisionLine(state: PaxosState): Line {
	const broken = lampNames.filter(lamp => state.lamps.broken[lamp]);
	if (broken.length > 0) {
		const first = state.lamps.broken[broken[0]!]!;
		return [seg(`✗ ${lampText[first.lamp]}: `, 'bad', true), seg(first.text, 'bad')];
	}

	if (isDueling(state)) {
		return [seg(`⟳ ${state.roundsWithoutDecision} rounds, no decision · `, 'warn', true), seg('FLP 1985: async + 1 crash ⇒ no algorithm guarantees a decision', 'warn')];
	}

	const network = networkText(paxosNames(state.config), state.network, nodeCount(state.config));
	const parts = [state.adversary ? 'adversary ON: it holds each Accept until a higher Prepare overtakes it' : 'adversary off', state.leader ? 'leader by heartbeats' : 'no leader: every proposer proposes'];
	if (network !== 'network whole') parts.unshift(network);
	if (state.bugs.length > 0) parts.push(`bug ${state.bugs.join(', ')}`);
	return [seg(parts.join(' · '), state.adversary ? 'warn' : 'dim')];
}
