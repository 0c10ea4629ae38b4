import {render} from 'ink';
import {App} from './app.js';
import {recordScenario, parseSize} from './commands/record.js';
import {scenarioList} from './commands/scenarios.js';
import {createSession} from './core/session.js';
import {createSimulation} from './core/simulation.js';
import {headlessOutput, openForWriting, runHeadless} from './headless.js';
import {parseRunOptions, UsageError, type RawFlags} from './options.js';
import {startLiveRecording} from './record/live-recorder.js';
import {sessionForScenario} from './record/scenario-frames.js';
import {loadScenario} from './scenario/bundled.js';
import {ScenarioError} from './scenario/parse.js';
import type {Scenario} from './scenario/types.js';

export type CliFlags = RawFlags & {output?: string; size?: string; fontSize?: string};

const runFlags = ['replicas', 'model', 'seed', 'rate', 'paused', 'fault', 'steps', 'json', 'trace'] as const;

export function colorWanted(env: NodeJS.ProcessEnv): boolean {
	return !('NO_COLOR' in env && env.NO_COLOR !== '');
}

function requireTerminal(): void {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		throw new UsageError('the dashboard needs a terminal (stdin and stdout must be a TTY); for a headless run use --steps N [--json]');
	}
}

/** Runs what the command line asked for; returns the exit code. */
export async function main(input: readonly string[], flags: CliFlags): Promise<number> {
	const [command, ...args] = input;
	if (command === undefined) return dashboard(flags);
	if (!['scenarios', 'play', 'record'].includes(command)) throw new UsageError(`unknown command "${command}" (see replica-tui --help)`);
	const misplaced = runFlags.find(flag => flags[flag] !== undefined && !(Array.isArray(flags[flag]) && flags[flag].length === 0));
	if (misplaced) throw new UsageError(`--${misplaced} does not apply to "${command}": the scenario sets up the run`);
	if (command === 'scenarios') {
		if (args.length > 0) throw new UsageError('"scenarios" takes no arguments');
		process.stdout.write(scenarioList() + '\n');
		return 0;
	}

	if (args.length !== 1) throw new UsageError(`"${command}" needs one scenario: a name from "replica-tui scenarios" or a file`);
	const scenario = withSize(loadScenarioOrFail(args[0]!), flags.size);
	if (command === 'play') return play(scenario, flags);
	if (flags.output === undefined) throw new UsageError('"record" needs -o FILE.cast or -o FILE.gif');
	const fontSize = flags.fontSize === undefined ? 16 : Number(flags.fontSize);
	if (!Number.isInteger(fontSize) || fontSize < 8 || fontSize > 64) throw new UsageError(`--font-size must be a whole number of pixels from 8 to 64, not "${flags.fontSize}"`);
	const result = await recordScenario(scenario, {output: flags.output, fontSize, color: colorWanted(process.env)});
	process.stderr.write(`recorded ${scenario.name}: ${result.frames} frames, ${result.seconds.toFixed(1)} s, ${result.bytes} bytes → ${flags.output}\n`);
	return 0;
}

function loadScenarioOrFail(nameOrFile: string): Scenario {
	try {
		return loadScenario(nameOrFile);
	} catch (error) {
		if (error instanceof ScenarioError || error instanceof Error) throw new UsageError(error.message);
		throw error;
	}
}

function withSize(scenario: Scenario, size: string | undefined): Scenario {
	return size === undefined ? scenario : {...scenario, ...parseSize(size)};
}

async function dashboard(flags: CliFlags): Promise<number> {
	for (const flag of ['output', 'size', 'fontSize'] as const) {
		if (flags[flag] !== undefined) throw new UsageError(`--${flag === 'fontSize' ? 'font-size' : flag} only applies to "record"`);
	}

	const options = parseRunOptions(flags);
	if (options.steps !== undefined) {
		const sim = runHeadless(options);
		process.stdout.write(headlessOutput(sim, options.json) + '\n');
		return 0;
	}

	requireTerminal();
	if (options.record !== undefined && !options.record.endsWith('.cast')) throw new UsageError(`--record writes an asciicast: name a .cast file, not "${options.record}"`);
	const stopRecording = options.record === undefined ? undefined : startLiveRecording(options.record, process.stdout);
	const sim = createSimulation({model: options.model, replicas: options.replicas, seed: options.seed, faults: options.faults});
	const session = createSession(sim, {paused: options.paused, rate: options.rate});
	try {
		await runInk(<App initial={session} color={colorWanted(process.env)} />);
	} finally {
		stopRecording?.();
	}

	return 0;
}

async function play(scenario: Scenario, flags: CliFlags): Promise<number> {
	requireTerminal();
	const stopRecording = flags.record === undefined ? undefined : startLiveRecording(flags.record, process.stdout);
	try {
		await runInk(<App initial={sessionForScenario(scenario)} color={colorWanted(process.env)} scenario={scenario.steps} />);
	} finally {
		stopRecording?.();
	}

	return 0;
}

async function runInk(app: React.JSX.Element): Promise<void> {
	const instance = render(app, {incrementalRendering: true, maxFps: 30, patchConsole: false});
	await instance.waitUntilExit();
}


