// npm run bench: every performance figure beside its budget. Budgets are goals
// shown as figures, never pass/fail tests: this machine is shared and noisy, so
// where a baseline exists the figure is a ratio taken in the same run.
import {coreThroughput} from './core-throughput.js';
import {idleCpu} from './idle.js';
import {memoryAfterLongRun, type RssSample} from './memory.js';
import {recording} from './recording.js';
import {frameTime, steadyRendering} from './rendering.js';
import {startup} from './startup.js';
import {printTable, type Figure} from './stats.js';
import {etcdFigures} from './etcd.js';
import {raftSafetyFigures} from './fuzz.js';
import {modeFigures} from './modes.js';
import {timelineFigures} from './timeline.js';
import {paxosFigures} from './paxos.js';
import {fuzzFindingFigures} from './fuzz-findings.js';
import {aeronFuzz} from '../source/core/aeron/fuzz/target.js';

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
figures.push({name: 'frame time (voting 120×40, 5 replicas, running)', value: `${fixed(frame, 2)} ms`, budget: '≤ 8 ms', met: frame <= 8});

figures.push(...(await modeFigures(say)));
figures.push(...timelineFigures(say));
figures.push(...(await paxosFigures(say)));
figures.push(...(await raftSafetyFigures(say)));
figures.push(...fuzzFindingFigures(aeronFuzz, say));
figures.push(...(await etcdFigures(say)));

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
const samples = memoryAfterLongRun('top');
const growthSince = (all: RssSample[], from: number) => {
	const warm = all.find(sample => sample.inputs >= from) ?? all[0]!;
	return {warm, last: all.at(-1)!, growth: (all.at(-1)!.rssMb - warm.rssMb) / warm.rssMb};
};

const top = growthSince(samples, 300_000);
figures.push({
	name: 'RSS after 1,000,000 inputs',
	value: `${fixed(top.last.rssMb)} MB (${top.growth >= 0 ? '+' : ''}${fixed(top.growth * 100)}% since ${top.warm.inputs.toLocaleString('en-US')})`,
	budget: '< 150 MB, flat',
	met: top.last.rssMb < 150 && top.growth < 0.1,
});

say('memory: 2,400 frames of one input each (a 20-minute lecture at 2 inputs/s)');
const lectureSamples = memoryAfterLongRun('lecture');
const lecture = growthSince(lectureSamples, 900);
figures.push({
	name: 'RSS over 2,400 one-input frames',
	value: `${fixed(lecture.last.rssMb)} MB (${lecture.growth >= 0 ? '+' : ''}${fixed(lecture.growth * 100)}% since frame ${lecture.warm.inputs})`,
	budget: 'flat',
	met: lecture.growth < 0.1,
});

say('recording');
const rec = await recording();
figures.push({name: 'GIF render time per frame (80×24)', value: `${fixed(rec.msPerFrame)} ms (${rec.frames} frames)`, budget: 'shown', met: undefined});
figures.push({name: 'demo.gif size', value: `${fixed(rec.demoBytes / 1024)} KB`, budget: 'shown', met: undefined});

console.log('');
printTable(figures);
console.log(`\nRSS by inputs (top speed): ${samples.map(sample => `${sample.inputs / 1000}k ${fixed(sample.rssMb, 0)} MB`).join(' · ')}`);
process.exit(0);
