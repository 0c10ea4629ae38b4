import {createSession, sessionStep, type Session} from '../source/core/engine/session.js';
import {votingMode} from '../source/core/voting/mode.js';
import {renderDashboard} from './harness.js';
import {median, sleep} from './stats.js';

const columns = 120;
const rows = 40;
const clearScreen = '\u001B[2J';

function runningSession(): Session {
	const sim = votingMode.create(votingMode.parseConfig({model: 'bank', replicas: '5', seed: '3', fault: ['3:flaky']}));
	return createSession(votingMode, sim, {speed: 2});
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
 * (React, layout and output), through real Ink: by default at 120×40 with
 * 5 voting replicas, each frame one input later; any mode's session can be given,
 * with how to move it on by one frame.
 */
export async function frameTime(
	frames = 200,
	start: Session = runningSession(),
	next: (session: Session) => Session = session => sessionStep(session, {type: 'tick', ms: 500}),
	size: {columns: number; rows: number} = {columns, rows},
): Promise<number> {
	let session = start;
	const ink = renderDashboard(session, size.columns, size.rows, true);
	await sleep(20);
	const times: number[] = [];
	for (let i = 0; i < frames; i++) {
		session = next(session);
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
