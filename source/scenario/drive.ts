import type {AnyMode} from '../core/engine/mode.js';
import {createSession, type Session} from '../core/engine/session.js';
import {createAppStore} from '../app-store.js';
import {ClaimLog, type Claim} from './claim-log.js';
import {runScenario} from './runner.js';
import {sessionTarget, timelineSleep} from './session-target.js';
import type {Scenario} from './types.js';

export type {Claim} from './claim-log.js';

export type DriveResult = {readonly session: Session; readonly claims: readonly Claim[]; readonly ms: number};

export function sessionForScenario(scenario: Scenario, mode: AnyMode = scenario.mode): Session {
	return createSession(mode, mode.create(scenario.config), {paused: scenario.paused, speed: scenario.speed});
}

/**
 * Plays a scenario on a virtual clock, as the live ticker would, with no
 * terminal and no wall clock: the same scenario gives the same states (and
 * frames) every time. `onChange` sees the session after every change, with
 * the virtual time in ms; `onPausePoint` sees it as each pause point begins. `mode` may wrap the scenario's mode (to trace it).
 */
export async function driveScenario(scenario: Scenario, options: {onChange?: (session: Session, ms: number) => void; onPausePoint?: (session: Session) => void; mode?: AnyMode} = {}): Promise<DriveResult> {
	const store = createAppStore({session: sessionForScenario(scenario, options.mode), quit: false, outbox: []});
	const session = () => store.get().session;
	let now = 0;
	const log = new ClaimLog();
	const changed = () => {
		log.recheck(session());
		options.onChange?.(session(), now);
	};

	store.subscribe(changed);
	const advance = timelineSleep(store, async () => undefined, ms => {
		now += ms;
		// A paused tick changes nothing, but the frame is shown for that long.
		if (session().paused) changed();
	});

	changed();
	const clock = {
		sleep: advance,
		async pausePoint(ms: number) {
			options.onPausePoint?.(session());
			await advance(ms);
		},
	};
	await runScenario(scenario.steps, clock, sessionTarget(store, clock, log));
	return {session: session(), claims: log.claims, ms: now};
}
