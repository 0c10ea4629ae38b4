/**
 * The app's state in a store outside React: the terminal (through
 * useSyncExternalStore) and a scenario's timeline read the same state, and a
 * timeline sees at once what its last key or action did, as on a virtual clock.
 */
import {reduce, type AppEvent, type AppState} from './app-state.js';

export type AppStore = {
	get(): AppState;
	send(event: AppEvent): void;
	subscribe(listener: () => void): () => void;
};

export function createAppStore(initial: AppState): AppStore {
	let state = initial;
	const listeners = new Set<() => void>();
	return {
		get: () => state,
		send(event) {
			const next = reduce(state, event);
			if (next === state) return;
			state = next;
			for (const listener of listeners) listener();
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}
