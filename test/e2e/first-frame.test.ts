import {afterEach, describe, expect, test} from 'vitest';
import {runInPty, until, type PtyRun} from './pty.js';

const runs: PtyRun[] = [];
afterEach(() => {
	for (const run of runs.splice(0)) run.kill();
});

function start(args: readonly string[]): PtyRun {
	const run = runInPty(args);
	runs.push(run);
	return run;
}

/** The screen once the app has shown `#2` paused and gone quiet. */
async function settled(run: PtyRun): Promise<string> {
	await run.waitFor(/PAUSED #2/);
	await run.quiet();
	return run.screen();
}

describe('a first frame that holds', () => {
	test('keys typed before the first frame leave the same screen as the same keys typed after it', async () => {
		const early = start(['--seed', '7', '--paused']);
		// Typed at once, before the program has even started: the terminal would echo them where the frame goes.
		early.write('s');
		early.write('s');
		const calm = start(['--seed', '7', '--paused']);
		await calm.waitFor('PAUSED');
		await calm.quiet();
		await calm.press('s');
		await calm.press('s');
		const [earlyScreen, calmScreen] = [await settled(early), await settled(calm)];
		expect(earlyScreen.split('\n')[0]).toMatch(/^ replica-tui /);
		expect(earlyScreen).toBe(calmScreen);
	}, 30_000);

	test('Ctrl+L draws the whole screen again after something else wrote over it', async () => {
		const run = start(['raft', '--seed', '3', '--paused']);
		await run.waitFor('PAUSED');
		await run.quiet();
		const clean = run.screen();
		// Another program writes over the dashboard; rows that do not change are never rewritten by themselves.
		await run.scribble('\u001B[3;1Hmessage from another program\u001B[1;5Hxx');
		expect(run.screen()).not.toBe(clean);
		run.write('\u000C');
		await until(() => run.screen() === clean, 'the whole screen redrawn', 10_000, () => run.screen());
	}, 30_000);
});
