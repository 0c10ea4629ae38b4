import {readFileSync} from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import {scenarioList} from '../../source/commands/scenarios.js';
import {modeNames} from '../../source/core/modes.js';
import {bundledFolder, bundledNames, loadBundled, loadScenario} from '../../source/scenario/bundled.js';
import {parseScenario, ScenarioError} from '../../source/scenario/parse.js';

const names = bundledNames();

describe('the bundled scenarios', () => {
	test('there are at least six, one for each point of the first section', () => {
		expect(names.length).toBeGreaterThanOrEqual(6);
		expect(names).toEqual(
			expect.arrayContaining(['faulty-machine', 'two-disagree', 'majority-vote', 'crash-catch-up', 'no-total-order', 'too-many-faults']),
		);
	});

	test.each(names)('%s parses, has a description and at least one pause point or wait', name => {
		const text = readFileSync(path.join(bundledFolder, `${name}.scenario`), 'utf8');
		const scenario = parseScenario(text, `${name}.scenario`);
		expect(scenario.name).toBe(name);
		expect(scenario.description.trim()).not.toBe('');
		expect(scenario.steps.some(step => step.kind === 'wait' || step.kind === 'pause')).toBe(true);
		// The same scenario, but for the mode's conditions, which are new closures each time: compare their text.
		const comparable = (parsed: typeof scenario) => ({...parsed, steps: parsed.steps.map(step => ('condition' in step ? {...step, condition: step.condition.text} : step))});
		expect(comparable(loadScenario(name))).toEqual(comparable(scenario));
	});

	test.each(names)('every caption line of %s fits its width (columns − 2 cells)', name => {
		const scenario = loadScenario(name);
		const captions = scenario.steps.flatMap(step => (step.kind === 'caption' ? step.lines : []));
		expect(captions.length).toBeGreaterThan(0);
		for (const line of captions) expect(stringWidth(line), line).toBeLessThanOrEqual(scenario.columns - 2);
	});

	test('the faulty-machine scenario uses the chain model, as the course demo does', () => {
		expect(loadScenario('faulty-machine').config).toMatchObject({model: 'chain', replicas: 2});
	});
});

describe('replica-tui scenarios', () => {
	test('lists one line per bundled scenario: its name, its mode, then its description (and whether it needs etcd)', () => {
		const lines = scenarioList().split('\n');
		const scenarios = loadBundled();
		expect(lines).toHaveLength(scenarios.length);
		for (const [i, scenario] of scenarios.entries()) {
			const needs = scenario.mode.name === 'etcd' ? ' \\(needs etcd\\)' : '';
			expect(lines[i]).toMatch(new RegExp(`^${scenario.name} +${scenario.mode.name} +${scenario.description.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}${needs}$`));
		}
	});

	test('lists the scenarios of one mode', () => {
		for (const mode of [...modeNames, 'etcd']) {
			const names = loadBundled()
				.filter(scenario => scenario.mode.name === mode)
				.map(scenario => scenario.name);
			expect(names.length, mode).toBeGreaterThan(0);
			expect(scenarioList(mode).split('\n').map(line => line.split(/\s+/)[0]), mode).toEqual(names);
		}
	});
});

describe('loadScenario', () => {
	test('an unknown name gives a plain error, not a ScenarioError, that points to the list', () => {
		let caught: unknown;
		try {
			loadScenario('no-such-scenario');
		} catch (error) {
			caught = error;
		}

		expect(caught).toBeInstanceOf(Error);
		expect(caught).not.toBeInstanceOf(ScenarioError);
		expect((caught as Error).message).toMatch(/no scenario named "no-such-scenario".*replica-tui scenarios/);
	});

	test('a folder gives a plain error too', () => {
		expect(() => loadScenario(bundledFolder)).toThrow(/is a folder/);
	});
});
