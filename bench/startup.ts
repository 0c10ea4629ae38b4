import {startInPty, waitFor} from './pty.js';
import {median} from './stats.js';

async function launchToFirstFrame(args: string[], marker: string): Promise<number> {
	const started = performance.now();
	const run = startInPty(process.execPath, args);
	await waitFor(run, marker);
	const elapsed = performance.now() - started;
	run.pty.kill();
	await run.exited;
	return elapsed;
}

/** Launch to first frame of replica-tui, beside a minimal Ink app, alternating runs so both see the same machine. */
export async function startup(runs = 5): Promise<{app: number; hello: number}> {
	const app: number[] = [];
	const hello: number[] = [];
	for (let run = 0; run < runs; run++) {
		hello.push(await launchToFirstFrame(['bench/hello.mjs'], 'hello from ink'));
		app.push(await launchToFirstFrame(['dist/cli.js', '--paused'], 'quorum'));
	}

	return {app: median(app), hello: median(hello)};
}
