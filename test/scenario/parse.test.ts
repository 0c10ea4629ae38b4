import {describe, expect, test} from 'vitest';
import {votingMode} from '../../source/core/voting/mode.js';
import {defaultPauseMs, defaultUntilLimit, parseDuration, parseScenario, ScenarioError} from '../../source/scenario/parse.js';
import type {ScenarioStep} from '../../source/scenario/types.js';

const valid = [
	'# A scenario used by the parser test.', // 1
	'description Shows what the parser accepts   # a trailing comment', // 2
	'mode voting', // 3
	'model kv', // 4
	'replicas 4', // 5
	'seed 42', // 6
	'rate 3.5', // 7
	'paused', // 8
	'size 100x30', // 9
	'fault 2:skip@10', // 10
	'fault 4:crash', // 11
	'', // 12
	'caption Watch input #3 closely.', // 13
	'caption Then R2 skips.   # a comment after a caption', // 14
	'pause', // 15
	'keys s space 3 f enter pgdn Left', // 16
	'wait 2s', // 17
	'wait 1.5s', // 18
	'pause 500ms', // 19
	'   # an indented comment', // 20
	'caption', // 21
	'keys .', // 22
	'step', // 23
	'step 5', // 24
	'fault R3 corrupt', // 25
	'repair 3', // 26
	'until R2 diverged within 50', // 27
	'until at #40', // 28
	'expect no majority', // 29
	'expect R1 ok', // 30
].join('\n');

const steps = (text: string) => parseScenario(text, 'steps.scenario').steps;
const withoutLine = (list: readonly ScenarioStep[]) => list.map(({line: _line, ...rest}) => rest);

describe('a valid scenario', () => {
	const scenario = parseScenario(valid, 'folder/valid.scenario');

	test('sets up the run from its header: the mode, its flags as header lines, and how it is shown', () => {
		expect(scenario).toMatchObject({
			name: 'valid',
			file: 'folder/valid.scenario',
			description: 'Shows what the parser accepts',
			speed: 3.5,
			paused: true,
			columns: 100,
			rows: 30,
		});
		expect(scenario.mode).toBe(votingMode);
		expect(scenario.config).toEqual({
			model: 'kv',
			replicas: 4,
			seed: 42,
			rate: 3.5,
			faults: [
				{replica: 1, type: 'skip', atIndex: 10},
				{replica: 3, type: 'crash', atIndex: 0},
			],
		});
	});

	test('lists its timeline, each step with its line', () => {
		expect(scenario.steps.map(step => [step.line, step.kind])).toEqual([
			[13, 'caption'],
			[15, 'pause'],
			[16, 'keys'],
			[17, 'wait'],
			[18, 'wait'],
			[19, 'pause'],
			[21, 'caption'],
			[22, 'keys'],
			[23, 'step'],
			[24, 'step'],
			[25, 'action'],
			[26, 'action'],
			[27, 'until'],
			[28, 'until'],
			[29, 'expect'],
			[30, 'expect'],
		]);
	});

	test('two caption lines in a row make one two-line caption; "#3" in a caption is text, "# …" a comment', () => {
		expect(scenario.steps[0]).toEqual({line: 13, kind: 'caption', lines: ['Watch input #3 closely.', 'Then R2 skips.']});
	});

	test('an empty caption clears the caption', () => {
		expect(scenario.steps[6]).toEqual({line: 21, kind: 'caption', lines: []});
	});

	test('durations: a bare pause holds the default, 2s, 1.5s and 500ms', () => {
		expect(scenario.steps.filter(step => step.kind === 'wait' || step.kind === 'pause').map(step => 'ms' in step && step.ms)).toEqual([
			defaultPauseMs,
			2000,
			1500,
			500,
		]);
		expect(parseDuration('2')).toBe(2000);
		expect(parseDuration('2 s')).toBeUndefined();
		expect(parseDuration('-1s')).toBeUndefined();
	});

	test('keys: named keys (any case) and single characters', () => {
		const keys = scenario.steps[2];
		expect(keys).toMatchObject({kind: 'keys', tokens: ['s', 'space', '3', 'f', 'enter', 'pgdn', 'Left']});
		expect(keys?.kind === 'keys' && keys.keys).toEqual([
			{input: 's'},
			{input: ' '},
			{input: '3'},
			{input: 'f'},
			{input: '\r', return: true},
			{input: '', pageDown: true},
			{input: '', leftArrow: true},
		]);
		expect(scenario.steps[7]).toMatchObject({kind: 'keys', keys: [{input: '.'}]});
	});

	test('step [N]: one event by default, or N', () => {
		expect(withoutLine(scenario.steps.slice(8, 10))).toEqual([
			{kind: 'step', count: 1},
			{kind: 'step', count: 5},
		]);
	});

	test("the mode's verbs become its actions, with their text", () => {
		expect(withoutLine(scenario.steps.slice(10, 12))).toEqual([
			{kind: 'action', action: {type: 'inject', replica: 2, fault: 'corrupt'}, text: 'fault R3 corrupt'},
			{kind: 'action', action: {type: 'repair', replica: 2}, text: 'repair 3'},
		]);
	});

	test('until and expect hold the mode’s conditions; until has a bounded number of events', () => {
		const [diverged, input, noMajority, ok] = scenario.steps.slice(12);
		expect(diverged).toMatchObject({kind: 'until', limit: 50, condition: {text: 'R2 diverged'}});
		expect(input).toMatchObject({kind: 'until', limit: defaultUntilLimit, condition: {text: 'at #40'}});
		expect(noMajority).toMatchObject({kind: 'expect', condition: {text: 'no majority'}});
		expect(ok).toMatchObject({kind: 'expect', condition: {text: 'R1 ok'}});
		// The conditions are the mode's own: they check a state.
		const at40 = votingMode.advance(votingMode.create(scenario.config as never), 40);
		expect(input?.kind === 'until' && input.condition.check(at40)).toBeUndefined();
		expect(input?.kind === 'until' && input.condition.check(votingMode.advance(at40, 1))).toMatch(/#41/);
	});

	test('the header has defaults: the voting mode, bank, 3 replicas, seed 1, 2 inputs/s, running, 80x24, no faults', () => {
		const defaults = parseScenario('description d\nwait 1s', 'x.scenario');
		expect(defaults).toMatchObject({speed: 2, paused: false, columns: 80, rows: 24});
		expect(defaults.mode).toBe(votingMode);
		expect(defaults.config).toEqual({model: 'bank', replicas: 3, seed: 1, faults: [], rate: undefined});
	});

	test('captions separated by another step stay separate; Windows line ends are fine', () => {
		expect(withoutLine(steps('description d\r\ncaption one\r\nwait 1s\r\ncaption two\r\n'))).toEqual([
			{kind: 'caption', lines: ['one']},
			{kind: 'wait', ms: 1000},
			{kind: 'caption', lines: ['two']},
		]);
	});

	test('a fault is checked against the replica count even when "replicas" comes after it', () => {
		expect((parseScenario('description d\nfault 5:skip\nreplicas 5\nwait 1s', 'x.scenario').config as {faults: unknown}).faults).toEqual([{replica: 4, type: 'skip', atIndex: 0}]);
	});

	test('a verb is checked against the replica count too', () => {
		expect(steps('description d\nreplicas 5\nfault R5 skip')[0]).toMatchObject({kind: 'action', action: {type: 'inject', replica: 4, fault: 'skip'}});
	});
});

/** Parses `text` as broken.scenario and returns the ScenarioError it must throw. */
function errorOf(text: string): ScenarioError {
	try {
		parseScenario(text, 'talks/broken.scenario');
	} catch (error) {
		if (error instanceof ScenarioError) return error;
		throw error;
	}

	throw new Error(`expected a ScenarioError for:\n${text}`);
}

const ok = 'description A broken scenario';

describe('a broken scenario is refused with file:line: reason', () => {
	test.each<[string, string, number, RegExp]>([
		['unknown directive', `${ok}\nmodel bank\nbogus 3\nwait 1s`, 3, /unknown directive "bogus": expected one of keys, wait, pause, caption, step, until, expect, fault, repair/],
		['a misspelt step', `${ok}\nwait 1s\nkey s`, 3, /unknown directive "key"/],
		['another mode’s flag', `${ok}\nservers 5\nwait 1s`, 2, /unknown directive "servers".*before the timeline, .*replicas, model, seed, rate, fault/],
		['a header line after the first step', `${ok}\nwait 1s\nseed 3`, 3, /"seed" .*before the first step/],
		['a description after the first step', `caption hi\n${ok}`, 2, /"description" .*before the first step/],
		['a mode after the first step', `${ok}\nwait 1s\nmode voting`, 3, /"mode" .*before the first step/],
		['an unknown mode', `${ok}\nmode quantum\nwait 1s`, 2, /unknown mode "quantum": choose one of voting/],
		['a mode with two values', `${ok}\nmode voting raft\nwait 1s`, 2, /"mode" takes one value/],
		['two modes', `${ok}\nmode voting\nmode voting\nwait 1s`, 3, /"mode" can only be given once/],
		['unknown model', `${ok}\nmodel banana\nwait 1s`, 2, /unknown model "banana": choose one of bank, chain, kv/],
		['model with two values', `${ok}\nmodel bank kv\nwait 1s`, 2, /"model" takes one value/],
		['model twice', `${ok}\nmodel bank\nmodel kv\nwait 1s`, 3, /"model" can only be given once/],
		['replicas 0', `${ok}\nreplicas 0\nwait 1s`, 2, /replicas must be from 1 to 9, not 0/],
		['replicas 10', `${ok}\nreplicas 10\nwait 1s`, 2, /replicas must be from 1 to 9, not 10/],
		['replicas 2.5', `${ok}\nreplicas 2.5\nwait 1s`, 2, /replicas must be a whole number from 1 to 9, not "2.5"/],
		['a negative seed', `${ok}\nseed -1\nwait 1s`, 2, /seed must be a whole number .*not "-1"/],
		['a seed too large', `${ok}\nseed 4294967296\nwait 1s`, 2, /seed must be from 0 to 4294967295, not 4294967296/],
		['rate 0', `${ok}\nrate 0\nwait 1s`, 2, /rate must be .*from 0.25 to 10,000, not "0"/],
		['rate above the ladder', `${ok}\nrate 20000\nwait 1s`, 2, /rate must be .*from 0.25 to 10,000, not "20000"/],
		['rate fast', `${ok}\nrate fast\nwait 1s`, 2, /rate must be .*not "fast"/],
		['size without x', `${ok}\nsize 80\nwait 1s`, 2, /size must be COLUMNSxROWS.*not "80"/],
		['size too small', `${ok}\nsize 10x5\nwait 1s`, 2, /size must be .*not "10x5"/],
		['paused with a value', `${ok}\npaused yes\nwait 1s`, 2, /"paused" takes no value/],
		['a malformed fault', `${ok}\nfault skip\nwait 1s`, 2, /bad fault "skip"/],
		['an unknown fault type', `${ok}\nfault 2:explode\nwait 1s`, 2, /unknown fault "explode"/],
		['a fault on a replica that does not exist', `${ok}\nreplicas 2\n\nfault 3:skip\nwait 1s`, 4, /names R3, but there are 2 replicas/],
		['the second of two faults is the bad one', `${ok}\nfault 1:skip\nfault 5:crash\nwait 1s`, 3, /"5:crash" names R5, but there are 3 replicas/],
		['a fault at input 0', `${ok}\nfault 1:skip@0\nwait 1s`, 2, /the input index starts at 1/],
		['an unknown key name', `${ok}\nkeys s shift\nwait 1s`, 2, /unknown key "shift"/],
		['keys with nothing', `${ok}\nkeys\nwait 1s`, 2, /"keys" needs at least one key/],
		['a bad duration', `${ok}\nwait\nwait 2 s`, 2, /"wait" needs a duration such as 2s, 1.5s or 500ms/],
		['a duration with a unit that is not s or ms', `${ok}\nwait 2m`, 2, /"wait" needs a duration.*not "2m"/],
		['a pause of a minute', `${ok}\npause 1min`, 2, /"pause" needs a duration.*not "1min"/],
		['a wait over ten minutes', `${ok}\nwait 601s`, 2, /at most 600s/],
		['step 0', `${ok}\nstep 0`, 2, /"step" takes a number of events from 1 to 1000000, not "0"/],
		['step two', `${ok}\nstep two`, 2, /"step" takes a number of events .*not "two"/],
		['step with two numbers', `${ok}\nstep 1 2`, 2, /"step" takes a number of events .*not "1 2"/],
		['until something the mode does not know', `${ok}\nuntil leader`, 2, /cannot check "leader"/],
		['until … within nothing', `${ok}\nuntil at #5 within`, 2, /"until … within N" needs a whole number of events/],
		['until … within a word', `${ok}\nuntil at #5 within ages`, 2, /"until … within N" needs a whole number/],
		['expect something the mode does not know', `${ok}\nexpect leader S1 term 2`, 2, /cannot check "leader s1 term 2"/],
		['expect a status the mode does not know', `${ok}\nexpect R2 happy`, 2, /cannot check "R2 happy": say R2 ok\|diverged/],
		['expect nothing', `${ok}\nexpect`, 2, /expect what\?/],
		['a verb on a replica that does not exist', `${ok}\nfault R4 skip`, 2, /no replica "R4": name one of R1…R3/],
		['a verb with an unknown fault', `${ok}\nfault R2 explode`, 2, /unknown fault "explode"/],
		['repair with no replica', `${ok}\nrepair`, 2, /expected "fault R2 skip" .* or "repair R2"/],
		['a three-line caption', `${ok}\ncaption one\ncaption two\n# between\ncaption three\nwait 1s`, 5, /a caption has at most 2 lines/],
		['a missing description', 'model bank\nwait 1s', 1, /needs a "description" line/],
		['no steps', `${ok}\nmodel bank\n# nothing happens`, 1, /has no steps/],
		['an empty file', '', 1, /description/],
	])('%s', (_what, text, line, reason) => {
		const error = errorOf(text);
		expect(error.file).toBe('talks/broken.scenario');
		expect(error.line).toBe(line);
		expect(error.reason).toMatch(reason);
		expect(error.message).toBe(`talks/broken.scenario:${line}: ${error.reason}`);
		expect(error.message).not.toContain('\n');
		expect(error.message).not.toMatch(/--[a-z]/);
	});
});
