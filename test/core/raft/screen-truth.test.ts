/**
 * What the Raft screen says is true (issue 17, items 13–16, 18): a refused
 * client reply reads as a refusal, a follower's column shows its own belief,
 * a leader's count says what it knows, and counts are spelled right.
 */
import {describe, expect, it} from 'vitest';
import {lineText, type Screen} from '../../../source/core/engine/screen.js';
import {parseRaftConfig} from '../../../source/core/raft/config.js';
import {handleNextEvent} from '../../../source/core/raft/engine.js';
import {raftMode} from '../../../source/core/raft/mode.js';
import {inFlight} from '../../../source/core/raft/queries.js';
import type {RaftState} from '../../../source/core/raft/types.js';
import {act, raft, until} from './helpers.js';

type Shown = Extract<Screen, {kind: 'screen'}>;

function show(state: RaftState, columns: number, bodyRows: number): Shown {
	const screen = raftMode.view(state, {columns, bodyRows, cursor: 0, selected: 0});
	if (screen.kind !== 'screen') throw new Error(screen.reason);
	return screen;
}

function handleUntil(state: RaftState, done: (state: RaftState) => boolean, limit = 10_000): RaftState {
	let current = state;
	for (let i = 0; i < limit && !done(current); i++) current = handleNextEvent(current);
	if (!done(current)) throw new Error('not reached');
	return current;
}

/** S3 leads term 1 and every server knows it. */
function settled(): RaftState {
	return handleUntil(until(raft({seed: '7'}), 'leader S3'), state => state.servers.every(server => server.leaderId === 2));
}

const refusedReplyInFlight = (state: RaftState) => inFlight(state).some(({message}) => message.body.type === 'ClientReply' && !message.body.ok);

describe('item 13: a refused client reply', () => {
	// S3 leads; a request sent to S1 is refused with "try S3".
	const sent = act(settled(), {type: 'request', server: 0});

	it('is listed as refused in the grid of messages in flight, not as an ack', () => {
		const state = handleUntil(sent, refusedReplyInFlight);
		const grid = show(state, 80, 17).extra!.map(row => lineText(row)).join('\n');
		expect(grid).toMatch(/S1→client refused #1/);
		expect(grid).not.toMatch(/S1→client ack/);
	});

	it('is drawn as a refusal in the space-time diagram', () => {
		const state = handleUntil(sent, current => current.last.kind === 'deliver' && current.last.message?.body.type === 'ClientReply');
		expect(state.last.text).toMatch(/S1→client #1 refused: try S3/);
		const ladder = show(state, 120, 33).extra!.map(row => lineText(row));
		// A refusal, not a delivery: dotted, ending in ⊘ at the client.
		expect(ladder.some(line => /⊘┄*(refused#1|✗#1)┄*•/.test(line))).toBe(true);
		expect(ladder.some(line => /◀─*(refused#1|✗#1)─*•/.test(line))).toBe(false);
		expect(ladder.join('\n')).not.toMatch(/ack#1/);
	});
});

describe('item 15: after the leader crashes', () => {
	it("each follower's column shows its own belief (it still follows S3) until its timer fires; the decision line says there is no leader", () => {
		const crashed = act(settled(), {type: 'crash', server: 2});
		const screen = show(crashed, 80, 17);
		const boxes = screen.panels[0]!.columns;
		for (const id of [0, 1, 3, 4]) expect(lineText(boxes[id]!.lines[4]!)).toMatch(/follows S3|→S3/);
		expect(lineText(screen.decision[0]!)).toMatch(/^○ no leader/);
	});
});

describe("item 16: a leader's count of who holds an entry", () => {
	it('the commit says the count is what the leader knows', () => {
		let state = until(raft({seed: '7'}), 'leader S3');
		state = act(state, {type: 'request'});
		state = handleUntil(state, current => /commits up to index 1/.test(current.last.text));
		expect(state.last.text).toMatch(/S3 commits up to index 1 \(it knows [3-5] of 5 servers hold it\)/);
	});

	it("a new leader's entries that it knows are committed do not read '✓ 1/5'", () => {
		let state = until(raft({seed: '7'}), 'leader S3');
		state = act(state, {type: 'request'}, {type: 'request'});
		state = until(state, 'commit 2');
		state = handleUntil(state, current => current.servers.every(server => server.commitIndex === 2));
		state = act(state, {type: 'crash', server: 2});
		state = handleUntil(state, current => current.servers.some(server => server.role === 'leader'));
		const leader = state.servers.find(server => server.role === 'leader')!;
		expect(leader.commitIndex).toBe(2);
		const box = show(state, 120, 33).panels[0]!.columns[leader.id]!;
		const rows = box.lines.map(row => lineText(row)).filter(text => /^\s*\d+ t1/.test(text));
		expect(rows).toHaveLength(2);
		for (const row of rows) {
			expect(row).toMatch(/✓/);
			expect(row).not.toMatch(/✓ [12]\/5/);
		}
	});
});

describe('item 18: counts spelled right', () => {
	it('a crash and a restart with one log entry say "1 log entry"', () => {
		let state = until(raft({seed: '7'}), 'leader S3');
		state = act(state, {type: 'request'});
		state = until(state, 'commit 1');
		state = act(state, {type: 'crash', server: 0});
		expect(state.last.text).toMatch(/, 1 log entry;/);
		state = act(state, {type: 'restart', server: 0});
		expect(state.last.text).toMatch(/with its 1 log entry;/);
		const crashed = act(state, {type: 'crash', server: 0});
		expect(lineText(show(crashed, 120, 33).panels[0]!.columns[0]!.lines[4]!)).toBe('on disk: 1 entry');
	});
});

describe('item 14: the space-time diagram marks drops and actions', () => {
	/** The diagram's rows (after its header) at 120×40. */
	function ladderRows(state: RaftState): string[] {
		const extra = show(state, 120, 33).extra!.map(row => lineText(row));
		const header = extra.findIndex(row => /client\s+S1\s+S2/.test(row));
		return extra.slice(header + 1, -1).map(row => row.slice(row.indexOf('  ', 50)));
	}

	it('a message dropped by hand ends in ╳ on its row, dotted (a lost one ends in ✗)', () => {
		const state = act(settled(), {type: 'request'});
		const message = inFlight(state)[0]!.message;
		const dropped = act(state, {type: 'drop', pick: {by: 'id', id: message.id}});
		const last = ladderRows(dropped).at(-1)!;
		expect(last).toMatch(/[•╳]┈*(drop )?\S*┈*[•╳]/);
		expect(last).toContain('╳');
	});

	it('an action row says what the action was', () => {
		let state = act(settled(), {type: 'crash', server: 2});
		expect(ladderRows(state).at(-1)).toContain('[crash S3]');
		state = act(state, {type: 'partition', groups: [[0, 1]]});
		expect(ladderRows(state).at(-1)).toMatch(/\[partition S1 S2 \| S3 S4 S5\]/);
		state = act(state, {type: 'heal'});
		expect(ladderRows(state).at(-1)).toContain('[heal]');
	});

	it('no row of the diagram is left with only a time', () => {
		let state = act(settled(), {type: 'loss', probability: 0.3}, {type: 'request'}, {type: 'slow', ms: 20});
		for (let i = 0; i < 40; i++) {
			state = raftMode.advance(state, 1);
			if (i % 7 === 3) state = act(state, {type: 'drop', pick: {by: 'next'}});
			if (i % 11 === 5) state = act(state, {type: 'timeout', server: i % 5});
		}

		for (const row of ladderRows(state)) expect(row.replaceAll(/[\s│┆]/g, '').replace(/^\d+/, '')).not.toBe('');
	});
});

describe('item 17: verdicts read whole at 80×24', () => {
	it('the last event line keeps its outcome: a heartbeat that also commits names the message in short rather than cut "its election timer starts again"', () => {
		let state = act(settled(), {type: 'request'});
		state = handleUntil(state, current => current.last.kind === 'deliver' && /learns entries up to 1 are committed/.test(current.last.text));
		expect(state.last.text.length).toBeGreaterThan(2 * 68);
		const rows = show(state, 80, 17).events.slice(0, 2).map(row => lineText(row));
		const shown = rows.join(' ').replaceAll(/\s+/g, ' ');
		expect(shown).not.toContain('…');
		expect(shown).toContain('accepts; its election timer starts again');
		expect(shown).toContain('learns entries up to 1 are committed');
	});

	it('the decision line keeps the network when it matters: a stale leader in a minority and the partition', () => {
		let state = settled();
		state = act(state, {type: 'partition', groups: [[2, 3]]});
		state = handleUntil(state, current => current.servers.some(server => server.role === 'leader' && server.id !== 2));
		const decision = lineText(show(state, 80, 17).decision[0]!);
		expect(decision).toMatch(/^★ S\d leads/);
		expect(decision).toMatch(/S3 still leads/);
		expect(decision).toMatch(/partition S1 S2 S5 ?\| ?S3 S4$/);
		expect(decision).not.toContain('…');
		expect(decision.length).toBeLessThanOrEqual(79);
	});

	it("the safety lab's menu reads whole in an 80-column overlay (76 cells a row), bugs on and off", () => {
		for (const bugs of [[], ['old-term-commit', 'no-up-to-date-check', 'forget-vote', 'truncate-always', 'fixed-timeout', 'half-quorum', 'apply-uncommitted', 'stale-append']]) {
			const menu = raftMode.menu(raft({bug: bugs}), 'bugs', {selected: 0, cursor: 0});
			for (const item of menu.items) expect(`${item.key}  ${item.label}`.length, item.label).toBeLessThanOrEqual(76);
		}
	});
});

describe('item 18: the heartbeat warning and Figure 7', () => {
	it('a heartbeat not well below the election timeout gets a warning (stderr through the mode, and the decision line); the default does not', () => {
		expect(raftMode.warnings!(parseRaftConfig({}))).toEqual([]);
		expect(raftMode.warnings!(parseRaftConfig({heartbeat: '75'}))).toEqual([]);
		const [warning, ...rest] = raftMode.warnings!(parseRaftConfig({heartbeat: '400'}));
		expect(rest).toEqual([]);
		expect(warning).toMatch(/^--heartbeat 400 is not well below the election timeout \(150–300 ms\).*use at most 75 ms$/);
		const state = raft({heartbeat: '400'});
		expect(lineText(show(state, 120, 33).decision[0]!)).toContain('⚠ heartbeat 400 ms is not well below the 150–300 ms timeouts');
		expect(lineText(show(state, 80, 17).decision[0]!)).toMatch(/⚠ heartbeat 400 ms/);
	});

	it("Figure 7's seven columns at 100×34 show whole roles (the glyph alone where the word does not fit) and their labels (a)–(f)", () => {
		const state = raft({servers: '7', election: '5000-6000', heartbeat: '1000', labels: ',a,b,c,d,e,f'});
		for (const bodyRows of [25, 27]) {
			const titles = show(state, 100, bodyRows).panels[0]!.columns.map(column => lineText(column.title!).trim());
			expect(titles.join(' ')).not.toContain('…');
			expect(titles).toEqual(['▸S1 ●', 'S2 (a) ●', 'S3 (b) ●', 'S4 (c) ●', 'S5 (d) ●', 'S6 (e) ●', 'S7 (f) ●']);
		}

		const unlabelled = show(raft({servers: '7'}), 100, 25).panels[0]!.columns.map(column => lineText(column.title!).trim());
		expect(unlabelled.join(' ')).not.toContain('…');
		expect(unlabelled[1]).toBe('S2 ●');
	});

	it('--labels is checked: at most one label a server, short, no spaces or brackets', () => {
		expect(parseRaftConfig({servers: '3', labels: 'x,y'}).labels).toEqual(['x', 'y']);
		expect(parseRaftConfig({labels: ',,'}).labels).toBeUndefined();
		expect(() => parseRaftConfig({servers: '3', labels: 'a,b,c,d'})).toThrow('--labels names 4 columns, but there are 3 servers');
		expect(() => parseRaftConfig({labels: 'toolonglabel'})).toThrow(/not a short label/);
		expect(() => parseRaftConfig({labels: '(a)'})).toThrow(/not a short label/);
	});
});
