import {describe, expect, it} from 'vitest';
import {actionForKey} from '../../../source/core/engine/keys.js';
import {bodyRowsOf, lineText, type Screen} from '../../../source/core/engine/screen.js';
import {createSession, sessionStep} from '../../../source/core/engine/session.js';
import {cellWidth} from '../../../source/core/engine/text.js';
import {diagramLines} from '../../../source/core/net/view/diagram.js';
import {orderMode} from '../../../source/core/order/mode.js';
import type {OrderState} from '../../../source/core/order/types.js';
import {handleNextEvent} from '../../../source/core/raft/engine.js';
import {raftMode} from '../../../source/core/raft/mode.js';
import {currentLeader} from '../../../source/core/raft/queries.js';
import type {RaftState} from '../../../source/core/raft/types.js';
import {act, raft, until} from '../raft/helpers.js';
import {handRun, runTo, verb} from '../order/helpers.js';

/** The body rows the shell leaves at 80×24 with no caption. */
function body80x24(mode: {eventRows: number; decisionRows: number}): number {
	return bodyRowsOf({columns: 80, rows: 24, captionRows: 0}, mode.eventRows, mode.decisionRows);
}

function diagramRows(screen: Screen, bodyRows: number): string[] {
	if (screen.kind !== 'screen') throw new Error(screen.reason);
	expect(screen.panels).toEqual([]);
	const rows = (screen.extra ?? []).map(row => lineText(row));
	expect(rows.length).toBeLessThanOrEqual(bodyRows);
	for (const row of rows) expect(cellWidth(row)).toBeLessThanOrEqual(80);
	return rows;
}

/** Seed 7, three servers: a request sent to a follower is refused, a message is dropped, the leader is isolated. */
function raftRun(): RaftState {
	let state = until(raft({seed: '7', servers: '3'}), 'leader');
	const leader = currentLeader(state)!;
	state = act(state, {type: 'request', server: (leader + 1) % 3});
	while (!(state.last.message?.body.type === 'ClientReply' && !state.last.message.body.ok)) state = handleNextEvent(state);
	state = act(state, {type: 'drop', pick: {by: 'next'}});
	return act(state, {type: 'partition', groups: [[leader]]});
}

describe('the space-time diagram at 80×24 (v)', () => {
	it('raft, seed 7: a refused reply ends in ⊘, a dropped message in ╳, an action is named on its row', () => {
		const state = raftRun();
		const bodyRows = body80x24(raftMode);
		const rows = diagramRows(raftMode.view(state, {columns: 80, bodyRows, selected: 0, cursor: 0, diagram: true}), bodyRows);
		expect(rows[0]).toMatch(/ms\s+client\s+S1\s+S2\s+S3/);
		const leader = `S${currentLeader(state)! + 1}`;
		const rest = ['S1', 'S2', 'S3'].filter(name => name !== leader).join(' ');
		expect(rows.filter(row => /^\s+\d+ .*•┄+refused#1┄+⊘/.test(row) || /^\s+\d+ .*⊘┄+refused#1┄+•/.test(row))).toHaveLength(1);
		expect(rows.filter(row => /╳/.test(row) && /┈drop [^┈]+┈/.test(row))).toHaveLength(1);
		expect(rows.filter(row => row.includes(`[partition ${leader} | ${rest}]`))).toHaveLength(1);
		// The last row is the message in flight under the cursor, so that [ ] d g work in the diagram too.
		expect(rows.at(-1)).toMatch(/^in flight \d+ · /);
	});

	it('raft: without v the body shows the columns, and no diagram at 80×24', () => {
		const bodyRows = body80x24(raftMode);
		const screen = raftMode.view(raftRun(), {columns: 80, bodyRows, selected: 0, cursor: 0});
		if (screen.kind !== 'screen') throw new Error(screen.reason);
		expect(screen.panels[0]!.columns).toHaveLength(3);
		expect(screen.extra!.some(row => /[⊘╳▶◀]/.test(lineText(row)))).toBe(false);
	});

	it('order, seed 1: the sequencer panel\'s diagram marks a drop (╳) and the crash of Q', () => {
		let state: OrderState = verb(handRun(), 'send A');
		state = runTo(state, state.time + 15);
		state = verb(state, 'drop sequencer');
		state = verb(state, 'crash sequencer');
		const bodyRows = body80x24(orderMode);
		const rows = diagramRows(orderMode.view(state, {columns: 80, bodyRows, selected: 1, cursor: 0, diagram: true}), bodyRows);
		expect(rows[0]).toMatch(/^▸2 fixed sequencer/);
		expect(rows[1]).toMatch(/ms\s+A\s+B\s+C\s+Q\s+R1\s+R2\s+R3/);
		expect(rows.filter(row => /•─+A1─+▶/.test(row))).toHaveLength(1);
		expect(rows.filter(row => /•┈+(drop )?#1 A1┈+╳/.test(row))).toHaveLength(1);
		expect(rows.filter(row => row.includes('[crash the sequencer Q]'))).toHaveLength(1);
	});

	it('draws any mode\'s lanes and rows: names come from the mode (a Paxos-like P1 A1 A2)', () => {
		const lanes = {ids: [0, 1, 2], names: ['P1', 'A1', 'A2']};
		const rows = diagramLines(lanes, [
			{time: 5, arrows: [{from: 0, to: 1, end: 'arrived', labels: ['Prepare 1.1', 'P1.1']}], glyphs: []},
			{time: 9, arrows: [{from: 2, to: 0, end: 'refused', labels: ['Nack 2.1']}], glyphs: []},
			{time: 9, arrows: [{from: 0, to: 2, end: 'lost', labels: ['Accept']}], glyphs: []},
			{time: 12, arrows: [{from: 0, to: 1, end: 'dropped', labels: ['drop Accept', 'Accept']}], glyphs: []},
			{time: 15, arrows: [], glyphs: [{node: 2, glyph: '!'}], action: ['crash A2', 'crash']},
		], 40, 6).map(row => lineText(row));
		// 11 cells a lane: "Prepare 1.1" does not fit between P1 and A1, so its shorter label is drawn.
		expect(rows).toEqual([
			'    ms     P1         A1         A2     ',
			'     5      •───P1.1───▶          │     ',
			'     9      ⊘┄┄┄┄┄┄Nack 2.1┄┄┄┄┄┄┄•     ',
			'     9      •───────Accept────────✗     ',
			'    12      •┈┈Accept┈┈╳          │     ',
			'    15      │          │[crash A2]!     ',
		]);
	});

	it('v switches the body, and back; the hint row names it', () => {
		let session = createSession(raftMode, raftRun(), {paused: true});
		const press = () => {
			const action = actionForKey(session, {input: 'v'} as Parameters<typeof actionForKey>[1]);
			if (action === undefined || action === 'quit') throw new Error('v does nothing');
			session = sessionStep(session, action);
		};

		expect(raftMode.hints(session.sim, session).find(hint => hint.keys === 'v')?.label).toBe('diagram');
		press();
		expect(session.diagram).toBe(true);
		expect(raftMode.hints(session.sim, session).find(hint => hint.keys === 'v')?.label).toBe('columns');
		press();
		expect(session.diagram).toBe(false);
	});
});
