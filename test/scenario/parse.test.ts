import {describe, expect, test} from 'vitest';
import {defaultPauseMs, parseDuration, parseScenario, ScenarioError} from '../../source/scenario/parse.js';
import type {ScenarioStep} from '../../source/scenario/types.js';

const valid = [
	'# A scenario used by the parser test.', // 1
	'description Shows what the parser accepts   # a trailing comment', // 2
	'model kv', // 3
	'replicas 4', // 4
	'seed 42', // 5
	'rate 3.5', // 6
	'paused', // 7
	'size 100x30', // 8
	'fault 2:skip@10', // 9
	'fault 4:crash', // 10
	'', // 11
	'caption Watch input #3 closely.', // 12
	'caption Then R2 skips.   # a comment after a caption', // 13
	'pause', // 14
	'keys s space 3 f enter pgdn Left', // 15
	'wait 2s', // 16
	'wait 1.5s', // 17
	'pause 500ms', // 18
	'   # an indented comment', // 19
	'caption', // 20
	'keys .', // 21
].join('\n');

const steps = (text: string) => parseScenario(text, 'steps.scenario').steps;
const withoutLine = (list: readonly ScenarioStep[]) => list.map(({line: _line, ...rest}) => rest);

describe('a valid scenario', () => {
	const scenario = parseScenario(valid, 'folder/valid.scenario');

	test('sets up the run from its header', () => {
		expect(scenario).toMatchObject({
			name: 'valid',
			file: 'folder/valid.scenario',
			description: 'Shows what the parser accepts',
			model: 'kv',
			replicas: 4,
			seed: 42,
			rate: 3.5,
			paused: true,
			columns: 100,
			rows: 30,
		});
		expect(scenario.faults).toEqual([
			{replica: 1, type: 'skip', atIndex: 10},
			{replica: 3, type: 'crash', atIndex: 0},
		]);
	});

	test('lists its timeline, each step with its line', () => {
		expect(scenario.steps.map(step => [step.line, step.kind])).toEqual([
			[12, 'caption'],
			[14, 'pause'],
			[15, 'keys'],
			[16, 'wait'],
			[17, 'wait'],
			[18, 'pause'],
			[20, 'caption'],
			[21, 'keys'],
		]);
	});

	test('two caption lines in a row make one two-line caption; "#3" in a caption is text, "# …" a comment', () => {
		expect(scenario.steps[0]).toEqual({line: 12, kind: 'caption', lines: ['Watch input #3 closely.', 'Then R2 skips.']});
	});

	test('an empty caption clears the caption', () => {
		expect(scenario.steps[6]).toEqual({line: 20, kind: 'caption', lines: []});
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

	test('the header has defaults: bank, 3 replicas, seed 1, 2 inputs/s, running, 80x24, no faults', () => {
		expect(parseScenario('description d\nwait 1s', 'x.scenario')).toMatchObject({
			model: 'bank',
			replicas: 3,
			seed: 1,
			rate: 2,
			paused: false,
			columns: 80,
			rows: 24,
			faults: [],
		});
	});

	test('captions separated by another step stay separate; Windows line ends are fine', () => {
		expect(withoutLine(steps('description d\r\ncaption one\r\nwait 1s\r\ncaption two\r\n'))).toEqual([
			{kind: 'caption', lines: ['one']},
			{kind: 'wait', ms: 1000},
			{kind: 'caption', lines: ['two']},
		]);
	});

	test('a fault is checked against the replica count even when "replicas" comes after it', () => {
		expect(parseScenario('description d\nfault 5:skip\nreplicas 5\nwait 1s', 'x.scenario').faults).toEqual([{replica: 4, type: 'skip', atIndex: 0}]);
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

describe('a broken scenario is refused with file, line and reason', () => {
	test.each<[string, string, number, RegExp]>([
		['unknown directive', `${ok}\nmodel bank\nbogus 3\nwait 1s`, 3, /unknown directive "bogus"/],
		['a misspelt step', `${ok}\nwait 1s\nkey s`, 3, /unknown directive "key"/],
		['a header line after the first step', `${ok}\nwait 1s\nseed 3`, 3, /"seed" .*before the first step/],
		['a description after the first step', `caption hi\n${ok}`, 2, /"description" .*before the first step/],
		['unknown model', `${ok}\nmodel banana\nwait 1s`, 2, /unknown model "banana"/],
		['model with two values', `${ok}\nmodel bank kv\nwait 1s`, 2, /"model" takes one value/],
		['replicas 0', `${ok}\nreplicas 0\nwait 1s`, 2, /replicas must be a whole number from 1 to 9, not "0"/],
		['replicas 10', `${ok}\nreplicas 10\nwait 1s`, 2, /replicas .*not "10"/],
		['replicas 2.5', `${ok}\nreplicas 2.5\nwait 1s`, 2, /replicas .*not "2.5"/],
		['a negative seed', `${ok}\nseed -1\nwait 1s`, 2, /seed must be a whole number .*not "-1"/],
		['a seed too large', `${ok}\nseed 4294967296\nwait 1s`, 2, /seed .*not "4294967296"/],
		['rate 0', `${ok}\nrate 0\nwait 1s`, 2, /rate must be .*not "0"/],
		['rate fast', `${ok}\nrate fast\nwait 1s`, 2, /rate must be .*not "fast"/],
		['size without x', `${ok}\nsize 80\nwait 1s`, 2, /size must be COLUMNSxROWS.*not "80"/],
		['size too small', `${ok}\nsize 10x5\nwait 1s`, 2, /size must be .*not "10x5"/],
		['paused with a value', `${ok}\npaused yes\nwait 1s`, 2, /"paused" takes no value/],
		['a malformed fault', `${ok}\nfault skip\nwait 1s`, 2, /bad fault "skip"/],
		['an unknown fault type', `${ok}\nfault 2:explode\nwait 1s`, 2, /unknown fault "explode"/],
		['a fault on a replica that does not exist', `${ok}\nreplicas 2\n\nfault 3:skip\nwait 1s`, 4, /names R3, but there are 2 replicas/],
		['a fault at input 0', `${ok}\nfault 1:skip@0\nwait 1s`, 2, /the input index starts at 1/],
		['an unknown key name', `${ok}\nkeys s shift\nwait 1s`, 2, /unknown key "shift"/],
		['keys with nothing', `${ok}\nkeys\nwait 1s`, 2, /"keys" needs at least one key/],
		['a bad duration', `${ok}\nwait\nwait 2 s`, 2, /"wait" needs a duration such as 2s, 1.5s or 500ms/],
		['a duration with a unit that is not s or ms', `${ok}\nwait 2m`, 2, /"wait" needs a duration.*not "2m"/],
		['a pause of a minute', `${ok}\npause 1min`, 2, /"pause" needs a duration.*not "1min"/],
		['a wait over ten minutes', `${ok}\nwait 601s`, 2, /at most 600s/],
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
		expect(error.message).not.toContain('--fault');
	});
});
