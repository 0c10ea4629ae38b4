import {closeSync, openSync, writeSync} from 'node:fs';
import type {AnyMode} from './core/engine/mode.js';
import {UsageError} from './core/engine/usage-error.js';

const traceChunkBytes = 1 << 16;
/** Without a trace, events are handled this many at a time: one state update per batch. */
const headlessBatch = 4096;

/** Opens a file for writing now, so a bad path is refused before anything runs. */
export function openForWriting(flag: string, path: string): number {
	try {
		return openSync(path, 'w');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'error';
		const why = {ENOENT: 'its folder does not exist', EACCES: 'permission denied', EISDIR: 'it is a folder', EROFS: 'read-only file system'}[code] ?? code;
		throw new UsageError(`cannot write --${flag} file "${path}": ${why}`);
	}
}

/** A trace file written in chunks: one JSON line per event. */
export class TraceWriter {
	private buffered = '';

	constructor(private readonly fd: number) {}

	static open(path: string): TraceWriter {
		return new TraceWriter(openForWriting('trace', path));
	}

	write(line: unknown): void {
		this.buffered += JSON.stringify(line) + '\n';
		if (this.buffered.length > traceChunkBytes) this.flush();
	}

	close(): void {
		this.flush();
		closeSync(this.fd);
	}

	private flush(): void {
		if (this.buffered === '') return;
		writeSync(this.fd, this.buffered);
		this.buffered = '';
	}
}

/** The marker's words: why the event numbers that follow go back. */
const markerText = {
	'step-back': 'stepped back: the run is as it was after this event (with the actions taken before the next one); the lines after that point no longer hold',
	jump: 'jumped along the timeline: the run is as it was after this event (with the actions taken before the next one), its events and actions replayed untraced',
	restart: 'restarted from the beginning (same seed): the run is as at the start line',
} as const;

/**
 * The same mode, handling events one at a time and writing a trace line after
 * each: what `--trace` records however the events are driven (headless steps
 * or a scenario's timeline). The start line is written when the run is
 * created, an action line for every action that changed something, and a
 * marker line (kind `step-back` or `restart`, with every server or replica as
 * it stands) when the session goes back. Step back replays through the inner
 * mode: a replay is not traced as new events.
 */
export function tracingMode(mode: AnyMode, trace: TraceWriter): AnyMode {
	const one = (state: unknown) => {
		const next = mode.advance(state, 1);
		trace.write(mode.traceLine(next));
		return next;
	};

	const whole = (state: unknown) => (mode.traceStart ?? mode.traceLine)(state) as Record<string, unknown>;
	return {
		...mode,
		inner: mode.inner ?? mode,
		create(config) {
			const state = mode.create(config);
			trace.write(whole(state));
			return state;
		},
		apply(state, action) {
			const next = mode.apply(state, action);
			if (next !== state) trace.write(mode.traceAction ? mode.traceAction(state, next, action) : mode.traceLine(next));
			return next;
		},
		rewound(state, how) {
			trace.write({...whole(state), kind: how, text: markerText[how]});
		},
		advance(state, count) {
			let current = state;
			for (let i = 0; i < count; i++) current = one(current);
			return current;
		},
		runUntil(state, time, cap) {
			let current = state;
			let count = 0;
			while (count < cap) {
				const next = mode.nextTime(current);
				if (next === undefined || next > time) break;
				current = one(current);
				count++;
				if (mode.haltReason?.(current)) break;
			}

			return {state: current, count};
		},
	};
}

/** Runs `steps` events with no UI; streams the trace and returns the final state. */
export function runHeadless(mode: AnyMode, config: unknown, steps: number, traceFile: string | undefined): unknown {
	const trace = traceFile === undefined ? undefined : TraceWriter.open(traceFile);
	const driven = trace ? tracingMode(mode, trace) : mode;
	let state = driven.create(config);
	try {
		for (let done = 0; done < steps; done += headlessBatch) {
			if (mode.nextTime(state) === undefined) break;
			state = driven.advance(state, Math.min(headlessBatch, steps - done));
		}
	} finally {
		trace?.close();
	}

	return state;
}

export function headlessOutput(mode: AnyMode, state: unknown, json: boolean): string {
	return json ? JSON.stringify(mode.report(state), null, 2) : mode.summary(state);
}
