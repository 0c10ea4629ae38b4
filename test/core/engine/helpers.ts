import type {ScheduledFault} from '../../../source/core/voting/fault.js';
import type {AnyMode} from '../../../source/core/engine/mode.js';
import {createSession, sessionStep, type Session, type SessionAction} from '../../../source/core/engine/session.js';
import type {SimState} from '../../../source/core/voting/types.js';
import {votingMode, type VotingAction} from '../../../source/core/voting/mode.js';
import {projection} from '../helpers.js';

export type VotingSession = Session<SimState, VotingAction>;

export type SessionOptions = {
	readonly model?: string;
	readonly replicas?: number;
	readonly seed?: number;
	readonly faults?: readonly ScheduledFault[];
	readonly paused?: boolean;
	readonly speed?: number;
	/** The mode to run the voting simulation through (e.g. a counting wrapper). */
	readonly mode?: AnyMode;
};

/** A voting session as the CLI makes one, from a seed and a few flags. */
export function votingSession(options: SessionOptions = {}): VotingSession {
	const mode = options.mode ?? votingMode;
	const sim = votingMode.create({model: options.model ?? 'bank', replicas: options.replicas ?? 3, seed: options.seed ?? 7, faults: options.faults ?? [], rate: undefined});
	return createSession(mode, sim, {paused: options.paused, speed: options.speed}) as VotingSession;
}

export const run = (session: VotingSession, ...actions: SessionAction[]): VotingSession => actions.reduce<VotingSession>((current, action) => sessionStep(current, action), session);

export function ticks(session: VotingSession, ms: number, times: number): VotingSession {
	let next = session;
	for (let i = 0; i < times; i++) next = sessionStep(next, {type: 'tick', ms});
	return next;
}

/** A simulation as bytes: everything but the model's functions, as JSON. Equal bytes, equal states. */
export const bytes = (sim: SimState): string => JSON.stringify(projection(sim));

/**
 * The voting mode with a counter on every event it handles (advance, runUntil):
 * how step back is shown to replay a bounded number of events, with no timing.
 */
export function countingMode(): {mode: AnyMode; events: () => number; calls: () => number; reset: () => void} {
	let events = 0;
	let calls = 0;
	const mode: AnyMode = {
		...votingMode,
		advance(state: SimState, count: number) {
			calls++;
			events += Math.max(0, count);
			return votingMode.advance(state, count);
		},
		runUntil(state: SimState, time: number, cap: number) {
			const result = votingMode.runUntil(state, time, cap);
			calls++;
			events += result.count;
			return result;
		},
	};
	return {
		mode,
		events: () => events,
		calls: () => calls,
		reset() {
			events = 0;
			calls = 0;
		},
	};
}
