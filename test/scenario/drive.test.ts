/** Playing a scenario on a virtual clock: the same states every time, time as the live ticker spends it, claims recorded where they stand. */
import {describe, expect, test} from 'vitest';
import {TraceWriter, tracingMode} from '../../source/headless.js';
import {keyGapMs} from '../../source/scenario/runner.js';
import {driveScenario} from '../../source/scenario/drive.js';
import {parseScenario} from '../../source/scenario/parse.js';
import {loadScenario, simulatedBundledNames} from '../../source/scenario/bundled.js';
import type {Session} from '../../source/core/engine/session.js';
import {projection} from '../core/helpers.js';

const scenario = (text: string) => parseScenario(text, 'test.scenario');
const bytes = (session: Session) => JSON.stringify(projection(session.sim));

/** Every change the drive reports, as (virtual ms, input index, paused). */
async function timeline(text: string): Promise<Array<[number, number, boolean]>> {
	const seen: Array<[number, number, boolean]> = [];
	await driveScenario(scenario(text), {
		onChange(session, ms) {
			seen.push([ms, session.sim.index, session.paused]);
		},
	});
	return seen;
}

describe('the virtual clock', () => {
	test('time passes as the scenario says: inputs at the speed, keys a gap apart, no wall clock', async () => {
		const {session, ms} = await driveScenario(scenario('description d\nrate 2\npaused\nkeys space\nwait 3s\n'));
		expect(ms).toBe(keyGapMs + 3000);
		expect(session.sim.index).toBe(6);
		const fast = await driveScenario(scenario('description d\nrate 64\nwait 1s\n'));
		expect(fast.session.sim.index).toBe(64);
	});

	test('the same scenario gives the same changes, at the same virtual times, and the same final state', async () => {
		const text = 'description d\nmodel kv\nseed 5\nrate 8\nkeys space\nwait 2s\nkeys 3 f o\nwait 1.5s\nkeys s b s\nfault R2 corrupt\nstep 3\npause 1s\n';
		const [first, second] = await Promise.all([timeline(text), timeline(text)]);
		expect(second).toEqual(first);
		expect(first.length).toBeGreaterThan(10);
		for (let i = 1; i < first.length; i++) expect(first[i]![0]).toBeGreaterThanOrEqual(first[i - 1]![0]);
		const [a, b] = await Promise.all([driveScenario(scenario(text)), driveScenario(scenario(text))]);
		expect(bytes(b.session)).toBe(bytes(a.session));
	});

	test.each(simulatedBundledNames())('%s plays the same twice', async name => {
		const [a, b] = await Promise.all([driveScenario(loadScenario(name)), driveScenario(loadScenario(name))]);
		expect(bytes(b.session)).toBe(bytes(a.session));
		expect(b.ms).toBe(a.ms);
		expect(a.session.ended).toBe(true);
	});

	test('a pause point holds for its time when played without a presenter', async () => {
		const {ms, session} = await driveScenario(scenario('description d\npaused\npause 1.5s\npause\n'));
		expect(ms).toBe(1500 + 2000);
		expect(session.sim.index).toBe(0);
	});
});

describe('the timeline acts on the session', () => {
	test('step N, verbs and keys land as a user’s would', async () => {
		const {session} = await driveScenario(scenario('description d\nseed 7\npaused\nstep 2\nfault R2 skip\nstep\nkeys 3 s\n'));
		expect(session.sim.index).toBe(4);
		expect(session.selected).toBe(2);
		expect(session.sim.replicas[1]!.history.map(record => record.type)).toEqual(['skip']);
		expect(session.history.entries.some(entry => entry.kind === 'action')).toBe(true);
	});

	test('the end: the stream stops and the session is marked ended, so nothing runs on under the last caption', async () => {
		const {session} = await driveScenario(scenario('description d\nrate 4\ncaption The last word.\nwait 1s\n'));
		expect(session).toMatchObject({ended: true, paused: true, caption: ['The last word.']});
		expect(session.sim.index).toBe(4);
	});

	test('q in a scenario’s keys stops it there', async () => {
		const {session} = await driveScenario(scenario('description d\npaused\nkeys s q s\nstep 5\n'));
		expect(session.sim.index).toBe(1);
		expect(session.ended).toBe(false);
	});

	test('in a menu, a scenario’s q closes the menu and the scenario goes on', async () => {
		const {session} = await driveScenario(scenario('description d\npaused\nkeys f q s\n'));
		expect(session.sim.index).toBe(1);
		expect(session.overlay).toEqual({kind: 'none'});
		expect(session.ended).toBe(true);
	});
});

describe('claims', () => {
	const text = [
		'description claims', // 1
		'seed 7', // 2
		'paused', // 3
		'step 2', // 4
		'fault R2 skip', // 5
		'step 2', // 6
		'expect R2 diverged', // 7
		'expect R1 diverged', // 8
		'until at #10 within 100', // 9
		'expect at #10', // 10
		'until at #500 within 20', // 11
	].join('\n');

	test('every expect and until is recorded at its line, with where the run was and whether it held', async () => {
		const {claims, session} = await driveScenario(scenario(text));
		expect(claims).toEqual([
			{line: 7, kind: 'expect', text: 'R2 diverged', failure: undefined, position: '#4'},
			{line: 8, kind: 'expect', text: 'R1 diverged', failure: 'R1 shows ● ok (agrees at #4)', position: '#4'},
			{line: 9, kind: 'until', text: 'at #10', failure: undefined, position: '#10'},
			{line: 10, kind: 'expect', text: 'at #10', failure: undefined, position: '#10'},
			{line: 11, kind: 'until', text: 'at #500', failure: 'the latest input is #30', position: '#30'},
		]);
		// until gave up after its 20 events: it did not run to #500.
		expect(session.sim.index).toBe(30);
	});

	test('until on a fast running stream stops at the first input where its condition holds, not a frame later', async () => {
		const {claims, session} = await driveScenario(scenario('description d\nrate 1000\npaused\nkeys space\nuntil at #500\nexpect at #500\n'));
		expect(claims.map(claim => claim.failure)).toEqual([undefined, undefined]);
		expect(session.sim.index).toBe(500);
	});

	test('an expect must stay true while its caption shows: a later wait that falsifies it fails it, saying when', async () => {
		const {claims} = await driveScenario(scenario('description d\nrate 2\ncaption Nothing yet.\nexpect at #0\nwait 2s\ncaption Now four.\nexpect at #4\n'));
		expect(claims[0]).toMatchObject({line: 4, failure: expect.stringMatching(/^the latest input is #\d+ \(later, while its caption still showed\)$/), position: '#1'});
		expect(claims[1]).toMatchObject({line: 7, failure: undefined});
	});

	test('until stops as soon as its condition holds, and leaves the run paused there', async () => {
		const {session} = await driveScenario(scenario('description d\nrate 2\nuntil at #7\nwait 2s\n'));
		expect(session.sim.index).toBe(7);
		expect(session.paused).toBe(true);
	});
});

describe('a traced drive', () => {
	test('with a tracing mode, one trace line per event the timeline handled; a step back replays without tracing', async () => {
		const lines: Array<{kind: string; index: number}> = [];
		const writer = Object.assign(Object.create(TraceWriter.prototype) as TraceWriter, {write: (line: {kind: string; index: number}) => lines.push(line)});
		const parsed = scenario('description d\nseed 3\npaused\nstep 4\nkeys s s b\nuntil at #9\n');
		const {session} = await driveScenario(parsed, {mode: tracingMode(parsed.mode, writer)});
		expect(session.sim.index).toBe(9);
		// #6 was handled, stepped back over (a marker says the run is back at #5), and handled again; the replay of #1–#5 for the step back is not an event.
		expect(lines.map(line => `${line.kind} ${line.index}`)).toEqual(['start 0', 'input 1', 'input 2', 'input 3', 'input 4', 'input 5', 'input 6', 'step-back 5', 'input 6', 'input 7', 'input 8', 'input 9']);
	});
});

test('ten minutes of scenario time are virtual: the inputs of ten minutes, with no wall clock to wait for', async () => {
	const {ms, session} = await driveScenario(scenario('description d\nwait 600s\n'));
	expect(ms).toBe(600_000);
	expect(session.sim.index).toBe(1200);
});
