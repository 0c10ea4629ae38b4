import {describe, expect, it} from 'vitest';
import {lineText, type Screen} from '../../../source/core/engine/screen.js';
import {shortDigest} from '../../../source/core/etcd/digest.js';
import {createEtcdState, observe} from '../../../source/core/etcd/observe.js';
import type {EtcdState} from '../../../source/core/etcd/state.js';
import {etcdDecisionRows, etcdEventRows, etcdView} from '../../../source/core/etcd/view.js';
import {clusterInfo, digestAt, healthy, member, poll} from './fixtures.js';

/** The body rows the shell leaves: header, event rows, decision rows, hints, and the row Ink needs spare. */
const bodyRows = (rows: number) => rows - 1 - etcdEventRows - etcdDecisionRows - 1 - 1;
const view = (state: EtcdState, columns: number, rows: number, selected = 0) => etcdView(state, {columns, bodyRows: bodyRows(rows), selected, cursor: 0});
const screenOf = (screen: Screen) => {
	if (screen.kind !== 'screen') throw new Error(screen.reason);
	return screen;
};

function busy(members: number): EtcdState {
	let state = createEtcdState(clusterInfo(members));
	const first = healthy(300, 1, 2, 40, members);
	// m3 was behind from the start.
	state = observe(state, {...first, members: first.members.map((entry, i) => (i === 2 ? member(2, {term: 2, lead: 1, input: 20, commit: 23}) : entry))});
	const commit = 8 + 40;
	const progress = Array.from({length: members}, (_, i) => ({match: i === 2 ? commit - 25 : commit, next: i === 2 ? commit - 24 : commit + 1, state: i === 2 ? 'probe' : 'replicate'}));
	return observe(
		state,
		poll(
			400,
			Array.from({length: members}, (_, i) => {
				if (i === 0) return member(0, {process: 'down'});
				if (i === 1) return member(1, {role: 'leader', term: 3, commit, input: 40, progress});
				if (i === 2) return member(2, {role: 'follower', term: 3, lead: 1, commit: commit - 25, input: 20});
				return member(i, {role: 'follower', term: 3, lead: 1, commit, input: 40});
			}),
			{faults: {partition: [[0], Array.from({length: members - 1}, (_, i) => i + 1)], delays: [{a: 2, ms: 200}]}, notes: [{text: 'killed m1 (SIGKILL to pid 7)'}]},
		),
	);
}

describe('etcd view: layout', () => {
	for (const members of [3, 5]) {
		for (const [columns, rows] of [[80, 24], [120, 40]] as const) {
			it(`${members} members fit ${columns}×${rows}`, () => {
				const screen = screenOf(view(busy(members), columns, rows));
				const boxes = screen.panels.flatMap(panel => panel.columns);
				expect(boxes).toHaveLength(members);
				expect(boxes.reduce((sum, box) => sum + box.width, 0)).toBeLessThanOrEqual(columns);
				expect(screen.columnHeight + (screen.extra?.length ?? 0)).toBeLessThanOrEqual(bodyRows(rows));
				for (const box of boxes) {
					// Inside the borders and padding, every row fits the box: nothing relies on the shell cutting it.
					for (const row of [box.title, ...box.lines]) expect(lineText(row).length, lineText(row)).toBeLessThanOrEqual(box.width - 4);
					expect(box.lines.length + 3).toBeLessThanOrEqual(screen.columnHeight + 1);
				}

				expect(screen.events).toHaveLength(etcdEventRows);
				expect(screen.decision).toHaveLength(etcdDecisionRows);
				for (const row of [...screen.events, ...screen.decision, ...(screen.extra ?? [])]) expect(lineText(row).length).toBeLessThanOrEqual(columns);
			});
		}
	}

	it('says plainly when the terminal is too narrow or too short', () => {
		const narrow = view(busy(5), 60, 24);
		expect(narrow).toEqual({kind: 'too-small', reason: expect.stringContaining('5 members need 80 columns')});
		const short = view(busy(3), 80, 14);
		expect(short.kind).toBe('too-small');
	});

	it('a short box drops the least useful rows first and keeps the keys and the digest', () => {
		const screen = screenOf(view(busy(5), 80, 21));
		const leaderBox = screen.panels[0]!.columns[1]!;
		const rows = leaderBox.lines.map(lineText);
		expect(rows.length + 3).toBeLessThanOrEqual(bodyRows(21));
		expect(rows).not.toContain('match/next');
		expect(rows.some(row => row.startsWith('m3 ◐'))).toBe(true);
		expect(rows.at(-1)).toContain('✓ model');
		expect(screen.columnHeight).toBe(bodyRows(21));
	});

	it('uses spare rows in a tall terminal for recent events, newest first', () => {
		const screen = screenOf(view(busy(3), 120, 40));
		const extra = (screen.extra ?? []).map(lineText);
		expect(extra[0]).toContain('recent events');
		expect(extra.join('\n')).toContain('killed m1 (SIGKILL to pid 7)');
	});
});

describe('etcd view: what it claims follows from the state', () => {
	const state = busy(5);
	const screen = screenOf(view(state, 120, 40, 1));
	const boxes = screen.panels[0]!.columns;
	const text = (index: number) => [lineText(boxes[index]!.title), ...boxes[index]!.lines.map(lineText)].join('\n');

	it('each column names its role with a glyph and a word, and the selected one is marked', () => {
		expect(lineText(boxes[0]!.title)).toContain('✗ down');
		expect(lineText(boxes[1]!.title)).toContain('▸m2 ★ leader');
		expect(boxes[1]!.selected).toBe(true);
		expect(lineText(boxes[3]!.title)).toContain('● follower');
		expect(lineText(boxes[0]!.title)).toContain('cut off');
	});

	it('shows the real term, commit and applied index, and the leader\'s view of each follower', () => {
		expect(text(1)).toMatch(/term\s+3/);
		expect(text(1)).toMatch(/commit\s+48/);
		expect(text(1)).toContain('m3 ◐ 23/24 -25');
		expect(text(1)).toContain('m4 ✓ 48/49');
		expect(text(2)).toMatch(/match\s+23 -25/);
		expect(text(2)).not.toContain('…');
		expect(text(2)).toMatch(/next\s+24/);
		expect(screenOf(etcdView(busy(3), {columns: 120, bodyRows: bodyRows(40), selected: 0, cursor: 0})).panels[0]!.columns[2]!.lines.map(lineText)).toEqual(
			expect.arrayContaining([expect.stringContaining('m2 sees match 23'), expect.stringContaining('next 24 · 25 behind')]),
		);

	});

	it('checks each member\'s keys against the model at the input it applied', () => {
		expect(text(2)).toContain('── keys #20');
		expect(text(2)).toContain(`${shortDigest(digestAt(20))} ✓ model`);
		expect(text(1)).toContain(`${shortDigest(digestAt(40))} ✓ model`);
	});

	it('a down member says when it was last seen', () => {
		expect(text(0)).toContain('last seen 0.10 s ago');
	});

	it('the decision line names the leader, term, commit, majority, partition and delay', () => {
		const decision = screen.decision.map(lineText);
		expect(decision[0]).toContain('★ m2 leads term 3 · commit 48');
		expect(decision[0]).toContain('majority 3/5 (4 up)');
		expect(decision[0]).toMatch(/cut m1 ?\| ?m2 m3 m4 m5/);
		expect(decision[0]).toContain('slow m3 +200 ms');
		// At 80 columns the partition still fits.
		expect(lineText(screenOf(view(state, 80, 24)).decision[0]!)).toMatch(/cut m1 ?\| ?m2 m3 m4 m5/);
		expect(decision[1]).toContain(`m2 m4 m5 at #40 ${shortDigest(digestAt(40))} = model ✓`);
		expect(decision[1]).toContain('m3 at #20');
		expect(decision[1]).toContain('m1 down');
	});

	it('the event rows show the writer and the latest event', () => {
		const events = screen.events.map(lineText);
		expect(events[0]).toMatch(/^ writes #40 (set|del) /);
		expect(events[0]).toContain('acked 40');
		expect(events[1]).toContain(state.events.at(-1)!.text);
		expect(events[1]).toContain('m2 sees m3 25 entries behind (match 23 of 48)');
	});

	it('the stale-read demo shows both reads in the column of the member it read', () => {
		const read = {member: 0, key: 'a', serializable: '26', linearizableError: 'timed out after 1.0 s', current: '95', currentFrom: 1};
		const after = observe(busy(3), poll(500, [member(0, {role: 'leader', term: 2, input: 20}), member(1, {role: 'leader', term: 3, input: 40}), member(2, {term: 3, lead: 1, input: 40})], {notes: [{text: 'read on m1: …', staleRead: read}]}));
		for (const [columns, rows] of [[80, 24], [120, 40]] as const) {
			const box = screenOf(view(after, columns, rows)).panels[0]!.columns[0]!.lines.map(lineText);
			expect(box).toEqual(expect.arrayContaining([expect.stringMatching(/^ser.* a=26 ✗ stale$/), expect.stringMatching(/^lin.* failed$/)]));
		}

		const other = screenOf(view(after, 120, 40)).panels[0]!.columns[1]!.lines.map(lineText);
		expect(other.join('\n')).not.toContain('stale');
	});

	it('says when no member leads', () => {
		const leaderless = observe(state, poll(500, [member(0, {process: 'down'}), member(1, {process: 'down'}), member(2, {role: 'candidate', term: 4, input: 20}), member(3, {term: 3, input: 40}), member(4, {term: 3, input: 40})]));
		const decision = screenOf(view(leaderless, 120, 40)).decision.map(lineText);
		expect(decision[0]).toContain('✗ no leader for 0.00 s · highest term 4');
		expect(decision[0]).toContain('majority 3/5 (3 up)');
	});

	it('an attached cluster says it is read-only and checks no model', () => {
		let attached = createEtcdState(clusterInfo(3, {owned: false, writes: false}));
		attached = observe(attached, healthy(100, 0, 5, 0));
		const view3 = screenOf(view(attached, 80, 24));
		// The shell's rate field says read-only (test/core/etcd/attached.test.ts).
		expect(view3.header).toContain('attached');
		expect(lineText(view3.events[0]!)).toContain('read-only: attached');
		expect(view3.panels[0]!.columns.map(box => box.lines.map(lineText).join('\n')).join('\n')).not.toContain('model');
	});
});
