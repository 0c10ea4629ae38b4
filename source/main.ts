import {createSession} from './core/session.js';
import {createSimulation} from './core/simulation.js';
import {headlessOutput, runHeadless} from './headless.js';
import {parseRunOptions, UsageError, type RawFlags} from './options.js';
import {loadScenario} from './scenario/bundled.js';
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

/** Where a live recording goes, checked before anything is drawn. */
function recordTarget(file: string | undefined): string | undefined {
	if (file === undefined) return undefined;
	if (!file.endsWith('.cast')) throw new UsageError(`--record writes an asciicast: name a .cast file, not "${file}"`);
	return file;
}

/**
 * Runs what the command line asked for; returns the exit code. Ink and the
 * recorder are imported only by the commands that use them, so headless runs,
 * --help and errors start fast.
 */
export async function main(input: readonly string[], flags: CliFlags): Promise<number> {
	const [command, ...args] = input;
	if (command === undefined) return dashboard(flags);
	if (!['scenarios', 'play', 'record'].includes(command)) throw new UsageError(`unknown command "${command}" (see replica-tui --help)`);
	const misplaced = runFlags.find(flag => flags[flag] !== undefined && !(Array.isArray(flags[flag]) && flags[flag].length === 0));
	if (misplaced) throw new UsageError(`--${misplaced} does not apply to "${command}": the scenario sets up the run`);
	if (command !== 'play' && flags.record !== undefined) throw new UsageError(`--record records a live session (the dashboard or play); it does not apply to "${command}"`);
	if (command !== 'record') refuseRecordOnlyFlags(flags);
	if (command === 'scenarios') {
		if (args.length > 0) throw new UsageError('"scenarios" takes no arguments');
		const {scenarioList} = await import('./commands/scenarios.js');
		process.stdout.write(scenarioList() + '\n');
		return 0;
	}

	if (args.length !== 1) throw new UsageError(`"${command}" needs one scenario: a name from "replica-tui scenarios" or a file`);
	const scenario = loadScenarioOrFail(args[0]!);
	if (command === 'play') {
		requireTerminal();
		const record = recordTarget(flags.record);
		const {sessionForScenario} = await import('./record/scenario-frames.js');
		const {runInteractive} = await import('./interactive.js');
		await runInteractive(sessionForScenario(scenario), {color: colorWanted(process.env), record, scenario: scenario.steps});
		return 0;
	}

	const {parseSize, recordScenario} = await import('./commands/record.js');
	const sized = flags.size === undefined ? scenario : {...scenario, ...parseSize(flags.size)};
	if (flags.output === undefined) throw new UsageError('"record" needs -o FILE.cast or -o FILE.gif');
	const fontSize = flags.fontSize === undefined ? 16 : Number(flags.fontSize);
	if (!Number.isInteger(fontSize) || fontSize < 8 || fontSize > 64) throw new UsageError(`--font-size must be a whole number of pixels from 8 to 64, not "${flags.fontSize}"`);
	const result = await recordScenario(sized, {output: flags.output, fontSize, color: colorWanted(process.env)});
	process.stderr.write(`recorded ${scenario.name}: ${result.frames} frames, ${result.seconds.toFixed(1)} s, ${result.bytes} bytes → ${flags.output}\n`);
	return 0;
}

function loadScenarioOrFail(nameOrFile: string): Scenario {
	try {
		return loadScenario(nameOrFile);
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
}

/** -o, --size and --font-size shape a recording; the dashboard and play draw in the terminal they are given. */
function refuseRecordOnlyFlags(flags: CliFlags): void {
	for (const flag of ['output', 'size', 'fontSize'] as const) {
		if (flags[flag] !== undefined) throw new UsageError(`--${flag === 'fontSize' ? 'font-size' : flag} only applies to "record"`);
	}
}

async function dashboard(flags: CliFlags): Promise<number> {
	refuseRecordOnlyFlags(flags);
	const options = parseRunOptions(flags);
	if (options.steps !== undefined) {
		const sim = runHeadless(options);
		process.stdout.write(headlessOutput(sim, options.json) + '\n');
		return 0;
	}

	requireTerminal();
	const record = recordTarget(options.record);
	const sim = createSimulation({model: options.model, replicas: options.replicas, seed: options.seed, faults: options.faults});
	const session = createSession(sim, {paused: options.paused, rate: options.rate});
	const {runInteractive} = await import('./interactive.js');
	await runInteractive(session, {color: colorWanted(process.env), record});
	return 0;
}
