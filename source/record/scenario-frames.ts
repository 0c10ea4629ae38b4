import type {ThemeName} from '../components/theme.js';
import type {Session} from '../core/engine/session.js';
import {driveScenario} from '../scenario/drive.js';
import type {Scenario} from '../scenario/types.js';
import {renderFrame} from './render-frame.js';

export type TextFrame = {readonly time: number; readonly text: string};

/**
 * Plays a scenario on a virtual clock and returns every distinct frame with
 * its time in seconds. Events arrive exactly as the live ticker would handle
 * them; nothing reads the wall clock, so the frames are the same every run.
 */
export async function scenarioFrames(scenario: Scenario, options: {theme: ThemeName | false}): Promise<TextFrame[]> {
	const frames: TextFrame[] = [];
	// A paused tick hands back the very same session (sessions are immutable): its frame is the one just drawn.
	let drawn: Session | undefined;
	const {ms} = await driveScenario(scenario, {
		onChange(session, now) {
			if (session === drawn) return;
			drawn = session;
			const text = renderFrame(session, scenario.columns, scenario.rows, options.theme);
			if (text !== frames.at(-1)?.text) frames.push({time: now / 1000, text});
		},
	});
	// The scenario's last wait is part of it: end on a repeat of the last frame, at the end time.
	const last = frames.at(-1)!;
	if (ms / 1000 > last.time) frames.push({time: ms / 1000, text: last.text});
	return frames;
}
