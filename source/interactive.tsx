import {render} from 'ink';
import {App} from './app.js';
import type {ThemeName} from './components/theme.js';
import type {Session} from './core/engine/session.js';
import {startLiveRecording} from './record/live-recorder.js';
import {tapScreen} from './record/screen-tap.js';
import {defaultFontSize} from './main.js';
import type {ScenarioStep} from './scenario/types.js';
import type {LiveConnection} from './live/shell-mode.js';

/** Runs the live screen until the user quits; optionally records it to a .cast as it goes; P saves the screen as a PNG. */
export async function runInteractive(session: Session, options: {theme: ThemeName | false; record?: string; scenario?: readonly ScenarioStep[]; live?: LiveConnection}): Promise<void> {
	const stopRecording = options.record === undefined ? undefined : startLiveRecording(options.record, process.stdout);
	const background = options.theme === 'light' ? 'light' : 'dark';
	const screen = tapScreen(process.stdout, background);
	// P: the screen as it shows now, drawn as the GIF recorder draws, into the current folder.
	const saveScreen = async () => {
		try {
			const cells = screen.cells();
			// The PNG encoder loads on the first P only, so the screen starts as fast as before.
			const {saveStill} = await import('./record/save-still.js');
			const name = await saveStill(await cells, process.cwd(), `replica-tui-${session.mode.name}`, {fontSize: defaultFontSize, background});
			return `saved this screen as ./${name}`;
		} catch (error) {
			return `could not save the screen here: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
		}
	};

	try {
		const instance = render(<App initial={session} theme={options.theme} scenario={options.scenario} live={options.live} onStill={saveScreen} />, {
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
