/**
 * One replica as a column: its delivered count, state digest and state, what
 * it knows (the next number, the clocks heard, the Raft term and log), its
 * hold-back queue and status, then its delivered sequence, one row per
 * position — the same rows in every column of a panel, so agreement can be
 * read across a row.
 */
import {recentSize} from '../../engine/recent.js';
import {seg, type Column, type Line, type Tone} from '../../engine/screen.js';
import {roleGlyph} from '../../raft/names.js';
import type {Role} from '../../raft/types.js';
import {compactInput} from '../describe.js';
import {lamportNext} from '../lamport.js';
import {clientName, inputLabel, replicaName} from '../names.js';
import {recentAt} from '../panel.js';
import {heldCount, isStalled, isUp} from '../queries.js';
import type {ArchId, Delivery, LamportReplica, OrderState, Replica, SeqReplica} from '../types.js';
import {cellWidth, cut, fitFirst} from '../../engine/text.js';
import {inputById} from '../input-log.js';

/** Rows above the delivered sequence, at the least: state, knowledge, hold-back, status. */
export const infoRows = 4;

export type ColumnLayout = {
	readonly width: number;
	/** The first position shown, and how many rows of positions. */
	readonly first: number;
	readonly rows: number;
	readonly separator: boolean;
	/** Rows for the state (a state of many fields wraps: kv's five keys), and for the hold-back queue (its entries wrap). */
	readonly stateRows: number;
	readonly holdRows: number;
};

function hex4(digest: number): string {
	return ((digest >>> 0) & 0xff_ff).toString(16).padStart(4, '0');
}

const roleTone: Readonly<Record<Role, Tone | undefined>> = {leader: 'good', candidate: 'warn', precandidate: 'warn', follower: undefined, crashed: 'bad'};

function title(state: OrderState, arch: ArchId, replica: Replica, inner: number, selected: boolean): Line {
	const mark = selected ? '▸' : ' ';
	const name = replicaName(arch, replica.index);
	const up = isUp(state, arch, replica.index);
	const head = seg(`${mark}${name} `, selected ? 'accent' : undefined, true);
	if (arch === 'consensus') {
		const server = state.raft.servers[replica.index]!;
		const glyph = roleGlyph[server.role];
		const word = server.role === 'crashed' ? 'down' : server.role === 'leader' ? 'leader' : server.role === 'follower' ? '' : 'cand.';
		const room = inner - name.length - 2;
		// A crashed server has lost what it applied: no count.
		const forms = server.role === 'crashed' ? [`${glyph} ${word}`] : [word === '' ? `${glyph} ${replica.delivered}` : `${glyph} ${word} ${replica.delivered}`, `${glyph} ${word}`, `${glyph} ${replica.delivered}`];
		const text = fitFirst(forms, room);
		return [head, seg(text, roleTone[server.role], server.role === 'leader')];
	}

	if (!up) return [head, seg('○ down', 'bad', true)];
	return [head, seg('●', 'good'), seg(cut(` ${replica.delivered}`, inner - name.length - 3))];
}

/** A crashed Raft server has no state machine (the column's state and deliveries are rebuilt after a restart). */
function lostInCrash(state: OrderState, arch: ArchId, replica: Replica): boolean {
	return arch === 'consensus' && !isUp(state, arch, replica.index);
}

/** The state's values in words: with their names when there are many (kv: "a— b10 c7"), else the values alone ("235"). */
function stateTokens(state: OrderState, replica: Replica): string[] {
	const fields = state.model.describeState(replica.machine);
	return fields.length > 2 ? fields.map(([name, value]) => `${name}${value}`) : [fields.map(([, value]) => value).join(' ')];
}

/** `tokens` in rows of `width` cells, as many to a row as fit. */
function tokenRows(tokens: readonly string[], width: number): string[] {
	const rows: string[] = [];
	for (const token of tokens) {
		const last = rows.at(-1);
		if (last !== undefined && cellWidth(last) + 1 + cellWidth(token) <= width) rows[rows.length - 1] = `${last} ${token}`;
		else rows.push(token);
	}

	return rows;
}

/** `tokens` in `rows` rows, the same number to a row (the last may have fewer), or undefined if a row would be wider than `width`. */
function evenRows(tokens: readonly string[], width: number, rows: number): string[] | undefined {
	const each = Math.ceil(tokens.length / Math.max(1, rows));
	const result: string[] = [];
	for (let at = 0; at < tokens.length; at += each) result.push(tokens.slice(at, at + each).join(' '));
	return result.every(row => cellWidth(row) <= width) ? result : undefined;
}

/** The fewest rows `tokens` take in rows of `width`, the same number to a row (so that columns side by side line up). */
function fewestRows(tokens: readonly string[], width: number): number {
	for (let rows = 1; rows < tokens.length; rows++) if (evenRows(tokens, width, rows) !== undefined) return rows;
	return tokens.length;
}

/** Rows the replica's state takes when shown whole: digest and values on one row, or the digest above the values' rows. */
export function stateRowsNeeded(state: OrderState, replica: Replica, inner: number): number {
	const tokens = stateTokens(state, replica);
	if (4 + 1 + cellWidth(tokens.join(' ')) <= inner) return 1;
	return 1 + fewestRows(tokens, inner);
}

/** The state in `rows` rows: with its digest when that fits, else the values alone (the digest is what the values say, in short). */
function stateLines(state: OrderState, replica: Replica, inner: number, rows: number): Line[] {
	const digest = seg(hex4(state.model.digest(replica.machine)), 'dim');
	const tokens = stateTokens(state, replica);
	const values = tokens.join(' ');
	const underDigest = rows > 1 ? evenRows(tokens, inner, rows - 1) : undefined;
	const alone = evenRows(tokens, inner, rows);
	let lines: Line[];
	if (4 + 1 + cellWidth(values) <= inner) lines = [[digest, seg(` ${values}`)]];
	else if (underDigest) lines = [[digest], ...underDigest.map(row => [seg(row)])];
	else if (rows > 1 && alone) lines = alone.map(row => [seg(row)]);
	else lines = [[digest, seg(cut(` ${values}`, inner - 4))]];
	while (lines.length < rows) lines.push([]);
	return lines;
}

function knowledgeLine(state: OrderState, arch: ArchId, replica: Replica, inner: number): Line {
	switch (arch) {
		case 'none':
			return [seg(fitFirst(['applies on arrival', 'on arrival'], inner), 'dim')];
		case 'sequencer':
			return [seg(fitFirst([`next #${(replica as SeqReplica).nextSeq}`], inner))];
		case 'lamport': {
			const heard = (replica as LamportReplica).heard.map((ts, client) => `${clientName(client)}${ts}`);
			return [seg(fitFirst([`heard ${heard.join(' ')}`, heard.join(' '), heard.join('')], inner))];
		}

		case 'consensus': {
			const server = state.raft.servers[replica.index]!;
			return [seg(fitFirst([`T${server.currentTerm} log ${server.log.length} ✓${server.commitIndex}`, `T${server.currentTerm} ${server.log.length} ✓${server.commitIndex}`], inner))];
		}
	}
}

/** What a replica holds back, in the order it will deliver them: numbers, stamped inputs, or log entries not yet applied (at most `limit`). */
function heldItems(state: OrderState, arch: ArchId, replica: Replica, limit: number): string[] {
	if (arch === 'sequencer') return (replica as SeqReplica).holdback.slice(0, limit).map(item => `#${item.seq}`);
	if (arch === 'lamport') return (replica as LamportReplica).holdback.slice(0, limit).map(item => `${inputLabel(item.ref.client, item.ref.number)}@${item.ts}`);
	if (arch === 'consensus') {
		const server = state.raft.servers[replica.index]!;
		const items: string[] = [];
		for (let index = server.lastApplied + 1; index <= server.log.length && items.length < limit; index++) {
			const ref = inputById(state, server.log.entryAt(index)!.request);
			items.push(ref === undefined ? `@${index}` : inputLabel(ref.client, ref.number));
		}

		return items;
	}

	return [];
}

/**
 * The hold-back queue in `rows` rows: its size, then its entries as many as
 * fit, and "+N" for the rest. Nothing is cut: the count is always whole.
 */
function holdLines(state: OrderState, arch: ArchId, replica: Replica, inner: number, rows: number): Line[] {
	const lines: Line[] = [];
	const count = heldCount(state, arch, replica.index);
	if (arch === 'none') lines.push([seg('hold —', 'dim')]);
	else if (count === 0) lines.push([seg(arch === 'consensus' ? fitFirst(['uncommitted 0', 'uncommit. 0', 'wait 0'], inner) : 'hold 0', 'dim')]);
	else {
		const word = arch === 'consensus' ? fitFirst(['uncommitted', 'uncommit.', 'wait'], inner - String(count).length - 1) : 'hold';
		const head = `${word} ${count}`;
		// An entry takes at least three cells with its space ("#7 "): no more can fit.
		const items = heldItems(state, arch, replica, Math.floor((rows * (inner + 1)) / 3));
		// Fill the rows; then, if some entries are left over, make room for "+N" at the end.
		const fill = (shown: number) => tokenRows([head, ...items.slice(0, shown), ...(shown > 0 && shown < count ? [`+${count - shown}`] : [])], inner);
		let shown = items.length;
		while (shown > 0 && (fill(shown).length > rows || fill(shown).some(row => cellWidth(row) > inner))) shown--;
		const [first = head, ...rest] = fill(shown);
		lines.push([seg(head, 'warn'), seg(first.slice(head.length))], ...rest.map(row => [seg(row)]));
	}

	while (lines.length < rows) lines.push([]);
	return lines;
}

function statusLine(state: OrderState, arch: ArchId, replica: Replica, inner: number): Line {
	if (!isUp(state, arch, replica.index)) {
		const since = replica.downSince === null ? '' : ` ${state.time - replica.downSince}ms`;
		return [seg(fitFirst([`○ down${since}`, '○ down'], inner), 'bad')];
	}

	const stalled = isStalled(state, arch, replica.index);
	const reasons = shortReasons(state, arch, replica);
	if (stalled) return [seg(fitFirst([...reasons.map(reason => `⚠ stalled: ${reason}`), '⚠ stalled'], inner), 'bad', true)];
	if (replica.diverged) {
		const {pos} = replica.diverged;
		return [seg(fitFirst([`≠ since #${pos}`, `≠ at #${pos}`, `≠ #${pos}`, '≠'], inner), 'bad')];
	}

	if (reasons.length > 0) return [seg(fitFirst([...reasons.map(reason => `… ${reason}`), '… waits'], inner), 'warn')];
	return [seg('✓ in step', 'good')];
}

/** The reason a replica waits, in a few cells: shorter forms after longer ones; none when it does not wait. */
function shortReasons(state: OrderState, arch: ArchId, replica: Replica): string[] {
	switch (arch) {
		case 'none':
			return [];
		case 'sequencer': {
			const seq = replica as SeqReplica;
			if (seq.holdback.length > 0) return [`needs #${seq.nextSeq}`, `#${seq.nextSeq}`];
			return state.archs.sequencer.sequencer.up ? [] : ['Q down'];
		}

		case 'lamport': {
			const lamport = replica as LamportReplica;
			const next = lamportNext(lamport);
			if (next !== undefined && next.waitingFor.length > 0) {
				const names = next.waitingFor.map(client => clientName(client)).join('');
				return [`needs ${names}`, names];
			}

			const gap = lamport.holdback.find(item => item.ref.number > lamport.contiguous[item.ref.client]!);
			if (gap === undefined) return [];
			const label = inputLabel(gap.ref.client, lamport.contiguous[gap.ref.client]! + 1);
			return [`needs ${label}`, label];
		}

		case 'consensus': {
			const up = state.raft.servers.filter(server => server.role !== 'crashed').length;
			if (up < 2) return ['no majority', 'no quorum'];
			return state.raft.servers.some(server => server.role === 'leader') ? [] : ['no leader'];
		}
	}
}

function deliveryAt(replica: Replica, pos: number): Delivery | undefined {
	const kept = recentSize(replica.recent);
	const firstKept = replica.delivered - kept + 1;
	if (pos < firstKept || pos > replica.delivered) return undefined;
	return recentAt(replica.recent, pos - firstKept);
}

function deliveryLine(state: OrderState, replica: Replica, pos: number, inner: number): Line {
	const delivery = deliveryAt(replica, pos);
	if (delivery === undefined) return [];
	const number = String(pos);
	const label = inputLabel(delivery.ref.client, delivery.ref.number);
	const text = cut(`${label} ${compactInput(state.model, delivery.ref.input)}`, inner - number.length - 1);
	if (!delivery.matches) return [seg(number, 'dim'), seg('≠', 'bad', true), seg(text, 'bad')];
	return [seg(`${number} `, 'dim'), seg(text)];
}

export function replicaColumn(state: OrderState, arch: ArchId, replica: Replica, layout: ColumnLayout, selected: boolean): Column {
	const inner = layout.width - 2;
	const lost = lostInCrash(state, arch, replica);
	const stateRows: Line[] = lost ? [[seg(fitFirst(['state lost in the crash', 'state lost', 'lost'], inner), 'dim')]] : stateLines(state, replica, inner, layout.stateRows);
	while (stateRows.length < layout.stateRows) stateRows.push([]);
	const lines: Line[] = [...stateRows, knowledgeLine(state, arch, replica, inner), ...holdLines(state, arch, replica, inner, layout.holdRows), statusLine(state, arch, replica, inner)];
	if (layout.separator) lines.push([seg(inner >= 11 ? `─ delivered${'─'.repeat(inner - 11)}` : '─'.repeat(inner), 'dim')]);
	if (replica.delivered < layout.first && layout.rows > 0) {
		if (!lost) lines.push([seg(cut(replica.delivered === 0 ? 'nothing yet' : `(at #${replica.delivered})`, inner), 'dim')]);
	} else {
		for (let row = 0; row < layout.rows; row++) lines.push(deliveryLine(state, replica, layout.first + row, inner));
	}

	const up = isUp(state, arch, replica.index);
	return {
		id: `${arch}/${replica.index}`,
		width: layout.width,
		title: title(state, arch, replica, inner, selected),
		lines,
		selected,
		...(up ? (replica.diverged ? {borderTone: 'bad' as const} : {}) : {borderTone: 'muted' as const}),
	};
}
