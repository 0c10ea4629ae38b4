import {useEffect, useRef} from 'react';
import {isQuitKey, type KeyPress} from '../core/keymap.js';
import type {SessionAction} from '../core/session.js';
import {runScenario} from '../scenario/runner.js';
import type {ScenarioStep} from '../scenario/types.js';

type Dispatch = (event: {key: KeyPress} | {action: SessionAction}) => void;

/**
 * Plays a scenario's timeline in real time through the app's own reducer: its
 * keys are pressed as a user would press them, and at a pause point it waits
 * for the presenter (Enter, PgDn or n) while every other key still works.
 */
export function useScenario(steps: readonly ScenarioStep[] | undefined, awaitingPresenter: boolean, dispatch: Dispatch, quit: () => void): void {
	const resume = useRef<(() => void) | undefined>(undefined);
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
		void runScenario(
			steps,
			{sleep, pausePoint},
			{
				press(key) {
					if (cancelled) return false;
					if (isQuitKey(key)) {
						quit();
						return false;
					}

					dispatch({key});
					return true;
				},
				caption(lines) {
					if (!cancelled) dispatch({action: {type: 'caption', lines}});
				},
			},
		);
		return () => {
			cancelled = true;
			for (const timer of timers) clearTimeout(timer);
		};
	}, [steps]);
}
