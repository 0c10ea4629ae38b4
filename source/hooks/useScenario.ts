import {useEffect} from 'react';
import type {AppStore} from '../app-store.js';
import {timelineHeld} from '../core/engine/session.js';
import {secondsText} from '../live/shell-mode.js';
import {ClaimLog, type Claim} from '../scenario/claim-log.js';
import {runScenario, type ScenarioClock, type ScenarioTarget} from '../scenario/runner.js';
import {sessionTarget, timelineSleep} from '../scenario/session-target.js';
import type {ScenarioStep} from '../scenario/types.js';
import {frameMs} from './useTicker.js';

export type ScenarioPlayback = {
	readonly steps: readonly ScenarioStep[];
	/** Scenario time runs this many times faster than real time (1: as written). */
	readonly pace?: number;
	/** Sees each claim when the timeline reaches it (and a standing one again if it fails later). */
	readonly onClaim?: (claim: Claim) => void;
};

/** How often a held timeline looks whether it may go on. */
const pollMs = 20;

/**
 * Plays a scenario's timeline in real time through the app's own store, with
 * the same player and target as `record`, `run` and `check` (runScenario,
 * sessionTarget): only time and the presenter's keys come from outside. Its
 * keys are pressed as scripted keys; at each pause point the board holds still
 * until the presenter continues (Enter, PgDn or n), while every other key still
 * works. Between pause points the timeline waits whenever the presenter holds
 * it: space, or help or a menu the presenter opened (so help and menus never
 * receive the scenario's keys). A claim that does not hold says so on the
 * notice line.
 *
 * A live mode (a real cluster: `settle` given) has no virtual time to run
 * until a condition holds: `until` waits in real time for an observation that
 * satisfies it, at most its limit in ms, and a claim is checked once the
 * actions before it are done and observed.
 */
export function useScenario(playback: ScenarioPlayback | undefined, store: AppStore, settle?: () => Promise<void>): void {
	useEffect(() => {
		if (!playback) return;
		const pace = playback.pace ?? 1;
		let cancelled = false;
		const timers = new Set<NodeJS.Timeout>();
		// Once unmounted, the timeline goes no further (and holds no timer that would keep the process alive).
		const timer = async (ms: number) =>
			new Promise<void>(resolve => {
				if (cancelled) return;
				const handle = setTimeout(() => {
					timers.delete(handle);
					resolve();
				}, ms);
				timers.add(handle);
			});
		const session = () => store.get().session;
		// Scenario time passes only while the presenter does not hold the timeline, measured on the wall clock
		// (a timer fires late on a busy machine).
		const realWait = async (ms: number) => {
			let remaining = ms / pace;
			while (remaining > 0 || timelineHeld(session())) {
				const held = timelineHeld(session());
				const before = performance.now();
				await timer(held ? pollMs : Math.min(remaining, pollMs)); // eslint-disable-line no-await-in-loop
				if (!held) remaining -= performance.now() - before;
			}
		};

		const sleep = settle ? realWait : timelineSleep(store, realWait);
		const pausePoint = async () => {
			store.send({action: {type: 'await-presenter'}});
			while (session().awaitingPresenter) await timer(pollMs); // eslint-disable-line no-await-in-loop
			// A presenter who opened help at the pause point closes it before the timeline goes on.
			while (timelineHeld(session())) await timer(pollMs); // eslint-disable-line no-await-in-loop
		};

		const clock: ScenarioClock = {sleep, pausePoint};
		const log = new ClaimLog(claim => {
			playback.onClaim?.(claim);
			if (claim.failure !== undefined) store.send({action: {type: 'notice', text: `✗ line ${claim.line}: ${claim.kind} ${claim.text} (${claim.failure})`}});
		});
		const unsubscribe = store.subscribe(() => {
			log.recheck(session());
		});
		const target: ScenarioTarget = settle ? liveClusterTarget(store, clock, settle, () => cancelled) : sessionTarget(store, clock, log);
		void runScenario(playback.steps, clock, target);
		return () => {
			cancelled = true;
			unsubscribe();
			for (const handle of timers) clearTimeout(handle);
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [playback]);
}

/** A real cluster's target: its state arrives by observation, so claims wait for `settle` and `until` waits in real time. */
function liveClusterTarget(store: AppStore, clock: ScenarioClock, settle: () => Promise<void>, cancelled: () => boolean): ScenarioTarget {
	const act = (action: Parameters<ScenarioTarget['dispatch']>[0]) => {
		if (!cancelled()) store.send({action});
	};

	return {
		press(key) {
			if (cancelled()) return false;
			store.send({key, scripted: true});
			return !store.get().quit;
		},
		dispatch: act,
		caption(lines) {
			act({type: 'caption', lines});
		},
		claim(step, failure) {
			if (failure === undefined) return;
			const timedOut = step.kind === 'until' ? ` — not within ${secondsText(step.limit)}; going on` : '';
			act({type: 'notice', text: `✗ line ${step.line}: ${step.kind} ${step.condition.text}${timedOut} (${failure})`});
		},
		state: () => store.get().session.sim,
		settle,
		async until(holds, limit) {
			const deadline = performance.now() + limit;
			while (!cancelled() && !holds(store.get().session.sim) && performance.now() < deadline) await clock.sleep(frameMs); // eslint-disable-line no-await-in-loop
		},
		end() {
			act({type: 'end'});
		},
	};
}
