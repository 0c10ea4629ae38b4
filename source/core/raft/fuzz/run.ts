/**
 * One fuzz run: a cluster from a seed, driven event by event through the same
 * core as the live mode, with the adversary's actions in between, until a
 * safety property breaks or the event budget is spent. What it did is kept as
 * a plan: each action with the point of the run where it was taken, both as
 * a count of events (what a scenario's `step N` lines replay exactly) and as
 * a virtual time and the events handled at that very millisecond before it
 * (what a shrunk plan keeps, so that leaving one action out moves the others
 * as little as possible).
 */
import {applyAction} from '../actions.js';
import {createRaft, handleNextEvent, nextTime} from '../engine.js';
import type {Violation} from '../safety/properties.js';
import type {RaftAction, RaftConfig, RaftState} from '../types.js';
import {Adversary, defaultTactics, type Tactics} from './adversary.js';

export type PlannedAction = {
	readonly action: RaftAction;
	/** Events handled before it. */
	readonly after: number;
	/** The virtual time it was taken at, and how many events at that time came before it. */
	readonly time: number;
	readonly nth: number;
};

export type RunOutcome = {
	readonly config: RaftConfig;
	readonly actions: readonly PlannedAction[];
	/** Events handled. */
	readonly events: number;
	readonly state: RaftState;
	/** The first violation, if one was seen (the run stopped there). */
	readonly violation?: Violation;
};

/** A run being driven: the state, the actions taken, and where in the current millisecond it is. */
class Driver {
	state: RaftState;
	readonly actions: PlannedAction[] = [];
	/** Events handled at the state's time so far. */
	nth = 0;

	constructor(readonly config: RaftConfig) {
		this.state = createRaft(config);
	}

	get broken(): boolean {
		return this.state.safety.fresh.length > 0;
	}

	/** Applies an action; true if it broke a property. */
	act(action: RaftAction): boolean {
		const {state} = this;
		this.actions.push({action, after: state.events, time: state.time, nth: this.nth});
		this.state = applyAction(state, action);
		return this.broken;
	}

	/** Handles the next event; true if it broke a property. */
	step(): boolean {
		const before = this.state.time;
		this.state = handleNextEvent(this.state);
		this.nth = this.state.time === before ? this.nth + 1 : 1;
		return this.broken;
	}

	outcome(): RunOutcome {
		const violation = this.state.safety.fresh[0];
		return {config: this.config, actions: this.actions, events: this.state.events, state: this.state, ...(violation === undefined ? {} : {violation})};
	}
}

/** Drives a cluster with the adversary for at most `events` events. */
export function adversaryRun(config: RaftConfig, events: number, tactics: Tactics = defaultTactics): RunOutcome {
	const adversary = new Adversary(config.seed, config.servers, tactics);
	const run = new Driver(config);
	const act = (actions: readonly RaftAction[]) => actions.some(action => run.act(action));
	while (run.state.events < events) {
		const time = nextTime(run.state) ?? adversary.nextRepair();
		if (time === undefined || act(adversary.before(run.state, time))) break;
		if (nextTime(run.state) === undefined) continue;
		if (run.step() || act(adversary.after(run.state))) break;
	}

	return run.outcome();
}

/** Whether `planned` is due before the next event (due at `next`, if any): its moment has come, or no event comes before it. */
function isDue(run: Driver, planned: PlannedAction, next: number | undefined, by: 'events' | 'time'): boolean {
	if (by === 'events') return planned.after <= run.state.events;
	if (next === undefined || next > planned.time) return true;
	return planned.time === run.state.time && planned.nth <= run.nth;
}

/**
 * Replays a plan and stops at the first violation or after `events` events.
 * By events: each action after exactly its number of events (the plan of a
 * run replays it exactly). By time: each action at its time, after as many
 * events of that millisecond as before (for a plan with actions left out).
 */
export function replayPlan(config: RaftConfig, actions: readonly PlannedAction[], events: number, by: 'events' | 'time' = 'events'): RunOutcome {
	const run = new Driver(config);
	let index = 0;
	while (true) {
		while (index < actions.length && isDue(run, actions[index]!, nextTime(run.state), by)) {
			if (run.act(actions[index++]!.action)) return run.outcome();
		}

		if (run.state.events >= events || nextTime(run.state) === undefined) break;
		if (run.step()) break;
	}

	return run.outcome();
}
