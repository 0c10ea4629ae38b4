import type {ThemeName} from '../components/theme.js';
import {driveScenario} from '../scenario/drive.js';
import type {Scenario} from '../scenario/types.js';
import {renderFrame} from './render-frame.js';

/** The screen at each pause point of a scenario, in order, as the recorder draws it (on the same virtual clock). */
export async function scenarioPauseScreens(scenario: Scenario, options: {theme: ThemeName | false}): Promise<string[]> {
	const screens: string[] = [];
	await driveScenario(scenario, {
		onPausePoint(session) {
			screens.push(renderFrame(session, scenario.columns, scenario.rows, options.theme));
		},
	});
	return screens;
}

/** A still's file name: the scenario's name and the pause point's number (from 1), e.g. raft-figure-8-03.png. */
export function stillName(scenario: string, pause: number, count: number): string {
	return `${scenario}-${String(pause).padStart(Math.max(2, String(count).length), '0')}.png`;
}
