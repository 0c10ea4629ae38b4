/**
 * Shrinking a counterexample until a student can follow it. Every candidate
 * is replayed through the mode's core and kept only if it still breaks
 * a safety property (with the bug on, any violation is the bug's doing);
 * the work is bounded by an event budget. In order:
 *
 * 1. drop the actions the violation does not need (halves, then quarters, …
 *    then single actions, as in delta debugging): requests are actions of
 *    the plan too, so only the ones the violation needs stay;
 * 2. shorten the waits: move each action, and every one after it, earlier,
 *    as long as the violation still comes, and sooner;
 * 3. drop actions again (an earlier plan may need fewer).
 */
import {replayPlan, type PlannedAction, type RunOutcome} from './run.js';
import type {FuzzTarget, FuzzViolation} from './target.js';

/** Events all replays of one shrink may handle together. */
export const shrinkBudget = 2_000_000;

type Plan<A> = ReadonlyArray<PlannedAction<A>>;

class Shrinker<P, C, S, A, V extends FuzzViolation> {
	spent = 0;

	constructor(
		readonly target: FuzzTarget<P, C, S, A, V>,
		readonly events: number,
		readonly budget: number,
		public best: RunOutcome<C, S, A, V>,
	) {}

	get done(): boolean {
		return this.spent >= this.budget;
	}

	/**
	 * Replays a candidate; keeps it if it breaks a property (and `better`
	 * says it is an improvement). A candidate may run to twice the best's
	 * events (and a little): one that breaks only much later is no simpler.
	 */
	try(config: C, actions: Plan<A>, better: (candidate: RunOutcome<C, S, A, V>) => boolean = () => true): boolean {
		const candidate = replayPlan(this.target, config, actions, Math.min(this.events, 2 * this.best.events + 100), 'time');
		this.spent += candidate.events;
		if (candidate.violation === undefined || !better(candidate)) return false;
		this.best = candidate;
		return true;
	}

	/** Passes of delta debugging until one removes nothing (or the budget is spent). */
	dropActions(): void {
		for (let length = Infinity; this.best.actions.length < length && !this.done; ) {
			length = this.best.actions.length;
			let chunk = Math.ceil(this.best.actions.length / 2);
			while (chunk >= 1 && !this.done) {
				let start = 0;
				while (start < this.best.actions.length && !this.done) {
					const {actions} = this.best;
					if (!this.try(this.best.config, [...actions.slice(0, start), ...actions.slice(start + chunk)])) start += chunk;
				}

				chunk = chunk === 1 ? 0 : Math.ceil(chunk / 2);
			}
		}
	}

	/** Moves each action, with every action after it, earlier by as much as still breaks a property sooner. */
	shortenWaits(): void {
		for (let index = 0; index < this.best.actions.length && !this.done; index++) {
			const {actions} = this.best;
			const gap = actions[index]!.time - (index === 0 ? 0 : actions[index - 1]!.time);
			for (let shift = gap; shift >= 1 && !this.done; shift = Math.floor(shift / 2)) {
				const moved = actions.map((planned, i) => (i < index ? planned : {...planned, time: planned.time - shift}));
				if (this.try(this.best.config, moved, candidate => candidate.events < this.best.events)) break;
			}
		}
	}
}

export function shrinkRun<P, C, S, A, V extends FuzzViolation>(
	target: FuzzTarget<P, C, S, A, V>,
	config: C,
	found: RunOutcome<C, S, A, V>,
	events: number,
	budget = shrinkBudget,
): RunOutcome<C, S, A, V> {
	if (found.violation === undefined) return found;
	// The run itself, replayed by time: the plan shrinking starts from (if it still breaks a property).
	const start = replayPlan(target, config, found.actions, events, 'time');
	if (start.violation === undefined) return found;
	const shrinker = new Shrinker(target, events, budget, start);
	shrinker.spent = start.events;
	shrinker.dropActions();
	shrinker.shortenWaits();
	shrinker.dropActions();
	return shrinker.best;
}
