import {createSession, sessionStep, type Session} from '../source/core/session.js';
import {createSimulation} from '../source/core/simulation.js';
import {renderDashboard} from './harness.js';
import {median, sleep} from './stats.js';

const columns = 120;
const rows = 40;
const clearScreen = '\u001B[2J';

function runningSession(): Session {
	const sim = createSimulation({model: 'bank', replicas: 5, seed: 3, faults: [{replica: 2, type: 'flaky', atIndex: 0}]});
	return createSession(sim, {rate: 2});
}

/** Bytes written per input while running, and how many full-screen clears followed the first frame. */
async function bytesPerInput(incremental: boolean, inputs: number): Promise<{bytes: number; clears: number}> {
	let session = runningSession();
	const ink = renderDashboard(session, columns, rows, incremental);
	await sleep(20);
	ink.stdout.take();
	let bytes = 0;
	let clears = 0;
	for (let i = 0; i < inputs; i++) {
		session = sessionStep(session, {type: 'tick', ms: 500});
		ink.update(session);
		await sleep(3);
		const written = ink.stdout.take();
		bytes += Buffer.byteLength(written);
		clears += written.split(clearScreen).length - 1;
	}

	ink.unmount();
	return {bytes: bytes / inputs, clears};
}

export async function steadyRendering(inputs = 150) {
	const incremental = await bytesPerInput(true, inputs);
	const full = await bytesPerInput(false, inputs);
	return {incrementalBytes: incremental.bytes, fullBytes: full.bytes, clears: incremental.clears};
}

/**
 * Milliseconds from a new session state to its frame written to the terminal
 * (React, layout and output), through real Ink at 120×40 with 5 replicas.
 */
export async function frameTime(frames = 200): Promise<number> {
	let session = runningSession();
	const ink = renderDashboard(session, columns, rows, true);
	await sleep(20);
	const times: number[] = [];
	for (let i = 0; i < frames; i++) {
		session = sessionStep(session, {type: 'tick', ms: 500});
		const written = new Promise<number>(resolve => {
			ink.stdout.onWrite = () => {
				resolve(performance.now());
			};
		});
		const started = performance.now();
		ink.update(session);
		times.push((await written) - started);
		ink.stdout.onWrite = undefined;
		await sleep(3);
		ink.stdout.take();
	}

	ink.unmount();
	return median(times.slice(20));
}
