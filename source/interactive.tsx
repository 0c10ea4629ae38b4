import {render} from 'ink';
import {App} from './app.js';
import type {ThemeName} from './components/theme.js';
import type {Session} from './core/engine/session.js';
import {startLiveRecording} from './record/live-recorder.js';
import {takeTerminal} from './terminal-guard.js';
import type {ScenarioStep} from './scenario/types.js';
import type {LiveConnection} from './live/shell-mode.js';

/** Back to the start of the line, and erase from there down: what the terminal echoed before it was taken (keys typed while npm built) goes. */
export const clearFromLineStart = '\r\u001B[J';

/**
 * Runs the live screen until the user quits; optionally records it to a .cast
 * as it goes. The first frame starts at the beginning of a clean line, so
 * nothing echoed before shifts it.
 */
export async function runInteractive(session: Session, options: {theme: ThemeName | false; record?: string; scenario?: readonly ScenarioStep[]; live?: LiveConnection}): Promise<void> {
	// The recording opens first: a file it cannot write is one line on stderr, before anything is drawn.
	const stopRecording = options.record === undefined ? undefined : startLiveRecording(options.record, process.stdout);
	takeTerminal();
	process.stdout.write(clearFromLineStart);
	try {
		const instance = render(<App initial={session} theme={options.theme} scenario={options.scenario} live={options.live} />, {
			incrementalRendering: true,
			maxFps: 30,
			patchConsole: false,
		});
		await instance.waitUntilExit();
	} finally {
		stopRecording?.();
	}
}
