// Runs 1,000,000 inputs at top speed with the dashboard rendering into a
// virtual terminal, and prints the RSS (after a GC) every 100,000 inputs as JSON.
import {createSession, maxRate, sessionStep} from '../source/core/session.js';
import {createSimulation} from '../source/core/simulation.js';
import {frameMs} from '../source/hooks/useTicker.js';
import {renderDashboard} from './harness.js';
import {sleep} from './stats.js';

const total = 1_000_000;
const every = 100_000;
const sim = createSimulation({model: 'bank', replicas: 5, seed: 9, faults: [{replica: 1, type: 'flaky', atIndex: 0}, {replica: 3, type: 'lag', atIndex: 0}]});
let session = createSession(sim, {rate: maxRate});
const ink = renderDashboard(session, 120, 40, true);
const samples: Array<{inputs: number; rssMb: number}> = [];
let next = every;
while (session.sim.index < total) {
	session = sessionStep(session, {type: 'tick', ms: frameMs});
	ink.update(session);
	await sleep(1);
	ink.stdout.take();
	if (session.sim.index >= next) {
		globalThis.gc?.();
		samples.push({inputs: session.sim.index, rssMb: process.memoryUsage().rss / 2 ** 20});
		next += every;
	}
}

ink.unmount();
process.stdout.write(JSON.stringify(samples) + '\n');
process.exit(0);
