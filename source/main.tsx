import {render} from 'ink';
import {App} from './app.js';
import {createSession} from './core/session.js';
import {createSimulation} from './core/simulation.js';
import {headlessOutput, runHeadless} from './headless.js';
import {parseRunOptions, UsageError, type RawFlags} from './options.js';

export function colorWanted(env: NodeJS.ProcessEnv): boolean {
	return !('NO_COLOR' in env && env.NO_COLOR !== '');
}

/** Runs what the command line asked for; returns the exit code. */
export async function main(input: readonly string[], flags: RawFlags): Promise<number> {
	if (input.length > 0) throw new UsageError(`unknown command "${input[0]}" (see replica-tui --help)`);
	const options = parseRunOptions(flags);
	if (options.steps !== undefined) {
		const sim = runHeadless(options);
		process.stdout.write(headlessOutput(sim, options.json) + '\n');
		return 0;
	}

	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		throw new UsageError('the dashboard needs a terminal (stdin and stdout must be a TTY); for a headless run use --steps N [--json]');
	}

	const sim = createSimulation({model: options.model, replicas: options.replicas, seed: options.seed, faults: options.faults});
	const session = createSession(sim, {paused: options.paused, rate: options.rate});
	const instance = render(<App initial={session} color={colorWanted(process.env)} />, {incrementalRendering: true, maxFps: 30, patchConsole: false});
	await instance.waitUntilExit();
	return 0;
}
