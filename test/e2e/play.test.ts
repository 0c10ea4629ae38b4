import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {loadScenario} from '../../source/scenario/bundled.js';
import {runInPty, sleep, until} from './pty.js';
import {run} from './run.js';

const captions = loadScenario('majority-vote')
	.steps.flatMap(step => (step.kind === 'caption' && step.lines.length > 0 ? [step.lines[0]!] : []));
const hint = 'Enter, PgDn or n continues';
const folder = mkdtempSync(path.join(tmpdir(), 'replica-tui-play-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

describe('replica-tui play in a terminal', () => {
	test('majority-vote: the first caption, a pause point that waits for the presenter, Enter continues, q quits', async () => {
		const app = runInPty(['play', 'majority-vote']);
		try {
			await app.waitFor(captions[0]!);
			await app.waitFor(hint);
			expect(app.screen()).toMatch(/scenario paused/);
			// The file holds 1.5 s here when recorded; live, it waits for the presenter however long it takes.
			await sleep(2500);
			expect(app.screen()).toContain(captions[0]);
			expect(app.screen()).toContain(hint);
			expect(app.screen()).not.toContain(captions[1]);

			app.write('\r');
			await app.waitFor(captions[1]!);
			expect(app.screen()).not.toContain(hint);
			// The scenario's keys land as if typed: "s s" stepped the paused run to #2 (the header says the script is playing it).
			await app.waitFor(/(▶ PLAYING|‖ PAUSED) #2/);

			app.write('q');
			expect(await app.exited).toBe(0);
		} finally {
			app.kill();
		}
	}, 30_000);

	test('a scenario file: every key still works at a pause point, and PgDn or n continues', async () => {
		const file = path.join(folder, 'two-pauses.scenario');
		writeFileSync(file, 'description Two pause points\nseed 7\npaused\ncaption First part\npause\ncaption Second part\npause\ncaption Third part\nwait 60s\n');
		const app = runInPty(['play', file]);
		try {
			await app.waitFor('First part');
			await app.waitFor(hint);
			await app.press('s');
			await app.waitFor(/PAUSED #1/);
			expect(app.screen()).toContain(hint);
			expect(app.screen()).toContain('First part');

			app.write('\u001B[6~'); // PgDn
			await app.waitFor('Second part');
			await app.waitFor(hint);
			app.write('n');
			await app.waitFor('Third part');
			expect(app.screen()).not.toContain(hint);

			app.write('q');
			expect(await app.exited).toBe(0);
		} finally {
			app.kill();
		}
	}, 30_000);

	test('the end of a scenario: the stream stops and says so; b steps back (paused, no longer ended); q in the fault menu closes it; q quits', async () => {
		const file = path.join(folder, 'ends.scenario');
		writeFileSync(file, 'description Ends\nseed 7\nrate 4\ncaption The end is near.\nwait 1s\n');
		const app = runInPty(['play', file, '--theme', 'high-contrast']);
		try {
			// Live, time is real: about 4 inputs in the second the scenario waits.
			await app.waitFor(/■ ENDED #\d+/);
			const ended = Number(/■ ENDED #(\d+)/.exec(app.screen())![1]);
			expect(ended).toBeGreaterThanOrEqual(2);
			expect(app.screen()).toContain('■ end of the scenario · b steps back · 0 restarts · space runs on · q quit');
			expect(app.screen()).toContain('The end is near.');
			// High contrast: bright colours (9x), no grey.
			expect(app.output()).toMatch(/\u001B\[9[1-7]m/);
			await sleep(600);
			expect(app.screen()).toContain(`■ ENDED #${ended}`);
			await app.press('b');
			// Stepping back leaves the end behind: the stream is paused one input earlier.
			await app.waitFor(`‖ PAUSED #${ended - 1}`);
			await app.press('f');
			await app.waitFor('fault for R1');
			await app.press('q');
			await app.waitFor('q quit');
			expect(app.screen()).not.toContain('fault for R1');
			app.write('q');
			expect(await app.exited).toBe(0);
		} finally {
			app.kill();
		}
	}, 30_000);

	test('play with stdin not a terminal exits 2 with one line', () => {
		const {code, stdout, stderr} = run(['play', 'majority-vote']);
		expect(stderr).toMatch(/^replica-tui: [^\n]*needs a terminal[^\n]*\n$/);
		expect(stdout).toBe('');
		expect(code).toBe(2);
	});

	test.each([
		[['-o', 'talk.gif'], /--output only applies to "record"/],
		[['--size', '100x30'], /--size only applies to "record"/],
		[['--font-size', '20'], /--font-size only applies to "record"/],
		[['--replicas', '5'], /--replicas does not apply to "play"/],
		[['--record', 'talk.txt'], /--record writes an asciicast: name a \.cast file/],
		[['--pace', '0'], /--pace must be a number from 0\.1 to 100, not "0"/],
		[['--pace', 'fast'], /--pace must be a number from 0\.1 to 100, not "fast"/],
	])('play with %j is refused with one line, before anything is drawn', async (flags, mentions) => {
		const app = runInPty(['play', 'majority-vote', ...flags]);
		try {
			expect(await app.exited).toBe(2);
			await until(() => app.output().endsWith('\n'), 'the error line', 1000).catch(() => undefined);
		} finally {
			app.kill();
		}

		expect(app.output()).toMatch(/^replica-tui: [^\n]+\r?\n$/);
		expect(app.output()).toMatch(mentions);
	});

	test('play of an unknown scenario exits 2 with one line', () => {
		const {code, stderr} = run(['play', 'no-such-scenario']);
		expect(stderr).toMatch(/^replica-tui: no scenario named "no-such-scenario"[^\n]*\n$/);
		expect(code).toBe(2);
	});
});
