/**
 * A member's column at every width the layout allows (16 to 36 cells) keeps
 * its verdicts whole: the input its keys reflect, the indexes and how far
 * behind the leader sees it, the term's
 * "(applied)" mark, "✗ model" and a stale read's "✗ stale". Nothing in a
 * column is cut with "…": a row too long moves a word to a row of its own or
 * uses a shorter form.
 */
import {describe, expect, it} from 'vitest';
import {lineText, type Screen} from '../../../source/core/engine/screen.js';
import {memberColumn, minColumnWidth} from '../../../source/core/etcd/member-column.js';
import {createEtcdState, observe} from '../../../source/core/etcd/observe.js';
import type {EtcdState} from '../../../source/core/etcd/state.js';
import {etcdDecisionRows, etcdEventRows, etcdView} from '../../../source/core/etcd/view.js';
import {clusterInfo, keysAt, member, poll} from './fixtures.js';

const input = 247;
const commit = 12_345;

/** Five members late in a long run: a leader with one follower far behind, a term known only as the applied one, keys unlike the model, a cut-off member, and a stale read. */
function lateRun(): EtcdState {
	const progress = Array.from({length: 5}, (_, i) => ({match: i === 1 ? commit - 45 : commit, next: i === 1 ? commit - 44 : commit + 1, state: 'replicate'}));
	const wrong = keysAt(input);
	const read = {member: 1, key: 'a', serializable: '31', current: '95', currentFrom: 0, linearizable: '95'};
	return observe(
		createEtcdState(clusterInfo(5)),
		poll(
			90_000,
			[
				member(0, {role: 'leader', term: 123, commit, input, progress}),
				member(1, {term: 123, lead: 0, commit: commit - 45, input: input - 40}),
				member(2, {term: 123, lead: 0, commit, input, statusOnly: true}),
				member(3, {term: 123, lead: 0, commit, input, kv: {...wrong, values: wrong.values.map((value, i) => (i === 0 ? value + 1 : value))}}),
				member(4, {term: 123, lead: 0, commit, input}),
			],
			{faults: {partition: [[4], [0, 1, 2, 3]], delays: []}, notes: [{text: 'read on m2: …', staleRead: read}]},
		),
	);
}

const rowsOf = (state: EtcdState, position: number, width: number) => {
	const column = memberColumn(state, position, width, position === 0);
	return [column.title, ...column.lines].map(lineText);
};

describe('etcd columns at every width', () => {
	const state = lateRun();
	for (let width = minColumnWidth; width <= 36; width++) {
		it(`${width} cells: every row fits whole, verdicts included`, () => {
			const columns = state.members.map((_, i) => rowsOf(state, i, width));
			for (const rows of columns) {
				for (const row of rows) {
					expect(row.length, row).toBeLessThanOrEqual(width - 4);
					expect(row, `cut at ${width}: ${row}`).not.toContain('…');
				}

				expect(rows.join('\n')).toMatch(/^comm\S* +\d+$/m);
			}

			expect(columns[0]!.join('\n')).toMatch(/keys #247\b/);
			expect(columns[0]!.join('\n')).toMatch(new RegExp(`^comm\\S* +${commit}$`, 'm'));
			expect(columns[1]!.join('\n')).toMatch(/keys #207\b/);
			expect(columns[1]!.join('\n')).toContain('✗ stale');
			expect(columns[1]!.join('\n')).toMatch(/45 behind|-45\b/);
			expect(columns[2]!.join('\n')).toContain('(applied)');
			expect(columns[3]!.join('\n')).toContain('✗ model');
			expect(columns[4]!.join('\n')).toContain('cut off');
		});
	}

	it('80×24 with 5 members (16-cell columns): "#247" and "✗ stale" whole, within the rows the screen has', () => {
		const bodyRows = 24 - 1 - etcdEventRows - etcdDecisionRows - 1 - 1;
		const screen: Screen = etcdView(state, {columns: 80, bodyRows, selected: 0, cursor: 0});
		if (screen.kind !== 'screen') throw new Error(screen.reason);
		const boxes = screen.panels[0]!.columns;
		expect(boxes.map(box => box.width)).toEqual([16, 16, 16, 16, 16]);
		for (const box of boxes) expect(box.lines.length + 3).toBeLessThanOrEqual(screen.columnHeight);
		const text = boxes.map(box => box.lines.map(lineText).join('\n'));
		expect(text[0]).toMatch(/keys #247/);
		expect(text[1]).toMatch(/ser(ial)?\. a=31\n✗ stale read/);
	});
});
