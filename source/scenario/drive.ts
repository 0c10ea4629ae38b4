import type {AnyMode} from '../core/engine/mode.js';
import {actionForKey} from '../core/engine/keys.js';
import {createSession, msUntilNextEvent, sessionStep, type Session} from '../core/engine/session.js';
import {frameMs} from '../hooks/useTicker.js';
import {runScenario} from './runner.js';
import type {Scenario, ScenarioStep} from './types.js';

export type Claim = {readonly line: number; readonly text: string; readonly kind: 'expect' | 'until'; readonly failure: string | undefined; readonly position: string};

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
	let session = sessionForScenario(scenario, options.mode);
	let now = 0;
	const claims: Claim[] = [];
	// A caption's claims must hold while time passes under it: each expect stays in force through the waits
	// that follow, until the next caption or the next thing the scenario does (keys, step, a verb, until).
	let standing: Array<{index: number; condition: ScenarioStep & {kind: 'expect'}}> = [];
	const recheck = () => {
		for (const {index, condition} of standing) {
			if (claims[index]!.failure !== undefined) continue;
			const failure = condition.condition.check(session.sim);
			if (failure !== undefined) claims[index] = {...claims[index]!, failure: `${failure} (later, while its caption still showed)`, position: positionOf(session)};
		}
	};

	const changed = () => {
		recheck();
		options.onChange?.(session, now);
	};
	const advance = async (ms: number) => {
		const until = now + ms;
		while (now < until) {
			const due = msUntilNextEvent(session);
			const wait = session.paused || due === undefined ? until - now : Math.min(until - now, Math.max(frameMs, due));
			session = sessionStep(session, {type: 'tick', ms: wait});
			now += wait;
			changed();
		}
	};

	changed();
	await runScenario(
		scenario.steps,
		{
			sleep: advance,
			async pausePoint(ms) {
				options.onPausePoint?.(session);
				await advance(ms);
			},
		},
		{
			press(key) {
				standing = [];
				const action = actionForKey(session, key);
				if (action === 'quit') return false;

				if (action) session = sessionStep(session, action);
				changed();
				return true;
			},
			dispatch(action) {
				standing = [];
				session = sessionStep(session, action);
				changed();
			},
			caption(lines) {
				standing = [];
				session = sessionStep(session, {type: 'caption', lines});
				changed();
			},
			claim(step: ScenarioStep & {kind: 'expect' | 'until'}, failure) {
				claims.push({line: step.line, text: step.condition.text, kind: step.kind, failure, position: positionOf(session)});
				if (step.kind === 'expect') standing.push({index: claims.length - 1, condition: step});
			},
			state: () => session.sim,
			async until(holds, limit) {
				standing = [];
				session = sessionStep(session, {type: 'run-until', until: holds, limit});
				changed();
				// Running: time goes on, frame by frame, until the session stops where the condition holds.
				while (session.watch && session.mode.nextTime(session.sim) !== undefined) {
					// eslint-disable-next-line no-await-in-loop
					await advance(frameMs);
				}

				session = sessionStep(session, {type: 'pause'});
				changed();
			},
			end() {
				session = sessionStep(session, {type: 'end'});
				changed();
			},
		},
	);
	return {session, claims, ms: now};
}

function positionOf(session: Session): string {
	const screen = session.mode.view(session.sim, {columns: 200, bodyRows: 60, selected: session.selected, cursor: session.cursor});
	return screen.kind === 'screen' ? screen.position : '';
}
