/**
 * Every bundled scenario is a lecture and a test: each caption is followed by
 * `expect` lines saying what it claims about the board, and every claim holds
 * where it stands and through the waits under its caption.
 */
import {describe, expect, test} from 'vitest';
import {bundledNames, loadScenario, simulatedBundledNames} from '../../source/scenario/bundled.js';
import {driveScenario} from '../../source/scenario/drive.js';

const names = bundledNames();

describe('every bundled scenario', () => {
	test('there are scenarios for every mode, the etcd mode too', () => {
		const modes = new Set(names.map(name => loadScenario(name).mode.name));
		expect([...modes].sort()).toEqual(['aeron', 'etcd', 'order', 'paxos', 'raft', 'sourcing', 'voting']);
	});

	test.each(names)('%s: every caption is followed by a claim before the next caption', name => {
		const {steps} = loadScenario(name);
		const unchecked: number[] = [];
		for (const [i, step] of steps.entries()) {
			if (step.kind !== 'caption' || step.lines.length === 0) continue;
			const next = steps.slice(i + 1).findIndex(later => later.kind === 'caption');
			const until = next < 0 ? steps.length : i + 1 + next;
			if (!steps.slice(i + 1, until).some(later => later.kind === 'expect')) unchecked.push(step.line);
		}

		expect(unchecked, `captions at these lines claim something no expect line checks`).toEqual([]);
	});

	// The etcd scenarios' claims are checked against a real cluster in test/etcd/scenarios.test.ts.
	test.each(simulatedBundledNames())('%s: every claim holds', async name => {
		const {claims} = await driveScenario(loadScenario(name));
		expect(claims.length).toBeGreaterThan(0);
		expect(claims.filter(claim => claim.failure !== undefined).map(claim => `line ${claim.line}: ${claim.kind} ${claim.text} — ${claim.failure}`)).toEqual([]);
	}, 60_000);
});
