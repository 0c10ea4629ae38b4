/**
 * The Paxos screen: acceptor columns then proposer columns, the key rule in
 * words, the learners, the messages in flight, and the chosen value (known
 * or not) with the lamps.
 */
import type {ViewContext} from '../../engine/mode.js';
import {seg, type Line, type Screen} from '../../engine/screen.js';
import {nextEventText} from '../engine.js';
import {instanceCount} from '../queries.js';
import type {PaxosState} from '../types.js';
import {wrapLines} from '../../engine/text.js';
import {acceptorColumn, proposerColumn} from './columns.js';
import {chosenLine, learnerLines, reasonLines, secondDecisionLine} from './lines.js';
import {messageLines} from './messages.js';
import {paxosDiagramLines} from './diagram.js';
import {lampSegments} from '../../net/view/lamps.js';
import {lampCodes, lampNames, lampShort} from '../safety.js';

export const eventRows = 3;
export const decisionRows = 2;
const minColumnWidth = 14;

export function paxosView(state: PaxosState, context: ViewContext): Screen {
	const {columns, bodyRows} = context;
	const {acceptors, proposers, multi} = state.config;
	const count = acceptors + proposers;
	if (columns < count * minColumnWidth) return {kind: 'too-small', reason: `${acceptors} acceptors and ${proposers} proposers need a terminal at least ${count * minColumnWidth} columns wide (this one has ${columns})`};
	const width = Math.min(30, Math.floor(columns / count));
	const learners = learnerLines(state, columns);
	const reasons = reasonLines(state);
	const wantColumn = multi ? Math.max(8, Math.min(12, bodyRows - learners.length - 4)) : 7;
	const columnHeight = Math.min(wantColumn, bodyRows - 3);
	if (columnHeight < 5) return {kind: 'too-small', reason: `the Paxos mode needs at least 8 rows for its body (this terminal leaves ${bodyRows})`};
	if (context.diagram) return diagramScreen(state, context);
	const instanceRows = columnHeight - 3 - 1;
	const firstInstance = Math.max(1, instanceCount(state) - instanceRows + 1);
	const cols = [
		...state.acceptors.map((acceptor, index) => acceptorColumn(state, acceptor, width, columnHeight, context.selected === index, firstInstance)),
		...state.proposers.map((proposer, index) => proposerColumn(state, proposer, width, context.selected === acceptors + index)),
	];
	const left = bodyRows - columnHeight;
	const fixed = [...reasons, ...learners].slice(0, Math.max(0, left - 2));
	const extra: Line[] = [...fixed, ...messageLines(state, left - fixed.length, context.cursor, columns - 1)];
	return {...frame(state, columns), panels: [{id: 'cluster', columns: cols}], columnHeight, extra};
}

/** The header, the event lines and the decision rows, the same over the columns and the diagram. */
function frame(state: PaxosState, columns: number) {
	const wide = columns >= 110;
	const last = state.last;
	const lastText = last.kind === 'start' ? `start: ${last.text}` : `#${last.n} ${last.time} ms: ${last.text}`;
	return {
		kind: 'screen' as const,
		// Narrow: the lamps' codes leave room for one short word.
		header: wide ? [state.config.multi ? 'Multi-Paxos' : 'single-decree', `seed ${state.config.seed}`] : [state.config.multi ? 'multi' : 'single'],
		badges: [seg(wide ? 'lamps' : '', 'dim'), ...lampSegments(lampCodes, brokenByCode(state))],
		position: `t=${state.time}ms · event ${state.events}`,
		events: [...padRows(wrapLines(lastText, columns, 2), 2).map(text => [seg(text, last.kind === 'action' ? 'accent' : undefined)]), [seg(`next: ${nextEventText(state)}`, 'dim')]],
		decision: [chosenLine(state), secondDecisionLine(state)],
	};
}

/** The body as the space-time diagram (v): the latest events over the ▸ message in flight (so [ ] d g m still work). */
function diagramScreen(state: PaxosState, context: ViewContext): Screen {
	const {columns, bodyRows} = context;
	const extra = [...paxosDiagramLines(state, columns - 1, Math.max(1, bodyRows - 1)), ...messageLines(state, 1, context.cursor, columns - 1)];
	return {...frame(state, columns), panels: [], columnHeight: 0, extra};
}

function padRows(rows: string[], count: number): string[] {
	return [...rows, ...Array.from({length: Math.max(0, count - rows.length)}, () => '')];
}

/** The broken lamps keyed by their short code (the shared lamps read codes). */
function brokenByCode(state: PaxosState): Record<string, unknown> {
	const broken: Record<string, unknown> = {};
	for (const lamp of lampNames) if (state.lamps.broken[lamp] !== undefined) broken[lampShort[lamp]] = state.lamps.broken[lamp];
	return broken;
}
