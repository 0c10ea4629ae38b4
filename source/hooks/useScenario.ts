import {useEffect, useRef} from 'react';
import type {KeyPress} from '../core/engine/key-press.js';
import type {Session, SessionAction} from '../core/engine/session.js';
import {runScenario} from '../scenario/runner.js';
import {frameMs} from './useTicker.js';
import type {ScenarioStep} from '../scenario/types.js';

type Dispatch = (event: {key: KeyPress} | {action: SessionAction}) => void;

/**
 * Plays a scenario's timeline in real time through the app's own reducer: its
 * keys are pressed as a user would press them, and at each pause point it waits
 * for the presenter (Enter, PgDn or n) while every other key still works. At
 * the end the stream stops, so nothing runs on silently under an old caption.
 */
export function useScenario(steps: readonly ScenarioStep[] | undefined, session: Session, dispatch: Dispatch): void {
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
		const sleep = async (ms: number) =>
			new Promise<void>(resolve => {
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
				// The reducer has not run yet when a claim is checked live, so claims are checked by tests and `check`, not here.
				claim() {},
				state: () => latest.current.sim,
				async until(holds, limit) {
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
