/**
 * Paxos's safety under any schedule: random seeds, latencies, crashes and
 * restarts (of any number of acceptors and proposers), dropped and hurried
 * messages, partitions and lossy links (the shared network's faults), new proposals, the adversary and the leader switched at random.
 * With no bug on, every lamp stays green.
 */
import {describe, expect, test} from 'vitest';
import {Draw} from '../../../source/core/engine/random.js';
import {inFlight} from '../../../source/core/paxos/queries.js';
import {lampNames} from '../../../source/core/paxos/safety.js';
import type {PaxosAction, PaxosState} from '../../../source/core/paxos/types.js';
import {advance} from '../../../source/core/paxos/engine.js';
import {applyAction, start} from './helpers.js';

function randomAction(state: PaxosState, draw: Draw): PaxosAction | undefined {
	const {proposers, acceptors} = state.config;
	const nodes = proposers + acceptors;
	switch (draw.int(10)) {
		case 0: {
			const node = draw.int(nodes);
			const up = node < proposers ? state.proposers[node]!.up : state.acceptors[node - proposers]!.up;
			return {type: up ? 'crash' : 'restart', node};
		}

		case 1:
		case 2: {
			const items = inFlight(state);
			if (items.length === 0) return undefined;
			return {type: draw.int(2) === 0 ? 'drop' : 'deliver', pick: {by: 'id', id: items[draw.int(items.length)]!.event.message.id}};
		}

		case 3:
			return {type: 'propose', proposer: draw.int(proposers)};
		case 4:
			return {type: 'adversary', on: !state.adversary};
		case 5:
			return {type: 'leader', on: !state.leader};
		case 6:
			return {type: 'request'};
		case 7:
			return draw.int(2) === 0 ? {type: 'heal'} : {type: 'partition', groups: [[draw.int(nodes)], [draw.int(nodes)]].filter((group, index, all) => index === 0 || group[0] !== all[0]![0])};
		case 8:
			return {type: 'loss', probability: [0, 0.2, 0.5][draw.int(3)]!};
		default:
			return undefined;
	}
}

function fuzzRun(seed: number, multi: boolean, events: number, bug: string[] = []): PaxosState {
	const draw = new Draw(seed * 7919 + (multi ? 1 : 0));
	let state = start({
		seed: String(seed),
		multi,
		proposers: String(1 + draw.int(3)),
		acceptors: String([3, 5][draw.int(2)]),
		latency: `${1 + draw.int(5)}-${10 + draw.int(60)}`,
		stagger: String(draw.int(100)),
		...(draw.int(3) === 0 ? {adversary: true} : {}),
		bug,
	});
	for (let i = 0; i < events; i++) {
		if (draw.int(6) === 0) {
			const action = randomAction(state, draw);
			if (action) state = applyAction(state, action);
		}

		// Keep a run going: bring everyone back now and then, and propose again.
		if (i % 150 === 149) for (let node = 0; node < state.config.proposers + state.config.acceptors; node++) state = applyAction(state, {type: 'restart', node});
		const next = advance(state, 1);
		if (next === state) state = applyAction(state, {type: 'propose', proposer: draw.int(state.config.proposers)});
		else state = next;
	}

	return state;
}

describe('with no bug on, every lamp stays green under random schedules', () => {
	test('single-decree: 60 seeds × 400 events', () => {
		let decided = 0;
		for (let seed = 1; seed <= 60; seed++) {
			const state = fuzzRun(seed, false, 400);
			expect(lampNames.filter(lamp => state.lamps.broken[lamp]), `seed ${seed}`).toEqual([]);
			if (state.lamps.chosenCount > 0) decided++;
		}

		// The schedules are not all hopeless: most runs decide.
		expect(decided).toBeGreaterThan(30);
	});

	test('Multi-Paxos: 30 seeds × 800 events', () => {
		let chosen = 0;
		for (let seed = 1; seed <= 30; seed++) {
			const state = fuzzRun(seed, true, 800);
			expect(lampNames.filter(lamp => state.lamps.broken[lamp]), `seed ${seed}`).toEqual([]);
			chosen += state.lamps.chosenCount;
		}

		expect(chosen).toBeGreaterThan(30);
	});

	test('the same random schedules break a lamp with a bug on (the check can fail)', () => {
		for (const bug of ['ignore-promised-values', 'accept-below-promise']) {
			let broken = 0;
			for (let seed = 1; seed <= 30; seed++) if (Object.keys(fuzzRun(seed, false, 400, [bug]).lamps.broken).length > 0) broken++;
			expect(broken, bug).toBeGreaterThan(0);
		}
	});
});
