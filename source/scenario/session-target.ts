import type {AppStore} from '../app-store.js';
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
			act({type: 'end'});
		},
	};
}
