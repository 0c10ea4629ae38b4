import {useApp, useInput, useStdin, useStdout} from 'ink';
import {useEffect, useState, useSyncExternalStore} from 'react';
import {createAppStore} from './app-store.js';
import {ErrorBoundary} from './components/ErrorBoundary.js';
import {Shell} from './components/Shell.js';
import {ColorContext, type ThemeName} from './components/theme.js';
import {isStillKey, type KeyPress} from './core/engine/key-press.js';
import type {Session} from './core/engine/session.js';
import {useScenario, type ScenarioPlayback} from './hooks/useScenario.js';
import {useTerminalSize} from './hooks/useTerminalSize.js';
import {useTicker} from './hooks/useTicker.js';
import {plannedCrash} from './terminal-guard.js';
import {useLive} from './hooks/useLive.js';
import type {LiveConnection} from './live/shell-mode.js';

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

/** At a pause point these continue; after a scenario's end (in the course) they go on to the next. */
function isNextKey(key: KeyPress): boolean {
	return Boolean(key.return || key.pageDown || (key.input === 'n' && !key.ctrl && !key.meta));
}

/** Home and erase the screen: Ink then draws the whole frame again from the top (Ctrl+L, as in less, htop and vim). */
export const redrawScreen = '\u001B[H\u001B[2J';

type Props = {
	readonly initial: Session;
	readonly theme?: ThemeName | false;
	readonly scenario?: ScenarioPlayback;
	readonly live?: LiveConnection;
	/** P: saves the screen (I/O stays out of the app); resolves to the notice that says where. */
	readonly onStill?: () => Promise<string>;
	/** q: instead of exiting, hand back (the course takes its list back). Ctrl+C still exits. */
	readonly onQuit?: () => void;
	/** After a scenario's end, Enter, PgDn or n goes on (the course plays the next scenario). */
	readonly onNext?: () => void;
};

export function App({initial, theme = 'dark', scenario, live, onStill, onQuit, onNext}: Props) {
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const {write} = useStdout();
	// One store for the screen and a scenario's timeline: the timeline sees at once what its keys did.
	const [store] = useState(() => createAppStore({session: initial, quit: false, outbox: []}));
	const {session, quit, outbox} = useSyncExternalStore(store.subscribe, store.get);
	const dispatch = store.send;
	const size = useTerminalSize();
	useEffect(() => {
		if (quit) (onQuit ?? exit)();
	}, [quit, exit, onQuit]);
	const settle = useLive(live, outbox, dispatch);
	useInput(
		(input, key) => {
			if (key.ctrl && input === 'l') {
				write(redrawScreen);
				return;
			}

			for (const press of splitKeys(input, key)) {
				if (onNext && isNextKey(press) && store.get().session.scenarioOver && store.get().session.overlay.kind === 'none') {
					onNext();
					return;
				}

				if (onStill && isStillKey(press)) void onStill().then(text => dispatch({action: {type: 'notice', text}}));
				else dispatch({key: press});
			}
		},
		{isActive: Boolean(isRawModeSupported)},
	);
	useScenario(scenario, store, live ? settle : undefined);
	useTicker(
		session,
		ms => {
			dispatch({action: {type: 'tick', ms}});
		},
		// Between its pause points a playing scenario's timeline owns the time (as on a virtual clock): see useScenario.
		session.playing && !session.awaitingPresenter,
	);
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
