/**
 * The screen as plain data, and drawn as text: two panels at 80×24, three at
 * 120×40, everything within the body's rows; the checks and the stall
 * explanation on screen; keys, menus and hints.
 */
import {describe, expect, it} from 'vitest';
import {lineText, shellRows, type Screen} from '../../../source/core/engine/screen.js';
import {cellWidth} from '../../../source/core/engine/text.js';
import type {PanelSummary} from '../../../source/core/order/queries.js';
import {checksLine} from '../../../source/core/order/view/panel.js';
import {orderMode} from '../../../source/core/order/mode.js';
import type {OrderState} from '../../../source/core/order/types.js';
import {screenText} from '../../helpers/screen-text.js';
import {verb} from './helpers.js';

/** Body rows as the shell gives them: rows − 1 − the shell's rows (header, timeline, hints) − event rows − decision rows. */
function bodyRows(rows: number): number {
	return rows - 1 - shellRows - orderMode.eventRows - orderMode.decisionRows;
}

function view(state: OrderState, columns: number, rows: number, selected = 0, cursor = 0): Screen & {kind: 'screen'} {
	const screen = orderMode.view(state, {columns, bodyRows: bodyRows(rows), selected, cursor});
	if (screen.kind !== 'screen') throw new Error(screen.reason);
	return screen;
}

function text(state: OrderState, columns: number, rows: number, selected = 0): string {
	return screenText(orderMode.view(state, {columns, bodyRows: bodyRows(rows), selected, cursor: 0}), columns, {hints: '(hints)'}).join('\n');
}

const seed2 = orderMode.create(orderMode.parseConfig({seed: '2'}));

describe('layout', () => {
	const state = orderMode.advance(seed2, 200);

	it('fits two panels at 80×24 and three at 120×40, within the body', () => {
		for (const [columns, rows, panels] of [
			[80, 24, 2],
			[120, 40, 3],
			[160, 50, 4],
		] as const) {
			const screen = view(state, columns, rows);
			expect(screen.panels).toHaveLength(panels);
			expect(screen.events).toHaveLength(orderMode.eventRows);
			expect(screen.decision).toHaveLength(orderMode.decisionRows);
			const titleRows = 1;
			expect(titleRows + screen.columnHeight + (screen.extra?.length ?? 0)).toBeLessThanOrEqual(bodyRows(rows));
			const width = screen.panels.flatMap(panel => panel.columns).reduce((sum, column) => sum + column.width, 0);
			expect(width).toBeLessThanOrEqual(columns);
			for (const line of screen.extra ?? []) expect(lineText(line).length).toBeLessThanOrEqual(columns);
			expect(screenText(screen, columns, {hints: '(hints)'}).length).toBeLessThanOrEqual(rows - 1);
		}
	});

	it('shows the focused panel: ←→ or 1–4 pick which', () => {
		expect(view(state, 80, 24, 0).panels.map(panel => panel.id)).toEqual(['none', 'sequencer']);
		expect(view(state, 80, 24, 1).panels.map(panel => panel.id)).toEqual(['sequencer', 'lamport']);
		expect(view(state, 80, 24, 3).panels.map(panel => panel.id)).toEqual(['lamport', 'consensus']);
		expect(view(state, 120, 40, 3).panels.map(panel => panel.id)).toEqual(['sequencer', 'lamport', 'consensus']);
		const focused = view(state, 80, 24, 1, 2);
		expect(focused.panels[0]!.columns.map(column => Boolean(column.selected))).toEqual([false, false, true]);
		expect(lineText(focused.panels[0]!.title!)).toMatch(/^▸2 fixed sequencer/);
	});

	it('fits every column\'s lines in its box, and every panel title over its columns', () => {
		for (const [seed, model, clients] of [['2', 'bank', '3'], ['5', 'kv', '4'], ['6', 'chain', '2']] as const) {
			let run = orderMode.create(orderMode.parseConfig({seed, model, clients}));
			for (const events of [0, 40, 300, 900]) {
				run = orderMode.advance(run, events);
				if (events === 300) run = verb(verb(run, 'crash sequencer'), 'silence B');
				for (const [columns, rows] of [[80, 24], [120, 40]] as const) {
					for (let selected = 0; selected < 4; selected++) {
						for (const panel of view(run, columns, rows, selected, 1).panels) {
							const width = panel.columns.reduce((sum, column) => sum + column.width, 0);
							expect(lineText(panel.title!).length, lineText(panel.title!)).toBeLessThanOrEqual(width);
							for (const column of panel.columns) {
								for (const line of [column.title, ...column.lines]) expect(lineText(line).length, `${column.id}: ${lineText(line)}`).toBeLessThanOrEqual(column.width - 2);
							}
						}
					}
				}
			}
		}
	});

	it('says plainly when the terminal is too small', () => {
		const narrow = orderMode.view(state, {columns: 30, bodyRows: 17, selected: 0, cursor: 0});
		expect(narrow).toEqual({kind: 'too-small', reason: 'the order mode needs a terminal at least 36 columns wide (this one has 30)'});
		const short = orderMode.view(state, {columns: 80, bodyRows: 9, selected: 0, cursor: 0});
		expect(short.kind).toBe('too-small');
	});

	it('shows the last and the next event in words', () => {
		const screen = view(state, 80, 24);
		const last = lineText(screen.events[0]!);
		expect(`last t=${state.last.time} ${state.last.text}`.startsWith(last.replace(/…$/, ''))).toBe(true);
		expect(lineText(screen.events[1]!)).toMatch(/^next t=\d+ /);
	});
});

describe('done when: seed 2 at 80×24, stepping', () => {
	let state = seed2;
	let steps = 0;
	while (!/✗ unordered/.test(lineText(view(state, 80, 24).decision[0]!)) && steps < 200) {
		state = orderMode.advance(state, 1);
		steps++;
	}

	it('shows the unordered replicas diverge while the sequencer\'s agree, within a few dozen steps', () => {
		expect(steps).toBeLessThanOrEqual(40);
		const screen = text(state, 80, 24);
		expect(screen).toMatch(/✗ R\d≠R\d at #\d+ {2}✓ FIFO +✓ agree {2}✓ FIFO/);
		expect(lineText(view(state, 80, 24).decision[0]!)).toMatch(/^agree: ✗ unordered \(R\d≠R\d at #\d+\) · ✓ sequencer/);
		// The diverged replica's column says so, and its rows mark the positions that differ.
		expect(screen).toMatch(/≠ since #\d+/);
		expect(screen).toMatch(/\d≠[ABC]\d/);
	});

	it('crashing the sequencer stalls its panel, with a plain explanation', () => {
		let crashed = verb(state, 'crash sequencer');
		expect(text(crashed, 80, 24)).toMatch(/Q ○ DOWN/);
		expect(text(crashed, 80, 24)).toMatch(/✗ Q down: a new one needs consensus/);
		const wide = text(crashed, 120, 40);
		expect(wide).toMatch(/✗ Q is down: nothing gets a number; a /);
		expect(wide).toMatch(/ new sequencer would need consensus/);
		crashed = orderMode.runUntil(crashed, crashed.time + 1200, 1_000_000).state;
		const screen = text(crashed, 80, 24);
		expect(screen).toMatch(/│⚠ stalled {2}│/);
		expect(screen).toMatch(/⚠ Q down: new Q needs consensus/);
		expect(lineText(view(crashed, 80, 24).decision[1]!)).toBe('⚠ stalled: sequencer — Q is down, and choosing a new sequencer needs consensus');
		expect(lineText(view(crashed, 200, 40).decision[1]!)).toMatch(/^⚠ stalled: sequencer — the sequencer Q is down: a new one must be chosen, and agreeing on it \(and on where its numbers start\) needs consensus/);
	});
});

describe('every column reads whole, and a tall screen uses its rows', () => {
	const columnText = (screen: Screen & {kind: 'screen'}, id: string) => screen.panels.flatMap(panel => panel.columns).find(column => column.id === id)!.lines.map(line => lineText(line));

	it('shows every key of a kv replica\'s state at 80×24 (two rows), and its digest above them at 120×40', () => {
		const kv = orderMode.advance(orderMode.create(orderMode.parseConfig({seed: '5', model: 'kv'})), 100);
		for (const [columns, rows] of [[80, 24], [120, 40]] as const) {
			const screen = view(kv, columns, rows, 1);
			for (const replica of kv.archs.sequencer.replicas) {
				const lines = columnText(screen, `sequencer/${replica.index}`);
				const shown = lines.join(' ');
				for (const [key, value] of kv.model.describeState(replica.machine)) expect(shown.split(' '), `${columns}×${rows}: ${shown}`).toContain(`${key}${value}`);
				expect(lines.some(line => line.endsWith('…'))).toBe(false);
			}
		}

		const wide = columnText(view(kv, 120, 40, 1), 'sequencer/0');
		expect(wide[0]).toBe(((kv.model.digest(kv.archs.sequencer.replicas[0]!.machine) >>> 0) & 0xff_ff).toString(16).padStart(4, '0'));
	});

	it('lists a Lamport hold-back queue at 120×40 in the order it will deliver, never cut; at 80×24 its size whole', () => {
		let held = orderMode.advance(orderMode.create(orderMode.parseConfig({seed: '2'})), 300);
		held = orderMode.advance(verb(held, 'silence C'), 400);
		const replica = held.archs.lamport.replicas[0]!;
		expect(replica.holdback.length).toBeGreaterThanOrEqual(3);
		const entries = replica.holdback.map(item => `${String.fromCodePoint(65 + item.ref.client)}${item.ref.number}@${item.ts}`);
		const wide = columnText(view(held, 120, 40, 2), 'lamport/0');
		const start = wide.findIndex(line => line.startsWith('hold '));
		const listed = wide.slice(start).join(' ').split(' ').slice(2).filter(word => /@/.test(word));
		expect(listed.length).toBeGreaterThanOrEqual(Math.min(entries.length, 6));
		expect(listed).toEqual(entries.slice(0, listed.length));
		expect(wide.slice(start).join(' ')).toMatch(new RegExp(`^hold ${entries.length} `));
		for (const line of [...wide, ...columnText(view(held, 80, 24, 2), 'lamport/0')]) expect(line.endsWith('…'), line).toBe(false);
	});

	it('leaves the consensus panel\'s status whole at 80×24 while there is no leader', () => {
		const state = verb(orderMode.advance(orderMode.create(orderMode.parseConfig({seed: '0', clients: '2'})), 1), 'crash leader');
		const extra = view(state, 80, 24, 3).extra!.map(line => lineText(line));
		expect(extra.join('\n')).toMatch(/no leader/);
		// A cut ends a word in "…"; the status's own "…" (it waits) stands alone.
		expect(extra.join('\n')).not.toMatch(/\S…/);
	});
});

describe('keys, menus and hints', () => {
	const ui = {selected: 1, cursor: 1};
	const state = orderMode.advance(seed2, 50);

	it('maps its keys to actions and menus, never the shell\'s keys', () => {
		expect(orderMode.keyAction(state, {input: 'x'}, ui)).toEqual({action: {type: 'crash', arch: 'sequencer', replica: 1}});
		expect(orderMode.keyAction(state, {input: 'k'}, ui)).toEqual({action: {type: 'crash-sequencer'}});
		expect(orderMode.keyAction(state, {input: 'n'}, ui)).toEqual({action: {type: 'heartbeats', on: true}});
		expect(orderMode.keyAction(state, {input: ']'}, ui)).toEqual({cursor: 1});
		expect(orderMode.keyAction(state, {input: 'f'}, ui)).toEqual({menu: 'faults'});
		for (const key of [' ', 's', '.', ',', 'b', '0', '1', '4', '+', '-', '?', 'q']) expect(orderMode.keyAction(state, {input: key}, ui)).toBeUndefined();
	});

	it('offers the faults in a menu, with a reason when one is not possible', () => {
		const menu = orderMode.menu(state, 'faults', ui);
		expect(menu.items.map(item => item.key)).toEqual(['x', 'k', 'l', 'n', 'a', 'b', 'c']);
		expect(menu.items.find(item => item.key === 'c')?.action).toEqual({type: 'silence', client: 2});
		const noLeader = orderMode.apply(state, {type: 'crash-leader'});
		expect(orderMode.menu(noLeader, 'faults', ui).items.find(item => item.key === 'l')?.disabled).toBe('the consensus panel has no leader now');
		expect(orderMode.menu(state, 'message', ui).items[2]?.label).toBe('drop the next message to R2');
	});

	it('its hints follow the state', () => {
		const crashed = orderMode.apply(state, {type: 'crash-sequencer'});
		expect(orderMode.hints(crashed, ui).find(hint => hint.keys === 'k')?.label).toBe('restart Q');
		expect(orderMode.help(state).map(entry => (typeof entry === 'string' ? entry : entry.join('  '))).join('\n')).toMatch(/heartbeats/);
	});
});

describe('order: the panel checks row', () => {
	const broken: PanelSummary = {
		arch: 'none',
		agreement: {agree: false, text: 'R3≠R2 at #123', brief: 'R3≠R2'},
		fifo: {kept: false, text: 'R2: C100 before C99', brief: 'R2'},
		stalled: [],
		latency: undefined,
		perInput: undefined,
	};

	it('shortens in rank order and never cuts a verdict, down to the narrowest panel', () => {
		const seen = new Set<string>();
		for (let width = 45; width >= 16; width--) {
			const text = lineText(checksLine(broken, width));
			expect(cellWidth(text), `width ${width}`).toBeLessThanOrEqual(width);
			expect(text).not.toMatch(/…/);
			expect(text).toMatch(/^✗ R3≠R2( at #123)?  ✗ FIFO( R2(: C100 before C99)?)?$/);
			seen.add(text);
		}

		expect([...seen]).toEqual(['✗ R3≠R2 at #123  ✗ FIFO R2: C100 before C99', '✗ R3≠R2  ✗ FIFO R2: C100 before C99', '✗ R3≠R2  ✗ FIFO R2', '✗ R3≠R2  ✗ FIFO']);
	});
});
