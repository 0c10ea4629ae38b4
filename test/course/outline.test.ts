/** The course: the module's topics in the seed's order, every bundled scenario placed exactly once. */
import {describe, expect, test} from 'vitest';
import {bundledCourse} from '../../source/course/bundled-course.js';
import {courseOrder, placeScenarios, topics, type CourseScenario} from '../../source/course/outline.js';
import {courseRows, missingFor, moveChoice, nextScenarioRow, scrollTo} from '../../source/course/rows.js';
import {bundledNames, loadBundled} from '../../source/scenario/bundled.js';
import {modeNamed} from '../../source/core/modes.js';

const every = (mode: string) => true; // eslint-disable-line @typescript-eslint/no-unused-vars
const fake = (name: string, mode: string): CourseScenario => ({name, description: `what ${name} shows`, mode});

describe('the course outline', () => {
	test('its topics are the module\'s, in the order of the course text, Paxos between total ordering and Raft', () => {
		expect(topics.map(topic => topic.title)).toEqual([
			'State machines and replication',
			'Total ordering',
			'Consensus: Paxos',
			'Log replication',
			'Raft',
			'Aeron Cluster',
			'Command vs event sourcing',
		]);
	});

	test('every bundled scenario is in the course exactly once, and every name a topic of an existing mode knows is bundled', () => {
		const course = bundledCourse();
		const placed = courseOrder(course).map(scenario => scenario.name);
		expect(course.unplaced).toEqual([]);
		expect([...placed].sort()).toEqual(bundledNames());
		expect(new Set(placed).size).toBe(placed.length);
		const bundled = new Set(bundledNames());
		// Paxos and Aeron list their branches' names before they are merged; once their mode exists, each name must be bundled.
		expect(topics.filter(topic => modeNamed(topic.mode) !== undefined).flatMap(topic => topic.known).filter(name => !bundled.has(name))).toEqual([]);
	});

	test('each scenario sits with the topic of its mode: paxos-* under consensus, aeron-* under Aeron, etcd under Raft', () => {
		const course = bundledCourse();
		const modes = new Map(loadBundled().map(scenario => [scenario.name, scenario.mode.name]));
		for (const topic of course.topics) {
			for (const scenario of topic.scenarios) {
				expect(scenario.mode).toBe(modes.get(scenario.name));
				if (scenario.name.startsWith('paxos-')) expect(topic.id).toBe('consensus');
				if (scenario.name.startsWith('aeron-')) expect(topic.id).toBe('aeron');
				if (scenario.mode === 'etcd') expect([topic.id, scenario.needs]).toEqual(['raft', 'etcd']);
				if (scenario.mode === 'sourcing') expect(topic.id).toBe('sourcing');
			}
		}

		expect(course.topics[0]!.scenarios.map(scenario => scenario.name).slice(0, 3)).toEqual(['faulty-machine', 'two-disagree', 'majority-vote']);
	});

	test('scenarios the course does not know by name join by prefix or mode, after the known ones; paxos and aeron ones appear once they exist', () => {
		const course = placeScenarios([fake('paxos-two-proposers', 'paxos'), fake('aeron-leader-crash', 'aeron'), fake('raft-zzz', 'raft'), fake('majority-vote', 'voting'), fake('new-voting', 'voting'), fake('paxos-basic', 'paxos'), fake('x', 'unknown')]);
		const names = (id: string) => course.topics.find(topic => topic.id === id)!.scenarios.map(scenario => scenario.name);
		expect(names('consensus')).toEqual(['paxos-basic', 'paxos-two-proposers']);
		expect(names('aeron')).toEqual(['aeron-leader-crash']);
		expect(names('raft')).toEqual(['raft-zzz']);
		expect(names('state-machines')).toEqual(['majority-vote', 'new-voting']);
		expect(course.unplaced.map(scenario => scenario.name)).toEqual(['x']);
	});

	test('a topic with no scenarios yet says they are coming, and a mode that does not exist yet says it is coming', () => {
		const withoutPaxos = loadBundled().filter(scenario => !scenario.name.startsWith('paxos-')).map(scenario => fake(scenario.name, scenario.mode.name));
		const environment = {modeReady: (mode: string) => mode !== 'paxos', etcd: true};
		const rows = courseRows(placeScenarios(withoutPaxos), environment);
		const heading = rows.findIndex(row => row.kind === 'topic' && row.topic.id === 'consensus');
		expect(rows[heading + 1]).toMatchObject({kind: 'coming'});
		expect(missingFor(rows[heading]!, environment)).toBe('the paxos mode is coming');
		expect(missingFor(rows[heading + 1]!, environment)).toBe('Consensus: Paxos: its scenarios are coming');
		// The coming line is skipped by the arrows, in both directions.
		expect(rows[moveChoice(rows, heading, 1)]!.kind).toBe('topic');
		expect(moveChoice(rows, moveChoice(rows, heading, 1), -1)).toBe(heading);
	});

	test('an etcd scenario says it needs etcd when etcd is missing, and stays listed', () => {
		const rows = courseRows(bundledCourse(), {modeReady: every, etcd: false});
		const etcd = rows.filter(row => row.kind === 'scenario' && row.scenario.needs === 'etcd');
		expect(etcd.length).toBeGreaterThan(0);
		for (const row of etcd) expect(missingFor(row, {modeReady: every, etcd: false})).toBe('needs etcd, which is not installed');
		for (const row of etcd) expect(missingFor(row, {modeReady: every, etcd: true})).toBeUndefined();
	});

	test('next goes from a topic\'s last scenario to the next topic\'s first, and ends after the last', () => {
		const rows = courseRows(bundledCourse(), {modeReady: every, etcd: true});
		const at = (name: string) => rows.findIndex(row => row.kind === 'scenario' && row.scenario.name === name);
		const nameAt = (index: number | undefined) => (index === undefined ? undefined : (rows[index] as {scenario: CourseScenario}).scenario.name);
		expect(nameAt(nextScenarioRow(rows, at('crash-catch-up')))).toBe('no-total-order');
		expect(nextScenarioRow(rows, at(courseOrder(bundledCourse()).at(-1)!.name))).toBeUndefined();
	});

	test('the window scrolls as little as it can to show the chosen row, with its heading above a topic\'s first scenario', () => {
		expect(scrollTo(0, 5, 10, 40)).toBe(0);
		expect(scrollTo(0, 12, 10, 40)).toBe(3);
		expect(scrollTo(10, 8, 10, 40)).toBe(7);
		expect(scrollTo(0, 39, 10, 40)).toBe(30);
		expect(scrollTo(30, 0, 10, 40)).toBe(0);
	});
});
