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
import {cut, fitFirst} from '../../engine/text.js';

/** Rows above the delivered sequence: state, knowledge, hold-back, status. */
export const infoRows = 4;

export type ColumnLayout = {
	readonly width: number;
	/** The first position shown, and how many rows of positions. */
	readonly first: number;
	readonly rows: number;
	readonly separator: boolean;
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

function stateLine(state: OrderState, replica: Replica, inner: number): Line {
	const values = state.model.describeState(replica.machine).map(([, value]) => value).join(' ');
	return [seg(hex4(state.model.digest(replica.machine)), 'dim'), seg(cut(` ${values}`, inner - 4))];
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

function holdLine(state: OrderState, arch: ArchId, replica: Replica, inner: number): Line {
	const count = heldCount(state, arch, replica.index);
	if (arch === 'none') return [seg('hold —', 'dim')];
	if (count === 0) return [seg(arch === 'consensus' ? fitFirst(['uncommitted 0', 'uncommit. 0', 'wait 0'], inner) : 'hold 0', 'dim')];
	let items: string[] = [];
	if (arch === 'sequencer') items = (replica as SeqReplica).holdback.map(item => `#${item.seq}`);
	else if (arch === 'lamport') items = (replica as LamportReplica).holdback.map(item => `${inputLabel(item.ref.client, item.ref.number)}@${item.ts}`);
	const word = arch === 'consensus' ? fitFirst(['uncommitted', 'uncommit.', 'wait'], inner - String(count).length - 1) : 'hold';
	return [seg(`${word} ${count}`, 'warn'), seg(cut(items.length > 0 ? ` ${items.join(' ')}` : '', inner - word.length - String(count).length - 1))];
}

function statusLine(state: OrderState, arch: ArchId, replica: Replica, inner: number): Line {
	if (!isUp(state, arch, replica.index)) {
		const since = replica.downSince === null ? '' : ` ${state.time - replica.downSince}ms`;
		return [seg(fitFirst([`○ down${since}`, '○ down'], inner), 'bad')];
	}

	const stalled = isStalled(state, arch, replica.index);
	const short = shortReason(state, arch, replica);
	if (stalled) return [seg(fitFirst([`⚠ stalled${short ? `: ${short}` : ''}`, '⚠ stalled'], inner), 'bad', true)];
	if (replica.diverged) return [seg(cut(`≠ since #${replica.diverged.pos}`, inner), 'bad')];
	if (short) return [seg(cut(`… ${short}`, inner), 'warn')];
	return [seg('✓ in step', 'good')];
}

/** The reason a replica waits, in a few cells. */
function shortReason(state: OrderState, arch: ArchId, replica: Replica): string | undefined {
	switch (arch) {
		case 'none':
			return undefined;
		case 'sequencer': {
			const seq = replica as SeqReplica;
			if (seq.holdback.length > 0) return `needs #${seq.nextSeq}`;
			return state.archs.sequencer.sequencer.up ? undefined : 'Q down';
		}

		case 'lamport': {
			const lamport = replica as LamportReplica;
			const next = lamportNext(lamport);
			if (next !== undefined && next.waitingFor.length > 0) return `needs ${next.waitingFor.map(client => clientName(client)).join('')}`;
			const gap = lamport.holdback.find(item => item.ref.number > lamport.contiguous[item.ref.client]!);
			return gap === undefined ? undefined : `needs ${inputLabel(gap.ref.client, lamport.contiguous[gap.ref.client]! + 1)}`;
		}

		case 'consensus': {
			const up = state.raft.servers.filter(server => server.role !== 'crashed').length;
			if (up < 2) return 'no majority';
			return state.raft.servers.some(server => server.role === 'leader') ? undefined : 'no leader';
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
	const lines: Line[] = [lost ? [seg(fitFirst(['state lost in the crash', 'state lost', 'lost'], inner), 'dim')] : stateLine(state, replica, inner), knowledgeLine(state, arch, replica, inner), holdLine(state, arch, replica, inner), statusLine(state, arch, replica, inner)];
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
