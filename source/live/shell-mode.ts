/**
 * A live mode (a real cluster, in real time) as a mode the shell can draw. It
 * has no virtual time to advance and no step back: its state is replaced by
 * each observation, and its actions go to a controller, not to `apply`.
 */
import type {LiveMode} from '../core/etcd/mode.js';
import type {AnyMode} from '../core/engine/mode.js';
import {formatRate} from '../core/engine/text.js';

/** What the app sends a live mode's actions to, and hears its observations from. */
export type LiveConnection = {
	perform(action: unknown): Promise<unknown>;
	onChange(listener: (state: unknown) => void): () => void;
};

export type ShellLiveMode = AnyMode & {
	readonly live: true;
	/** Whether the cluster is being written to: the header's RUNNING or PAUSED (an attached cluster, never written to, runs). */
	running(state: unknown): boolean;
	/** Whether the app may write to the cluster: not to one it attached to (read-only), where space and s refuse. */
	writable(state: unknown): boolean;
};

type LiveStateShape = {readonly info?: {readonly writes?: boolean}; readonly writer?: {readonly enabled?: boolean}};
const writable = (state: unknown) => (state as LiveStateShape).info?.writes !== false;

export function isLive(mode: AnyMode): mode is ShellLiveMode {
	return (mode as {live?: boolean}).live === true;
}

/** `rate`: writes per second, or undefined for a cluster the app only reads (attached): the header then says read-only. */
export function asShellMode(live: LiveMode<any, any, any>, rate: number | undefined): ShellLiveMode {
	const speed = rate ?? 0;
	return {
		...live,
		live: true,
		running: state => !writable(state) || Boolean((state as LiveStateShape).writer?.enabled),
		writable,
		create() {
			throw new Error(`the ${live.name} mode starts from a running cluster, not a config`);
		},
		speeds: {ladder: [speed], initial: speed, min: speed, max: speed, format: value => (rate === undefined ? 'read-only' : formatRate(value).replace('input', 'write'))},
		now: () => 0,
		nextTime: () => undefined,
		advance: state => state,
		runUntil: state => ({state, count: 0}),
		apply: state => state,
		report: state => state,
		summary: () => '',
		traceLine: state => state,
	} as ShellLiveMode;
}

/** How long a live scenario waits for the next observation of the cluster before going on anyway (polling is every 100 ms). */
export const observationTimeoutMs = 3000;

/** A live `until`'s limit in words: "10 s", "1.5 s". */
export function secondsText(ms: number): string {
	return `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s`;
}
