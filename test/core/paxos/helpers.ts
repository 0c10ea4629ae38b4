import {applyAction} from '../../../source/core/paxos/actions.js';
import {parsePaxosConfig} from '../../../source/core/paxos/config.js';
import {advance, createPaxos} from '../../../source/core/paxos/engine.js';
import type {PaxosState} from '../../../source/core/paxos/types.js';
import type {RawFlags} from '../../../source/core/engine/mode.js';

export function start(flags: RawFlags = {}): PaxosState {
	return createPaxos(parsePaxosConfig(flags));
}

/** Steps until `done` holds (at most `cap` events), applying `act` after every event. */
export function runUntil(state: PaxosState, done: (state: PaxosState) => boolean, cap = 5000, act?: (state: PaxosState) => PaxosState): PaxosState {
	let current = state;
	for (let i = 0; i < cap && !done(current); i++) {
		const next = advance(current, 1);
		if (next === current) break;
		current = act ? act(next) : next;
	}

	return current;
}

export const red = (state: PaxosState) => Object.keys(state.lamps.broken);
export {applyAction};
