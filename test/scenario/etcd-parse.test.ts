/** Scenario files of the etcd mode (a real cluster): what the parser accepts and refuses. No etcd is started here. */
import {describe, expect, test} from 'vitest';
import {defaultLiveUntilMs, parseScenario, ScenarioError} from '../../source/scenario/parse.js';
import {isLive} from '../../source/live/shell-mode.js';

const parse = (lines: readonly string[]) => parseScenario(lines.join('\n') + '\n', 'demo.scenario');

function refusal(lines: readonly string[]): string {
	try {
		parse(lines);
	} catch (error) {
		if (error instanceof ScenarioError) return error.message;
		throw error;
	}

	throw new Error('the scenario was accepted');
}

describe('an etcd scenario', () => {
	test('mode etcd: a live mode, with the cluster from the header and writes off when paused', () => {
		const scenario = parse(['description d', 'mode etcd', 'members 5', 'seed 9', 'rate 20', 'pre-vote', 'paused', 'writes on']);
		expect(scenario.mode.name).toBe('etcd');
		expect(isLive(scenario.mode)).toBe(true);
		expect(scenario.config).toMatchObject({members: 5, seed: 9, rate: 20, preVote: true, endpoints: undefined});
		expect(scenario.paused).toBe(true);
		expect(scenario.speed).toBe(20);
	});

	test('verbs become the controller’s actions; "pause m2" is the SIGSTOP verb, "pause" and "pause 2s" the presenter’s', () => {
		const scenario = parse(['description d', 'mode etcd', 'crash leader', 'restart down', 'pause m2', 'pause', 'pause 2s', 'resume 2', 'isolate leader', 'partition m1 | m2 m3', 'heal', 'slow m3 200ms', 'stale-read m1', 'writes off', 'write']);
		expect(scenario.steps.map(step => (step.kind === 'action' ? step.action : step.kind))).toEqual([
			{type: 'crash', member: 'leader'},
			{type: 'restart', member: 'down'},
			{type: 'pause', member: 1},
			'pause',
			'pause',
			{type: 'resume', member: 1},
			{type: 'isolate', member: 'leader'},
			{type: 'partition', groups: [[0], [1, 2]]},
			{type: 'heal'},
			{type: 'delay', a: 2, ms: 200},
			{type: 'stale-read', member: 0},
			{type: 'writes', on: false},
			{type: 'write-one'},
		]);
	});

	test('until waits in real time: 10 s unless "within" gives a duration', () => {
		const scenario = parse(['description d', 'mode etcd', 'until new leader', 'until converged within 2.5s', 'expect 1 member down', 'expect isolated not leader', 'expect leader takes writes']);
		expect(scenario.steps.map(step => (step.kind === 'until' ? [step.condition.text, step.limit] : step.kind === 'expect' ? step.condition.text : step.kind))).toEqual([
			['new leader', defaultLiveUntilMs],
			['converged', 2500],
			'1 member down',
			'isolated not leader',
			'leader takes writes',
		]);
		expect(defaultLiveUntilMs).toBe(10_000);
	});

	test.each<[string, string[], string]>([
		['a bad verb', ['crash'], 'demo.scenario:3: crash takes one member, e.g. crash m2 or crash leader'],
		['a member the cluster lacks', ['crash m4'], 'demo.scenario:3: there is no m4: the cluster has 3 members (set with "members N" before the timeline)'],
		['a condition on a member the cluster lacks', ['until m7 down'], 'demo.scenario:3: there is no m7: the cluster has 3 members'],
		['an unknown condition', ['expect sideways'], 'demo.scenario:3: unknown etcd condition "sideways": try leader'],
		['until within a number of events', ['until leader within many'], 'demo.scenario:3: "until … within T" needs a duration after "within", such as 5s'],
		['a partition without groups', ['partition m1 m2'], 'demo.scenario:3: partition takes groups separated by |'],
		['endpoints (an attached cluster cannot take faults)', ['endpoints http://127.0.0.1:2379', 'crash m1'], "demo.scenario:3: endpoints attaches to a cluster this app does not own, and a scenario's faults need one it starts"],
		['a headless flag', ['steps 50', 'crash m1'], 'demo.scenario:3: steps belongs to a headless run'],
		['a fault schedule', ['fault leader:crash@5', 'crash m1'], 'demo.scenario:3: fault schedules a fault by input number; in a scenario put it on the timeline'],
		['a bad member count', ['members 12', 'crash m1'], 'demo.scenario:3: members must be from 1 to 7, not 12'],
	])('%s: file:line: reason', (_what, lines, message) => {
		expect(refusal(['description d', 'mode etcd', ...lines])).toContain(message);
	});

	test('an unknown mode lists etcd among the choices', () => {
		expect(refusal(['description d', 'mode zookeeper'])).toBe('demo.scenario:2: unknown mode "zookeeper": choose one of voting, raft, order, sourcing, paxos, aeron, etcd');
	});
});
