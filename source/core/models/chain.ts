import {hash2} from '../engine/random.js';
import type {Model} from './model.js';

/** The course's demo machine: START → STATE1 → … → END, then round again. */
export const chainStates = ['START', 'STATE1', 'STATE2', 'STATE3', 'STATE4', 'END'] as const;

export type ChainState = {readonly position: number; readonly rounds: number};
export type ChainInput = {readonly kind: 'next'};

const name = (state: ChainState) => chainStates[state.position]!;
/** Rounds are counted from 1: START (round 1) → … → END → START (round 2). */
const withRound = (state: ChainState) => `${name(state)} (round ${state.rounds + 1})`;

export const chain: Model<ChainState, ChainInput> = {
	name: 'chain',
	teaches: 'the course demo: each input moves one state on, so one skipped transition shows at once',
	initial: () => ({position: 0, rounds: 0}),
	generate: () => ({kind: 'next'}),
	apply(state) {
		const position = (state.position + 1) % chainStates.length;
		return {position, rounds: position === 0 ? state.rounds + 1 : state.rounds};
	},
	applyReadingClock(state, input, clock) {
		const moved = chain.apply(state, input);
		return clock % 2 === 0 ? moved : chain.apply(moved, input);
	},
	readsClock: 'moves two states on instead of one when the clock’s milliseconds are odd',
	describeInput: () => 'next',
	// A new round shows where it starts: two STARTs of different rounds are different states.
	describeResult: (_before, _input, after) => `→ ${after.position === 0 ? withRound(after) : name(after)}`,
	// Every input is "next": short lines leave it out ("#6 → START r2").
	shortInput: () => '',
	shortResult: (_before, _input, after) => `→ ${after.position === 0 ? `${name(after)} r${after.rounds + 1}` : name(after)}`,
	describeState: state => [
		['state', name(state)],
		['round', String(state.rounds + 1)],
	],
	summary: withRound,
	summaryOf: (state, labels) => (labels.has('round') ? (labels.has('state') ? withRound(state) : `round ${state.rounds + 1}`) : name(state)),
	// The round only where another state has the same name: "START r3" beside "START r2", "END" alone.
	terseValues: states => states.map(state => (states.some(other => other.position === state.position && other.rounds !== state.rounds) ? `${name(state)} r${state.rounds + 1}` : name(state))),
	digest: state => hash2(state.position, state.rounds),
	corrupt(state, draw) {
		const position = (state.position + 1 + draw.int(chainStates.length - 1)) % chainStates.length;
		return {position, rounds: state.rounds};
	},
};
