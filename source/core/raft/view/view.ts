/**
 * The Raft mode's screen: a column per server (logs aligned by index), the
 * last and the next event in words, the messages in flight (selectable), the
 * client, a space-time diagram when there is room, and the decision line.
 */
import type {ViewContext} from '../../engine/mode.js';
import {cutLine, lineWidth, seg, type Line, type Screen} from '../../engine/screen.js';
import {shortInputText} from '../describe.js';
import {serverName} from '../names.js';
import {currentLeader, inFlight, longestLog} from '../queries.js';
import type {RaftState} from '../types.js';
import {infoRows, serverColumn} from './column.js';
import {counterexampleLines, headerParts, shownViolation} from './lamps.js';
import {ladderLines} from './ladder.js';
import {messageGrid, messageList, raftLook} from './messages.js';
import {inFlightHeader as netInFlightHeader} from '../../net/view/messages.js';
import {eventLines} from './event-line.js';
import {decisionText} from './decision-line.js';
import {padEnd} from '../../engine/text.js';

export const eventRows = 3;
export const decisionRows = 1;
export const minColumnWidth = 12;
const maxColumnWidth = 32;
/** Borders, title, the info rows and at least two log rows. */
export const minColumnHeight = 2 + 1 + infoRows + 2;
const wideColumns = 110;
const wideRows = 26;
const cellWidth = 26;


function clientLine(state: RaftState): Line {
	const {client} = state;
	const target = client.leaderGuess === null ? 'knows no leader' : `sends to ${serverName(client.leaderGuess)}`;
	const waiting = client.pending.slice(-3).map(item => `#${item.request} ${shortInputText(state.model, item.input)}→${serverName(item.target)}`);
	const more = client.pending.length > 3 ? ` +${client.pending.length - 3}` : '';
	const parts = [`client ${target}`, `${client.acked} acked`];
	if (client.pending.length > 0) parts.push(`waiting ${waiting.join(', ')}${more}`);
	if (client.gaveUp > 0) parts.push(`${client.gaveUp} given up`);
	if (client.lateAcks > 0) parts.push(`${client.lateAcks} acked after giving up`);
	return [seg(parts.join(' · '), 'dim')];
}

function tooSmall(reason: string): Screen {
	return {kind: 'too-small', reason};
}

export function raftView(state: RaftState, context: ViewContext): Screen {
	const size = state.servers.length;
	const {columns, bodyRows} = context;
	if (columns < size * minColumnWidth) return tooSmall(`${size} servers need a terminal at least ${size * minColumnWidth} columns wide (this one has ${columns})`);
	const wide = columns >= wideColumns && bodyRows >= wideRows;
	let extraRows = wide ? Math.max(10, Math.ceil(bodyRows * 0.5)) : bodyRows >= 17 ? 4 : 3;
	extraRows = Math.min(extraRows, bodyRows - minColumnHeight);
	if (extraRows < 1) return tooSmall(`the Raft mode needs at least ${minColumnHeight + 1} rows for its columns (this terminal leaves ${bodyRows})`);
	const columnHeight = bodyRows - extraRows;
	const width = Math.min(maxColumnWidth, Math.floor(columns / size));
	const logSpace = columnHeight - 3 - infoRows;
	const separator = logSpace >= 6;
	const logRows = logSpace - (separator ? 1 : 0);
	const longest = longestLog(state);
	const logFirst = longest <= logRows ? 1 : longest - logRows + 1;
	const leader = currentLeader(state);
	const selected = Math.min(context.selected, size - 1);
	const violation = shownViolation(state);
	const marked = (id: number) => (violation?.servers.includes(id) ? {index: violation.index} : undefined);
	const serverColumns = state.servers.map(server => serverColumn(state, server.id, {width, logFirst, logRows, separator}, server.id === selected, leader, marked(server.id)));
	const messages = inFlight(state);
	const cursor = messages.length === 0 ? 0 : ((context.cursor % messages.length) + messages.length) % messages.length;
	if (context.diagram) return diagramScreen(state, context, messages, cursor);
	const extra = wide ? wideExtra(state, messages, cursor, columns, extraRows) : narrowExtra(state, messages, cursor, columns, extraRows);
	if (violation !== undefined) {
		const lines = counterexampleLines(violation, columns - 1, Math.min(2, extra.length - 1));
		extra.splice(extra.length - lines.length, lines.length, ...lines);
	}

	const {header, badges, position} = headerParts(state, columns);
	return {
		kind: 'screen',
		header,
		badges,
		position,
		events: eventLines(state, columns - 1),
		panels: [{id: 'servers', columns: serverColumns}],
		columnHeight,
		extra: extra.map(row => cutLine(row, columns)),
		decision: [decisionText(state, columns - 1)],
	};
}

function inFlightHeader(state: RaftState, messages: ReturnType<typeof inFlight>, cursor: number, detail: boolean): Line {
	return netInFlightHeader(raftLook(state), state.time, messages, cursor, detail);
}

/**
 * The body as the space-time diagram (v): the latest events, as many as the
 * body has rows for, over the ▸ message in flight (so [ ] d g still work).
 */
function diagramScreen(state: RaftState, context: ViewContext, messages: ReturnType<typeof inFlight>, cursor: number): Screen {
	const {columns, bodyRows} = context;
	const lines = [...ladderLines(state, columns - 1, Math.max(1, bodyRows - 1)), inFlightHeader(state, messages, cursor, true)];
	const violation = shownViolation(state);
	if (violation !== undefined) {
		const marks = counterexampleLines(violation, columns - 1, 1);
		lines.splice(lines.length - marks.length, marks.length, ...marks);
	}

	const {header, badges, position} = headerParts(state, columns);
	return {
		kind: 'screen',
		header,
		badges,
		position,
		events: eventLines(state, columns - 1),
		panels: [],
		columnHeight: 0,
		extra: lines.map(row => cutLine(row, columns)),
		decision: [decisionText(state, columns - 1)],
	};
}

function narrowExtra(state: RaftState, messages: ReturnType<typeof inFlight>, cursor: number, columns: number, rows: number): Line[] {
	const lines: Line[] = [inFlightHeader(state, messages, cursor, true)];
	const gridRows = Math.max(0, rows - 2);
	lines.push(...messageGrid(state, messages, cursor, columns - 1, gridRows, cellWidth));
	if (rows >= 2) lines.push(clientLine(state));
	return lines.slice(0, rows);
}

function wideExtra(state: RaftState, messages: ReturnType<typeof inFlight>, cursor: number, columns: number, rows: number): Line[] {
	const leftWidth = Math.min(64, Math.floor(columns * 0.46));
	const rightWidth = columns - leftWidth - 2;
	const bodyRows = Math.max(0, rows - 3);
	const left = messageList(state, messages, cursor, leftWidth, bodyRows);
	const ladder = ladderLines(state, rightWidth, bodyRows + 1);
	const lines: Line[] = [inFlightHeader(state, messages, cursor, true)];
	const headerLeft = padEnd(messages.length === 0 ? '' : '[ ] select · m act on the ▸ message', leftWidth);
	lines.push([seg(headerLeft, 'dim'), seg('  '), ...(ladder[0] ?? [])]);
	for (let row = 0; row < bodyRows; row++) {
		const leftLine = left[row] ?? [];
		const used = lineWidth(leftLine);
		lines.push([...leftLine, seg(' '.repeat(Math.max(0, leftWidth - used)) + '  '), ...(ladder[row + 1] ?? [])]);
	}

	lines.push(clientLine(state));
	return lines.slice(0, rows);
}
