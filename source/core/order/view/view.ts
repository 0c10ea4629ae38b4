/**
 * The order mode's screen: the last and the next event in words, panels side
 * by side (as many as fit: two at 80 columns, three at 120, four from 144;
 * ←→ or 1–4 pick which), and two decision lines covering every architecture,
 * shown or not: who agrees, who stalls and why.
 */
import type {ViewContext} from '../../engine/mode.js';
import {cutLine, padLine, seg, type Line, type Screen, type Segment} from '../../engine/screen.js';
import {orderDiagramLines} from '../diagram.js';
import {upcomingText, upcomingTime} from '../describe.js';
import {archShort, archTitle} from '../names.js';
import {allSummaries, stallReasons} from '../queries.js';
import {archIds, type ArchId, type OrderState} from '../types.js';
import {infoRows, stateRowsNeeded} from './column.js';
import {panelView, type PanelLayout} from './panel.js';
import {cellWidth, wrapLines} from '../../engine/text.js';

export const eventRows = 3;
export const decisionRows = 2;
export const minPanelWidth = 36;
/** Borders, title, the info rows and one delivered row. */
const minColumnHeight = 2 + 1 + infoRows + 1;

export function orderHeader(state: OrderState): string[] {
	const {config} = state;
	// The shell puts the mode's name and the speed in the header itself.
	return [config.model, `seed ${config.seed}`, `${config.clients} clients`, `${state.inputs} sent`];
}

export function positionText(state: OrderState): string {
	return `t=${state.time}ms #${state.events}`;
}

/** How many panels fit side by side. */
export function panelsThatFit(columns: number): number {
	return Math.min(archIds.length, Math.floor(columns / minPanelWidth));
}

/** The panels shown: `count` of them, the focused one among them (leftmost unless near the end). */
export function visiblePanels(focused: number, count: number): ArchId[] {
	const start = Math.max(0, Math.min(focused, archIds.length - count));
	return archIds.slice(start, start + count);
}

/** Whether `text` wraps into `rows` rows of `width` without a cut. */
function wrapsWhole(text: string, width: number, rows: number): boolean {
	const lines = wrapLines(text, width, rows + 1);
	return lines.length <= rows && !lines.at(-1)!.endsWith('…');
}

/**
 * What happened, in at most `rows` rows of `width`: all of it, else its
 * first clauses (up to a "; ") and "…", so that a cut never falls inside the
 * first clause, the event itself; that one is cut only if it cannot fit alone.
 */
function happenedRows(text: string, width: number, rows: number): string[] | undefined {
	const clauses = text.split('; ');
	for (let count = clauses.length; count >= 1; count--) {
		const candidate = count === clauses.length ? text : `${clauses.slice(0, count).join('; ')}; …`;
		if (wrapsWhole(candidate, width, rows)) return wrapLines(candidate, width, rows);
	}

	return undefined;
}

/**
 * The last event and the next one in words, wrapped rather than cut: the last
 * takes one or two rows (its time left out when that keeps its first clause
 * whole), the next the rows left of `eventRows`.
 */
function eventLines(state: OrderState, width: number): Line[] {
	const text = state.last.text === '' ? '—' : state.last.text;
	const timed = `t=${state.last.time} `;
	let lastPrefix = `last ${timed}`;
	let lastRows = happenedRows(text, Math.max(10, width - lastPrefix.length), eventRows - 1);
	if (lastRows === undefined) {
		const untimed = happenedRows(text, Math.max(10, width - 'last '.length), eventRows - 1);
		if (untimed === undefined) lastRows = wrapLines(text, Math.max(10, width - lastPrefix.length), eventRows - 1);
		else {
			lastPrefix = 'last ';
			lastRows = untimed;
		}
	}

	const nextText = upcomingText(state);
	const nextTime = upcomingTime(state);
	const nextPrefix = `next t=${nextTime} `;
	const nextRows = nextText === undefined ? [] : wrapLines(nextText, Math.max(10, width - nextPrefix.length), eventRows - lastRows.length);
	const indent = (prefix: string, text: string): Line => [seg(' '.repeat(prefix.length)), seg(text)];
	const lines: Line[] = [
		[seg('last ', undefined, true), ...(lastPrefix === 'last ' ? [] : [seg(timed, 'dim')]), seg(lastRows[0] ?? '—')],
		...lastRows.slice(1).map(text => indent(lastPrefix, text)),
		nextText === undefined
			? [seg('next ', 'accent', true), seg('nothing will happen', 'muted')]
			: [seg('next ', 'accent', true), seg(`t=${nextTime} `, 'dim'), seg(nextRows[0] ?? '')],
		...nextRows.slice(1).map(text => indent(nextPrefix, text)),
	];
	while (lines.length < eventRows) lines.push([]);
	return lines;
}

const tinyNames: Readonly<Record<ArchId, string>> = {none: 'unordered', sequencer: 'seq', lamport: 'Lamport', consensus: 'Raft'};

/** The first of `forms` that fits `columns`, else the last one. */
function firstFitting(forms: readonly string[], columns: number): string {
	return forms.find(text => cellWidth(text) <= columns) ?? forms.at(-1)!;
}

export function decisionLines(state: OrderState, columns = Number.POSITIVE_INFINITY): Line[] {
	const summaries = allSummaries(state);
	const label = 'agree: ';
	// Every panel's verdict; where they do not fit, the disagreements lose their detail (the panels show it).
	const verdicts = (detail: boolean, names: Readonly<Record<ArchId, string>>) =>
		summaries.map(summary => (summary.agreement.agree ? `✓ ${names[summary.arch]}` : `✗ ${names[summary.arch]}${detail ? ` (${summary.agreement.text})` : ''}`));
	const agreeForms = [verdicts(true, archShort), verdicts(true, tinyNames), verdicts(false, archShort), verdicts(false, tinyNames)];
	const agreeParts = agreeForms.find(parts => label.length + cellWidth(parts.join(' · ')) <= columns) ?? agreeForms.at(-1)!;
	const agreeLine: Segment[] = [seg(label, undefined, true)];
	for (const [i, part] of agreeParts.entries()) {
		if (i > 0) agreeLine.push(seg(' · ', 'dim'));
		agreeLine.push(part.startsWith('✓') ? seg(part, 'good') : seg(part, 'bad', true));
	}

	const stalled = summaries.filter(summary => summary.stalled.length > 0);
	const second: Segment[] = [];
	if (stalled.length > 0) {
		const head = '⚠ stalled: ';
		const reasons = stalled.map(summary => stallReasons(state, summary.arch, summary.stalled[0]!));
		const forms: string[] = [];
		const most = Math.max(...reasons.map(options => options.length));
		for (const names of [archShort, tinyNames]) {
			for (let form = 0; form < most; form++) forms.push(stalled.map((summary, i) => `${names[summary.arch]} — ${reasons[i]![Math.min(form, reasons[i]!.length - 1)]}`).join(' · '));
		}

		// At the narrowest, the names alone: each panel's own status line says why.
		forms.push(`${stalled.map(summary => tinyNames[summary.arch]).join(' · ')} (see the panels)`);
		second.push(seg(head, 'bad', true), seg(firstFitting(forms, columns - head.length), 'bad'));
	} else {
		second.push(seg('✓ nothing stalled', 'good'), seg(' · msg/input ', 'dim'));
		const costs = (names: Readonly<Record<ArchId, string>>) => summaries.map(summary => `${names[summary.arch]} ${summary.perInput === undefined ? '—' : summary.perInput.toFixed(1)}`).join(', ');
		const long = costs(archShort);
		second.push(seg(long.length + 31 <= columns ? long : costs(tinyNames)));
	}

	return [agreeLine, second];
}

/**
 * How a column's rows below the four it always has are shared: a state of
 * many fields gets the rows it needs to be read whole (kv's five keys take
 * two; three with the digest when there is room); on a tall screen the
 * hold-back queue gets up to three more rows for its entries; the rest are
 * the delivered sequence, under a separator when there are four or more.
 */
export function columnRows(state: OrderState, shown: readonly ArchId[], inner: number, space: number): {stateRows: number; holdRows: number; separator: boolean; rows: number} {
	let need = 1;
	for (const arch of shown) for (const replica of state.archs[arch].replicas) need = Math.max(need, stateRowsNeeded(state, replica, inner));
	// The digest row only when the delivered rows keep ten or more.
	const withDigest = need > 2 && space - (need - 1) >= 11 ? need : Math.min(need, 2);
	const extraState = Math.max(0, Math.min(withDigest - 1, space - 2));
	const extraHold = Math.max(0, Math.min(3, Math.floor((space - extraState - 10) / 2)));
	const left = space - extraState - extraHold;
	const separator = left >= 4;
	return {stateRows: 1 + extraState, holdRows: 1 + extraHold, separator, rows: left - (separator ? 1 : 0)};
}

function tooSmall(reason: string): Screen {
	return {kind: 'too-small', reason};
}

/** The body as the focused panel's space-time diagram (v), under a title naming the panel. */
function diagramScreen(state: OrderState, context: ViewContext, arch: ArchId): Screen {
	const {columns, bodyRows} = context;
	const number = archIds.indexOf(arch) + 1;
	const title: Line = [seg(`▸${number} ${archTitle[arch]}`, 'accent', true), seg(' · its latest events · ←→ another panel · v the panels', 'dim')];
	return {
		kind: 'screen',
		header: orderHeader(state),
		position: positionText(state),
		events: eventLines(state, columns - 1),
		panels: [],
		columnHeight: 0,
		extra: [title, ...orderDiagramLines(state, arch, columns - 1, bodyRows - 1)].map(row => cutLine(row, columns)),
		decision: decisionLines(state, columns - 1),
	};
}

export function orderView(state: OrderState, context: ViewContext): Screen {
	const {columns, bodyRows} = context;
	const count = panelsThatFit(columns);
	if (count < 1) return tooSmall(`the order mode needs a terminal at least ${minPanelWidth} columns wide (this one has ${columns})`);
	const statusRows = bodyRows >= 26 ? 2 : 1;
	const extraRows = 2 + statusRows;
	const columnHeight = bodyRows - 1 - extraRows;
	if (columnHeight < minColumnHeight) return tooSmall(`the order mode needs at least ${minColumnHeight + 1 + extraRows} rows for its panels (this terminal leaves ${bodyRows})`);
	const focused = Math.max(0, Math.min(context.selected, archIds.length - 1));
	if (context.diagram) return diagramScreen(state, context, archIds[focused]!);
	const selectedReplica = ((context.cursor % 3) + 3) % 3;
	const shown = visiblePanels(focused, count);
	const columnWidth = Math.floor(Math.floor(columns / count) / 3);
	const panelWidth = columnWidth * 3;
	const {stateRows, holdRows, separator, rows} = columnRows(state, shown, columnWidth - 2, columnHeight - 3 - infoRows);
	const panels = [];
	const extras: Line[][] = [];
	for (const arch of shown) {
		const top = Math.max(...state.archs[arch].replicas.map(replica => replica.delivered));
		const layout: PanelLayout = {width: panelWidth, columnWidth, first: Math.max(1, top - rows + 1), rows, separator, statusRows, stateRows, holdRows};
		const {panel, extra} = panelView(state, arch, archIds.indexOf(arch) + 1, layout, arch === archIds[focused], selectedReplica);
		panels.push(panel);
		extras.push(extra);
	}

	const extra: Line[] = [];
	for (let row = 0; row < extraRows; row++) extra.push(extras.flatMap(lines => padLine(lines[row] ?? [], panelWidth)));
	return {
		kind: 'screen',
		header: orderHeader(state),
		position: positionText(state),
		events: eventLines(state, columns - 1),
		panels,
		columnHeight,
		extra,
		decision: decisionLines(state, columns - 1),
	};
}
