import {statSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {castToGif} from '../source/record/cast-to-gif.js';
import {framesToCast} from '../source/record/frames-to-cast.js';
import {scenarioFrames} from '../source/record/scenario-frames.js';
import {loadScenario} from '../source/scenario/bundled.js';
import {median} from './stats.js';

/** Milliseconds of GIF rendering per recorded frame for the demo scenario, and the size of demo.gif. */
export async function recording(runs = 3): Promise<{msPerFrame: number; frames: number; demoBytes: number}> {
	const scenario = loadScenario('majority-vote');
	const frames = await scenarioFrames(scenario, {theme: 'dark'});
	const cast = framesToCast(frames, scenario.columns, scenario.rows);
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		await castToGif(cast, {});
		times.push(performance.now() - started);
	}

	return {msPerFrame: median(times) / cast.events.length, frames: cast.events.length, demoBytes: statSync('demo.gif').size};
}
