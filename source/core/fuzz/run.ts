/**
 * One fuzz run: a config from a seed, driven event by event through the
 * mode's core, with the adversary's actions in between, until a violation or
 * the event budget is spent. What it did is kept as a plan: each action with
 * the point of the run where it was taken, both as a count of events (what a
 * scenario's `step N` lines replay exactly) and as a virtual time and the
 * events handled at that very millisecond before it (what a shrunk plan
 * keeps, so that leaving one action out moves the others as little as
 * possible).
 */
import type {FuzzTarget, FuzzViolation} from './target.js';

export type PlannedAction<A> = {
	readonly action: A;
	/** Events handled before it. */
	readonly after: number;
	/** The virtual time it was taken at, and how many events at that time came before it. */
	readonly time: number;
	readonly nth: number;
};

export type RunOutcome<C, S, A, V extends FuzzViolation = FuzzViolation> = {
	readonly config: C;
	readonly actions: ReadonlyArray<PlannedAction<A>>;
	/** Events handled. */
	readonly events: number;
	readonly state: S;
	/** The first violation, if one was seen (the run stopped there). */
	readonly violation?: V;
};

/** A run being driven: the state, the actions taken, and where in the current millisecond it is. */
class Driver<P, C, S, A, V extends FuzzViolation> {
	state: S;
	readonly actions: Array<PlannedAction<A>> = [];
	/** Events handled at the state's time so far. */
	nth = 0;

	constructor(
		readonly target: FuzzTarget<P, C, S, A, V>,
		readonly config: C,
	) {
		this.state = target.create(config);
	}

	get events(): number {
		return this.target.events(this.state);
	}

	get broken(): boolean {
		return this.target.violation(this.state) !== undefined;
	}

	next(): number | undefined {
		return this.target.nextTime(this.state);
	}

	/** Applies an action; true if it broke a property. */
	act(action: A): boolean {
		const {state, target} = this;
		this.actions.push({action, after: target.events(state), time: target.time(state), nth: this.nth});
		this.state = target.apply(state, action);
		return this.broken;
	}

	/** Handles the next event; true if it broke a property. */
	step(): boolean {
		const {target} = this;
		const before = target.time(this.state);
		this.state = target.step(this.state);
		this.nth = target.time(this.state) === before ? this.nth + 1 : 1;
		return this.broken;
	}

	outcome(): RunOutcome<C, S, A, V> {
		const violation = this.target.violation(this.state);
		return {config: this.config, actions: this.actions, events: this.events, state: this.state, ...(violation === undefined ? {} : {violation})};
	}
}

/** Drives a run with the mode's adversary for at most `events` events. */
export function adversaryRun<P, C, S, A, V extends FuzzViolation>(target: FuzzTarget<P, C, S, A, V>, setup: P, config: C, events: number): RunOutcome<C, S, A, V> {
	const adversary = target.adversary(config, setup);
	const run = new Driver(target, config);
	const act = (actions: readonly A[]) => actions.some(action => run.act(action));
	while (run.events < events) {
		const time = run.next() ?? adversary.nextRepair();
		if (time === undefined || act(adversary.before(run.state, time))) break;
		if (run.next() === undefined) continue;
		if (run.step() || act(adversary.after(run.state))) break;
	}

	return run.outcome();
}

/** Whether `planned` is due before the next event (due at `next`, if any): its moment has come, or no event comes before it. */
function isDue<A>(run: Driver<unknown, unknown, unknown, A, FuzzViolation>, planned: PlannedAction<A>, next: number | undefined, by: 'events' | 'time'): boolean {
	if (by === 'events') return planned.after <= run.events;
	if (next === undefined || next > planned.time) return true;
	return planned.time === run.target.time(run.state) && planned.nth <= run.nth;
}

/**
 * Replays a plan and stops at the first violation or after `events` events.
 * By events: each action after exactly its number of events (the plan of a
 * run replays it exactly). By time: each action at its time, after as many
 * events of that millisecond as before (for a plan with actions left out).
 */
export function replayPlan<P, C, S, A, V extends FuzzViolation>(
	target: FuzzTarget<P, C, S, A, V>,
	config: C,
	actions: ReadonlyArray<PlannedAction<A>>,
	events: number,
	by: 'events' | 'time' = 'events',
): RunOutcome<C, S, A, V> {
	const run = new Driver(target, config);
	let index = 0;
	while (true) {
		while (index < actions.length && isDue(run as never, actions[index]!, run.next(), by)) {
			if (run.act(actions[index++]!.action)) return run.outcome();
		}

		if (run.events >= events || run.next() === undefined) break;
		if (run.step()) break;
	}

	return run.outcome();
}

