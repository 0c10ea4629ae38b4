import path from 'node:path';
import type {ThemeName} from './theme-names.js';
import type {AnyMode, RawFlags} from './core/engine/mode.js';
import {createSession} from './core/engine/session.js';
import {fuzzTargets} from './core/fuzz/targets.js';
import {modeNamed, modeNames, modes} from './core/modes.js';
import {headlessOutput, runHeadless} from './headless.js';
import {parseRunOptions, refuseForeignFlags, shellFlags, themeFrom, UsageError} from './options.js';
import {loadScenario} from './scenario/bundled.js';
import {isLive} from './live/shell-mode.js';
import type {Scenario} from './scenario/types.js';

export type CliFlags = RawFlags;

const scenarioCommands = ['scenarios', 'play', 'record', 'run', 'check'];

/** Meow names --stall-after "stallAfter"; modes name their flags as typed (and as scenario headers spell them). */
function kebabModeFlags(flags: CliFlags): CliFlags {
	const result: Record<string, CliFlags[string]> = {...flags};
	for (const mode of Object.values(modes)) {
		for (const name of Object.keys(mode.flags)) {
			const camel = name.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
			if (camel === name || !(camel in result)) continue;
			result[name] = result[camel];
			delete result[camel];
		}
	}

	return result;
}

function requireTerminal(): void {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		throw new UsageError('the dashboard needs a terminal (stdin and stdout must be a TTY); for a headless run use --steps N [--json]');
	}
}

/** Where a live recording goes, checked before anything is drawn. */
function recordTarget(file: string | undefined): string | undefined {
	if (file === undefined) return undefined;
	if (!file.endsWith('.cast')) throw new UsageError(`--record writes an asciicast: name a .cast file, not "${file}"`);
	return file;
}

function stringFlag(flags: RawFlags, name: string): string | undefined {
	const value = flags[name];
	return typeof value === 'string' ? value : undefined;
}

/**
 * Runs what the command line asked for; returns the exit code. Ink and the
 * recorder are imported only by the commands that use them, so headless runs,
 * --help and errors start fast.
 */
export async function main(input: readonly string[], camelFlags: CliFlags): Promise<number> {
	const flags = kebabModeFlags(camelFlags);
	const [command, ...args] = input;
	if (command === undefined) return dashboard(modeNamed('voting')!, flags, args);
	const mode = modeNamed(command);
	if (mode && args[0] === 'fuzz' && mode.name in fuzzTargets) return fuzzCommand(mode.name, args.slice(1), flags);
	if (mode) return dashboard(mode, flags, args);
	if (command === 'etcd') return etcdCommand(flags, args);
	if (!scenarioCommands.includes(command)) {
		throw new UsageError(`unknown command "${command}": use a mode (${[...modeNames, 'etcd'].join(', ')}) or ${scenarioCommands.join(', ')} (see replica-tui --help)`);
	}

	return scenarioCommand(command, args, flags);
}

/** -o, --size, --font-size and --stills shape a recording; a mode and play draw in the terminal they are given. */
function refuseRecordOnlyFlags(flags: CliFlags): void {
	for (const flag of ['output', 'size', 'fontSize', 'stills'] as const) {
		if (flags[flag] !== undefined) throw new UsageError(`--${flag === 'fontSize' ? 'font-size' : flag} only applies to "record"`);
	}
}

async function scenarioCommand(command: string, args: readonly string[], flags: CliFlags): Promise<number> {
	const allowed: Record<string, string[]> = {
		scenarios: [],
		play: ['record', 'theme', 'pace', 'claims'],
		record: ['output', 'size', 'fontSize', 'theme', 'stills'],
		run: ['json', 'trace'],
		check: [],
	};
	if (command !== 'record') refuseRecordOnlyFlags(flags);
	refuseForeignFlags(flags, allowed[command]!, `"${command}"${command === 'scenarios' ? '' : ': the scenario sets up the run'}`);
	if (command === 'scenarios') {
		if (args.length > 1) throw new UsageError('"scenarios" takes at most one mode, e.g. "replica-tui scenarios raft"');
		if (args[0] !== undefined && !modeNamed(args[0]) && args[0] !== 'etcd') throw new UsageError(`unknown mode "${args[0]}": choose one of ${[...modeNames, 'etcd'].join(', ')}`);
		const {scenarioList} = await import('./commands/scenarios.js');
		process.stdout.write(scenarioList(args[0]) + '\n');
		return 0;
	}

	if (command === 'check') {
		if (args.length === 0) throw new UsageError('"check" needs at least one scenario: a name from "replica-tui scenarios" or a file');
		const {checkScenarios} = await import('./commands/check.js');
		const {ok, text} = await checkScenarios(args.map(loadScenarioOrFail), {progress: text => process.stderr.write(text + '\n')});
		process.stdout.write(text + '\n');
		return ok ? 0 : 1;
	}

	if (args.length !== 1) throw new UsageError(`"${command}" needs one scenario: a name from "replica-tui scenarios" or a file`);
	const theme = themeFrom(flags, process.env);
	if (command === 'record' && /\.cast$/i.test(args[0]!)) return recordCast(args[0]!, flags, theme);
	const scenario = loadScenarioOrFail(args[0]!);
	if (isLive(scenario.mode)) return liveScenarioCommand(command, scenario, flags, theme);
	if (command === 'run') {
		const {runScenarioHeadless} = await import('./commands/run.js');
		const {text, ok} = await runScenarioHeadless(scenario, {json: flags['json'] === true, trace: stringFlag(flags, 'trace')});
		process.stdout.write(text + '\n');
		return ok ? 0 : 1;
	}

	if (command === 'play') {
		const record = recordTarget(stringFlag(flags, 'record'));
		const playback = await playbackFrom(scenario, flags);
		requireTerminal();
		const {sessionForScenario} = await import('./scenario/drive.js');
		const {runInteractive} = await import('./interactive.js');
		try {
			await runInteractive(sessionForScenario(scenario), {theme, record, scenario: playback});
		} finally {
			playback.close();
		}

		return 0;
	}

	const {outputKind, parseSize, prepareStillsFolder, recordScenario, recordStills} = await import('./commands/record.js');
	const size = stringFlag(flags, 'size');
	const sized: Scenario = size === undefined ? scenario : {...scenario, ...parseSize(size)};
	const stills = stringFlag(flags, 'stills');
	const output = stills === undefined || flags['output'] !== undefined ? requireOutput(flags) : undefined;
	// Every flag is checked before anything is written.
	const fontSize = fontSizeFrom(flags);
	if (output !== undefined) outputKind(output);
	if (stills !== undefined) prepareStillsFolder(stills);
	if (output !== undefined) {
		const result = await recordScenario(sized, {output, fontSize, theme});
		process.stderr.write(`recorded ${scenario.name}: ${result.frames} frames, ${result.seconds.toFixed(1)} s, ${result.bytes} bytes → ${output}\n`);
	}

	if (stills !== undefined) {
		const files = await recordStills(sized, stills, {fontSize, theme});
		const named = files.length === 0 ? ': it has no pause point' : ` (${path.basename(files[0]!)}${files.length > 1 ? ` … ${path.basename(files.at(-1)!)}` : ''})`;
		process.stderr.write(`recorded ${scenario.name}: ${files.length} still${files.length === 1 ? '' : 's'}, one per pause point → ${stills}${named}\n`);
	}

	return 0;
}

/**
 * How `play` plays a scenario: --pace N runs its time N times faster (a
 * rehearsal, or a test), --claims FILE writes each claim as the timeline
 * reaches it, one JSON line each ({line, claim, holds, why?, at}).
 */
async function playbackFrom(scenario: Scenario, flags: CliFlags) {
	const paceText = stringFlag(flags, 'pace');
	const pace = paceText === undefined ? 1 : Number(paceText);
	if (paceText !== undefined && (!/^\d+(\.\d+)?$/.test(paceText.trim()) || pace < 0.1 || pace > 100)) throw new UsageError(`--pace must be a number from 0.1 to 100, not "${paceText}"`);
	const claimsFile = stringFlag(flags, 'claims');
	if (claimsFile === undefined) return {steps: scenario.steps, pace, close() {}};
	const {openForWriting} = await import('./headless.js');
	const {closeSync, writeSync} = await import('node:fs');
	const fd = openForWriting('claims', claimsFile);
	return {
		steps: scenario.steps,
		pace,
		onClaim(claim: {line: number; kind: string; text: string; failure: string | undefined; position: string}) {
			writeSync(fd, JSON.stringify({line: claim.line, claim: `${claim.kind} ${claim.text}`, holds: claim.failure === undefined, ...(claim.failure ? {why: claim.failure} : {}), at: claim.position}) + '\n');
		},
		close() {
			closeSync(fd);
		},
	};
}

/**
 * A scenario of the etcd mode runs a real cluster in real time: play shows it
 * (and --record captures it), run checks its claims against the cluster, and
 * a virtual-clock recording is refused.
 */
async function liveScenarioCommand(command: string, scenario: Scenario, flags: CliFlags, theme: ThemeName | false): Promise<number> {
	const {liveConfig} = await import('./live/drive-live.js');
	if (command === 'run') {
		if (flags['trace'] !== undefined) throw new UsageError('--trace writes a simulation\'s events; an etcd scenario runs a real cluster (use --json for its claims and final state)');
		const {runLiveScenarioHeadless} = await import('./commands/run-live.js');
		const {text, ok} = await runLiveScenarioHeadless(scenario, {json: flags['json'] === true, progress: text => process.stderr.write(text + '\n')});
		process.stdout.write(text + '\n');
		return ok ? 0 : 1;
	}

	if (command === 'play') {
		const record = recordTarget(stringFlag(flags, 'record'));
		const playback = await playbackFrom(scenario, flags);
		requireTerminal();
		const {runLive} = await import('./live/run-live.js');
		try {
			await runLive(liveConfig(scenario), theme, {scenario: playback, record});
		} finally {
			playback.close();
		}

		return 0;
	}

	throw new UsageError(`${scenario.file} runs a real etcd cluster in real time, so it cannot be recorded on a virtual clock: record it live with "replica-tui play ${scenario.file.replace(/\.scenario$/, '')} --record x.cast", then "replica-tui record x.cast -o x.gif"`);
}

/** `replica-tui <mode> fuzz`: the mode's fuzzer (the mode's flags it names, the seed, and the fuzzer's own). */
async function fuzzCommand(modeName: string, args: readonly string[], flags: CliFlags): Promise<number> {
	const target = await fuzzTargets[modeName]!();
	refuseForeignFlags(flags, [...target.flags, 'seed', 'seeds', 'events', 'output'], `"${modeName} fuzz"`);
	const {runFuzz} = await import('./commands/fuzz.js');
	return runFuzz(target, args, flags);
}

function requireOutput(flags: CliFlags, orStills = true): string {
	const output = stringFlag(flags, 'output');
	if (output === undefined) throw new UsageError(`"record" needs -o FILE.cast or -o FILE.gif${orStills ? ' (or --stills DIR)' : ''}`);
	return output;
}

/** The GIF's font size: 20 px by default, readable from the back of a lecture hall (an 80×24 GIF is 960 pixels wide). */
export const defaultFontSize = 20;

function fontSizeFrom(flags: CliFlags): number {
	const text = stringFlag(flags, 'fontSize');
	const fontSize = text === undefined ? defaultFontSize : Number(text);
	if (!Number.isInteger(fontSize) || fontSize < 8 || fontSize > 64) throw new UsageError(`--font-size must be a whole number of pixels from 8 to 64, not "${text}"`);
	return fontSize;
}

async function recordCast(file: string, flags: CliFlags, theme: ThemeName | false): Promise<number> {
	if (stringFlag(flags, 'stills') !== undefined) throw new UsageError('--stills writes a scenario\'s pause points: a cast has none');
	if (stringFlag(flags, 'size') !== undefined) throw new UsageError('--size does not apply to a cast: it keeps the size it was recorded at');
	const {castFileToGif} = await import('./commands/record.js');
	const output = requireOutput(flags, false);
	const result = await castFileToGif(file, {output, fontSize: fontSizeFrom(flags), theme});
	process.stderr.write(`converted ${file}: ${result.frames} frames, ${result.seconds.toFixed(1)} s, ${result.bytes} bytes → ${output}\n`);
	return 0;
}

function loadScenarioOrFail(nameOrFile: string): Scenario {
	try {
		return loadScenario(nameOrFile);
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
}

async function dashboard(mode: AnyMode, flags: CliFlags, args: readonly string[]): Promise<number> {
	if (args.length > 0) throw new UsageError(`unexpected "${args[0]}" after the ${mode.name} mode (see replica-tui --help)`);
	refuseRecordOnlyFlags(flags);
	refuseForeignFlags(flags, [...Object.keys(mode.flags), 'paused', 'steps', 'json', 'trace', 'record', 'theme'], `the ${mode.name} mode`);
	const options = parseRunOptions(mode, flags);
	const theme = themeFrom(flags, process.env);
	for (const warning of mode.warnings?.(options.config) ?? []) process.stderr.write(`warning: ${warning}\n`);
	if (options.steps !== undefined) {
		const state = runHeadless(mode, options.config, options.steps, options.trace);
		process.stdout.write(headlessOutput(mode, state, options.json) + '\n');
		return 0;
	}

	requireTerminal();
	const record = recordTarget(options.record);
	const session = createSession(mode, mode.create(options.config), {paused: options.paused, speed: options.speed});
	const {runInteractive} = await import('./interactive.js');
	await runInteractive(session, {theme, record});
	return 0;
}

/** `replica-tui etcd`: a real cluster, live or headless. */
async function etcdCommand(flags: CliFlags, args: readonly string[]): Promise<number> {
	if (args.length > 0) throw new UsageError(`unexpected "${args[0]}" after the etcd mode (see replica-tui --help)`);
	const {etcdMode} = await import('./core/etcd/mode.js');
	refuseForeignFlags(flags, [...Object.keys(etcdMode.flags), 'theme'], 'the etcd mode');
	const config = etcdMode.parseConfig(flags);
	if (config.steps !== undefined) {
		const {etcdHeadlessMain} = await import('./etcd/headless.js');
		return etcdHeadlessMain(config, text => process.stdout.write(text + '\n'), text => process.stderr.write(text + '\n'));
	}

	if (config.json) throw new UsageError('--json needs --steps N (how many inputs to write headless)');
	const theme = themeFrom(flags, process.env);
	requireTerminal();
	const {runLive} = await import('./live/run-live.js');
	await runLive(config, theme);
	return 0;
}

export {shellFlags};
