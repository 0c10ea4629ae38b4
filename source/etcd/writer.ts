import {describeInput, inputFor} from '../core/etcd/expected.js';
import type {ControllerNote, WriterProgress} from '../core/etcd/types.js';
import type {EtcdApi} from './etcd-api.js';

export type WriterOptions = {
	readonly api: EtcdApi;
	readonly urls: readonly string[];
	readonly names: readonly string[];
	readonly prefix: string;
	readonly seed: number;
	/** Writes per second; undefined: as fast as acknowledgements come. */
	readonly rate: number | undefined;
	/** The member to try first: the leader as last polled. */
	readonly leaderHint: () => number | undefined;
	/** Whether a member's process can answer at all (not down, not paused). */
	readonly reachable: (member: number) => boolean;
	readonly note: (note: ControllerNote) => void;
	/** Client timeout per attempt: a put in flight when the leader dies hangs 5.5 s server-side. */
	readonly timeoutMs?: number;
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Writes the seeded kv inputs 1, 2, 3… one at a time, in order: each as an
 * idempotent transaction (see EtcdApi.writeInput) with a ~1 s client timeout,
 * retried on another member until acknowledged. Input i+1 is sent only after
 * input i is acknowledged, so the cluster's keys follow the model's order.
 */
export class Writer {
	private enabled = false;
	private oneShots = 0;
	private stopped = false;
	private issued = 0;
	private acked = 0;
	private retries = 0;
	private target: number | undefined;
	private latencyMs: number | undefined;
	private readonly ackTimes: number[] = [];
	private wake: (() => void) | undefined;
	private readonly ackWaiters: Array<{count: number; resolve: () => void}> = [];
	private lastStart = 0;
	/** When the input in flight was first sent (performance.now()). */
	private inFlightSince = 0;
	private running: Promise<void> | undefined;
	/** Stop after this many inputs (headless); undefined: never. */
	limit: number | undefined;
	/** Called before input `index` is first sent (the headless fault schedule acts here). */
	beforeInput: ((index: number) => Promise<void>) | undefined;

	constructor(private readonly options: WriterOptions) {}

	start(): void {
		this.running ??= this.loop();
	}

	setEnabled(on: boolean): void {
		this.enabled = on;
		this.wake?.();
	}

	get isEnabled(): boolean {
		return this.enabled;
	}

	/** Writes exactly one more input (a step), even while writes are off. */
	writeOne(): void {
		this.oneShots++;
		this.wake?.();
	}

	progress(): WriterProgress {
		const now = performance.now();
		while (this.ackTimes.length > 0 && now - this.ackTimes[0]! > 3000) this.ackTimes.shift();
		const span = this.ackTimes.length > 1 ? Math.max(1000, now - this.ackTimes[0]!) : 3000;
		return {
			enabled: this.enabled,
			issued: this.issued,
			acked: this.acked,
			retries: this.retries,
			...(this.target === undefined ? {} : {target: this.target}),
			...(this.latencyMs === undefined ? {} : {latencyMs: this.latencyMs}),
			perSecond: (this.ackTimes.length * 1000) / span,
		};
	}

	get acknowledged(): number {
		return this.acked;
	}

	/** The input sent but not (yet) acknowledged, if any: after stop(), one the cluster may or may not have applied. */
	get inFlight(): number | undefined {
		return this.issued > this.acked ? this.issued : undefined;
	}

	/** How long the input in flight has waited for an acknowledgement (0 when none is in flight). */
	get stalledMs(): number {
		return this.inFlight === undefined ? 0 : performance.now() - this.inFlightSince;
	}

	/** Resolves once `count` inputs are acknowledged. */
	waitForAcked(count: number): Promise<void> {
		if (this.acked >= count) return Promise.resolve();
		return new Promise(resolve => this.ackWaiters.push({count, resolve}));
	}

	/** Stops for good: no new attempt starts; resolves once the attempt under way (at most the client timeout) has ended. */
	async stop(): Promise<void> {
		this.stopped = true;
		this.wake?.();
		await this.running;
	}

	private async loop(): Promise<void> {
		while (!this.stopped) {
			if (this.limit !== undefined && this.acked >= this.limit) {
				await this.idle();
				continue;
			}

			if (!this.enabled && this.oneShots === 0) {
				await this.idle();
				continue;
			}

			if (this.oneShots > 0) {
				this.oneShots--;
			} else {
				await this.pace();
				// Writes may have been turned off while waiting for the next slot.
				if (!this.enabled) continue;
			}

			if (this.stopped) return;
			const index = this.acked + 1;
			await this.beforeInput?.(index);
			this.issued = index;
			this.lastStart = performance.now();
			this.inFlightSince = this.lastStart;
			const acknowledged = await this.writeUntilAcknowledged(index);
			if (!acknowledged) return;
			this.acked = index;
			this.ackTimes.push(performance.now());
			for (const waiter of this.ackWaiters.filter(waiter => waiter.count <= index)) {
				this.ackWaiters.splice(this.ackWaiters.indexOf(waiter), 1);
				waiter.resolve();
			}
		}
	}

	private idle(): Promise<void> {
		return new Promise(resolve => {
			this.wake = () => {
				this.wake = undefined;
				resolve();
			};
		});
	}

	private async pace(): Promise<void> {
		const {rate} = this.options;
		if (rate === undefined) return;
		const wait = this.lastStart + 1000 / rate - performance.now();
		if (wait > 0) await sleep(wait);
	}

	/** Tries members until one acknowledges input `index`; false if stopped first. */
	private async writeUntilAcknowledged(index: number): Promise<boolean> {
		const {api, urls, names, prefix, seed, note} = this.options;
		const input = inputFor(seed, index);
		const tried = new Set<number>();
		let reported = false;
		while (!this.stopped) {
			const member = this.chooseTarget(tried);
			if (member === undefined) {
				tried.clear();
				await sleep(200);
				continue;
			}

			this.target = member;
			const started = performance.now();
			const result = await api.writeInput(urls[member]!, prefix, index, input, this.options.timeoutMs ?? 1000);
			if (result.ok) {
				this.latencyMs = performance.now() - started;
				return true;
			}

			this.retries++;
			tried.add(member);
			if (!reported) {
				reported = true;
				note({text: `write #${index} (${describeInput(input)}) to ${names[member]} failed: ${result.error}; retrying on another member`, tone: 'warn'});
			}

			await sleep(50);
		}

		return false;
	}

	private chooseTarget(tried: ReadonlySet<number>): number | undefined {
		const {urls, leaderHint, reachable} = this.options;
		const usable = (member: number) => !tried.has(member) && reachable(member);
		const leader = leaderHint();
		if (leader !== undefined && usable(leader)) return leader;
		const start = (this.target ?? -1) + 1;
		for (let step = 0; step < urls.length; step++) {
			const member = (start + step) % urls.length;
			if (usable(member)) return member;
		}

		return undefined;
	}
}
