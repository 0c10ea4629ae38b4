import {render} from 'ink';
import {App} from './app.js';
import type {Session} from './core/session.js';
import {startLiveRecording} from './record/live-recorder.js';
import type {ScenarioStep} from './scenario/types.js';

/** Runs the live dashboard until the user quits; optionally records it to a .cast as it goes. */
export async function runInteractive(session: Session, options: {color: boolean; record?: string; scenario?: readonly ScenarioStep[]}): Promise<void> {
	const stopRecording = options.record === undefined ? undefined : startLiveRecording(options.record, process.stdout);
	try {
		const instance = render(<App initial={session} color={options.color} scenario={options.scenario} />, {
			incrementalRendering: true,
			maxFps: 30,
			patchConsole: false,
		});
		await instance.waitUntilExit();
	} finally {
		stopRecording?.();
	}
}
