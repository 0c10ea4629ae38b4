import {useApp, useInput, useStdin} from 'ink';
import {useEffect, useReducer} from 'react';
import {ErrorBoundary} from './components/ErrorBoundary.js';
import {Shell} from './components/Shell.js';
import {ColorContext, type ThemeName} from './components/theme.js';
import type {KeyPress} from './core/engine/key-press.js';
import {actionForKey} from './core/engine/keys.js';
import {sessionStep, type Session, type SessionAction} from './core/engine/session.js';
import {useScenario} from './hooks/useScenario.js';
import {useTerminalSize} from './hooks/useTerminalSize.js';
import {useTicker} from './hooks/useTicker.js';
import type {ScenarioStep} from './scenario/types.js';
import {plannedCrash} from './terminal-guard.js';
import {useLive} from './hooks/useLive.js';
import {isLive, type LiveConnection} from './live/shell-mode.js';

export type AppEvent = {readonly key: KeyPress} | {readonly action: SessionAction} | {readonly observed: unknown};

type AppState = {
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
	switch (action.type) {
		case 'mode':
			return send(action.action, session.overlay.kind === 'menu' ? {overlay: {kind: 'none'}} : {});
		case 'toggle-pause':
			return send({type: 'writes', on: session.paused}, {paused: !session.paused});
		case 'step':
			return send({type: 'write-one'});
		case 'back':
		case 'restart':
			return {...state, session: {...session, notice: 'a real cluster runs in real time: there is no stepping back'}};
		case 'faster':
		case 'slower':
			return {...state, session: {...session, notice: 'the write rate is set with --rate'}};
		default:
			return {...state, session: sessionStep(session, action)};
	}
}

/**
 * Keys are mapped inside the reducer, so fast typing always sees the state the
 * previous key left (q after f closes the fault menu; it does not quit).
 */
function reduce(state: AppState, event: AppEvent): AppState {
	if (state.quit) return state;
	const {session} = state;
	const step = (current: AppState, action: SessionAction) => (isLive(current.session.mode) ? reduceLive(current, action) : {...current, session: sessionStep(current.session, action)});
	if ('observed' in event) return {...state, session: {...session, sim: event.observed, paused: isLive(session.mode) ? !session.mode.running(event.observed) : session.paused}};
	if ('action' in event) return step(state, event.action);
	const action = actionForKey(session, event.key);
	if (action === 'quit') return {...state, quit: true};
	// Any key clears the shell's last notice; the action may set a new one.
	const cleared = session.notice === undefined ? state : {...state, session: {...session, notice: undefined}};
	return action ? step(cleared, action) : cleared;
}

/**
 * Keys typed faster than the terminal is read (a held key, a presenter remote,
 * a loaded machine) arrive as one string, which Ink reports like a paste: press
 * each character on its own.
 */
export function splitKeys(input: string, key: Omit<KeyPress, 'input'>): KeyPress[] {
	const characters = [...input];
	if (characters.length <= 1 || key.ctrl || key.meta) return [{...key, input}];
	return characters.map(character => ({input: character}));
}

type Props = {readonly initial: Session; readonly theme?: ThemeName | false; readonly scenario?: readonly ScenarioStep[]; readonly live?: LiveConnection};

export function App({initial, theme = 'dark', scenario, live}: Props) {
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const [{session, quit, outbox}, dispatch] = useReducer(reduce, {session: initial, quit: false, outbox: []});
	const size = useTerminalSize();
	useEffect(() => {
		if (quit) exit();
	}, [quit, exit]);
	useLive(live, outbox, dispatch);
	useInput(
		(input, key) => {
			for (const press of splitKeys(input, key)) dispatch({key: press});
		},
		{isActive: Boolean(isRawModeSupported)},
	);
	useScenario(scenario, session, dispatch);
	useTicker(session, ms => {
		dispatch({action: {type: 'tick', ms}});
	});
	return (
		<ErrorBoundary onError={exit}>
			<ColorContext.Provider value={theme}>
				<CrashOnPurpose started={session.history.events > 0} />
				<Shell session={session} columns={size.columns} rows={size.rows} />
			</ColorContext.Provider>
		</ErrorBoundary>
	);
}

/** Fails after the first event when REPLICA_TUI_TEST_CRASH asks it to: the tests' way to crash the real binary. */
function CrashOnPurpose({started}: {readonly started: boolean}) {
	const crash = plannedCrash();
	if (crash === 'render' && started) throw new Error('planned crash during render (REPLICA_TUI_TEST_CRASH=render)');
	if (crash === 'timer' && started) {
		setTimeout(() => {
			throw new Error('planned crash in a timer (REPLICA_TUI_TEST_CRASH=timer)');
		}, 0);
	}

	return null;
}
