import {useApp, useInput, useStdin} from 'ink';
import {useReducer} from 'react';
import {Dashboard} from './components/Dashboard.js';
import {ErrorBoundary} from './components/ErrorBoundary.js';
import {ColorContext} from './components/theme.js';
import {actionForKey, isQuitKey, type KeyPress} from './core/keymap.js';
import {sessionStep, type Session, type SessionAction} from './core/session.js';
import {useTerminalSize} from './hooks/useTerminalSize.js';
import {useScenario} from './hooks/useScenario.js';
import {useTicker} from './hooks/useTicker.js';
import {plannedCrash} from './terminal-guard.js';
import type {ScenarioStep} from './scenario/types.js';

type AppEvent = {readonly key: KeyPress} | {readonly action: SessionAction};

/** Keys are mapped inside the reducer, so fast typing always sees the state the previous key left. */
function reduce(session: Session, event: AppEvent): Session {
	if ('action' in event) return sessionStep(session, event.action);
	const action = actionForKey(session, event.key);
	return action && action !== 'quit' ? sessionStep(session, action) : session;
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

type Props = {readonly initial: Session; readonly color?: boolean; readonly scenario?: readonly ScenarioStep[]};

export function App({initial, color = true, scenario}: Props) {
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const [session, dispatch] = useReducer(reduce, initial);
	const size = useTerminalSize();
	useInput(
		(input, key) => {
			for (const press of splitKeys(input, key)) {
				if (isQuitKey(press)) {
					exit();
					return;
				}

				dispatch({key: press});
			}
		},
		{isActive: Boolean(isRawModeSupported)},
	);
	useScenario(scenario, session.awaitingPresenter, dispatch, exit);
	useTicker(session, ms => {
		dispatch({action: {type: 'tick', ms}});
	});
	return (
		<ErrorBoundary onError={exit}>
			<ColorContext.Provider value={color}>
				<CrashOnPurpose index={session.sim.index} />
				<Dashboard session={session} columns={size.columns} rows={size.rows} />
			</ColorContext.Provider>
		</ErrorBoundary>
	);
}

/** Fails after the first input when REPLICA_TUI_TEST_CRASH asks it to: the tests' way to crash the real binary. */
function CrashOnPurpose({index}: {readonly index: number}) {
	const crash = plannedCrash();
	if (crash === 'render' && index > 0) throw new Error('planned crash during render (REPLICA_TUI_TEST_CRASH=render)');
	if (crash === 'timer' && index > 0) {
		setTimeout(() => {
			throw new Error('planned crash in a timer (REPLICA_TUI_TEST_CRASH=timer)');
		}, 0);
	}

	return null;
}
