/**
 * Every glyph a mode draws is explained on its help's legend pages ("What the screen shows"),
 * and every abbreviation the issue named is there: runs driven by keys (faults, partitions,
 * crashes, menus) are drawn at 80×24 and 120×40, and each character of their screens is looked up.
 */
import {describe, expect, test} from 'vitest';
import {reduce, type AppState} from '../../source/app-state.js';
import {screenFor} from '../../source/components/Shell.js';
import {createSession} from '../../source/core/engine/session.js';
import type {HelpEntry} from '../../source/core/engine/mode.js';
import type {Line} from '../../source/core/engine/screen.js';
import {modes} from '../../source/core/modes.js';
import {etcdLegend} from '../../source/core/etcd/keys.js';
import {helpSections} from '../../source/help-pages.js';

const lineText = (line: Line) => line.map(segment => segment.text).join('');
const entryText = (entry: HelpEntry) => (typeof entry === 'string' ? entry : entry.join(' '));
/** Box borders and separators are the frame, not something to explain. */
const frame = /[\s\u0020-\u007E─━│┃┌┐└┘├┤┬┴┼╔╗╚╝║═╭╮╯╰·…—–’→←]/u;

/** Keys pressed in turn, with steps between them, so that the screens show faults, menus and recoveries. */
const scripts: Record<string, string[]> = {
	voting: ['2', 'f', 'o', '3', 'f', 'c', '1', 'f', 'l', '2', 'r', '3', 'f', 'x', '1', 'f', 'n', '3', 'r', '2', 'f', 's'],
	raft: ['r', 'x', 'p', 'n', 't', '2', 'x', 'x', 'l', 'l', 'B', '1', ']', 'd', 'p', 'h', 'R', '3', 't', 'm', 'u', '[', 'g'],
	order: ['x', 'k', 'n', '3', 'x', 'f', 'l', '2', 'k', 'i', 'm', 'd', '4', '[', 'x', '1', 'i'],
	sourcing: ['d', 'c', 'x', 'n', 'r', 'f', 'e', 'R', 'g', 'd', 'r'],
	paxos: ['n', '2', 'n', 'x', '4', 'x', ']', 'd', 'a', '3', 'x', 'p', 'h', 'e', '6', 'x', 'x', ']', 'g', 'B', '1', 'n'],
	aeron: ['r', 'a', 'r', 'n', 't', '2', 'x', 'r', 'x', '3', 'D', 'p', 'i', 'c', '1', 'r', ']', 'd'],
};

function screens(name: string): string[] {
	const mode = modes[name]!;
	let state: AppState = {session: createSession(mode, mode.create(mode.parseConfig({seed: '4'})), {paused: true}), quit: false, outbox: []};
	const texts: string[] = [];
	const draw = () => {
		for (const [columns, rows] of [[80, 24], [120, 40]] as const) {
			const screen = screenFor(state.session, columns, rows);
			if (screen.kind !== 'screen') continue;
			const columnLines = screen.panels.flatMap(panel => [panel.title ?? [], ...panel.columns.flatMap(column => [column.title, ...column.lines])]);
			texts.push(...[...screen.events, ...screen.decision, ...(screen.extra ?? []), ...columnLines, screen.badges ?? []].map(lineText), ...screen.header, screen.position);
		}
	};

	for (const key of scripts[name]!) {
		state = reduce(state, {key: {input: key}});
		for (let step = 0; step < 12; step++) {
			state = reduce(state, {key: {input: 's'}});
			if (step % 4 === 0) draw();
		}
	}

	return texts;
}

describe('the legend page of every mode', () => {
	test.each(Object.keys(modes))('the %s mode: every glyph its screens draw is on its help pages', name => {
		const mode = modes[name]!;
		const sim = mode.create(mode.parseConfig({}));
		const help = helpSections({mode, sim}).flatMap(section => section.entries.map(entryText)).join('\n');
		const drawn = new Map<string, string>();
		for (const text of screens(name)) for (const char of text) if (!frame.test(char) && !drawn.has(char)) drawn.set(char, text);
		expect(drawn.size).toBeGreaterThan(3);
		const unexplained = [...drawn].filter(([char]) => !help.includes(char)).map(([char, text]) => `${char} in "${text.trim()}"`);
		expect(unexplained).toEqual([]);
	});

	test.each([
		['raft', ['RV', 'AE', 'AE↩ ✓3', '♥', '+1', 'prev 1/t1', 'last 0/t0', 'T1', '↯', 'ladder', 'space-time diagram', '✓ES', 'nx, mt', 'cmt, app']],
		['voting', ['⇅', '↯', '↺', '◐', '⌊(N−1)/2⌋', 'dig', 'at)', '⇐']],
		['order', ['hold', 'needs BC', '∅', 'FIFO', 'msg/in', '≠', 'Q ○ DOWN', '[consensus]']],
		['sourcing', ['cmd', 'evt', 'Δ', '✎', '⊘', '⟳', '⇡', '⇪', '≈']],
	])('the %s legend names %j', (name, words) => {
		const mode = modes[name]!;
		const legend = (mode.legend?.(mode.create(mode.parseConfig({}))) ?? []).map(entryText).join('\n');
		for (const word of words) expect(legend).toContain(word);
	});

	test('the etcd legend names its roles and marks', () => {
		const legend = etcdLegend().map(entryText).join('\n');
		for (const word of ['★', '◆', '◇', '‖ paused', '✗ down', '? no answer', '✗ stale', 'match / next']) expect(legend).toContain(word);
	});
});
