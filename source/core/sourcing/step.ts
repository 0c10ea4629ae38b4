import {processCommand} from './pipelines.js';
import {replayStep} from './replay.js';
import type {SourcingState} from './state.js';

/** One event: the next replay step while a replay runs, else the next command through both pipelines. */
export function step(state: SourcingState): SourcingState {
	return state.replay ? replayStep(state) : processCommand(state);
}

export function steps(state: SourcingState, count: number): SourcingState {
	let current = state;
	for (let i = 0; i < count; i++) current = step(current);
	return current;
}
