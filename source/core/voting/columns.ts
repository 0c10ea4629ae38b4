import type {Model} from '../models/model.js';
import {replicaStatus, shortDigest, statusText} from './replica-status.js';
import type {ReplicaState, SimState} from './types.js';
import {seg, type Column, type Line} from '../engine/screen.js';
import {cellWidth, fit} from '../engine/text.js';
import {historyWindow} from './history-window.js';
import {transitionLine, type LineForm} from './transition-line.js';

/** Columns this wide or wider get a space of padding and full labels; narrower ones are compact. */
export const fullColumnWidth = 22;
/** The narrowest column that still shows the status word, the state and the digest. */
export const minColumnWidth = 13;

export type ColumnShape = {
	readonly width: number;
	readonly historyRows: number;
	/** The status gets a line of its own, under the name, when some column's status does not fit beside it. */
	readonly statusApart: boolean;
};

/** Whether the statuses of this frame need a line of their own (in every column alike, so rows stay aligned). */
export function statusApart(sim: SimState, width: number): boolean {
	const inner = innerWidth(width) - (width >= fullColumnWidth ? 1 : 0);
	return sim.replicas.some(replica => {
		const status = replicaStatus(sim, replica);
		return cellWidth(`▸${replica.name} ${status.glyph} ${status.word}`) > inner;
	});
}

/** Title, applied, digest and the rule under them; the model's state lines come on top. */
export const columnFixedRows = 4;

/**
 * The history lines of every column of one frame, in one form: the long form
 * ("#42 deposit 15 → 130") if every line of every column fits, else the short
 * one ("#42 +15 →130"), else the tiny one ("+15 →130 ⇅="), so side-by-side
 * columns stay comparable.
 */
export function historyLines(sim: SimState, shape: ColumnShape): string[][] {
	const inner = innerWidth(shape.width);
	const windows = sim.replicas.map(replica => historyWindow(replica.recent, shape.historyRows));
	const lines = (form: LineForm) => windows.map(window => window.map(transition => transitionLine(sim.model, transition, form, inner)));
	const fits = (form: string[][]) => form.every(column => column.every(text => cellWidth(text) <= inner));
	const long = lines('long');
	if (fits(long)) return long;
	const short = lines('short');
	return fits(short) ? short : lines('tiny');
}

function innerWidth(width: number): number {
	return width >= fullColumnWidth ? width - 4 : width - 2;
}

export function replicaColumn(sim: SimState, replica: ReplicaState, selected: boolean, shape: ColumnShape, history: readonly string[]): Column {
	const {model} = sim;
	const full = shape.width >= fullColumnWidth;
	const inner = innerWidth(shape.width);
	const pad = (text: string) => (full ? ` ${fit(text, inner)} ` : fit(text, inner));
	const labelWidth = full ? 8 : Math.max(...labels(model, replica).map(label => label.length));
	// Values line up under the longest label, unless that would cut one (a digest beside "balance" in 13 cells): the label gives way, never the value.
	const label = (name: string, value: string) => {
		const aligned = `${name.padEnd(labelWidth)} ${value}`;
		if (cellWidth(aligned) <= inner) return pad(aligned);
		if (cellWidth(`${name} ${value}`) <= inner) return pad(`${name} ${value}`);
		const room = inner - cellWidth(value) - 1;
		return pad(room >= 2 ? `${fit(name, room)} ${value}` : value);
	};
	const status = replicaStatus(sim, replica);
	const window = historyWindow(replica.recent, shape.historyRows);
	const title = `${selected ? '▸' : ' '}${replica.name} `;
	const statusApart = shape.statusApart;
	const besideTitle = inner - cellWidth(title) - (full ? 1 : 0);
	const shownStatus = statusText(sim, replica, statusApart ? inner : besideTitle);
	const lines: Line[] = [
		...(statusApart ? [[seg(pad(shownStatus), status.tone, true)]] : []),
		[seg(label(full ? 'applied' : 'at', replica.applied > 0 ? `#${replica.applied}` : '—'))],
		...model.describeState(replica.state).map(([name, value]) => [seg(label(name, value))]),
		[seg(label(full ? 'digest' : 'dig', shortDigest(replica.digest)), status.tone === 'bad' ? 'bad' : 'dim')],
		[seg(pad('─'.repeat(inner)), 'dim')],
		...window.map((transition, i) => [seg(pad(history[i] ?? ''), transition.note === 'skipped' || transition.note === 'corrupted' ? 'bad' : undefined)]),
	];
	return {
		id: replica.name,
		width: shape.width,
		title: statusApart ? [seg(title, undefined, true)] : [seg(full ? ` ${title}` : title, undefined, true), seg(shownStatus, status.tone, true)],
		lines,
		selected,
	};
}

function labels(model: Model, replica: ReplicaState): string[] {
	return ['at', 'dig', ...model.describeState(replica.state).map(([name]) => name)];
}
