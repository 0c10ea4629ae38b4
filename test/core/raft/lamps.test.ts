import {describe, expect, it} from 'vitest';
import {replayAll} from '../../../source/core/engine/history.js';
import {lineText, type Screen} from '../../../source/core/engine/screen.js';
import {createSession, sessionStep, type Session} from '../../../source/core/engine/session.js';
import {raftMode} from '../../../source/core/raft/mode.js';
import {raftReport} from '../../../source/core/raft/report.js';
import {bugNames, type RaftState} from '../../../source/core/raft/types.js';
import {act, deliver, raft, until} from './helpers.js';

type Shown = Extract<Screen, {kind: 'screen'}>;

function show(state: RaftState, columns = 80, bodyRows = 17): Shown {
	const screen = raftMode.view(state, {columns, bodyRows, cursor: 0, selected: 0});
	if (screen.kind !== 'screen') throw new Error(screen.reason);
	return screen;
}

/** The header row as the shell draws it with its separators: " raft · FIELDS · SPEED", the badges, " ‖ PAUSED POSITION ". */
function headerWidth(screen: Shown, speed = '5000 ms/s', run = '▶ RUNNING'): number {
	const left = ` ${['raft', ...screen.header, speed].join(' · ')}`;
	const badges = lineText(screen.badges ?? []);
	return [...left].length + [...badges].length + [...` ${run} ${screen.position} `].length;
}

/** Three servers with forget-vote, about to elect a second leader of term 1. */
function twoLeadersAhead(): RaftState {
	let state = act(raft({servers: '3', bug: ['forget-vote'], election: '3000-4000'}), {type: 'cut', from: 0, to: 1}, {type: 'timeout', server: 0});
	state = until(state, 'leader S1');
	return act(state, {type: 'crash', server: 2}, {type: 'restart', server: 2}, {type: 'timeout', server: 1});
}

function run(session: Session, ticks: number): Session {
	let current = sessionStep(session, {type: 'toggle-pause'});
	for (let i = 0; i < ticks && !current.paused; i++) current = sessionStep(current, {type: 'tick', ms: 50});
	return current;
}

describe('the lamps', () => {
	it('five lamps, each a glyph and a colour: ✓ green while a property holds, ✗ red once it breaks', () => {
		const green = show(until(raft({seed: '7'}), 'leader'));
		expect(lineText(green.badges!)).toBe(' ✓ES ✓LA ✓LM ✓LC ✓SM');
		expect(green.badges!.filter(part => part.text.startsWith('✓')).every(part => part.tone === 'good')).toBe(true);
		const red = show(raftMode.runUntil(twoLeadersAhead(), 1e9, 1000).state);
		expect(lineText(red.badges!)).toContain('✗ES ✓LA ✓LM ✓LC ✓SM');
		expect(red.badges!.find(part => part.text === '✗ES')).toMatchObject({tone: 'bad', bold: true});
	});

	it('a running session pauses at the violation, says why, marks the servers it names, and states the counterexample', () => {
		const session = run(createSession(raftMode, twoLeadersAhead(), {paused: true}), 200);
		const state = session.sim as RaftState;
		expect(session.paused).toBe(true);
		expect(state.safety.fresh.map(violation => violation.property)).toEqual(['ES']);
		expect(raftMode.haltReason!(state)).toBe(`✗ ES: S1 and S2 were both elected leader of term 1 (event ${state.events})`);
		const screen = show(state);
		const columns = screen.panels[0]!.columns;
		expect(columns.map(column => column.borderTone)).toEqual(['bad', 'bad', undefined]);
		expect(lineText(columns[0]!.title)).toMatch(/^.S1✗ ★ leader/);
		expect(screen.extra!.map(row => lineText(row)).at(-1)).toBe(`✗ ES Election Safety: S1 and S2 were both elected leader of term 1 (event ${state.events})`);
	});

	it('the offending log row is marked in each column the violation names, and only there', () => {
		let state = until(raft({servers: '3', seed: '7'}), 'leader S3');
		state = act(state, {type: 'request', server: 2});
		state = until(state, 'applied 1 on S3');
		expect(show(state).panels[0]!.columns.every(column => column.borderTone === undefined)).toBe(true);
		// A forged leader of term 9 makes S1 apply another entry at index 1: State Machine Safety, S3 and S1, index 1.
		state = deliver(state, 1, 0, {type: 'AppendEntries', term: 9, prevLogIndex: 0, prevLogTerm: 0, entries: [{term: 9, request: 42, input: {kind: 'deposit', amount: 5}}], leaderCommit: 1});
		expect(state.safety.broken.SM).toMatchObject({servers: [2, 0], index: 1});
		const columns = show(state).panels[0]!.columns;
		expect(columns.map(column => column.borderTone)).toEqual(['bad', undefined, 'bad']);
		const row = (column: number) => columns[column]!.lines.find(line => /^\s*1 t\d/.test(lineText(line)))!;
		for (const marked of [0, 2]) {
			expect(lineText(row(marked))).toMatch(/✗/);
			expect(row(marked).filter(part => part.text.includes('✗')).every(part => part.tone === 'bad')).toBe(true);
		}

		expect(lineText(row(1))).not.toMatch(/✗/);
	});

	it('step back undoes the violation (the lamp turns green), step forward brings it back, and a replay from the seed gives the same verdict', () => {
		const halted = run(createSession(raftMode, twoLeadersAhead(), {paused: true}), 200);
		const state = halted.sim as RaftState;
		const back = sessionStep(halted, {type: 'back'});
		expect((back.sim as RaftState).safety.broken).toEqual({});
		expect(lineText(show(back.sim as RaftState).badges!)).toContain('✓ES');
		const forward = sessionStep(back, {type: 'step'});
		expect(raftReport(forward.sim as RaftState)).toEqual(raftReport(state));
		expect(raftReport(replayAll(halted.history, raftMode) as RaftState)).toEqual(raftReport(state));
	});

	it('the lamps and the bugs fit an 80-column header with its · separators, dropping the least useful fields first', () => {
		const plain = show(until(raft({seed: '3'}), 'leader'), 80);
		expect(plain.header).toEqual(['seed 3']);
		expect(headerWidth(plain)).toBeLessThanOrEqual(80);
		const late = raftMode.advance(raft({seed: '3', bug: ['no-up-to-date-check'], prevote: true}), 20_000);
		const screen = show(late, 80);
		expect(headerWidth(screen)).toBeLessThanOrEqual(80);
		expect(lineText(screen.badges!)).toMatch(/^ ⚠(bug )?no-up-to-date-check ✓ES/);
		expect(show(late, 200).header).toEqual(['5 servers', 'bank', 'seed 3', 'prevote']);
		expect(show(late, 200).position).toBe(`t=${late.time}ms #${late.events}`);
		const many = raft({seed: '3', bug: [...bugNames]});
		expect(headerWidth(show(many, 80))).toBeLessThanOrEqual(80);
		expect(lineText(show(many, 80).badges!)).toMatch(/^ ⚠8 bugs ✓ES/);
	});
});

describe('bugs switched on and off while running', () => {
	it('B opens the safety lab menu; an item switches a bug, and the header says so', () => {
		const state = until(raft({seed: '7'}), 'leader');
		const ui = {selected: 0, cursor: 0};
		expect(raftMode.keyAction(state, {input: 'B'}, ui)).toEqual({menu: 'bugs'});
		const menu = raftMode.menu(state, 'bugs', ui);
		expect(menu.items.map(item => item.key)).toEqual([...bugNames.map((_, i) => String(i + 1)), 'p', 'o']);
		expect(menu.items[0]).toMatchObject({action: {type: 'bug', bug: 'old-term-commit', on: true}});
		expect(menu.items[0]!.label).toMatch(/^· off old-term-commit \(LC SM\): /);
		const on = raftMode.apply(state, menu.items[0]!.action!);
		expect(on.config.bugs).toEqual(['old-term-commit']);
		expect(on.last.text).toMatch(/^bug old-term-commit on: a leader commits an entry of an earlier term/);
		expect(lineText(show(on, 120).badges!)).toMatch(/⚠ bug old-term-commit/);
		expect(raftMode.menu(on, 'bugs', ui).items[0]!.label).toMatch(/^✓ on  old-term-commit/);
		const off = raftMode.apply(on, raftMode.menu(on, 'bugs', ui).items[0]!.action!);
		expect(off.config.bugs).toEqual([]);
		expect(show(off, 120).badges!.some(part => part.text.includes('⚠'))).toBe(false);
	});

	it('PreVote switched on starts the leader\'s quorum checks; off stops them; the back-off rule switches too', () => {
		const state = until(raft({seed: '7'}), 'leader S3');
		expect(state.servers[2]!.electionDeadline).toBeNull();
		const on = raftMode.apply(state, {type: 'prevote', on: true});
		expect(on.config.prevote).toBe(true);
		expect(on.servers[2]!.electionDeadline).toBe(state.time + state.config.electionMax);
		const off = raftMode.apply(on, {type: 'prevote', on: false});
		expect(off.servers[2]!.electionDeadline).toBeNull();
		expect(raftMode.apply(state, {type: 'backoff', backoff: 'term'}).config.backoff).toBe('term');
	});

	it('the half-quorum bug shrinks the quorum the screen shows, and the leader counts to it', () => {
		const state = raftMode.apply(until(raft({seed: '7'}), 'leader'), {type: 'bug', bug: 'half-quorum', on: true});
		expect(lineText(show(state, 200).decision[0]!)).toContain('quorum 2 of 5 (half-quorum bug)');
	});
});

describe('liveness is reported, never as a violation', () => {
	it('with fixed timeouts the decision line counts the time without a leader and the elections; every lamp stays green', () => {
		const state = until(raft({seed: '3', bug: ['fixed-timeout']}), 'time 1000');
		const decision = lineText(show(state, 200).decision[0]!);
		expect(decision).toMatch(/^○ no leader for \d+ ms ⚠ \d+\+? elections in 2 s \(highest term \d+\)/);
		expect(state.safety.broken).toEqual({});
		expect(raftReport(state).safety.liveness.leaderlessMs).toBe(state.time);
		expect(raftReport(state).safety.liveness.electionsInLast2s).toBeGreaterThanOrEqual(30);
	});
});

describe('headless', () => {
	it('the trace marks the event that broke a property; the report gives the verdict', () => {
		const before = twoLeadersAhead();
		const lines: Array<Record<string, unknown>> = [];
		let state = before;
		while (state.safety.broken.ES === undefined) {
			state = raftMode.advance(state, 1);
			lines.push(raftMode.traceLine(state) as Record<string, unknown>);
		}

		expect(lines.slice(0, -1).every(line => !('violations' in line))).toBe(true);
		expect(lines.at(-1)!['violations']).toEqual([
			{property: 'ES', name: 'Election Safety', event: state.events, t: state.time, servers: ['S1', 'S2'], term: 1, text: 'S1 and S2 were both elected leader of term 1', cause: state.last.text},
		]);
		const report = raftReport(state);
		expect(report.safety.safe).toBe(false);
		expect(report.safety.lamps).toEqual({ES: 'red', LA: 'green', LM: 'green', LC: 'green', SM: 'green'});
		expect(report.safety.violations).toEqual(lines.at(-1)!['violations']);
		expect(raftMode.summary(state).split('\n')[2]).toBe('safety ✗ES ✓LA ✓LM ✓LC ✓SM');
		expect(raftMode.summary(state).split('\n')[3]).toBe(`✗ ES Election Safety: S1 and S2 were both elected leader of term 1 (event ${state.events})`);
	});
});
