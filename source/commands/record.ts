import {closeSync, mkdirSync, statSync, writeFileSync, writeSync} from 'node:fs';
import path from 'node:path';
import {openForWriting} from '../headless.js';
import {UsageError} from '../options.js';
import {serializeCast} from '../record/asciicast.js';
import {castToGif} from '../record/cast-to-gif.js';
import {framesToCast} from '../record/frames-to-cast.js';
import {scenarioFrames} from '../record/scenario-frames.js';
import {scenarioPauseScreens, stillName} from '../record/scenario-stills.js';
import {cellsToPng, textToCells} from '../record/still.js';
import {parseTerminalSize, sizeRule, type TerminalSize} from '../scenario/terminal-size.js';
import type {Scenario} from '../scenario/types.js';
import type {ThemeName} from '../theme-names.js';
import {parseCast} from '../record/asciicast.js';
import {readFileSync} from 'node:fs';

export type RecordOptions = {readonly output: string; readonly fontSize: number; readonly theme: ThemeName | false};

export function parseSize(text: string): TerminalSize {
	const size = parseTerminalSize(text);
	if (!size) throw new UsageError(`--size must be ${sizeRule}, not "${text}"`);
	return size;
}

/** What -o asks for, by its extension; one plain line for anything else. */
export function outputKind(output: string): 'cast' | 'gif' {
	const kind = /\.(cast|gif)$/i.exec(output)?.[1]?.toLowerCase();
	if (kind !== 'cast' && kind !== 'gif') throw new UsageError(`-o must name a .cast or a .gif file, not "${output}"`);
	return kind;
}

/** Renders a scenario on a virtual clock to .cast or .gif, chosen by the output's extension. */
export async function recordScenario(scenario: Scenario, options: RecordOptions): Promise<{bytes: number; frames: number; seconds: number}> {
	const kind = outputKind(options.output);
	const fd = openForWriting('output', options.output);
	try {
		const frames = await scenarioFrames(scenario, {theme: options.theme});
		const cast = framesToCast(frames, scenario.columns, scenario.rows);
		const data = kind === 'cast' ? Buffer.from(serializeCast(cast)) : await castToGif(cast, {fontSize: options.fontSize, background: options.theme === 'light' ? 'light' : 'dark'});
		writeSync(fd, data);
		return {bytes: data.length, frames: frames.length, seconds: frames.at(-1)?.time ?? 0};
	} finally {
		closeSync(fd);
	}
}

/** Why a folder cannot take files, in a few plain words. */
function folderProblem(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code ?? String(error);
	return {EEXIST: 'it is a file', ENOENT: 'no folder can be made there', ENOTDIR: 'a part of its path is a file', EACCES: 'permission denied', EROFS: 'read-only file system'}[code] ?? code;
}

/** Makes the --stills folder (and its parents) unless it is there; one plain line when that cannot be. */
export function prepareStillsFolder(folder: string): void {
	prepareFolder(folder, '--stills');
}

/**
 * mkdir -p, one level at a time: Node 20's recursive mkdirSync never returns
 * for a folder in /proc (the kernel says ENOENT, and it tries again forever).
 */
function makeFolder(folder: string): void {
	try {
		mkdirSync(folder);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EEXIST') return;
		const parent = path.dirname(folder);
		if (code !== 'ENOENT' || parent === folder) throw error;
		makeFolder(parent);
		mkdirSync(folder);
	}
}

/** Makes a folder for `flag` to write into (and its parents) unless it is there; one plain line when that cannot be. */
export function prepareFolder(folder: string, flag: string): void {
	try {
		makeFolder(folder);
		if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), {code: 'EEXIST'});
	} catch (error) {
		throw new UsageError(`cannot write ${flag} into "${folder}": ${folderProblem(error)}`);
	}
}

/** Writes one PNG per pause point of a scenario into `folder`, drawn as the GIF draws its frames; returns the files' paths. */
export async function recordStills(scenario: Scenario, folder: string, options: Omit<RecordOptions, 'output'>): Promise<string[]> {
	prepareStillsFolder(folder);
	const background = options.theme === 'light' ? 'light' : 'dark';
	const screens = await scenarioPauseScreens(scenario, {theme: options.theme});
	const files: string[] = [];
	for (const [index, screen] of screens.entries()) {
		const file = path.join(folder, stillName(scenario.name, index + 1, screens.length));
		// eslint-disable-next-line no-await-in-loop
		const png = await cellsToPng(await textToCells(screen, scenario.columns, scenario.rows, {background}), {fontSize: options.fontSize});
		try {
			writeFileSync(file, png);
		} catch (error) {
			throw new UsageError(`cannot write --stills file "${file}": ${folderProblem(error)}`);
		}

		files.push(file);
	}

	return files;
}

/** Converts an asciicast v2 file (a live --record, or any other) to a GIF. */
export async function castFileToGif(file: string, options: RecordOptions): Promise<{bytes: number; frames: number; seconds: number}> {
	if (!/\.gif$/i.test(options.output)) throw new UsageError(`a cast can only be turned into a .gif: name one with -o, not "${options.output}"`);
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UsageError(code === 'ENOENT' ? `no such file "${file}"` : `cannot read "${file}": ${code ?? String(error)}`);
	}

	let cast;
	try {
		cast = parseCast(text);
	} catch (error) {
		throw new UsageError(`"${file}" is not an asciicast v2 file: ${error instanceof Error ? error.message : String(error)}`);
	}

	const fd = openForWriting('output', options.output);
	try {
		const data = await castToGif(cast, {fontSize: options.fontSize, background: options.theme === 'light' ? 'light' : 'dark'});
		writeSync(fd, data);
		return {bytes: data.length, frames: cast.events.length, seconds: cast.events.at(-1)?.[0] ?? 0};
	} finally {
		closeSync(fd);
	}
}
