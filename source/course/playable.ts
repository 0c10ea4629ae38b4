/**
 * What the course hands the player for a row: a session to show, and the
 * scenario's timeline (played by the same player as `replica-tui play`), or,
 * for a topic's heading, its mode to explore freely. A scenario of a real
 * cluster starts one first, and stops it when the course takes its list back.
 */
import type {Session} from '../core/engine/session.js';
import {createSession} from '../core/engine/session.js';
import {modeNamed} from '../core/modes.js';
import type {ScenarioPlayback} from '../hooks/useScenario.js';
import type {LiveConnection} from '../live/shell-mode.js';
import {loadScenario} from '../scenario/bundled.js';
import {sessionForScenario} from '../scenario/drive.js';
import type {CourseRow} from './rows.js';

export type Playable = {
	readonly session: Session;
	readonly scenario?: ScenarioPlayback;
	readonly live?: LiveConnection;
	/** Stops what it started (a real cluster): called once it is left. */
	readonly stop?: () => Promise<void>;
};

/** How to start a real cluster for a live scenario (etcd); the course gets it from the command line, tests leave it out. */
export type LiveStarter = (name: string, pace: number) => Promise<Playable>;

/** A simulated scenario's or a mode's playable, at once; undefined for a row that plays nothing here. */
export function simulatedPlayable(row: CourseRow, pace: number): Playable | undefined {
	if (row.kind === 'topic') {
		const mode = modeNamed(row.topic.mode);
		if (!mode) return undefined;
		return {session: createSession(mode, mode.create(mode.parseConfig({})), {paused: true})};
	}

	if (row.kind !== 'scenario' || row.scenario.needs !== undefined) return undefined;
	const scenario = loadScenario(row.scenario.name);
	return {session: sessionForScenario(scenario), scenario: {steps: scenario.steps, pace}};
}
