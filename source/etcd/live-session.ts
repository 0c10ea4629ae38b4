import {defaultLiveRate, type EtcdConfig} from '../core/etcd/config.js';
import {etcdMode} from '../core/etcd/mode.js';
import type {EtcdState} from '../core/etcd/state.js';
import type {ControllerNote, EtcdAction} from '../core/etcd/types.js';
import {EtcdController} from './controller.js';
import {requireEtcd} from './etcd-binary.js';

/**
 * What the shell drives in the etcd mode: a controller and the observed state
 * it folds every polling round into. Subscribe with `onChange` (called after
 * every round, ~10 times a second), draw `etcdMode.view(session.state, …)`,
 * send keys' actions to `perform`, and `stop()` on quit.
 */
export class EtcdLiveSession {
	private readonly listeners = new Set<(state: EtcdState) => void>();

	private constructor(
		readonly controller: EtcdController,
		public state: EtcdState,
	) {
		controller.subscribe(poll => {
			this.state = etcdMode.observe(this.state, poll);
			for (const listener of this.listeners) listener(this.state);
		});
	}

	/**
	 * Checks etcd is installed (a UsageError with the install line if not), then
	 * starts a fresh cluster (or attaches to --endpoints) and resolves once it
	 * has a leader. Writes start at once unless config.paused.
	 */
	static async start(config: EtcdConfig): Promise<EtcdLiveSession> {
		if (!config.endpoints) requireEtcd();
		const controller = new EtcdController({
			members: config.members,
			seed: config.seed,
			rate: config.rate ?? defaultLiveRate,
			preVote: config.preVote,
			...(config.endpoints ? {endpoints: config.endpoints} : {}),
			writes: !config.paused,
		});
		try {
			const info = await controller.start();
			return new EtcdLiveSession(controller, etcdMode.initial(info));
		} catch (error) {
			await controller.stop();
			throw error;
		}
	}

	onChange(listener: (state: EtcdState) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	perform(action: EtcdAction): Promise<ControllerNote> {
		return this.controller.perform(action);
	}

	stop(): Promise<void> {
		this.listeners.clear();
		return this.controller.stop();
	}
}
