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
import {divergenceForms, storyLines, type StoryLine} from './explain.js';
import {entryAt} from './journal.js';
import {pipelinesAgree} from './pipelines.js';
import type {SourcingState} from './state.js';
import {cellWidth, cut, fitFirst} from '../engine/text.js';
import {wrap} from './text.js';

export const minColumns = 64;
export const minBodyRows = 9;
/** Columns from which each pipeline gets a wide column (a line per account, long sentences). */
export const wideColumns = 110;
const minColumnHeight = 10;
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

/**
 * One story line as rows: the first form that fits on one row, else the
 * first that wraps onto two; a form is never cut (the last resort, the
 * shortest form cut on its second row, is for screens narrower than any
 * this mode draws).
 */
function renderStory(story: StoryLine, forms: ReadonlyArray<string | undefined>, cells: number): Line[] {
	const texts = forms.filter((text): text is string => text !== undefined);
	const kept = oneOrTwoRows(texts, cells - 2);
	return kept.map((row, i): Line => (i === 0 ? [seg(story.glyph, story.tone), seg(` ${row}`)] : [seg(`  ${row}`)]));
}

function oneOrTwoRows(texts: readonly string[], cells: number): string[] {
	const one = texts.find(text => cellWidth(text) <= cells);
	if (one !== undefined) return [one];
	let rows: string[] = [];
	for (const text of texts) {
		rows = wrap(text, cells, '  ');
		if (rows.length <= 2) return rows;
	}

	return [rows[0]!, cut(`${rows[1]!} ${rows.slice(2).join(' ')}`, cells)];
}

/**
 * Story lines in the rows there are, shown in their own order. Wide screens
 * use the long sentences when they all fit; otherwise the short ones, and
 * when even those do not all fit, the most important first: a line that
 * does not fit whole in the rows left is left out, not cut.
 */
export function fitStory(lines: readonly StoryLine[], cells: number, rows: number, wide: boolean): Line[] {
	if (rows <= 0 || lines.length === 0) return [];
	if (wide) {
		const long = lines.map(story => renderStory(story, cellWidth(story.long) <= 2 * (cells - 2) - 2 && wrap(story.long, cells - 2, '  ').length <= 2 ? [story.long] : [story.short, story.brief], cells));
		if (long.reduce((sum, each) => sum + each.length, 0) <= rows) return long.flat();
	}

	const rendered = lines.map(story => renderStory(story, [story.short, story.brief], cells));
	const order = lines.map((story, i) => ({i, priority: story.priority})).sort((a, b) => a.priority - b.priority || a.i - b.i);
	const chosen = new Set<number>();
	let used = 0;
	for (const {i} of order) {
		let need = rendered[i]!.length;
		// Two rows that do not fit: one row of the brief form, if it has one.
		if (used + need > rows && need > 1 && lines[i]!.brief !== undefined && cellWidth(lines[i]!.brief!) <= cells - 2) {
			rendered[i] = renderStory(lines[i]!, [lines[i]!.brief], cells);
			need = 1;
		}

		if (used + need <= rows) {
			chosen.add(i);
			used += need;
		}
	}

	return rendered.flatMap((rows, i) => (chosen.has(i) ? rows : []));
}

function nextText(state: SourcingState, short = false): string {
	const {replay} = state;
	if (replay) {
		const next = replay.cmd.doneSeq + 1;
		if (next > replay.cmd.endSeq) return short ? 'next: report' : 'next: re-apply the last events and report';
		return short ? `next: re-run #${next}` : `next: re-run #${next} ${describeCommand(entryAt(state.cmd.journal, next - 1)!.command)}`;
	}

	const {command} = nextCommand(state.config.seed, state.sequencer, state.clock);
	return short ? `next: #${command.seq}` : `next: #${command.seq} ${describeCommand(command)}`;
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

/**
 * What happened, whole, and what comes next; where they do not fit, the next
 * step in short, then what happened up to its first ": " (an action's own
 * words; the lines under the columns say the rest).
 */
function eventLine(state: SourcingState, columns: number): Line {
	const cells = columns - 1;
	const happened = happenedText(state);
	const key = happened.includes(': ') ? `${happened.slice(0, happened.indexOf(': '))}: …` : happened;
	const tone = state.note.kind === 'refused' ? 'bad' : state.note.kind === 'replay-step' || state.note.kind === 'action' ? 'accent' : undefined;
	const pairs = [
		[happened, nextText(state)],
		[happened, nextText(state, true)],
		[key, nextText(state)],
		[key, nextText(state, true)],
	] as const;
	const [shown, next] = pairs.find(([left, right]) => cellWidth(left) + 3 + cellWidth(right) <= cells) ?? pairs.at(-1)!;
	return [seg(cut(shown, Math.max(10, cells - 3 - cellWidth(next))), tone), seg(' · ', 'muted'), seg(next, 'muted')];
}

/** The first form that fits `cells`, as a line after `glyph`. */
function glyphLine(glyph: string, tone: 'good' | 'warn' | 'bad' | 'accent', forms: readonly string[], cells: number): Line {
	return [seg(glyph, tone), seg(fitFirst(forms.map(form => ` ${form}`), cells - cellWidth(glyph)))];
}

export function decisionLines(state: SourcingState, columns: number): [Line, Line] {
	const cells = columns - 1;
	const {replay} = state;
	if (replay) {
		const doneCommands = replay.cmd.doneSeq - replay.cmd.startSeq;
		const doneEvents = replay.evt.donePosition - replay.evt.startPosition;
		const commands = `${doneCommands}/${replay.cmd.endSeq - replay.cmd.startSeq}`;
		const events = `${doneEvents}/${replay.evt.endPosition - replay.evt.startPosition}`;
		const version = versionLabel(replay.code);
		const changed = replay.cmd.changed;
		return [
			glyphLine('⟳', 'accent', [`replay ${replay.number} under ${version}: cmd re-ran ${commands} commands · evt re-applied ${events} events`, `replay ${replay.number} under ${version}: cmd ${commands} commands · evt ${events} events`, `replay ${replay.number}: cmd ${commands} · evt ${events}`], cells),
			[
				seg(
					fitFirst(
						[
							`so far ${changed} command-sourced decision${changed === 1 ? '' : 's'} differ from before · the event side decides nothing`,
							`so far ${changed} cmd decision${changed === 1 ? '' : 's'} differ · evt decides nothing`,
							`so far ${changed} cmd decision${changed === 1 ? '' : 's'} differ`,
						],
						cells,
					),
				),
			],
		];
	}

	const cmd = state.cmd.ledger;
	const evt = state.evt.ledger;
	if (pipelinesAgree(state)) {
		const how =
			state.sequencer.issued === 0
				? ['both start empty; every command will go through both']
				: [
						`same state after #${state.sequencer.issued}, derived by ${state.cmd.derivedBy.join('+')}; interest paid through ${formatClock(cmd.interestThrough)}`,
						`same state after #${state.sequencer.issued}, derived by ${state.cmd.derivedBy.join('+')}`,
						`same state after #${state.sequencer.issued}`,
					];
		return [glyphLine('✓', 'good', [`pipelines agree: ${formatBalances(cmd.balances, ' · ')}`, 'pipelines agree'], cells), [seg(fitFirst(how, cells), 'muted')]];
	}

	const why = divergenceForms(state);
	if (sameBalances(cmd.balances, evt.balances)) {
		return [
			glyphLine('≈', 'warn', [`balances agree (${formatBalances(cmd.balances, ' · ')}), but interest is paid through different times`, 'balances agree, but interest is paid through different times', 'balances agree; interest through differs'], cells),
			[seg(fitFirst([...why.map(text => `cmd through ${formatClock(cmd.interestThrough)}, evt through ${formatClock(evt.interestThrough)}: ${text}`), ...why.map(text => `why: ${text}`)], cells))],
		];
	}

	const differing = cmd.balances.flatMap((balance, account) => (balance === evt.balances[account] ? [] : [account]));
	const pairs = differing.map(account => `${accountName(account)} ${money(cmd.balances[account]!)}/${money(evt.balances[account]!)}`).join(' · ');
	const names = differing.map(account => accountName(account)).join(' ');
	return [
		glyphLine('✗', 'bad', [`pipelines disagree (cmd/evt): ${pairs}`, `disagree (cmd/evt): ${pairs}`, `pipelines disagree on ${names}`], cells),
		[seg(fitFirst(why.map(text => `why: ${text}`), cells))],
	];
}

/** The event line as plain text, uncut. */
export function eventLineText(state: SourcingState): string {
	return `${happenedText(state)} · ${nextText(state)}`;
}
