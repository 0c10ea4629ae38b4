// Runs the dashboard rendering into a virtual terminal and prints the RSS
// (after a GC) at eight checkpoints as JSON. Plain JavaScript over the built
// dist/, so it measures what users run.
//   top:     1,000,000 inputs at top speed (each frame batches thousands)
//   lecture: 2,400 frames of one input each (20 minutes at 2 inputs/s)
import {Writable} from 'node:stream';
import {render} from 'ink';
import {createElement, useState} from 'react';
import {Shell} from '../dist/components/Shell.js';
import {createSession, sessionStep} from '../dist/core/engine/session.js';
import {maxRate} from '../dist/core/voting/config.js';
import {votingMode} from '../dist/core/voting/mode.js';
import {frameMs} from '../dist/hooks/useTicker.js';

class NullTty extends Writable {
	isTTY = true;
	columns = 120;
	rows = 40;
	_write(_chunk, _encoding, callback) {
		callback();
	}
}

const lecture = process.argv[2] === 'lecture';
const total = lecture ? 2400 : 1_000_000;
const every = total / 8;
const sim = votingMode.create(votingMode.parseConfig({model: 'bank', replicas: '5', seed: '9', fault: ['2:flaky', '4:lag']}));
let session = createSession(votingMode, sim, {speed: lecture ? 2 : maxRate});
let setSession = () => {};
function Harness() {
	const [current, set] = useState(session);
	setSession = set;
	return createElement(Shell, {session: current, columns: 120, rows: 40});
}

const instance = render(createElement(Harness), {stdout: new NullTty(), incrementalRendering: true, maxFps: 1000, patchConsole: false, exitOnCtrlC: false});
const samples = [];
let next = every;
while (session.sim.index < total) {
	session = sessionStep(session, {type: 'tick', ms: lecture ? 500 : frameMs});
	setSession(session);
	await new Promise(resolve => setTimeout(resolve, 1));
	if (session.sim.index >= next) {
		globalThis.gc?.();
		samples.push({inputs: session.sim.index, rssMb: process.memoryUsage().rss / 2 ** 20});
		next += every;
	}
}

instance.unmount();
process.stdout.write(JSON.stringify(samples) + '\n');
process.exit(0);
