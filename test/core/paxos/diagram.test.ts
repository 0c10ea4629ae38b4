import {expect, test} from 'vitest';
import {paxosKeyAction, paxosMenu} from '../../../source/core/paxos/keys.js';
import {paxosView} from '../../../source/core/paxos/view/view.js';
import {applyAction, runUntil, start} from './helpers.js';

const text = (lines: ReadonlyArray<ReadonlyArray<{text: string}>>) => lines.map(line => line.map(part => part.text).join('')).join('\n');

test('v draws the latest events as a space-time diagram: arrows for Prepare and Promise, ╳ for a dropped message, ⊘ for a refusal', () => {
	let state = runUntil(start({stagger: '30'}), current => current.events >= 12);
	state = applyAction(state, {type: 'drop', pick: {by: 'next'}});
	state = runUntil(state, current => current.last.kind === 'deliver' && current.last.message?.body.type === 'Nack', 400);
	const context = {columns: 120, rows: 40, bodyRows: 30, selected: 0, cursor: 0, diagram: true} as const;
	const screen = paxosView(state, context as never);
	if (screen.kind !== 'screen') throw new Error(screen.reason);
	expect(screen.panels).toEqual([]);
	const drawn = text(screen.extra);
	expect(drawn).toMatch(/P1 +P2 +A1 +A2 +A3 +L1 +L2/);
	expect(drawn).toMatch(/•─+Prep 1\.P1─+▶/);
	expect(drawn).toContain('╳');
	expect(drawn).toContain('[drop]');
	expect(drawn).toContain('⊘');
	expect(paxosKeyAction(state, {input: 'v'} as never, context)).toEqual({toggle: 'diagram'});
});

test('the network menu keys an acceptor\'s cuts by the proposers\' numbers and the learners\' letters', () => {
	const state = start();
	const menu = paxosMenu(state, 'network', {selected: 0, cursor: 0});
	const cuts = menu.items.filter(item => item.label.startsWith('cut'));
	expect(cuts.map(item => `${item.key} ${item.label}`)).toEqual(['1 cut A1→P1 (one way)', '2 cut A1→P2 (one way)', 'a cut A1→L1 (one way)', 'b cut A1→L2 (one way)']);
});

test('the timeline marks a proposer taking the lead and each value chosen', async () => {
	const {paxosMarkOf} = await import('../../../source/core/paxos/timeline-marks.js');
	const marks: string[] = [];
	let state = start({multi: true, workload: '60', requests: '3'});
	for (let i = 0; i < 400; i++) {
		const next = runUntil(state, current => current.events > state.events, 1);
		if (next === state) break;
		const mark = paxosMarkOf(state, next);
		if (mark !== undefined) marks.push(mark);
		state = next;
	}

	expect(marks[0]).toBe('P1 takes the lead');
	expect(marks.filter(mark => /^#\d chosen: c\d/.test(mark))).toHaveLength(3);
	state = applyAction(state, {type: 'crash', node: 0});
	const before = state;
	state = runUntil(state, current => current.leads > before.leads, 3000);
	expect(paxosMarkOf(before, state)).toBe('P2 takes the lead');
	const single = start();
	expect(paxosMarkOf(single, runUntil(single, current => current.lamps.chosenCount > 0))).toBe('x chosen (1.P1)');
});
