/**
 * Issue 17 items 8–11: what the narrowest columns (five replicas at 80
 * columns, nine at 120) and the quorum lines keep whole.
 */
import {describe, expect, it} from 'vitest';
import {lineText} from '../../../source/core/engine/screen.js';
import {cellWidth} from '../../../source/core/engine/text.js';
import type {ScheduledFault} from '../../../source/core/voting/fault.js';
import {historyLines} from '../../../source/core/voting/columns.js';
import {decisionLines} from '../../../source/core/voting/decision.js';
import {votingLayout} from '../../../source/core/voting/layout.js';
import {votingView} from '../../../source/core/voting/view.js';
import type {SimState} from '../../../source/core/voting/types.js';
import {inputs, sim} from '../helpers.js';

const fault = (replica: number, type: ScheduledFault['type'], atIndex = 0): ScheduledFault => ({replica: replica - 1, type, atIndex});

/** --model kv --seed 4 --replicas 5 --fault 2:skip@2 --fault 3:lag --fault 4:lag --fault 5:lag, 5 steps (or more). */
const lagging = (steps: number) => inputs(sim({model: 'kv', seed: 4, replicas: 5, faults: [fault(2, 'skip', 2), fault(3, 'lag'), fault(4, 'lag'), fault(5, 'lag')]}), steps);
/** The 9-replica run of item 10, 11 steps. */
const nine = (model: string) =>
	inputs(
		sim({
			model,
			seed: 1,
			replicas: 9,
			faults: [fault(2, 'skip', 3), fault(3, 'corrupt', 5), fault(4, 'crash', 6), fault(5, 'lag'), fault(6, 'reorder', 2), fault(7, 'nondet', 4), fault(8, 'flaky'), fault(9, 'skip', 8)],
		}),
		11,
	);

function screen(s: SimState, columns: number, rows: number) {
	const view = votingView(s, {columns, bodyRows: rows - 6, selected: 0} as Parameters<typeof votingView>[1]);
	if (view.kind !== 'screen') throw new Error(`too small: ${view.reason}`);
	return view;
}

function history(s: SimState, columns: number, rows: number): string[][] {
	const layout = votingLayout(s, s.model.describeState(s.replicas[0]!.state).length, columns, rows - 6);
	if (layout.kind !== 'columns') throw new Error('too small');
	return historyLines(s, layout);
}

describe('issue 17 item 8: the narrowest history form', () => {
	it('five columns at 80: every model keeps each input’s #N where it fits', () => {
		for (const model of ['bank', 'chain', 'kv']) {
			const s = inputs(sim({model, seed: 4, replicas: 5, faults: [fault(2, 'skip', 2), fault(3, 'lag'), fault(4, 'reorder'), fault(5, 'nondet')]}), 23);
			// Chain's long state names give up the index where nothing else fits ("→ START r4 ⇅=").
			for (const rows of history(s, 80, 24)) for (const row of rows) if (row && !row.startsWith('↯')) expect(row, model).toMatch(model === 'chain' ? /^(#\d+ \S|→ START r\d+ )/ : /^#\d+ \S/);
		}
	});

	it('keeps each input’s #N, and draws a late (lagged) input as ◐, not as the swap ⇅', () => {
		for (const steps of [5, 12, 30]) {
			const columns = history(lagging(steps), 80, 24);
			for (const [id, rows] of columns.entries()) {
				for (const row of rows) if (row) expect(row, `R${id + 1} at ${steps}`).toMatch(/^#\d+ /);
				if (id >= 2) for (const row of rows) expect(row).not.toContain('⇅');
			}

			expect(columns[2]!.some(row => row.endsWith(' ◐'))).toBe(true);
		}
	});

	it('a reordered pair is still ⇅, and no history row of nine columns at 120 is cut', () => {
		for (const model of ['bank', 'chain', 'kv']) {
			const columns = history(nine(model), 120, 40);
			expect(columns[5]!.join('\n'), model).toContain('⇅');
			for (const [id, rows] of columns.entries()) {
				for (const row of rows) {
					// (Chain's "→ START r2" with a mark after it, 12 cells, did not fit 11 before either: it is cut.)
					if (!(model === 'chain' && row.includes('START r'))) expect(row, `${model} R${id + 1}`).not.toContain('…');
					// Only chain's long state names ("#11 START r3" is 12 cells) give up the index in 11 cells.
					if (model !== 'chain' && row && !row.startsWith('↯')) expect(row).toMatch(/^#\d+ /);
					expect(cellWidth(row)).toBeLessThanOrEqual(11);
				}
			}
		}
	});
});

describe('issue 17 item 9: an ok and a diverged replica in the same state', () => {
	it('the quorum line keeps "last decided #2" at 80 columns', () => {
		const [decision] = decisionLines(lagging(5), 80);
		expect(lineText(decision!)).toBe(' quorum #5 … waiting: 2 of 5 reported, 3 must agree · last decided #2');
	});
});

describe('issue 17 item 10: status words are whole in nine columns at 120', () => {
	it('every status reads whole: "? no quorum" where "? no majority" does not fit', () => {
		for (const model of ['bank', 'chain', 'kv']) {
			const view = screen(nine(model), 120, 40);
			for (const column of view.panels[0]!.columns) {
				const status = [column.title, ...column.lines.slice(0, 1)].map(line => lineText(line)).join(' ');
				expect(status, `${model} ${column.id}`).not.toContain('…');
				expect(status).toMatch(/[○?✗◐⚠●] \S/);
			}

			expect(view.panels[0]!.columns.map(column => lineText(column.lines[0]!).trim())).toContain('? no quorum');
		}
	});
});

describe('issue 17 item 11: with many groups the quorum line shows values where they fit', () => {
	it('chain, nine replicas at 120: each group by its state, the round only where two share a name', () => {
		const [decision] = decisionLines(nine('chain'), 120);
		expect(lineText(decision!)).toBe(' quorum #11 ✗ no majority: R1+R6 END · R2+R9 STATE4 r2 · R3 START · R7 STATE4 r3 · R8 STATE3');
		expect(cellWidth(lineText(decision!))).toBeLessThanOrEqual(119);
	});
});
