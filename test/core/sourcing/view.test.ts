import stringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import {lineText, type Screen} from '../../../source/core/engine/screen.js';
import type {SourcingState} from '../../../source/core/sourcing/state.js';
import {act, mode, replay, run, start} from './helpers.js';
import {screenText} from '../../helpers/screen-text.js';
import {bodyRowsFor} from './helpers.js';

const sizes = [
	[80, 24],
	[100, 30],
	[120, 40],
	[200, 60],
] as const;

function screenOf(state: SourcingState, columns: number, rows: number, selected = 0): Extract<Screen, {kind: 'screen'}> {
	const screen = mode.view(state, {columns, bodyRows: bodyRowsFor(mode, rows), selected, cursor: 0});
	if (screen.kind !== 'screen') throw new Error(screen.reason);
	return screen;
}

function stages(): Array<[string, SourcingState]> {
	const live = run(start(2), 30);
	const v2 = act(live, {type: 'deploy', version: 2});
	const replaying = mode.advance(act(v2, {type: 'replay', from: 'empty'}), 12);
	const replayed = replay(v2);
	const clock = replay(replay(act(replayed, {type: 'clock', read: true})));
	const fixed = act(run(start(2), 30), {type: 'fix'});
	const schema = act(replay(fixed), {type: 'schema', version: 2});
	const snapped = replay(act(run(act(run(start(2), 20), {type: 'snapshot'}), 10), {type: 'deploy', version: 2}), 'snapshot');
	return [
		['start', start(2)],
		['live', live],
		['deployed', v2],
		['replaying', replaying],
		['replayed', replayed],
		['clock', clock],
		['fixed', fixed],
		['schema', schema],
		['snapshot', snapped],
		['refused', act(replaying, {type: 'deploy', version: 1})],
	];
}

describe('the view', () => {
	test.each(sizes)('at %i×%i every stage fits: rows within the body, lines within their columns, one cell per glyph', (columns, rows) => {
		const bodyRows = bodyRowsFor(mode, rows);
		for (const [name, state] of stages()) {
			const screen = screenOf(state, columns, rows);
			expect(screen.events, name).toHaveLength(mode.eventRows);
			expect(screen.decision, name).toHaveLength(mode.decisionRows);
			expect(screen.columnHeight + (screen.extra?.length ?? 0), name).toBeLessThanOrEqual(bodyRows);
			const boxes = screen.panels.flatMap(panel => panel.columns);
			expect(boxes.reduce((sum, column) => sum + column.width, 0), name).toBe(columns);
			for (const column of boxes) {
				expect(column.lines.length, `${name} ${column.id}`).toBeLessThanOrEqual(screen.columnHeight - 3);
				for (const row of [column.title, ...column.lines]) expect(stringWidth(lineText(row)), `${name}: ${lineText(row)}`).toBeLessThanOrEqual(column.width - 2);
			}

			for (const row of screen.extra ?? []) expect(stringWidth(lineText(row)), `${name}: ${lineText(row)}`).toBeLessThanOrEqual(columns - 1);
			for (const row of [...screen.events, ...screen.decision, ...(screen.extra ?? [])]) {
				const text = lineText(row);
				expect(stringWidth(text), text).toBe([...text].length);
			}

			expect(screenText(screen, columns, {hints: ''}).length, name).toBeLessThanOrEqual(rows - 1);
		}
	});

	test('done-when at 80×24: after deploy v2 and replay the command side marks changed balances and decisions, the event side none', () => {
		const [, replayed] = stages().find(([name]) => name === 'replayed')!;
		const text = screenText(screenOf(replayed, 80, 24), 80);
		const left = text.map(row => row.slice(0, 40)).join('\n');
		const right = text.map(row => row.slice(40)).join('\n');
		expect(left).toMatch(/✎ was A 217 {2}B 87/);
		expect(left).toMatch(/Δ replay 1 re-decided 8 of 30:/);
		expect(left).toMatch(/Δ#30/);
		expect(right).not.toMatch(/[✎Δ]/);
		// B was moved by three decisions: the line says so, in its brief form at 80 columns.
		expect(text.join('\n')).toContain("cmd B 87 → 42: v2's limit accepted withdrawal #1, v1's rejected it (+2 more)");
		expect(text.join('\n')).toContain('= evt unchanged: events are facts (36 re-applied)');
		expect(text.join('\n')).toContain('✗ pipelines disagree (cmd/evt)');
	});

	test('right after a replay the command journal lists the decisions it changed, newest first; the next command brings the journal back', () => {
		const [, replayed] = stages().find(([name]) => name === 'replayed')!;
		const column = screenOf(replayed, 200, 60).panels[0]!.columns[0]!;
		const texts = column.lines.map(row => lineText(row));
		const heading = texts.findIndex(row => row.startsWith('Δ replay 1 re-decided'));
		const journal = texts.findIndex(row => row.startsWith('journal: 30 commands'));
		expect(heading).toBeGreaterThan(0);
		expect(journal).toBeGreaterThan(heading);
		const rows = texts.slice(heading + 1, journal);
		const changed = [...replayed.lastReport!.cmd.changes].reverse().map(change => change.command.seq);
		expect(rows.map(row => Number(/^Δ#(\d+)/.exec(row)![1]))).toEqual(changed);
		expect(rows.find(row => row.startsWith('Δ#1 '))).toMatch(/withdraw B 45 +✓ was ✗$/);
		const next = screenOf(mode.advance(replayed, 1), 120, 40).panels[0]!.columns[0]!;
		expect(next.lines.map(row => lineText(row))).toContainEqual(expect.stringMatching(/^▸#31 /));
	});

	test('during a replay each column shows its progress and the messages it holds back', () => {
		const [, replaying] = stages().find(([name]) => name === 'replaying')!;
		const text = screenText(screenOf(replaying, 80, 24), 80).join('\n');
		expect(text).toContain('12/30 commands');
		expect(text).toMatch(/\d+\/36 events/);
		expect(text).toMatch(/⊘ \d+ held back/);
		expect(text).toContain('⟳ replay 1 under v2: cmd re-ran 12/30 commands');
		expect(text).toContain('next: re-run #13');
	});

	test('wide screens give each account its own row and the long sentences', () => {
		const [, replayed] = stages().find(([name]) => name === 'replayed')!;
		const text = screenText(screenOf(replayed, 120, 40), 120).join('\n');
		expect(text).toMatch(/B +42 {2}✎ was 87/);
		expect(text).toContain('command-sourced balance of B changed from 87 to 42');
		expect(text).toContain('journals commands, state = run(logic)');
	});

	test('the selected column is marked, and the event line says what happened and what is next', () => {
		const [, live] = stages().find(([name]) => name === 'live')!;
		const screen = screenOf(live, 80, 24, 1);
		expect(screen.panels[0]!.columns.map(column => Boolean(column.selected))).toEqual([false, true]);
		expect(lineText(screen.events[0]!)).toMatch(/^#30 accrue day 4: interest [+−\d ]+ on both · next: #31 /);
	});

	test('a refused action says why on the event line', () => {
		const [, refused] = stages().find(([name]) => name === 'refused')!;
		expect(lineText(screenOf(refused, 80, 24).events[0]!)).toMatch(/^✗ replay 1 is running/);
	});

	test('too small a terminal gets one plain sentence', () => {
		const screen = mode.view(start(2), {columns: 50, bodyRows: 17, selected: 0, cursor: 0});
		expect(screen).toMatchObject({kind: 'too-small'});
		expect(mode.view(start(2), {columns: 80, bodyRows: 5, selected: 0, cursor: 0}).kind).toBe('too-small');
	});
});

describe('a changed balance keeps its count of decisions at 80 columns', () => {
	test('"(+N more)" stays on the line when the account was moved by more than one decision', () => {
		let checked = 0;
		for (const seed of [1, 2, 4, 8]) {
			for (const commands of [30, 60]) {
				const replayed = replay(act(run(start(seed), commands), {type: 'deploy', version: 2}));
				if (replayed.story.kind !== 'replay') throw new Error('no replay story');
				// A story line that wraps continues on an indented row.
				const lines = screenText(screenOf(replayed, 80, 24), 80).join('\n').replaceAll(/\n {4}/g, ' ').split('\n').filter(line => line.startsWith('✎ cmd'));
				for (const change of replayed.story.report.cmd.accounts) {
					const line = lines.find(text => text.startsWith(`✎ cmd ${'ABCD'[change.account]} `));
					if (line === undefined) continue;
					checked++;
					if (change.changes > 1) expect(line, `seed ${seed} after ${commands}`).toContain(`(+${change.changes - 1} more)`);
					else expect(line).not.toMatch(/\(\+\d+/);
				}
			}
		}

		expect(checked).toBeGreaterThan(10);
	});
});
