import type {KeyPress} from '../core/engine/key-press.js';
import type {ModeCondition} from '../core/engine/mode.js';
import type {SessionAction} from '../core/engine/session.js';
import type {ScenarioStep} from './types.js';

/** Time between two keys (or verbs) of a scenario, so a viewer sees each one land. */
export const keyGapMs = 400;

/** How a scenario's time passes: for real when played live, virtually when recorded or checked. */
export type ScenarioClock = {
	sleep(ms: number): Promise<void>;
	/** Live: until the presenter continues. Recorded: `ms`. */
	pausePoint(ms: number): Promise<void>;
};

/** What a scenario drives: the same keys, actions and captions a user would see. press returns false once the run has ended. */
export type ScenarioTarget = {
	press(key: KeyPress): boolean;
	dispatch(action: SessionAction): void;
	caption(lines: readonly string[]): void;
	/** A claim at this point of the timeline; `held` says whether it is true now (undefined) or why not. */
	claim(step: ScenarioStep & {kind: 'expect' | 'until'}, held: string | undefined): void;
	/** The state now, for checking claims. */
	state(): unknown;
	/**
	 * Handles events until `holds` is true of the state, at most `limit` of them:
	 * at once while paused; while running, as time passes, pausing once it holds.
	 */
	until(holds: (state: unknown) => boolean, limit: number): Promise<void>;
	/**
	 * Live modes only (a real cluster, whose state arrives by polling): resolves
	 * once the actions sent so far have been carried out and the cluster has been
	 * observed since, so a claim is checked against the state after them.
	 */
	settle?(): Promise<void>;
	/** The timeline starts (a simulation's session then says that a scenario is playing). */
	begin?(): void;
	/** A pause point: the board holds still until `release` (a real cluster does not stop: a live mode has neither). */
	hold?(): void;
	release?(): void;
	/** The timeline has played to its end. */
	end(): void;
};

function check(condition: ModeCondition<any>, state: unknown): string | undefined {
	return condition.check(state);
}

/**
 * The one player: `play`, `record`, `run` and `check` all play a timeline
 * through this function. They differ only in the clock (real time and the
 * presenter's Enter, or a virtual clock) and in the target (the app's store in
 * a terminal or in memory, or a real cluster).
 */
export async function runScenario(steps: readonly ScenarioStep[], clock: ScenarioClock, target: ScenarioTarget): Promise<void> {
	target.begin?.();
	for (const step of steps) {
		switch (step.kind) {
			case 'keys':
				for (const key of step.keys) {
					await clock.sleep(keyGapMs);
					if (!target.press(key)) return;
				}

				break;
			case 'wait':
				await clock.sleep(step.ms);
				break;
			case 'pause':
				// Time stands still at a pause point, in every player: a claim before it is judged where it stands.
				target.hold?.();
				await clock.pausePoint(step.ms);
				target.release?.();
				break;
			case 'caption':
				target.caption(step.lines);
				break;
			case 'step':
				await clock.sleep(keyGapMs);
				target.dispatch({type: 'step', count: step.count});
				break;
			case 'action':
				await clock.sleep(keyGapMs);
				target.dispatch({type: 'mode', action: step.action});
				break;
			case 'until': {
				await clock.sleep(keyGapMs);
				const {condition} = step;
				await target.settle?.();
				await target.until(state => check(condition, state) === undefined, step.limit);
				target.claim(step, check(condition, target.state()));
				break;
			}

			case 'expect':
				await target.settle?.();
				target.claim(step, check(step.condition, target.state()));
				break;
		}
	}

	target.end();
}
