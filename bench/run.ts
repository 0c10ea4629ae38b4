// npm run bench: every performance figure beside its budget. Budgets are goals
// shown as figures, never pass/fail tests: this machine is shared and noisy, so
// where a baseline exists the figure is a ratio taken in the same run.
import {coreThroughput} from './core-throughput.js';
import {idleCpu} from './idle.js';
import {memoryAfterLongRun} from './memory.js';
import {recording} from './recording.js';
import {frameTime, steadyRendering} from './rendering.js';
import {startup} from './startup.js';
import {printTable, type Figure} from './stats.js';

const figures: Figure[] = [];
const say = (text: string) => process.stderr.write(`bench: ${text}\n`);
const fixed = (value: number, digits = 1) => value.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits});

say('core throughput (1,000,000 inputs × 5 replicas, 3 runs)');
const throughput = await coreThroughput();
figures.push({name: 'core throughput (bank, 5 replicas)', value: `${fixed(throughput / 1e6, 2)} M transitions/s`, budget: '≥ 5 M/s', met: throughput >= 5e6});

say('steady rendering at 120×40, 5 replicas');
const steady = await steadyRendering();
const share = steady.incrementalBytes / steady.fullBytes;
figures.push({
	name: 'bytes per input (vs full redraw)',
	value: `${fixed(steady.incrementalBytes, 0)} B vs ${fixed(steady.fullBytes, 0)} B = ${fixed(share * 100)}%`,
	budget: '≤ 20%',
	met: share <= 0.2,
});
figures.push({name: 'full-screen clears after 1st frame', value: String(steady.clears), budget: '0', met: steady.clears === 0});

say('frame time');
const frame = await frameTime();
figures.push({name: 'frame time (120×40, 5 replicas)', value: `${fixed(frame, 2)} ms`, budget: '≤ 8 ms', met: frame <= 8});

say('start-up, 5 runs each, alternating with a minimal Ink app');
const start = await startup();
const ratio = start.app / start.hello;
figures.push({
	name: 'start-up to first frame (vs Ink hello)',
	value: `${fixed(start.app, 0)} ms vs ${fixed(start.hello, 0)} ms = ${fixed(ratio, 2)}×`,
	budget: '≤ 1.5×',
	met: ratio <= 1.5,
});

say('idle CPU while paused, 10 s');
const idle = await idleCpu();
figures.push({name: 'idle CPU while paused (10 s)', value: `${fixed(idle * 100, 2)}% of a core`, budget: '< 1%', met: idle < 0.01});

say('memory: 1,000,000 inputs at top speed with the UI rendering');
const samples = memoryAfterLongRun();
const warm = samples.find(sample => sample.inputs >= 300_000) ?? samples[0]!;
const last = samples.at(-1)!;
const growth = (last.rssMb - warm.rssMb) / warm.rssMb;
figures.push({
	name: 'RSS after 1,000,000 inputs',
	value: `${fixed(last.rssMb)} MB (${growth >= 0 ? '+' : ''}${fixed(growth * 100)}% since ${warm.inputs.toLocaleString('en-US')})`,
	budget: '< 150 MB, flat',
	met: last.rssMb < 150 && growth < 0.1,
});

say('recording');
const rec = await recording();
figures.push({name: 'GIF render time per frame (80×24)', value: `${fixed(rec.msPerFrame)} ms (${rec.frames} frames)`, budget: 'shown', met: undefined});
figures.push({name: 'demo.gif size', value: `${fixed(rec.demoBytes / 1024)} KB`, budget: 'shown', met: undefined});

console.log('');
printTable(figures);
console.log(`\nRSS by inputs: ${samples.map(sample => `${sample.inputs / 1000}k ${fixed(sample.rssMb, 0)} MB`).join(' · ')}`);
process.exit(0);
