import type {FaultType} from './fault.js';
import {step} from './simulation.js';
import type {SimState} from './types.js';

/** Speeds the +/- keys move between, in inputs per second. */
export const rateLadder = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000, 2000, 5000, 10_000] as const;
export const maxRate = 100_000;
/** At most this many inputs are issued for one tick, so a stalled clock cannot freeze the screen. */
const maxInputsPerTick = 50_000;

export type Overlay = 'none' | 'fault-menu' | 'help';

/** Everything on screen: the simulation plus how the user is watching it. */
export type Session = {
	readonly sim: SimState;
	readonly paused: boolean;
	readonly rate: number;
	readonly selected: number;
	readonly overlay: Overlay;
	/** Virtual milliseconds not yet turned into an input. */
	readonly carryMs: number;
	readonly caption: readonly string[];
	/** A scenario is holding at a pause point until the presenter continues. */
	readonly awaitingPresenter: boolean;
};

export type SessionAction =
	| {readonly type: 'tick'; readonly ms: number}
	| {readonly type: 'toggle-pause'}
	| {readonly type: 'step'}
	| {readonly type: 'select'; readonly replica: number}
	| {readonly type: 'select-by'; readonly delta: number}
	| {readonly type: 'open-fault-menu'}
	| {readonly type: 'inject'; readonly fault: FaultType}
	| {readonly type: 'repair'}
	| {readonly type: 'faster'}
	| {readonly type: 'slower'}
	| {readonly type: 'toggle-help'}
	| {readonly type: 'close-overlay'}
	| {readonly type: 'caption'; readonly lines: readonly string[]}
	| {readonly type: 'await-presenter'}
	| {readonly type: 'continue'};

export function createSession(sim: SimState, options: {paused?: boolean; rate?: number} = {}): Session {
	return {sim, paused: options.paused ?? false, rate: options.rate ?? 2, selected: 0, overlay: 'none', carryMs: 0, caption: [], awaitingPresenter: false};
}

export function sessionStep(session: Session, action: SessionAction): Session {
	const count = session.sim.replicas.length;
	switch (action.type) {
		case 'tick':
			return tick(session, action.ms);
		case 'toggle-pause':
			return {...session, paused: !session.paused, carryMs: 0};
		case 'step':
			return {...session, paused: true, carryMs: 0, sim: step(session.sim, {type: 'input'})};
		case 'select':
			return action.replica >= 0 && action.replica < count ? {...session, selected: action.replica} : session;
		case 'select-by':
			return {...session, selected: (((session.selected + action.delta) % count) + count) % count};
		case 'open-fault-menu':
			return {...session, overlay: 'fault-menu'};
		case 'inject':
			return {...session, overlay: 'none', sim: step(session.sim, {type: 'inject', replica: session.selected, fault: action.fault})};
		case 'repair':
			return {...session, sim: step(session.sim, {type: 'repair', replica: session.selected})};
		case 'faster':
			return {...session, rate: rateLadder.find(rate => rate > session.rate) ?? session.rate};
		case 'slower':
			return {...session, rate: rateLadder.findLast(rate => rate < session.rate) ?? session.rate};
		case 'toggle-help':
			return {...session, overlay: session.overlay === 'help' ? 'none' : 'help'};
		case 'close-overlay':
			return session.overlay === 'none' ? session : {...session, overlay: 'none'};
		case 'caption':
			return {...session, caption: action.lines};
		case 'await-presenter':
			return {...session, awaitingPresenter: true};
		case 'continue':
			return {...session, awaitingPresenter: false};
	}
}

/** Time passing: while running, issues as many inputs as the rate says are due, as one update. */
function tick(session: Session, ms: number): Session {
	if (session.paused || ms <= 0) return session;
	const due = session.carryMs + ms;
	const count = Math.min(Math.floor((due * session.rate) / 1000 + 1e-9), maxInputsPerTick);
	const carryMs = count === maxInputsPerTick ? 0 : due - (count * 1000) / session.rate;
	if (count === 0) return {...session, carryMs};
	return {...session, carryMs, sim: step(session.sim, {type: 'input', count})};
}

/** How long until the next input is due, in ms; used by the ticker to sleep exactly that long. */
export function msUntilNextInput(session: Session): number {
	return Math.max(0, 1000 / session.rate - session.carryMs);
}
