/**
 * Every bundled scenario (but etcd's, which needs real etcd: test/etcd) played
 * through the live player in a pseudo-terminal, as a presenter plays it: at
 * each pause point the claims the player reports (--claims) are the ones
 * `check` asserts up to that point, and all hold, and the caption on screen is
 * the one written before that pause point. The presenter leaves every other
 * pause point (the 2nd, 4th, …) with Enter; the others (the 1st, 3rd, …) with
 * n and space at once (space holds the timeline: nothing moves), then space and
 * `?` at once (help holds it too), then closes help. At the end, space runs
 * on: the last caption gives way.
 *
 * --pace 100 plays scenario time 100 times faster (keys 4 ms apart, `wait 5s`
 * in 50 ms); the timeline owns the time between pause points, so the board
 * handles the same events as under `check` at any pace. One play a scenario,
 * not two: a play costs about a second of CPU to start (Ink, React, yoga), and
 * the suite must stay well under 90 s on two cores.
 */
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {afterEndCaption} from '../../source/core/engine/session.js';
import {loadScenario} from '../../source/scenario/bundled.js';
import type {ScenarioStep} from '../../source/scenario/types.js';
import {runInPty, sleep, until, type PtyRun} from './pty.js';
import {root} from './run.js';

const pace = 100;
const presenterHint = 'scenario paused: Enter';
const folder = mkdtempSync(path.join(tmpdir(), 'replica-tui-play-live-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

const names = readdirSync(path.join(root, 'scenarios'))
	.filter(file => file.endsWith('.scenario') && !file.startsWith('etcd-'))
	.map(file => file.replace(/\.scenario$/, ''));

type PausePoint = {readonly claimLines: readonly number[]; readonly caption: string | undefined};

/** What `check` asserts before each pause point (the claims so far, in order) and the caption then shown. */
function pausePoints(steps: readonly ScenarioStep[]): {points: PausePoint[]; all: number[]} {
	const points: PausePoint[] = [];
	const lines: number[] = [];
	let caption: string | undefined;
	for (const step of steps) {
		if (step.kind === 'expect' || step.kind === 'until') lines.push(step.line);
		if (step.kind === 'caption') caption = step.lines[0];
		if (step.kind === 'pause') points.push({claimLines: [...lines], caption});
	}

	return {points, all: lines};
}

type LiveClaim = {line: number; claim: string; holds: boolean; why?: string; at: string};

function readClaims(file: string): LiveClaim[] {
	let text = '';
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return [];
	}

	return text
		.split('\n')
		.filter(line => line !== '')
		.map(line => JSON.parse(line) as LiveClaim);
}

const header = (screen: string) => screen.split('\n')[0] ?? '';
/** Where the run is, as the header shows it after its run state ("#42", "t=1250ms #57"). */
const position = (screen: string) => /(?:ENDED|RUNNING|PAUSED|PLAYING) (.*)$/.exec(header(screen).trimEnd())?.[1];

/** The screen's first line (run state and position) and the caption stay as they are for `ms`. */
async function standsStill(app: PtyRun, ms: number): Promise<string> {
	await app.quiet();
	const before = app.screen();
	await sleep(ms);
	expect(app.screen()).toBe(before);
	return before;
}

async function play(name: string): Promise<void> {
	const scenario = loadScenario(name);
	const {points, all} = pausePoints(scenario.steps);
	const claimsFile = path.join(folder, `${name}.jsonl`);
	const app = runInPty(['play', name, '--pace', String(pace), '--claims', claimsFile], {cols: scenario.columns, rows: scenario.rows});
	const where = (index: number) => `${name}, pause point ${index + 1} of ${points.length}`;
	try {
		for (const [index, point] of points.entries()) {
			await app.waitFor(presenterHint, 20_000);
			const claims = readClaims(claimsFile);
			expect(claims.filter(claim => !claim.holds), where(index)).toEqual([]);
			expect(claims.map(claim => claim.line), where(index)).toEqual(point.claimLines);
			if (point.caption !== undefined) expect(app.screen(), where(index)).toContain(point.caption.trim());
			expect(header(app.screen()), where(index)).toMatch(/‖ PAUSED/);
			if (index % 2 === 1) {
				// At this pace the next pause point can come within a frame: the board moving on shows that Enter continued too.
				const before = app.screen();
				app.write('\r');
				await until(() => !app.screen().includes(presenterHint) || app.screen() !== before, `${where(index)}: Enter continues`, 10_000, app.screen);
				continue;
			}

			// n continues and space at once holds the timeline: the board and the caption stand still.
			app.write('n ');
			await until(() => !app.screen().includes(presenterHint), `${where(index)}: n continues`, 10_000, app.screen);
			const held = await standsStill(app, 250);
			expect(header(held), where(index)).toMatch(/‖ PAUSED/);
			// Space lets it go on, and ? at once holds it again behind help.
			app.write(' ?');
			await app.waitFor('esc or ? close help');
			await standsStill(app, 250);
			app.write('?');
		}

		await app.waitFor('■ ENDED', 20_000);
		const claims = readClaims(claimsFile);
		expect(claims.filter(claim => !claim.holds), `${name} at its end`).toEqual([]);
		expect(claims.map(claim => claim.line), `${name} at its end`).toEqual(all);
		// Running on: as soon as the board moves, the last caption gives way to a line saying the scenario has ended.
		const ended = position(app.screen());
		app.write(' ');
		await sleep(400);
		await app.quiet();
		if (position(app.screen()) !== ended) expect(app.screen(), `${name} after its end`).toContain(afterEndCaption[0]);
		app.write('q');
		expect(await app.exited).toBe(0);
	} finally {
		app.kill();
	}
}

describe.concurrent('every bundled scenario played live in a terminal, as a presenter plays it', () => {
	for (const name of names) {
		test(`${name}: at each pause point the claims check asserts hold; space and ? hold the timeline`, async () => play(name), 90_000);
	}
});
