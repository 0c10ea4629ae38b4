import type {ViewContext} from '../engine/mode.js';
import type {Screen} from '../engine/screen.js';
import {columnWidthFor, memberColumn, minColumnWidth} from './member-column.js';
import type {EtcdState} from './state.js';
import {decisionLines, eventLines, recentEventLines} from './summary-lines.js';
import {seconds} from './text.js';

export const etcdEventRows = 2;
export const etcdDecisionRows = 2;
/** Borders, title, term, commit, applied, two progress rows, the keys rule, two key rows and the digest. */
const minColumnHeight = 12;

export function headerFields(state: EtcdState): string[] {
	const {info} = state;
	// The shell puts the mode's name ("etcd") and the write rate in the header itself.
	const fields = [`v${info.version}`, `${info.members.length} member${info.members.length === 1 ? '' : 's'}`];
	// An attached cluster: the shell's rate field says read-only.
	if (!info.owned) return [...fields, 'attached'];
	fields.push(`seed ${info.seed}`);
	if (info.preVote) fields.push('pre-vote');
	return fields;
}

/** The etcd mode's screen: one column per member, the writer and latest event above, the leader and keys below. */
export function etcdView(state: EtcdState, context: ViewContext): Screen {
	const n = state.members.length;
	const width = columnWidthFor(context.columns, n);
	if (width < minColumnWidth) {
		return {kind: 'too-small', reason: `${n} members need ${n * minColumnWidth} columns (${minColumnWidth} each); this terminal has ${context.columns}. Widen it, or start fewer --members.`};
	}

	if (context.bodyRows < minColumnHeight) {
		return {kind: 'too-small', reason: `The member columns need ${minColumnHeight} rows between the header and the key hints; this terminal leaves ${context.bodyRows}. Make it taller.`};
	}

	const selected = Math.min(Math.max(0, context.selected), n - 1);
	// Inside a box: two borders and the title.
	const columns = state.members.map((_, i) => memberColumn(state, i, width, i === selected, context.bodyRows - 3));
	const tallest = Math.max(...columns.map(column => column.lines.length)) + 3;
	const columnHeight = Math.min(context.bodyRows, Math.max(minColumnHeight, tallest));
	const extra = recentEventLines(state, context.columns, context.bodyRows - columnHeight);
	const violations = state.violationCount;
	return {
		kind: 'screen',
		header: headerFields(state),
		badges: violations === 0 ? [{text: '✓ checks hold', tone: 'good'}] : [{text: `⚠ ${violations} finding${violations === 1 ? '' : 's'}`, tone: 'bad'}],
		position: seconds(state.at),
		events: eventLines(state, context.columns),
		panels: [{id: 'members', columns}],
		columnHeight,
		...(extra.length > 0 ? {extra} : {}),
		decision: decisionLines(state, context.columns),
	};
}
