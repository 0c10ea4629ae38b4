/**
 * The order mode's screen: the last and the next event in words, panels side
 * by side (as many as fit: two at 80 columns, three at 120, four from 144;
 * ←→ or 1–4 pick which), and two decision lines covering every architecture,
 * shown or not: who agrees, who stalls and why.
 */
import type {ViewContext} from '../../engine/mode.js';
import {padLine, seg, type Line, type Screen, type Segment} from '../../engine/screen.js';
import {upcomingText, upcomingTime} from '../describe.js';
import {archShort} from '../names.js';
import {allSummaries, stallReasons} from '../queries.js';
import {archIds, type ArchId, type OrderState} from '../types.js';
import {infoRows} from './column.js';
import {panelView, type PanelLayout} from './panel.js';
import {wrapLines} from '../../engine/text.js';

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

/**
 * The last event and the next one in words, wrapped rather than cut: the last
 * takes one or two rows, the next the rows left of `eventRows`.
 */
function eventLines(state: OrderState, width: number): Line[] {
	const lastPrefix = `last t=${state.last.time} `;
	const lastRows = wrapLines(state.last.text === '' ? '—' : state.last.text, Math.max(10, width - lastPrefix.length), eventRows - 1);
	const nextText = upcomingText(state);
	const nextTime = upcomingTime(state);
	const nextPrefix = `next t=${nextTime} `;
	const nextRows = nextText === undefined ? [] : wrapLines(nextText, Math.max(10, width - nextPrefix.length), eventRows - lastRows.length);
	const indent = (prefix: string, text: string): Line => [seg(' '.repeat(prefix.length)), seg(text)];
	const lines: Line[] = [
		[seg('last ', undefined, true), seg(`t=${state.last.time} `, 'dim'), seg(lastRows[0] ?? '—')],
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

export function decisionLines(state: OrderState, columns = Number.POSITIVE_INFINITY): Line[] {
	const summaries = allSummaries(state);
	const agreeLine: Segment[] = [seg('agree: ', undefined, true)];
	for (const [i, summary] of summaries.entries()) {
		if (i > 0) agreeLine.push(seg(' · ', 'dim'));
		const name = archShort[summary.arch];
		agreeLine.push(summary.agreement.agree ? seg(`✓ ${name}`, 'good') : seg(`✗ ${name} (${summary.agreement.text})`, 'bad', true));
	}

	const stalled = summaries.filter(summary => summary.stalled.length > 0);
	const second: Segment[] = [];
	if (stalled.length > 0) {
		second.push(seg('⚠ stalled: ', 'bad', true));
		const reasons = stalled.map(summary => stallReasons(state, summary.arch, summary.stalled[0]!));
		const forms = Math.max(...reasons.map(options => options.length));
		let text = '';
		for (let form = 0; form < forms; form++) {
			text = stalled.map((summary, i) => `${archShort[summary.arch]} — ${reasons[i]![Math.min(form, reasons[i]!.length - 1)]}`).join(' · ');
			if (text.length + 11 <= columns) break;
		}

		second.push(seg(text, 'bad'));
	} else {
		second.push(seg('✓ nothing stalled', 'good'), seg(' · msg/input ', 'dim'));
		const costs = (names: Readonly<Record<ArchId, string>>) => summaries.map(summary => `${names[summary.arch]} ${summary.perInput === undefined ? '—' : summary.perInput.toFixed(1)}`).join(', ');
		const long = costs(archShort);
		second.push(seg(long.length + 31 <= columns ? long : costs(tinyNames)));
	}

	return [agreeLine, second];
}

function tooSmall(reason: string): Screen {
	return {kind: 'too-small', reason};
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
	const selectedReplica = ((context.cursor % 3) + 3) % 3;
	const shown = visiblePanels(focused, count);
	const columnWidth = Math.floor(Math.floor(columns / count) / 3);
	const panelWidth = columnWidth * 3;
	const space = columnHeight - 3 - infoRows;
	const separator = space >= 4;
	const rows = space - (separator ? 1 : 0);
	const panels = [];
	const extras: Line[][] = [];
	for (const arch of shown) {
		const top = Math.max(...state.archs[arch].replicas.map(replica => replica.delivered));
		const layout: PanelLayout = {width: panelWidth, columnWidth, first: Math.max(1, top - rows + 1), rows, separator, statusRows};
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
