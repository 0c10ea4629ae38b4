import {render} from 'ink';
import type {ReactElement} from 'react';
import {App} from './app.js';
import type {ThemeName} from './components/theme.js';
import type {Session} from './core/engine/session.js';
import {startLiveRecording} from './record/live-recorder.js';
import {takeTerminal} from './terminal-guard.js';
import {tapScreen} from './record/screen-tap.js';
import {defaultFontSize} from './main.js';
import type {ScenarioPlayback} from './hooks/useScenario.js';
import type {LiveConnection} from './live/shell-mode.js';

/** Back to the start of the line, and erase from there down: what the terminal echoed before it was taken (keys typed while npm built) goes. */
export const clearFromLineStart = '\r\u001B[J';

/**
 * Runs the live screen until the user quits; optionally records it to a .cast
 * as it goes; P saves the screen as a PNG. The first frame starts at the
 * beginning of a clean line, so nothing echoed before shifts it.
 */
export async function runInteractive(session: Session, options: {theme: ThemeName | false; record?: string; scenario?: ScenarioPlayback; live?: LiveConnection}): Promise<void> {
	await runInTerminal(
		onStill => <App initial={session} theme={options.theme} scenario={options.scenario} live={options.live} onStill={async () => onStill(`replica-tui-${session.mode.name}`)} />,
		options,
	);
}

/**
 * Draws `app` in the terminal until it exits (the dashboard, or the course
 * around it); optionally records it to a .cast as it goes. `onStill(prefix)`
 * saves the screen as a PNG named from `prefix` and says where.
 */
export async function runInTerminal(app: (onStill: (prefix: string) => Promise<string>) => ReactElement, options: {theme: ThemeName | false; record?: string}): Promise<void> {
	// The recording opens first: a file it cannot write is one line on stderr, before anything is drawn.
	const stopRecording = options.record === undefined ? undefined : startLiveRecording(options.record, process.stdout);
	takeTerminal();
	process.stdout.write(clearFromLineStart);
	const background = options.theme === 'light' ? 'light' : 'dark';
	const screen = tapScreen(process.stdout, background);
	// P: the screen as it shows now, drawn as the GIF recorder draws, into the current folder.
	const saveScreen = async (prefix: string) => {
		try {
			const cells = screen.cells();
			// The PNG encoder loads on the first P only, so the screen starts as fast as before.
			const {saveStill} = await import('./record/save-still.js');
			const name = await saveStill(await cells, process.cwd(), prefix, {fontSize: defaultFontSize, background});
			return `saved this screen as ./${name}`;
		} catch (error) {
			return `could not save the screen here: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
		}
	};

	try {
		const instance = render(app(saveScreen), {
			incrementalRendering: true,
			maxFps: 30,
			patchConsole: false,
		});
		await instance.waitUntilExit();
	} finally {
		screen.stop();
		stopRecording?.();
	}
}
