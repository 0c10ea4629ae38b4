import type {AppStore} from '../app-store.js';
import {msUntilNextEvent, rewound} from '../core/engine/session.js';
import {frameMs} from '../hooks/useTicker.js';
import type {ClaimLog} from './claim-log.js';
import type {ScenarioClock, ScenarioTarget} from './runner.js';

/**
 * A simulation's scenario target: the timeline's keys and actions go through
 * the app's own reducer (a scenario's keys as scripted ones), exactly as in the
 * terminal. The same target serves `play` (the store the terminal shows, on
 * real time) and `record`, `run` and `check` (a store in memory, on a virtual
 * clock).
 */
export function sessionTarget(store: AppStore, clock: ScenarioClock, log: ClaimLog): ScenarioTarget {
	const session = () => store.get().session;
	const act = (action: Parameters<ScenarioTarget['dispatch']>[0]) => {
		store.send({action});
	};

	return {
		press(key) {
			log.moveOn();
			store.send({key, scripted: true});
			return !store.get().quit;
		},
		dispatch(action) {
			log.moveOn();
			act(action);
		},
		caption(lines) {
			log.moveOn();
			act({type: 'caption', lines});
		},
		claim(step, failure) {
			log.record(step, failure, session());
		},
		state: () => session().sim,
		async until(holds, limit) {
			log.moveOn();
			act({type: 'run-until', until: holds, limit});
			// Running: time goes on, frame by frame, until the session stops where the condition holds.
			while (session().watch && session().mode.nextTime(session().sim) !== undefined) {
				// eslint-disable-next-line no-await-in-loop
				await clock.sleep(frameMs);
			}

			// The presenter took the board back (which stops the run): once it is back where the scenario left it, on until the condition holds.
			while (rewound(session())) {
				// eslint-disable-next-line no-await-in-loop
				await clock.sleep(frameMs);
				if (!rewound(session()) && !holds(session().sim)) act({type: 'run-until', until: holds, limit});
			}

			act({type: 'pause'});
		},
		begin() {
			act({type: 'play'});
		},
		hold() {
			act({type: 'hold', by: 'pause'});
		},
		release() {
			act({type: 'release'});
		},
		end() {
			// After the end the last caption gives way as soon as the board moves: its claims are no longer in force.
			log.moveOn();
			act({type: 'end'});
		},
	};
}

/**
 * Scenario time passing, as the ticker would pass it: to the next event (a
 * frame at least) or to the end of the wait, one tick each. `wait` is how long
 * a step takes: nothing on a virtual clock, real time (at the scenario's pace)
 * when played live, so the script's time and the stream's are one clock, and a
 * live play handles the same events between two steps as `check` does.
 * `passed` sees each step's virtual ms once it has passed.
 */
export function timelineSleep(store: AppStore, wait: (ms: number) => Promise<void>, passed?: (ms: number) => void): (ms: number) => Promise<void> {
	return async (ms: number) => {
		for (let left = ms; left > 0; ) {
			const session = store.get().session;
			const due = msUntilNextEvent(session);
			const step = session.paused || due === undefined ? left : Math.min(left, Math.max(frameMs, due));
			await wait(step); // eslint-disable-line no-await-in-loop
			left -= step;
			passed?.(step);
			store.send({action: {type: 'tick', ms: step}});
		}
	};
}
