import {useEffect, useRef} from 'react';
import type {KeyPress} from '../core/engine/key-press.js';
import type {Session, SessionAction} from '../core/engine/session.js';
import {runScenario} from '../scenario/runner.js';
import {frameMs} from './useTicker.js';
import type {ScenarioStep} from '../scenario/types.js';
import {secondsText} from '../live/shell-mode.js';

type Dispatch = (event: {key: KeyPress} | {action: SessionAction}) => void;

/**
 * Plays a scenario's timeline in real time through the app's own reducer: its
 * keys are pressed as a user would press them, and at each pause point it waits
 * for the presenter (Enter, PgDn or n) while every other key still works. At
 * the end the stream stops, so nothing runs on silently under an old caption.
 *
 * A live mode (a real cluster: `settle` given) has no virtual time to run
 * until a condition holds: `until` waits in real time for an observation that
 * satisfies it, at most its limit in ms, and a claim is checked once the
 * actions before it are done and observed; one that does not hold (or an
 * `until` that ran out of time) says so on the notice line, and the timeline
 * goes on.
 */
export function useScenario(steps: readonly ScenarioStep[] | undefined, session: Session, dispatch: Dispatch, settle?: () => Promise<void>): void {
	const resume = useRef<(() => void) | undefined>(undefined);
	const latest = useRef(session);
	latest.current = session;
	const {awaitingPresenter} = session;
	useEffect(() => {
		if (!awaitingPresenter && resume.current) {
			resume.current();
			resume.current = undefined;
		}
	}, [awaitingPresenter]);

	useEffect(() => {
		if (!steps) return;
		let cancelled = false;
		const timers = new Set<NodeJS.Timeout>();
		// Once unmounted, the timeline goes no further (and holds no timer that would keep the process alive).
		const sleep = async (ms: number) =>
			new Promise<void>(resolve => {
				if (cancelled) return;
				const timer = setTimeout(() => {
					timers.delete(timer);
					resolve();
				}, ms);
				timers.add(timer);
			});
		const pausePoint = async () =>
			new Promise<void>(resolve => {
				resume.current = resolve;
				dispatch({action: {type: 'await-presenter'}});
			});
		const act = (action: SessionAction) => {
			if (!cancelled) dispatch({action});
		};

		void runScenario(
			steps,
			{sleep, pausePoint},
			{
				press(key) {
					if (cancelled) return false;
					dispatch({key});
					return true;
				},
				dispatch: act,
				caption: lines => {
					act({type: 'caption', lines});
				},
				// A simulation's claims are checked by tests and `check` (the reducer has not run yet when one is checked here).
				// A live mode's are checked after settle, against what was observed.
				claim(step, failure) {
					if (!settle || failure === undefined) return;
					const timedOut = step.kind === 'until' ? ` — not within ${secondsText(step.limit)}; going on` : '';
					act({type: 'notice', text: `✗ line ${step.line}: ${step.kind} ${step.condition.text}${timedOut} (${failure})`});
				},
				state: () => latest.current.sim,
				...(settle ? {settle} : {}),
				async until(holds, limit) {
					if (settle) {
						const deadline = performance.now() + limit;
						while (!cancelled && !holds(latest.current.sim) && performance.now() < deadline) await sleep(frameMs);
						return;
					}

					act({type: 'run-until', until: holds, limit});
					await sleep(frameMs);
					// Running: the ticker handles the events and pauses where the condition holds (or a key pauses it).
					const pending = () => latest.current.mode.nextTime(latest.current.sim) !== undefined;
					while (!cancelled && latest.current.watch !== undefined && pending()) {
						// eslint-disable-next-line no-await-in-loop
						await sleep(frameMs / 2);
					}

					act({type: 'pause'});
				},
				end: () => {
					act({type: 'end'});
				},
			},
		);
		return () => {
			cancelled = true;
			for (const timer of timers) clearTimeout(timer);
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [steps]);
}
