import {closeSync, writeSync} from 'node:fs';
import {openForWriting} from '../headless.js';
import {UsageError} from '../options.js';
import {serializeCast} from '../record/asciicast.js';
import {castToGif} from '../record/cast-to-gif.js';
import {framesToCast} from '../record/frames-to-cast.js';
import {scenarioFrames} from '../record/scenario-frames.js';
import {parseTerminalSize, sizeRule, type TerminalSize} from '../scenario/terminal-size.js';
import type {Scenario} from '../scenario/types.js';

export type RecordOptions = {readonly output: string; readonly fontSize: number; readonly color: boolean};

export function parseSize(text: string): TerminalSize {
	const size = parseTerminalSize(text);
	if (!size) throw new UsageError(`--size must be ${sizeRule}, not "${text}"`);
	return size;
}

/** Renders a scenario on a virtual clock to .cast or .gif, chosen by the output's extension. */
export async function recordScenario(scenario: Scenario, options: RecordOptions): Promise<{bytes: number; frames: number; seconds: number}> {
	const kind = /\.(cast|gif)$/i.exec(options.output)?.[1]?.toLowerCase();
	if (!kind) throw new UsageError(`-o must name a .cast or a .gif file, not "${options.output}"`);
	const fd = openForWriting('output', options.output);
	try {
		const frames = await scenarioFrames(scenario, {color: options.color});
		const cast = framesToCast(frames, scenario.columns, scenario.rows);
		const data = kind === 'cast' ? Buffer.from(serializeCast(cast)) : await castToGif(cast, {fontSize: options.fontSize});
		writeSync(fd, data);
		return {bytes: data.length, frames: frames.length, seconds: frames.at(-1)?.time ?? 0};
	} finally {
		closeSync(fd);
	}
}
