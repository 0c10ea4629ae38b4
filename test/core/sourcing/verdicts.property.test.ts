/**
 * Over random runs (commands, deploys, replays from empty or a snapshot,
 * clock and random reads, the bug fix, schema 2) at 80×24 and 120×40: no line
 * that carries a verdict is cut. Those are the sentences under the columns
 * (what changed and why, each shown whole or not at all), both decision
 * lines, and what the event line says happened.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lineText, type Line} from '../../../source/core/engine/screen.js';
import {cellWidth} from '../../../source/core/engine/text.js';
import type {SourcingAction} from '../../../source/core/sourcing/actions.js';
import type {SourcingState} from '../../../source/core/sourcing/state.js';
import {eventLineText} from '../../../source/core/sourcing/view.js';
import {bodyRowsFor, mode, start} from './helpers.js';

const sizes = [
	[80, 24],
	[120, 40],
] as const;

const actions: SourcingAction[] = [
	{type: 'deploy', version: 2},
	{type: 'deploy', version: 1},
	{type: 'replay', from: 'empty'},
	{type: 'replay', from: 'snapshot'},
	{type: 'finish'},
	{type: 'snapshot'},
	{type: 'clock', read: true},
	{type: 'clock', read: false},
	{type: 'random', read: true},
	{type: 'random', read: false},
	{type: 'fix'},
	{type: 'schema', version: 2},
];

function whole(line: Line, width: number): boolean {
	const text = lineText(line);
	return cellWidth(text) <= width && !/\S…$/.test(text.trimEnd());
}

export function cutVerdicts(state: SourcingState, columns: number, rows: number): string[] {
	const screen = mode.view(state, {columns, bodyRows: bodyRowsFor(mode, rows), selected: 0, cursor: 0});
	if (screen.kind !== 'screen') return [`too small: ${screen.reason}`];
	const problems: string[] = [];
	for (const line of screen.extra ?? []) if (!whole(line, columns - 1)) problems.push(`story: ${lineText(line)}`);
	for (const line of screen.decision) if (!whole(line, columns - 1)) problems.push(`decision: ${lineText(line)}`);
	// What happened, whole; or, for a long one, its words up to the first ": " (the lines under the columns say the rest).
	const happened = eventLineText(state).split(' · next: ')[0]!;
	const key = `${happened.split(': ')[0]!}: …`;
	const shown = screen.events.map(line => lineText(line)).join(' ');
	if (!shown.includes(happened) && !shown.includes(key)) problems.push(`event: "${happened}" not whole in "${shown}"`);
	return problems;
}

const plan = fc.array(fc.record({commands: fc.integer({min: 0, max: 25}), action: fc.option(fc.constantFrom(...actions), {nil: undefined})}), {minLength: 2, maxLength: 10});

describe('sourcing: verdicts are never cut', () => {
	it('at 80×24 and 120×40, over random runs', () => {
		fc.assert(
			fc.property(fc.nat(10_000), plan, (seed, steps) => {
				let state = start(seed);
				for (const {commands, action} of steps) {
					state = mode.advance(state, commands);
					if (action !== undefined) state = mode.apply(state, action);
					for (const [columns, rows] of sizes) expect(cutVerdicts(state, columns, rows), `seed ${seed}, #${state.sequencer.issued}, ${columns}×${rows}`).toEqual([]);
				}
			}),
			{numRuns: 80},
		);
	});
});
