import {closeSync, openSync, writeSync} from 'node:fs';
import {report, traceLine} from './core/report.js';
import {createSimulation, step} from './core/simulation.js';
import type {SimState} from './core/types.js';
import {summaryText} from './core/verdict.js';
import type {RunOptions} from './options.js';
import {UsageError} from './options.js';

const traceChunkBytes = 1 << 16;
/** Without a trace, inputs are issued this many at a time: one state update per batch. */
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

/** Runs `options.steps` inputs with no UI; streams the trace and returns the final state. */
export function runHeadless(options: RunOptions): SimState {
	const traceFd = options.trace === undefined ? undefined : openForWriting('trace', options.trace);
	let sim = createSimulation({model: options.model, replicas: options.replicas, seed: options.seed, faults: options.faults});
	if (traceFd === undefined) {
		for (let done = 0; done < options.steps!; done += headlessBatch) sim = step(sim, {type: 'input', count: Math.min(headlessBatch, options.steps! - done)});
		return sim;
	}

	let buffered = '';
	try {
		for (let i = 0; i < options.steps!; i++) {
			sim = step(sim, {type: 'input'});
			buffered += JSON.stringify(traceLine(sim)) + '\n';
			if (buffered.length > traceChunkBytes) {
				writeSync(traceFd, buffered);
				buffered = '';
			}
		}
	} finally {
		writeSync(traceFd, buffered);
		closeSync(traceFd);
	}

	return sim;
}

export function headlessOutput(sim: SimState, json: boolean): string {
	return json ? JSON.stringify(report(sim), null, 2) : summaryText(sim);
}
