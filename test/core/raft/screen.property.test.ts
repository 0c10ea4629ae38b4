/**
 * Over random runs at 80×24 and 120×40, no line of the Raft screen that
 * carries a verdict is cut: a server's role, the decision line (with the
 * network's state whenever it is not whole), and the key clause of the event
 * line (what came of the last event; for a lost message, why it was lost).
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lineText, lineWidth, type Screen} from '../../../source/core/engine/screen.js';
import {applyAction} from '../../../source/core/raft/actions.js';
import {parseRaftConfig} from '../../../source/core/raft/config.js';
import {messageText} from '../../../source/core/raft/describe.js';
import {createRaft, handleNextEvent} from '../../../source/core/raft/engine.js';
import {raftMode} from '../../../source/core/raft/mode.js';
import {cutLinks} from '../../../source/core/raft/network.js';
import type {RaftState} from '../../../source/core/raft/types.js';
import {runArbitrary, type Run} from './arbitraries.js';

/** The terminal sizes and the body rows the shell leaves the mode in them (no caption). */
const sizes = [
	{columns: 80, bodyRows: 17},
	{columns: 120, bodyRows: 33},
] as const;

/** What the last event line must show whole. */
function keyClause(state: RaftState): string {
	const record = state.last;
	const [first] = record.outcomes.flatMap(outcome => outcome.split('; '));
	if (first !== undefined) return first;
	if (record.message !== null) {
		const full = messageText(record.message, state.model);
		if (record.head.startsWith(full)) return record.head.slice(full.length).trim();
	}

	return record.head;
}

function problems(state: RaftState, columns: number, bodyRows: number): string[] {
	const screen: Screen = raftMode.view(state, {columns, bodyRows, cursor: 0, selected: 0});
	if (screen.kind !== 'screen') return [];
	const found: string[] = [];
	const last = screen.events.slice(0, 2).map(row => lineText(row).replace(/^last t=\d+ /, '').trim()).join(' ').replaceAll(/\s+/g, ' ');
	if (last.includes('…')) found.push(`last event cut: ${last}`);
	const clause = keyClause(state).replaceAll(/\s+/g, ' ');
	if (!last.includes(clause)) found.push(`last event lacks "${clause}": ${last}`);
	const next = lineText(screen.events[2]!);
	if (next.includes('…')) found.push(`next event cut: ${next}`);
	const decision = lineText(screen.decision[0]!);
	if (decision.includes('…') || lineWidth(screen.decision[0]!) > columns - 1) found.push(`decision cut: ${decision}`);
	if (cutLinks(state.network, state.servers.length).length > 0 && !/ · (partition|cut) /.test(decision)) found.push(`decision lacks the network: ${decision}`);
	for (const column of screen.panels.flatMap(panel => panel.columns)) {
		const title = lineText(column.title!);
		if (title.includes('…')) found.push(`role cut: ${title}`);
	}

	return found.map(text => `${columns} columns, t=${state.time} #${state.events}: ${text}`);
}

function screenedRun(run: Run): string[] {
	let state = createRaft(parseRaftConfig({seed: String(run.seed), servers: String(run.servers), model: run.model, workload: String(run.workload), requests: '60'}));
	const found: string[] = [];
	const look = (next: RaftState) => {
		state = next;
		for (const {columns, bodyRows} of sizes) found.push(...problems(state, columns, bodyRows));
	};

	for (const {gap, action} of run.schedule) {
		const until = state.time + gap;
		while (state.queue.items.length > 0 && state.queue.items[0]!.time <= until) look(handleNextEvent(state));
		look(applyAction(state, action));
	}

	return found;
}

describe('the Raft screen over random runs', () => {
	it('at 80×24 and 120×40 no role, decision line or key clause of the event line is cut', () => {
		fc.assert(
			fc.property(runArbitrary, run => {
				expect(screenedRun(run).slice(0, 5)).toEqual([]);
			}),
			{numRuns: 12},
		);
	});
});
