/**
 * The trace is complete: its start line holds every proposer, acceptor and
 * learner, and each line holds in full every one the event or action changed,
 * so replaying the lines rebuilds each node's state at every step.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {paxosMode} from '../../../source/core/paxos/mode.js';
import {paxosReport} from '../../../source/core/paxos/report.js';
import type {PaxosState} from '../../../source/core/paxos/types.js';
import {applyAction, start} from './helpers.js';

type Nodes = Record<string, unknown>;
const nodesOf = (state: PaxosState) => paxosReport(state).nodes as Nodes;

describe('a Paxos trace rebuilds every node', () => {
	test('line by line, with crashes, drops and commands in between (Multi-Paxos, in process)', () => {
		let state = start({multi: true, seed: '3'});
		const rebuilt: Nodes = {...(paxosMode.traceStart!(state) as {nodes: Nodes}).nodes};
		const actions = new Map<number, Parameters<typeof applyAction>[1]>([
			[60, {type: 'crash', node: 0}],
			[90, {type: 'crash', node: 3}],
			[150, {type: 'restart', node: 0}],
			[200, {type: 'restart', node: 3}],
			[220, {type: 'request'}],
		]);
		for (let i = 0; i < 400; i++) {
			const action = actions.get(i);
			if (action) {
				const after = applyAction(state, action);
				Object.assign(rebuilt, (paxosMode.traceLine(after) as {changed: Nodes}).changed);
				state = after;
				expect(rebuilt).toEqual(nodesOf(state));
			}

			const next = paxosMode.advance(state, 1);
			if (next === state) break;
			state = next;
			Object.assign(rebuilt, (paxosMode.traceLine(state) as {changed: Nodes}).changed);
			expect(rebuilt, `event ${state.events}`).toEqual(nodesOf(state));
		}

		expect(state.events).toBeGreaterThan(250);
	});

	test('the real binary: run paxos-multi-noop --json --trace, replayed, gives the --json nodes', () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'paxos-trace-'));
		try {
			const file = path.join(folder, 'trace.jsonl');
			const output = execFileSync(process.execPath, ['dist/cli.js', 'run', 'paxos-multi-noop', '--json', '--trace', file], {encoding: 'utf8'});
			const report = JSON.parse(output) as {nodes: Nodes};
			const lines = readFileSync(file, 'utf8').trim().split('\n').map(line => JSON.parse(line) as {kind: string; nodes?: Nodes; changed?: Nodes});
			expect(lines[0]!.kind).toBe('start');
			expect(lines.some(line => line.kind === 'action')).toBe(true);
			const rebuilt: Nodes = {};
			for (const line of lines) Object.assign(rebuilt, line.nodes ?? {}, line.changed ?? {});
			expect(rebuilt).toEqual(report.nodes);
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});
});
