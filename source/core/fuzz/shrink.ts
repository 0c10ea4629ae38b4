/**
 * Shrinking a counterexample: drop the adversary's actions that the
 * violation does not need (halves, then quarters, … then single actions, as
 * in delta debugging), replaying each candidate plan through the mode's core,
 * and keep any plan that still breaks the same property. A shorter plan is a
 * scenario a lecture can follow. The work is bounded by an event budget.
 */
import {replayPlan, type PlannedAction, type RunOutcome} from './run.js';
import type {FuzzTarget, FuzzViolation} from './target.js';

/** Events all replays of one shrink may handle together. */
export const shrinkBudget = 2_000_000;

export function shrinkRun<P, C, S, A, V extends FuzzViolation>(
	target: FuzzTarget<P, C, S, A, V>,
	config: C,
	found: RunOutcome<C, S, A, V>,
	events: number,
	budget = shrinkBudget,
): RunOutcome<C, S, A, V> {
	const property = found.violation?.property;
	if (property === undefined) return found;
	// The run itself, replayed by time: the plan shrinking starts from (if it still breaks the property).
	let best = replayPlan(target, config, found.actions, events, 'time');
	let spent = best.events;
	if (best.violation?.property !== property) return found;
	const tryPlan = (actions: ReadonlyArray<PlannedAction<A>>): boolean => {
		const candidate = replayPlan(target, config, actions, events, 'time');
		spent += candidate.events;
		if (candidate.violation?.property !== property) return false;
		best = candidate;
		return true;
	};

	// Passes until one removes nothing (or the budget is spent).
	for (let length = Infinity; best.actions.length < length && spent < budget; ) {
		length = best.actions.length;
		let chunk = Math.ceil(best.actions.length / 2);
		while (chunk >= 1 && spent < budget) {
			let start = 0;
			while (start < best.actions.length && spent < budget) {
				const actions = [...best.actions.slice(0, start), ...best.actions.slice(start + chunk)];
				if (!tryPlan(actions)) start += chunk;
			}

			chunk = chunk === 1 ? 0 : Math.ceil(chunk / 2);
		}
	}

	return best;
}
