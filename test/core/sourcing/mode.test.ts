import {helpPages, helpSections} from '../../../source/help-pages.js';
import {describe, expect, test} from 'vitest';
import {UsageError} from '../../../source/core/engine/usage-error.js';
import type {KeyPress} from '../../../source/core/engine/key-press.js';
import {act, mode, replay, run, start} from './helpers.js';
import {shownText} from '../../../source/core/sourcing/scenario.js';

const ui = {selected: 0, cursor: 0};
const key = (input: string, extra: Partial<KeyPress> = {}): KeyPress => ({input, ...extra});
const shellKeys = [' ', 's', '.', ',', 'b', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '-', '?', 'q'];

describe('config', () => {
	test('seed, rate and journal parse from flags, with defaults', () => {
		expect(mode.parseConfig({})).toEqual({seed: 1, rate: undefined, journalLimit: 500});
		expect(mode.parseConfig({seed: '2', rate: '4', journal: '60'})).toEqual({seed: 2, rate: 4, journalLimit: 60});
		expect(mode.speedOf!(mode.parseConfig({rate: '0.5'}))).toBe(0.5);
	});

	test.each([
		[{seed: 'x'}, /--seed must be a whole number/],
		[{seed: '-1'}, /--seed must be a whole number/],
		[{rate: '0'}, /--rate must be a number of commands per second/],
		[{rate: ''}, /--rate must be/],
		[{rate: '5000'}, /--rate must be/],
		// docs/sourcing.md and the +/- ladder say 0.25 to 1000: nothing slower is accepted.
		[{rate: '0.1'}, /--rate must be a number of commands per second from 0.25 to 1,000, not "0.1"/],
		[{journal: '5'}, /--journal must be from 20 to 100000/],
		[{seed: ['1', '2']}, /--seed takes one value/],
	])('%o is refused with one plain line', (flags, message) => {
		let caught: unknown;
		try {
			mode.parseConfig(flags);
		} catch (error) {
			caught = error;
		}

		expect(caught).toBeInstanceOf(UsageError);
		expect((caught as Error).message).toMatch(message);
		expect((caught as Error).message).not.toContain('\n');
	});

	test('the speed ladder climbs from min to max in commands per second', () => {
		const {ladder, min, max, initial} = mode.speeds;
		expect([...ladder].sort((a, b) => a - b)).toEqual([...ladder]);
		expect(ladder[0]).toBe(min);
		expect(ladder.at(-1)).toBe(max);
		expect(ladder).toContain(initial);
		expect(mode.speeds.format(2)).toBe('2 cmd/s');
	});
});

describe('keys, menu, hints and help', () => {
	test('no mode key takes a shell key', () => {
		const state = run(start(2), 5);
		for (const input of shellKeys) expect(mode.keyAction(state, key(input), ui), input).toBeUndefined();
		expect(mode.keyAction(state, key('d', {ctrl: true}), ui)).toBeUndefined();
	});

	test('each mode key maps to its action, and toggles follow the state', () => {
		const state = run(start(2), 5);
		expect(mode.keyAction(state, key('d'), ui)).toEqual({action: {type: 'deploy', version: 2}});
		expect(mode.keyAction(act(state, {type: 'deploy', version: 2}), key('d'), ui)).toEqual({action: {type: 'deploy', version: 1}});
		expect(mode.keyAction(state, key('r'), ui)).toEqual({action: {type: 'replay', from: 'empty'}});
		expect(mode.keyAction(state, key('R'), ui)).toEqual({action: {type: 'replay', from: 'snapshot'}});
		expect(mode.keyAction(state, key('g'), ui)).toEqual({action: {type: 'finish'}});
		expect(mode.keyAction(state, key('n'), ui)).toEqual({action: {type: 'snapshot'}});
		expect(mode.keyAction(state, key('c'), ui)).toEqual({action: {type: 'clock', read: true}});
		expect(mode.keyAction(act(state, {type: 'clock', read: true}), key('c'), ui)).toEqual({action: {type: 'clock', read: false}});
		expect(mode.keyAction(state, key('x'), ui)).toEqual({action: {type: 'random', read: true}});
		expect(mode.keyAction(state, key('f'), ui)).toEqual({action: {type: 'fix'}});
		expect(mode.keyAction(state, key('e'), ui)).toEqual({action: {type: 'schema', version: 2}});
		expect(mode.keyAction(state, key('m'), ui)).toEqual({menu: 'actions'});
	});

	test('the menu offers every action and says why one cannot be chosen now', () => {
		const state = run(start(2), 5);
		const items = mode.menu(state, 'actions', ui).items;
		expect(items.map(item => item.key)).toEqual(['d', 'r', 'R', 'g', 'n', 'c', 'x', 'f', 'e']);
		expect(items.find(item => item.key === 'R')).toMatchObject({disabled: 'no snapshot yet (n takes one)'});
		expect(items.find(item => item.key === 'g')).toMatchObject({disabled: 'no replay is running'});
		expect(items.find(item => item.key === 'r')?.action).toEqual({type: 'replay', from: 'empty'});
		const replaying = act(state, {type: 'replay', from: 'empty'});
		const during = mode.menu(replaying, 'actions', ui).items;
		expect(during.find(item => item.key === 'd')?.disabled).toMatch(/replay 1 is running/);
		expect(during.find(item => item.key === 'g')?.action).toEqual({type: 'finish'});
	});

	test('hints put finishing a running replay first; the help, laid out at 78 columns, fits them', () => {
		const state = run(start(2), 5);
		expect(mode.hints(state, ui)[0]).toEqual({keys: 'd', label: 'deploy v2'});
		expect(mode.hints(act(state, {type: 'replay', from: 'empty'}), ui)[0]).toEqual({keys: 'g', label: 'finish replay'});
		for (const page of helpPages(helpSections({mode, sim: state}), 78, 20)) for (const line of page.lines) expect([...line].length, line).toBeLessThanOrEqual(78);
		expect(mode.selectable(state)).toBe(2);
	});

	test('actions wait while a replay runs, except finish', () => {
		const replaying = act(run(start(2), 10), {type: 'replay', from: 'empty'});
		for (const action of [{type: 'deploy', version: 2}, {type: 'snapshot'}, {type: 'fix'}, {type: 'schema', version: 2}, {type: 'clock', read: true}] as const) {
			const after = mode.apply(replaying, action);
			expect(after.note.kind, action.type).toBe('refused');
			expect(after.code).toEqual(replaying.code);
		}

		const finished = mode.apply(replaying, {type: 'finish'});
		expect(finished.replay).toBeUndefined();
		expect(mode.now(finished)).toBe(mode.now(replaying));
	});
});

describe('headless output', () => {
	test('the report says what the pipelines hold, whether they agree, and what the last replay changed', () => {
		const state = replay(act(run(start(2), 30), {type: 'deploy', version: 2}));
		const report = mode.report(state) as Record<string, any>;
		expect(JSON.parse(JSON.stringify(report))).toEqual(report);
		expect(report).toMatchObject({mode: 'sourcing', seed: 2, commands: 30, agree: false, code: {version: 'v2'}, schema: 1});
		expect(report.commandSourced.balances.B).toBe(state.cmd.ledger.balances[1]);
		expect(report.eventSourced.balances.B).toBe(87);
		expect(report.lastReplay).toMatchObject({number: 1, from: 'empty', code: 'v2', commands: [1, 30], eventSourced: {changed: false, applied: 36}});
		expect(report.lastReplay.commandSourced.changed.find((change: {account: string}) => change.account === 'B')).toMatchObject({before: 87, after: 42, first: {seq: 1, causes: ['overdraft']}});
		expect(report.lastReplay.explanation[0]).toMatch(/^command-sourced balance of A changed/);
	});

	test('the summary names the seed, both states and the verdict', () => {
		const state = replay(act(run(start(2), 30), {type: 'deploy', version: 2}));
		const summary = mode.summary(state);
		expect(summary).toMatch(/^sourcing · seed 2 · 30 commands/);
		expect(summary).toContain('event-sourced    A 217 · B 87 · C 71 · D 284');
		expect(summary).toContain('the pipelines disagree');
		expect(summary).toContain('replay 1: event-sourced state unchanged: events are facts');
	});

	test('one trace line per event: commands through both pipelines, then replay steps', () => {
		let state = run(start(2), 1);
		expect(mode.traceLine(state)).toMatchObject({t: 1, kind: 'command', seq: 1, command: 'withdraw B 45', decided: {cmd: ['rejected B withdrawal 45'], evt: ['rejected B withdrawal 45']}, agree: true});
		state = act(run(state, 29), {type: 'deploy', version: 2}, {type: 'replay', from: 'empty'});
		state = mode.advance(state, 1);
		expect(mode.traceLine(state)).toMatchObject({t: 31, kind: 'replay-step', replay: 1, commands: [1, 1], changed: [1], finished: false});
		state = mode.advance(state, 29);
		expect(mode.traceLine(state)).toMatchObject({t: 60, kind: 'replay-step', commands: [30, 30], finished: true});
		for (const line of [mode.traceLine(state)]) expect(JSON.parse(JSON.stringify(line))).toEqual(line);
	});
});

describe('scenario verbs, conditions and claims', () => {
	test('verbs parse to actions, and bad ones say what is expected', () => {
		const {verb} = mode.scenario;
		expect(verb(['deploy', 'v2'])).toEqual({type: 'deploy', version: 2});
		expect(verb(['replay'])).toEqual({type: 'replay', from: 'empty'});
		expect(verb(['replay', 'from', 'snapshot'])).toEqual({type: 'replay', from: 'snapshot'});
		expect(verb(['clock', 'on'])).toEqual({type: 'clock', read: true});
		expect(verb(['capture-time'])).toEqual({type: 'clock', read: false});
		expect(verb(['random', 'off'])).toEqual({type: 'random', read: false});
		expect(verb(['fix-bug'])).toEqual({type: 'fix'});
		expect(verb(['schema', '2'])).toEqual({type: 'schema', version: 2});
		expect(verb(['deploy', 'v3'])).toMatch(/deploy v1 or deploy v2/);
		expect(verb(['clock'])).toMatch(/takes on or off/);
		expect(verb(['explode'])).toMatch(/unknown sourcing verb "explode"/);
		for (const name of mode.scenario.verbs) expect(typeof verb([name]) === 'string' ? verb([name]) : 'ok').not.toMatch(/unknown sourcing verb/);
	});

	test('conditions hold exactly when the state says so', () => {
		const {condition} = mode.scenario;
		const at = condition(['command', '12']);
		if (typeof at === 'string') throw new Error(at);
		expect(at.check(run(start(2), 11))).toBe('11 commands so far');
		expect(at.check(run(start(2), 12))).toBeUndefined();
		const done = condition(['replay', 'done']);
		if (typeof done === 'string') throw new Error(done);
		const replaying = act(run(start(2), 10), {type: 'replay', from: 'empty'});
		expect(done.check(replaying)).toMatch(/still running/);
		expect(done.check(mode.advance(replaying, 10))).toBeUndefined();
		expect(condition(['leader'])).toMatch(/unknown sourcing condition/);
	});

	test('claims check the state and say what is wrong', () => {
		const {expectation} = mode.scenario;
		const state = replay(act(run(start(2), 30), {type: 'deploy', version: 2}));
		const check = (claim: string) => {
			const parsed = expectation(claim.split(' '));
			if (typeof parsed === 'string') throw new Error(parsed);
			return parsed.check(state);
		};

		expect(check('cmd balance B −20')).toBe('cmd balance of B is 42');
		expect(check('cmd balance B 42')).toBeUndefined();
		expect(check('evt balance B 87')).toBeUndefined();
		expect(check('evt unchanged')).toBeUndefined();
		expect(check('evt changed')).toBe('replay 1 did not change the evt state');
		expect(check('cmd cause B overdraft')).toBeUndefined();
		expect(check('cmd cause B clock')).toBe('B changed because of overdraft');
		expect(check('pipelines agree')).toBe('the pipelines disagree');
		expect(check('replays agree')).toMatch(/no earlier replay/);
		expect(check('version v2')).toBeUndefined();
		expect(check('suppressed some')).toBeUndefined();
		expect(check('says 11 sent earlier no longer match')).toBeUndefined();
		expect(check('says nonsense')).toBe('nothing on the 80×24 screen (under a 2-row caption) says "nonsense"');
		expect(expectation(['cmd', 'balance', 'Z', '1'])).toMatch(/expected "cmd\|evt balance ACCOUNT AMOUNT"/);
		expect(expectation(['leader', 'S1'])).toMatch(/unknown sourcing claim/);
	});

	test('"says" looks only at what the screen shows at its size, under the caption\'s rows', () => {
		// sourcing-code-upgrade's end: five story rows at 80×24 under a two-row caption; D's change is the sixth.
		const state = replay(act(run(start(2), 30), {type: 'deploy', version: 2}));
		const says = mode.scenario.expectation(['says', 'cmd', 'D', '284', '→', '295']);
		if (typeof says === 'string') throw new Error(says);
		expect(says.check(state)).toBe('nothing on the 80×24 screen (under a 2-row caption) says "cmd D 284 → 295"');
		expect(says.check(state, {columns: 80, rows: 24, captionRows: 2})).toBe(says.check(state));
		expect(says.check(state, {columns: 80, rows: 26, captionRows: 1})).toBeUndefined();
		// What the screen shows, and nothing else: the rows wrap into one text, the caption is never in it.
		const shown = shownText(state);
		expect(shown).toContain('11 sent earlier no longer match');
		expect(shown).not.toContain('customers were told');
	});
});
