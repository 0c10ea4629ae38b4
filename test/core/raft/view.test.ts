import {describe, expect, it} from 'vitest';
import {lineText, type Screen} from '../../../source/core/engine/screen.js';
import {upcomingText} from '../../../source/core/raft/describe.js';
import {raftMode} from '../../../source/core/raft/mode.js';
import type {RaftState} from '../../../source/core/raft/types.js';
import {act, raft, until} from './helpers.js';
import {screenText} from '../../helpers/screen-text.js';

type Shown = Extract<Screen, {kind: 'screen'}>;

function show(state: RaftState, columns: number, bodyRows: number, cursor = 0, selected = 0): Shown {
	const screen = raftMode.view(state, {columns, bodyRows, cursor, selected});
	if (screen.kind !== 'screen') throw new Error(screen.reason);
	return screen;
}

/** S3 leads term 1 with three entries committed; S5 is down and missed the last two. */
function busy(): RaftState {
	let state = until(raft({seed: '7'}), 'leader S3');
	state = act(state, {type: 'request'});
	state = until(state, 'applied 1');
	state = act(state, {type: 'crash', server: 4}, {type: 'request'}, {type: 'request'});
	state = until(state, 'commit 3');
	return until(state, 'in-flight S3->S1');
}

describe('the Raft screen', () => {
	// The shell's body: rows − 1 − header − hints − event rows − decision rows − caption rows (0 to 2).
	for (const [columns, rows, bodyRows] of [
		[80, 24, 17],
		[80, 24, 15],
		[120, 40, 33],
	] as const) {
		it(`fits ${columns}×${rows} with a body of ${bodyRows} rows: event and decision rows as declared, boxes and extra lines within the body`, () => {
			const screen = show(busy(), columns, bodyRows);
			expect(screen.events).toHaveLength(raftMode.eventRows);
			expect(screen.decision).toHaveLength(raftMode.decisionRows);
			const boxes = screen.panels.flatMap(panel => panel.columns);
			expect(boxes).toHaveLength(5);
			expect(boxes.reduce((sum, box) => sum + box.width, 0)).toBeLessThanOrEqual(columns);
			expect(screen.columnHeight + (screen.extra?.length ?? 0)).toBeLessThanOrEqual(bodyRows);
			for (const box of boxes) {
				expect(box.lines.length).toBe(screen.columnHeight - 3);
				for (const row of [box.title, ...box.lines]) expect(lineText(row).length).toBeLessThanOrEqual(box.width - 2);
			}

			for (const row of screen.extra ?? []) expect(lineText(row).length).toBeLessThanOrEqual(columns);
		});
	}

	it('log rows are aligned by index: a row shows the same log index in every column that has it', () => {
		const screen = show(busy(), 80, 17);
		const boxes = screen.panels[0]!.columns;
		const logStart = 5;
		for (let row = logStart; row < boxes[0]!.lines.length; row++) {
			const indexes = boxes.map(box => /^\s*(\d+) t\d/.exec(lineText(box.lines[row]!))?.[1]).filter(index => index !== undefined);
			expect(new Set(indexes).size).toBeLessThanOrEqual(1);
		}

		const s1 = boxes[0]!.lines.slice(logStart).map(row => lineText(row).trim()).filter(text => text !== '');
		expect(s1.map(text => text.split(' ')[0])).toEqual(['1', '2', '3']);
		expect(lineText(boxes[4]!.lines[logStart]!)).toMatch(/^1 t1 .*/);
		expect(lineText(boxes[4]!.lines[logStart + 1]!).trim()).toBe('');
	});

	it('columns show role, term and vote, the timer, commit and applied, the state machine, and the leader\'s view of each follower', () => {
		const state = busy();
		const boxes = show(state, 120, 32).panels[0]!.columns;
		expect(lineText(boxes[2]!.title)).toContain('★ leader');
		expect(lineText(boxes[0]!.title)).toContain('● follower');
		expect(lineText(boxes[4]!.title)).toContain('○ crashed');
		expect(lineText(boxes[0]!.lines[0]!)).toBe('term 1 · voted S3');
		expect(lineText(boxes[0]!.lines[1]!)).toMatch(/^timer █+░*\s+\d+ms$/);
		expect(lineText(boxes[2]!.lines[1]!)).toMatch(/^♥ heartbeat in \d+ ms$/);
		expect(lineText(boxes[2]!.lines[2]!)).toBe('commit 3 · applied 3');
		expect(lineText(boxes[2]!.lines[3]!)).toBe(state.model.summary(state.servers[2]!.machine));
		expect(lineText(boxes[4]!.lines[2]!)).toMatch(/lost/);
		const leader = state.servers[2]!;
		expect(lineText(boxes[0]!.lines[4]!)).toBe(`S3: next ${leader.nextIndex[0]} match ${leader.matchIndex[0]}`);
		const leaderLog = boxes[2]!.lines.map(row => lineText(row)).filter(text => /^\s*\d+ t1/.test(text));
		expect(leaderLog[0]).toMatch(/✓ 5\/5$/);
		expect(leaderLog[2]).toMatch(/✓ 4\/5$/);
	});

	it('at 80 columns, five servers: a pre-candidate\'s title names its role, as a candidate\'s does', () => {
		const state = until(act(raft({seed: '7', prevote: true}), {type: 'timeout', server: 4}), 'role S5 pre-candidate');
		const boxes = show(state, 80, 17).panels[0]!.columns;
		expect(lineText(boxes[4]!.title).trim()).toBe('S5 ◌ pre-cand');
	});

	it('the event lines say what just happened and what happens next; the decision line who leads', () => {
		const state = busy();
		const screen = show(state, 200, 32);
		const text = screen.events.map(row => lineText(row));
		expect(text[0]).toContain(state.last.text.slice(0, 40));
		expect(text[2]).toBe(`next t=${state.queue.items[0]!.time} ${upcomingText(state.queue.items[0]!.event, state.model)}`);
		expect(text[2]).toMatch(/ arrives$/);
		expect(lineText(screen.decision[0]!)).toBe('★ S3 leads term 1 · commit 3 · majority 3 of 5 · network whole');
		expect(screen.position).toBe(`t=${state.time}ms #${state.events}`);
	});

	it('the next line says when the next message will be lost, and why', () => {
		let state = until(raft({seed: '7'}), 'leader S3');
		state = act(state, {type: 'loss', probability: 1});
		const doomedNext = (next: typeof state) => {
			const {event} = next.queue.items[0]!;
			return event.kind === 'deliver' && event.message.doomed;
		};

		while (!doomedNext(state)) state = raftMode.advance(state, 1);
		expect(lineText(show(state, 200, 32).events[2]!)).toMatch(/^next t=\d+ S\d→S\d .* — lost on the way$/);
		state = act(raft({seed: '7'}), {type: 'crash', server: 1}, {type: 'request', server: 1});
		expect(lineText(show(state, 200, 32).events[2]!)).toMatch(/^next t=\d+ client→S2 request #1 .* — lost: S2 is down$/);
	});

	it('lists the messages in flight, highlights the cursor\'s, and describes it in full', () => {
		const state = busy();
		const count = raftMode.cursorCount!(state);
		expect(count).toBeGreaterThan(1);
		const screen = show(state, 80, 16, 1);
		const extra = screen.extra!;
		expect(lineText(extra[0]!)).toMatch(new RegExp(`^in flight ${count} · ▸ #\\d+ `));
		const highlighted = extra.flat().filter(part => part.inverse);
		expect(highlighted).toHaveLength(1);
		expect(highlighted[0]!.text).toMatch(/^▸S\d→/);
		const wide = show(state, 120, 32, 1);
		expect(wide.extra!.flat().filter(part => part.inverse)).toHaveLength(1);
	});

	it('draws a space-time ladder at 120×40, not at 80×24', () => {
		const state = busy();
		const wide = show(state, 120, 32).extra!.map(row => lineText(row));
		expect(wide.some(row => /client\s+S1\s+S2\s+S3\s+S4\s+S5/.test(row))).toBe(true);
		expect(wide.some(row => /[▶◀]/.test(row))).toBe(true);
		const narrow = show(state, 80, 16).extra!.map(row => lineText(row));
		expect(narrow.some(row => /[▶◀]/.test(row))).toBe(false);
	});

	it('says plainly when the terminal is too small', () => {
		const narrow = raftMode.view(raft(), {columns: 50, bodyRows: 16, cursor: 0, selected: 0});
		expect(narrow).toEqual({kind: 'too-small', reason: '5 servers need a terminal at least 60 columns wide (this one has 50)'});
		expect(raftMode.view(raft(), {columns: 80, bodyRows: 8, cursor: 0, selected: 0}).kind).toBe('too-small');
		expect(raftMode.view(raft({servers: '7'}), {columns: 84, bodyRows: 16, cursor: 0, selected: 0}).kind).toBe('screen');
	});

	it('renders as text (the sample in the report)', () => {
		const rows = screenText(show(busy(), 80, 17, 0, 1), 80);
		expect(rows.length).toBe(1 + 3 + 17 + 1);
		expect(rows.every(row => [...row].length <= 80)).toBe(true);
	});
});
