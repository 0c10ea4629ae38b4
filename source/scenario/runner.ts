import type {KeyPress} from '../core/keymap.js';
import type {ScenarioStep} from './types.js';

/** Time between two keys of one `keys` step, so a viewer sees each one land. */
export const keyGapMs = 400;

/** How a scenario's time passes: for real when played live, virtually when recorded. */
export type ScenarioClock = {
	sleep(ms: number): Promise<void>;
	/** Live: until the presenter continues. Recorded: `ms`. */
	pausePoint(ms: number): Promise<void>;
};

/** What a scenario drives: the same keys and captions a user would see. Returns false once the run has ended. */
export type ScenarioTarget = {
	press(key: KeyPress): boolean;
	caption(lines: readonly string[]): void;
};

export async function runScenario(steps: readonly ScenarioStep[], clock: ScenarioClock, target: ScenarioTarget): Promise<void> {
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
				await clock.pausePoint(step.ms);
				break;
			case 'caption':
				target.caption(step.lines);
				break;
		}
	}
}
