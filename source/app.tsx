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

export type AppEvent = {readonly key: KeyPress} | {readonly action: SessionAction};

type AppState = {readonly session: Session; readonly quit: boolean};

/**
 * Keys are mapped inside the reducer, so fast typing always sees the state the
 * previous key left (q after f closes the fault menu; it does not quit).
 */
function reduce(state: AppState, event: AppEvent): AppState {
	if (state.quit) return state;
	const {session} = state;
	if ('action' in event) return {session: sessionStep(session, event.action), quit: false};
	const action = actionForKey(session, event.key);
	if (action === 'quit') return {session, quit: true};
	// Any key clears the shell's last notice; the action may set a new one.
	const cleared = session.notice === undefined ? session : {...session, notice: undefined};
	return {session: action ? sessionStep(cleared, action) : cleared, quit: false};
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

type Props = {readonly initial: Session; readonly theme?: ThemeName | false; readonly scenario?: readonly ScenarioStep[]};

export function App({initial, theme = 'dark', scenario}: Props) {
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const [{session, quit}, dispatch] = useReducer(reduce, {session: initial, quit: false});
	const size = useTerminalSize();
	useEffect(() => {
		if (quit) exit();
	}, [quit, exit]);
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
