/**
 * The screen: the two pipelines side by side, what changed and why under them,
 * an event line (what just happened, what happens next) and a decision line
 * (do the pipelines agree, and why not).
 */
import type {ViewContext} from '../engine/mode.js';
import {type Line, seg, type Screen} from '../engine/screen.js';
import {accountName, formatBalances, money, sameBalances} from './bank.js';
import {versionLabel} from './code.js';
import {formatClock} from './clock.js';
import {commandColumn, eventColumn} from './columns.js';
import {describeCommand, nextCommand} from './commands.js';
import {outcomeWords} from './describe.js';
import {divergenceText, storyLines, type StoryLine} from './explain.js';
import {entryAt} from './journal.js';
import {pipelinesAgree} from './pipelines.js';
import type {SourcingState} from './state.js';
import {cellWidth, cut} from '../engine/text.js';
import {wrap} from './text.js';

export const minColumns = 64;
export const minBodyRows = 9;
/** Columns from which each pipeline gets a wide column (a line per account, long sentences). */
export const wideColumns = 110;
const minColumnHeight = 11;
const maxStoryRows = 12;

export function view(state: SourcingState, context: ViewContext): Screen {
	const {columns, bodyRows} = context;
	if (columns < minColumns || bodyRows < minBodyRows) {
		return {kind: 'too-small', reason: `the sourcing mode needs at least ${minColumns} columns and ${minBodyRows} body rows for its two pipelines`};
	}

	const wide = columns >= wideColumns && bodyRows >= 20;
	const extra = fitStory(storyLines(state), columns - 1, Math.min(maxStoryRows, bodyRows - minColumnHeight), wide);
	const columnHeight = bodyRows - extra.length;
	const left = Math.floor(columns / 2);
	return {
		kind: 'screen',
		header: [`seed ${state.config.seed}`, `bank clock ${formatClock(state.clock)}`],
		badges: badges(state),
		position: state.replay ? `#${state.sequencer.issued} ⟳${state.replay.cmd.doneSeq - state.replay.cmd.startSeq}/${state.replay.cmd.endSeq - state.replay.cmd.startSeq}` : `#${state.sequencer.issued}`,
		events: [eventLine(state, columns)],
		panels: [
			{
				id: 'pipelines',
				columns: [
					commandColumn(state, left, columnHeight, context.selected === 0, wide),
					eventColumn(state, columns - left, columnHeight, context.selected === 1, wide),
				],
			},
		],
		columnHeight,
		extra,
		decision: decisionLines(state, columns),
	};
}

function badges(state: SourcingState): Line {
	const parts = [];
	if (state.code.readsClock) parts.push(seg('⚠ clock read', 'warn'), seg(' '));
	if (state.code.readsRandom) parts.push(seg('⚠ random read', 'warn'), seg(' '));
	if (state.schema === 2) parts.push(seg('schema 2', 'muted'), seg(' '));
	return parts;
}

/** One story line as rows: the first form that fits on one row, else the first form wrapped onto two. */
function renderStory(story: StoryLine, forms: ReadonlyArray<string | undefined>, cells: number): Line[] {
	const texts = forms.filter((text): text is string => text !== undefined);
	const one = texts.find(text => cellWidth(text) <= cells - 2);
	const wrapped = one === undefined ? wrap(texts[0]!, cells - 2, '  ') : [one];
	const kept = wrapped.length > 2 ? [wrapped[0]!, cut(`${wrapped[1]!} ${wrapped.slice(2).join(' ')}`, cells - 2)] : wrapped;
	return kept.map((row, i): Line => (i === 0 ? [seg(story.glyph, story.tone), seg(` ${row}`)] : [seg(`  ${row}`)]));
}

/**
 * Story lines in the rows there are, shown in their own order. Wide screens
 * use the long sentences when they all fit; otherwise the short ones, and
 * when even those do not all fit, the most important first.
 */
export function fitStory(lines: readonly StoryLine[], cells: number, rows: number, wide: boolean): Line[] {
	if (rows <= 0 || lines.length === 0) return [];
	if (wide) {
		const long = lines.map(story => renderStory(story, [story.long], cells));
		if (long.reduce((sum, each) => sum + each.length, 0) <= rows) return long.flat();
	}

	const rendered = lines.map(story => renderStory(story, [story.short, story.brief], cells));
	const order = lines.map((story, i) => ({i, priority: story.priority})).sort((a, b) => a.priority - b.priority || a.i - b.i);
	const chosen = new Set<number>();
	let used = 0;
	for (const {i} of order) {
		const need = rendered[i]!.length;
		if (used + need <= rows) {
			chosen.add(i);
			used += need;
		} else if (used < rows) {
			chosen.add(i);
			rendered[i] = rendered[i]!.slice(0, rows - used);
			used = rows;
		}
	}

	return rendered.flatMap((rows, i) => (chosen.has(i) ? rows : []));
}

function nextText(state: SourcingState): string {
	const {replay} = state;
	if (replay) {
		const next = replay.cmd.doneSeq + 1;
		if (next > replay.cmd.endSeq) return 'next: re-apply the last events and report';
		return `next: re-run #${next} ${describeCommand(entryAt(state.cmd.journal, next - 1)!.command)}`;
	}

	const {command} = nextCommand(state.config.seed, state.sequencer, state.clock);
	return `next: #${command.seq} ${describeCommand(command)}`;
}

function happenedText(state: SourcingState): string {
	const {note} = state;
	switch (note.kind) {
		case 'start':
			return 'ready: one stream of commands feeds both pipelines';
		case 'command': {
			const cmd = outcomeWords(note.cmd);
			const evt = outcomeWords(note.evt);
			const what = `#${note.command.seq} ${describeCommand(note.command)}`;
			return cmd === evt ? `${what}: ${cmd} on both` : `${what}: cmd ${cmd}, evt ${evt}`;
		}

		case 'replay-step': {
			if (note.finished) return `replay ${note.number} done: what changed is below`;
			const [from, to] = note.seqs;
			const seqs = from === to ? `#${to}` : `#${from}–#${to}`;
			const changed = note.changed.length > 0 ? ` (${note.changed.length} changed)` : '';
			const events = note.events[1] >= note.events[0] ? ` · evt re-applied ${note.events[1] - note.events[0] + 1}` : '';
			return `replay ${note.number}: cmd re-ran ${seqs}${changed}${events}`;
		}

		case 'action':
			return note.text;
		case 'refused':
			return `✗ ${note.text}`;
	}
}

function eventLine(state: SourcingState, columns: number): Line {
	const next = nextText(state);
	const room = columns - 1 - cellWidth(next) - 3;
	const happened = happenedText(state);
	const tone = state.note.kind === 'refused' ? 'bad' : state.note.kind === 'replay-step' || state.note.kind === 'action' ? 'accent' : undefined;
	return [seg(cut(happened, Math.max(10, room)), tone), seg(' · ', 'muted'), seg(next, 'muted')];
}

export function decisionLines(state: SourcingState, columns: number): [Line, Line] {
	const cells = columns - 1;
	const {replay} = state;
	if (replay) {
		const doneCommands = replay.cmd.doneSeq - replay.cmd.startSeq;
		const doneEvents = replay.evt.donePosition - replay.evt.startPosition;
		return [
			[seg('⟳', 'accent'), seg(cut(` replay ${replay.number} under ${versionLabel(replay.code)}: cmd re-ran ${doneCommands}/${replay.cmd.endSeq - replay.cmd.startSeq} commands · evt re-applied ${doneEvents}/${replay.evt.endPosition - replay.evt.startPosition} events`, cells - 1))],
			[seg(cut(`so far ${replay.cmd.changed} command-sourced decision${replay.cmd.changed === 1 ? '' : 's'} differ from before · the event side decides nothing`, cells))],
		];
	}

	const cmd = state.cmd.ledger;
	const evt = state.evt.ledger;
	if (pipelinesAgree(state)) {
		return [
			[seg('✓', 'good'), seg(cut(` pipelines agree: ${formatBalances(cmd.balances, ' · ')}`, cells - 1))],
			[
				seg(
					cut(
						state.sequencer.issued === 0
							? 'both start empty; every command will go through both'
							: `same state after #${state.sequencer.issued}, derived by ${state.cmd.derivedBy.join('+')}; interest paid through ${formatClock(cmd.interestThrough)}`,
						cells,
					),
					'muted',
				),
			],
		];
	}

	if (sameBalances(cmd.balances, evt.balances)) {
		return [
			[seg('≈', 'warn'), seg(cut(` balances agree (${formatBalances(cmd.balances, ' · ')}), but interest is paid through different times`, cells - 1))],
			[seg(cut(`cmd through ${formatClock(cmd.interestThrough)}, evt through ${formatClock(evt.interestThrough)}: ${divergenceText(state)}`, cells))],
		];
	}

	const differing = cmd.balances.flatMap((balance, account) =>
		balance === evt.balances[account] ? [] : [`${accountName(account)} ${money(balance)}/${money(evt.balances[account]!)}`],
	);
	return [
		[seg('✗', 'bad'), seg(cut(` pipelines disagree (cmd/evt): ${differing.join(' · ')}`, cells - 1))],
		[seg(cut(`why: ${divergenceText(state)}`, cells))],
	];
}

/** The event line as plain text, uncut. */
export function eventLineText(state: SourcingState): string {
	return `${happenedText(state)} · ${nextText(state)}`;
}
