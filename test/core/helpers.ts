import {createSimulation, inputAt, step} from '../../source/core/voting/simulation.js';
import type {ScheduledFault} from '../../source/core/voting/fault.js';
import {modelNamed} from '../../source/core/models/index.js';
import type {Model} from '../../source/core/models/model.js';
import {quorumStatus} from '../../source/core/voting/quorum.js';
import {standingOf} from '../../source/core/voting/standing.js';
import type {SimState, Standing} from '../../source/core/voting/types.js';

export function sim(options: {model?: string; replicas?: number; seed?: number; faults?: ScheduledFault[]} = {}): SimState {
	return createSimulation({model: options.model ?? 'bank', replicas: options.replicas ?? 3, seed: options.seed ?? 7, faults: options.faults ?? []});
}

export function inputs(state: SimState, count: number): SimState {
	return count > 0 ? step(state, {type: 'input', count}) : state;
}

export function model(name: string): Model {
	const found = modelNamed(name);
	if (!found) throw new Error(`no model ${name}`);
	return found;
}

/**
 * The fault-free history, computed by hand from the model and the input
 * generator alone (no replicas, no voter): element i is the state after
 * inputs 1…i, element 0 the initial state.
 */
export function faultFreeStates(modelName: string, seed: number, count: number): unknown[] {
	const m = model(modelName);
	const view = {model: m, config: {model: modelName, replicas: 1, seed, faults: []}};
	const states: unknown[] = [m.initial()];
	for (let i = 1; i <= count; i++) states.push(m.apply(states[i - 1], inputAt(view, i)));
	return states;
}

export function faultFreeDigests(modelName: string, seed: number, count: number): number[] {
	const m = model(modelName);
	return faultFreeStates(modelName, seed, count).map(state => m.digest(state));
}

/** Everything in a simulation that is plain data, as JSON would carry it. */
export function projection(state: SimState): unknown {
	const {model: _model, ...rest} = state;
	return JSON.parse(JSON.stringify(rest));
}

/** Where replica `id` stands with the decided votes now (closed and open). */
export function standing(state: SimState, id: number): Standing {
	return standingOf(state, state.replicas[id]!);
}

/** The first index replica `id` ever disagreed with a decided value, or null. */
export function firstDivergence(state: SimState, id: number): number | null {
	return standing(state, id).firstDivergence;
}

/** Who the quorum line names as out of line, as [name, reason, divergedSince or how far behind]. */
export function flagged(state: SimState): Array<[string, string, number | null]> {
	return quorumStatus(state).outOfLine.map(entry => [entry.name, entry.reason, entry.reason === 'diverged' ? entry.divergedSince : entry.behind]);
}
