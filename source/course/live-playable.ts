import {defaultLiveRate} from '../core/etcd/config.js';
import {etcdMode} from '../core/etcd/mode.js';
import {createSession} from '../core/engine/session.js';
import {EtcdLiveSession} from '../etcd/live-session.js';
import {liveConfig} from '../live/drive-live.js';
import {asShellMode} from '../live/shell-mode.js';
import {loadScenario} from '../scenario/bundled.js';
import type {Playable} from './playable.js';

/** Clusters started and not yet stopped: the course stops them all when it ends, however it ends. */
const running = new Set<EtcdLiveSession>();
/** Clusters still starting: one the course quits during is stopped once it has started. */
const starting = new Set<Promise<unknown>>();
/** Clusters being stopped: the course waits for them before it exits, so their files are removed. */
const stopping = new Set<Promise<void>>();

/** Starts the real etcd cluster of a live scenario (seconds) and plays it as `play` does. */
export async function startLiveScenario(name: string, pace: number): Promise<Playable> {
	const scenario = loadScenario(name);
	const config = liveConfig(scenario);
	const start = EtcdLiveSession.start(config);
	starting.add(start);
	let live: EtcdLiveSession;
	try {
		live = await start;
	} finally {
		starting.delete(start);
	}

	running.add(live);
	const mode = asShellMode(etcdMode, config.rate ?? defaultLiveRate);
	return {
		session: createSession(mode, live.state, {paused: config.paused}),
		scenario: {steps: scenario.steps, pace},
		live,
		async stop() {
			if (!running.delete(live)) return;
			const stopped = live.stop().finally(() => stopping.delete(stopped));
			stopping.add(stopped);
			await stopped;
		},
	};
}

/** Stops every cluster the course started that is still running. */
export async function stopLiveScenarios(): Promise<void> {
	await Promise.allSettled([...starting]);
	await Promise.allSettled([...stopping]);
	await Promise.all([...running].map(async live => live.stop()));
	running.clear();
}
