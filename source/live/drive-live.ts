/**
 * Plays a scenario of a live mode (a real etcd cluster) with no terminal, in
 * real time, through the app's own reducer: keys and verbs go into the same
 * outbox the dashboard sends to the controller, observations replace the
 * state, and every `expect` and `until` is checked against the state observed
 * once what came before it has been carried out.
 */
import {reduce, type AppState} from '../app-state.js';
import {defaultLiveRate, type EtcdConfig} from '../core/etcd/config.js';
import {etcdMode} from '../core/etcd/mode.js';
import type {EtcdState} from '../core/etcd/state.js';
import type {EtcdAction} from '../core/etcd/types.js';
import {createSession} from '../core/engine/session.js';
import {requireEtcd} from '../etcd/etcd-binary.js';
import {EtcdLiveSession} from '../etcd/live-session.js';
import type {Claim} from '../scenario/drive.js';
import {runScenario} from '../scenario/runner.js';
import type {Scenario, ScenarioStep} from '../scenario/types.js';
import {asShellMode, observationTimeoutMs, secondsText} from './shell-mode.js';

export type LiveDriveResult = {
	readonly claims: readonly Claim[];
	/** The last state observed before the cluster was stopped. */
	readonly state: EtcdState;
	/** Real milliseconds from the first step to the end. */
	readonly ms: number;
};

const sleep = async (ms: number) =>
	new Promise<void>(resolve => {
		setTimeout(resolve, ms);
	});

/** The config a scenario's cluster starts with: its header, with `paused` meaning writes off. */
export function liveConfig(scenario: Scenario): EtcdConfig {
	return {...(scenario.config as EtcdConfig), paused: scenario.paused};
}

/** Where the run was when a claim was checked: seconds since the timeline started. */
const positionAt = (ms: number) => `t=${(ms / 1000).toFixed(1)}s`;

export async function driveLiveScenario(
	scenario: Scenario,
	options: {readonly onProgress?: (text: string) => void; readonly onLive?: (live: EtcdLiveSession) => void} = {},
): Promise<LiveDriveResult> {
	const config = liveConfig(scenario);
	// Say it is missing before saying it starts.
	requireEtcd();
	options.onProgress?.(`starting ${config.members} etcd members on loopback …`);
	const live = await EtcdLiveSession.start(config);
	options.onLive?.(live);
	try {
		const mode = asShellMode(etcdMode, config.rate ?? defaultLiveRate);
		let app: AppState = {session: createSession(mode, live.state, {paused: config.paused}), quit: false, outbox: []};
		const started = performance.now();
		const elapsed = () => performance.now() - started;
		const claims: Claim[] = [];
		// As on a simulated run, a caption's claims must hold while time passes under it (see driveScenario).
		let standing: Array<{index: number; step: ScenarioStep & {kind: 'expect'}}> = [];
		let observers: Array<() => void> = [];
		live.onChange(state => {
			app = reduce(app, {observed: state});
			for (const {index, step} of standing) {
				if (claims[index]!.failure !== undefined) continue;
				const failure = step.condition.check(app.session.sim);
				if (failure !== undefined) claims[index] = {...claims[index]!, failure: `${failure} (later, while its caption still showed)`, position: positionAt(elapsed())};
			}

			const waiting = observers;
			observers = [];
			for (const resolve of waiting) resolve();
		});
		const nextObservation = async (timeoutMs = observationTimeoutMs) =>
			Promise.race([new Promise<void>(resolve => observers.push(resolve)), sleep(timeoutMs)]);

		// The outbox is sent in order, one action at a time, as the dashboard's useLive sends it.
		let sent = 0;
		let work: Promise<void> = Promise.resolve();
		const flush = () => {
			work = work.then(async () => {
				while (sent < app.outbox.length) await live.perform(app.outbox[sent++] as EtcdAction);
			});
		};

		const event = (next: AppState) => {
			app = next;
			flush();
		};

		await runScenario(
			scenario.steps,
			{sleep, pausePoint: sleep},
			{
				press(key) {
					standing = [];
					event(reduce(app, {key}));
					return !app.quit;
				},
				dispatch(action) {
					standing = [];
					event(reduce(app, {action}));
				},
				caption(lines) {
					standing = [];
					event(reduce(app, {action: {type: 'caption', lines}}));
				},
				claim(step, failure) {
					const timedOut = step.kind === 'until' && failure !== undefined ? ` (not within ${secondsText(step.limit)})` : '';
					claims.push({line: step.line, text: step.condition.text, kind: step.kind, failure: failure === undefined ? undefined : failure + timedOut, position: positionAt(elapsed())});
					if (step.kind === 'expect') standing.push({index: claims.length - 1, step});
				},
				state: () => app.session.sim,
				// Done once two rounds have been observed after the actions: the first may have started before the last of them.
				async settle() {
					await work;
					await nextObservation();
					await nextObservation();
				},
				async until(holds, limitMs) {
					standing = [];
					const deadline = performance.now() + limitMs;
					while (!holds(app.session.sim) && performance.now() < deadline) await nextObservation(Math.max(1, deadline - performance.now()));
				},
				end() {
					standing = [];
					event(reduce(app, {action: {type: 'end'}}));
				},
			},
		);
		await work;
		return {claims, state: app.session.sim as EtcdState, ms: elapsed()};
	} finally {
		await live.stop();
	}
}
