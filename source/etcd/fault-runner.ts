import {resolveScheduledFault, type FaultContext, type ScheduledEtcdFault} from '../core/etcd/fault-schedule.js';
import type {EtcdAction, ControllerNote} from '../core/etcd/types.js';
import type {Writer} from './writer.js';

export type FaultLogEntry = {readonly spec: string; readonly atInput: number; readonly outcome: string};

export type FaultRunnerOptions = {
	readonly faults: readonly ScheduledEtcdFault[];
	readonly perform: (action: EtcdAction) => Promise<ControllerNote>;
	readonly context: () => FaultContext;
	/** How long a write may wait for its acknowledgement before the next fault acts early. */
	readonly stallMs: number;
};

/**
 * Acts out a headless fault schedule: each fault just before its input is
 * first written. A fault is tied to an input, so one that takes the majority
 * away would hold back every later fault, the `heal` or `restart` that would
 * give it back included. So when no write has been acknowledged for
 * `stallMs`, the next fault acts at once (its log says so), and again after
 * every further `stallMs` without an acknowledgement.
 */
export class FaultRunner {
	readonly log: FaultLogEntry[] = [];
	private readonly pending: ScheduledEtcdFault[];
	private acting: Promise<void> = Promise.resolve();
	private busy = false;
	/** When the last fault finished acting (performance.now()). */
	private actedAt = 0;

	constructor(private readonly options: FaultRunnerOptions) {
		this.pending = [...options.faults].sort((a, b) => a.atIndex - b.atIndex);
	}

	/** Faults not acted out yet. */
	get remaining(): number {
		return this.pending.length;
	}

	/** Milliseconds since the last fault acted (or since the start). */
	get sinceLastFaultMs(): number {
		return performance.now() - this.actedAt;
	}

	/** The writer's beforeInput: every fault due at or before `index`. */
	async beforeInput(index: number): Promise<void> {
		while (this.pending.length > 0 && this.pending[0]!.atIndex <= index) await this.act(this.pending.shift()!, index);
	}

	/** Acts the next fault early whenever `writer` has waited `stallMs` for an acknowledgement; returns the function that stops watching. */
	watch(writer: Writer): () => void {
		this.actedAt = performance.now();
		const timer = setInterval(() => {
			const inFlight = writer.inFlight;
			if (this.busy || inFlight === undefined || this.pending.length === 0) return;
			const waited = Math.min(writer.stalledMs, this.sinceLastFaultMs);
			if (waited < this.options.stallMs) return;
			const fault = this.pending.shift()!;
			void this.act(fault, inFlight, `acted early: no write was acknowledged for ${(waited / 1000).toFixed(1)} s, so #${fault.atIndex} could not be reached`);
		}, 100);
		return () => {
			clearInterval(timer);
		};
	}

	/** Resolves once no fault is acting. */
	async idle(): Promise<void> {
		await this.acting;
	}

	private async act(fault: ScheduledEtcdFault, atInput: number, why?: string): Promise<void> {
		this.busy = true;
		const run = this.acting.then(async () => {
			let outcome: string;
			try {
				const actions = resolveScheduledFault(fault, this.options.context());
				if (typeof actions === 'string') {
					outcome = `not done: ${actions}`;
				} else {
					const outcomes: string[] = [];
					for (const action of actions) outcomes.push((await this.options.perform(action)).text);
					outcome = outcomes.join('; ');
				}
			} catch (error) {
				outcome = `failed: ${error instanceof Error ? error.message : String(error)}`;
			}

			this.log.push({spec: fault.spec, atInput, outcome: why ? `${why}; ${outcome}` : outcome});
		});
		this.acting = run;
		await run;
		this.actedAt = performance.now();
		this.busy = false;
	}
}
