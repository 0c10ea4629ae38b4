/**
 * The app's state and its one reducer: keys, shell actions and (in a live
 * mode) observations. Pure: a live mode's actions wait in the outbox for the
 * controller, so the same reducer serves the terminal and a headless run of a
 * live scenario.
 */
import type {KeyPress} from './core/engine/key-press.js';
import {actionForKey} from './core/engine/keys.js';
import {sessionStep, type Session, type SessionAction} from './core/engine/session.js';
import {isLive, type ShellLiveMode} from './live/shell-mode.js';

/** `scripted`: a scenario's own key (the presenter's keys are not). */
export type AppEvent = {readonly key: KeyPress; readonly scripted?: boolean} | {readonly action: SessionAction} | {readonly observed: unknown};

export type AppState = {
	readonly session: Session;
	readonly quit: boolean;
	/** A live mode's actions, waiting for the controller (a reducer does no I/O). */
	readonly outbox: readonly unknown[];
};

/**
 * In a live mode (a real cluster) time is real: stepping writes one input,
 * space turns the writes on and off, and the mode's actions go to the
 * controller. There is nothing to step back to.
 */
function reduceLive(state: AppState, action: SessionAction): AppState {
	const {session} = state;
	const send = (sent: unknown, changes: Partial<Session> = {}): AppState => ({...state, session: {...session, ...changes, notice: undefined}, outbox: [...state.outbox, sent]});
	const readOnly = (action.type === 'toggle-pause' || action.type === 'step') && !(session.mode as ShellLiveMode).writable(session.sim);
	if (readOnly) return {...state, session: {...session, notice: 'read-only: attached to a cluster this app did not start, so it writes nothing'}};
	switch (action.type) {
		case 'mode':
			return send(action.action, session.overlay.kind === 'menu' ? {overlay: {kind: 'none'}} : {});
		case 'toggle-pause':
			return send({type: 'writes', on: session.paused}, {paused: !session.paused, ended: false});
		case 'step':
			return send({type: 'write-one'});
		case 'back':
		case 'restart':
			return {...state, session: {...session, notice: 'a real cluster runs in real time: there is no stepping back'}};
		case 'jump':
		case 'jump-time':
		case 'jump-mark':
		case 'jump-violation':
		case 'goto-open':
			return {...state, session: {...session, notice: 'a real cluster runs in real time: it has no timeline to jump along'}};
		case 'end': {
			// A scenario's end stops the writes, so nothing runs on under its last caption (space starts them again).
			const ended = {...state, session: sessionStep(session, action)};
			return session.paused ? ended : {...ended, outbox: [...state.outbox, {type: 'writes', on: false}]};
		}

		case 'faster':
		case 'slower':
			return {...state, session: {...session, notice: 'the write rate is set with --rate'}};
		case 'hold':
		case 'release':
			// A real cluster does not stop for a pause point: its writes go on as the presenter set them.
			return state;
		default:
			return {...state, session: sessionStep(session, action)};
	}
}

/**
 * Home or 0 while a scenario plays would restart the board but not the script,
 * whose next steps wait for a board it no longer reaches: it waits for the end.
 */
export const scenarioRestartNotice = 'a scenario is playing: 0 and Home restart after its end; q leaves it';

/**
 * Keys are mapped inside the reducer, so fast typing always sees the state the
 * previous key left (q after f closes the fault menu; it does not quit).
 */
export function reduce(state: AppState, event: AppEvent): AppState {
	if (state.quit) return state;
	const {session} = state;
	const step = (current: AppState, action: SessionAction) => (isLive(current.session.mode) ? reduceLive(current, action) : {...current, session: sessionStep(current.session, action)});
	if ('observed' in event) return {...state, session: {...session, sim: event.observed, paused: isLive(session.mode) ? !session.mode.running(event.observed) : session.paused}};
	if ('action' in event) return step(state, event.action);
	const action = presenterBack(session, event, presenterHold(session, event, actionForKey(session, event.key)));
	if (action === 'quit') return {...state, quit: true};
	if (!event.scripted && action?.type === 'restart' && session.playing && !session.scenarioOver) return {...state, session: {...session, notice: scenarioRestartNotice}};
	// Any key clears the shell's last notice; the action may set a new one.
	const cleared = session.notice === undefined ? state : {...state, session: {...session, notice: undefined}};
	if (!action) return cleared;
	const next = step(cleared, action);
	// A menu the scenario's own keys open does not hold its timeline (one the presenter opens does).
	const {overlay} = next.session;
	return event.scripted && overlay.kind === 'menu' && session.overlay.kind !== 'menu' ? {...next, session: {...next.session, overlay: {...overlay, scripted: true}}} : next;
}

/**
 * The presenter's b while a scenario plays goes back along its run (as { and : do), so the run stays
 * ahead to go forward to and the scenario can go on from where it left the board. The scenario's own b
 * still undoes events and actions.
 */
function presenterBack(session: Session, event: {readonly scripted?: boolean}, action: ReturnType<typeof actionForKey>): ReturnType<typeof actionForKey> {
	if (event.scripted || action === undefined || action === 'quit' || action.type !== 'back') return action;
	return session.playing && session.history.events > 0 ? {type: 'jump', event: session.history.events - 1} : action;
}

/**
 * While a scenario plays (between its pause points), the presenter's space holds
 * the whole timeline, board and script, and space again lets both go on as they
 * were. The scenario's own space still runs or pauses the stream.
 */
function presenterHold(session: Session, event: {readonly scripted?: boolean}, action: ReturnType<typeof actionForKey>): ReturnType<typeof actionForKey> {
	if (event.scripted || action === undefined || action === 'quit' || action.type !== 'toggle-pause') return action;
	if (!session.playing || session.awaitingPresenter || isLive(session.mode)) return action;
	return session.holding?.by === 'presenter' ? {type: 'release'} : {type: 'hold', by: 'presenter'};
}

