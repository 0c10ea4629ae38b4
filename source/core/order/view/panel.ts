/**
 * One architecture as a panel: a title with what is particular to it (the
 * sequencer, the clients' clocks, the Raft leader), a column per replica,
 * and under them the live checks: agreement, FIFO, latency, messages per
 * input, and whether it delivers or stalls, and why.
 */
import {seg, type Line, type Panel, type Segment} from '../../engine/screen.js';
import {currentLeader} from '../../raft/queries.js';
import {archTitle, clientName, replicaName} from '../names.js';
import {holdReason, isUp, panelSummary, stallReasons, type PanelSummary} from '../queries.js';
import type {ArchId, OrderState} from '../types.js';
import {replicaColumn, type ColumnLayout} from './column.js';
import {cut, fit, wrap} from './text.js';

function particular(state: OrderState, arch: ArchId): Segment[] {
	switch (arch) {
		case 'none':
			return [seg('applies on arrival', 'dim')];
		case 'sequencer': {
			const q = state.archs.sequencer.sequencer;
			return q.up ? [seg('Q ● up', 'good'), seg(` next #${q.nextSeq}`)] : [seg('Q ○ DOWN', 'bad', true), seg(` at #${q.nextSeq}`)];
		}

		case 'lamport': {
			const {clients, heartbeats} = state.archs.lamport;
			const clocks = clients.map((client, id) => `${clientName(id)}${state.clients[id]!.silenced ? '∅' : ''}${client.clock}`).join(' ');
			return [seg(`clocks ${clocks}`), seg(heartbeats ? ' ♥ nulls on' : ' nulls off', heartbeats ? 'good' : 'dim')];
		}

		case 'consensus': {
			const leader = currentLeader(state.raft);
			return leader === undefined ? [seg('○ no leader', 'warn')] : [seg(`★ S${leader + 1} leads T${state.raft.servers[leader]!.currentTerm}`, 'good')];
		}
	}
}

export function panelTitle(state: OrderState, arch: ArchId, number: number, width: number, focused: boolean): Line {
	const head = `${focused ? '▸' : ' '}${number} ${archTitle[arch]}`;
	const parts = particular(state, arch);
	const rest = parts.reduce((sum, part) => sum + part.text.length, 0);
	const title = fit([head, `${focused ? '▸' : ' '}${number} ${arch === 'consensus' ? 'consensus' : arch === 'lamport' ? 'Lamport' : arch === 'none' ? 'no order' : 'sequencer'}`], Math.max(6, width - rest - 3));
	const line: Segment[] = [seg(title, focused ? 'accent' : undefined, true), seg(' · ', 'dim'), ...parts];
	return line;
}

export function checksLine(summary: PanelSummary, width: number): Line {
	const {agreement, fifo} = summary;
	const agree = agreement.agree ? seg('✓ agree', 'good', true) : seg(`✗ ${agreement.text}`, 'bad', true);
	const order = fifo.kept ? seg('✓ FIFO', 'good') : seg(`✗ FIFO ${fifo.text}`, 'bad');
	const used = agree.text.length + 2;
	return [agree, seg('  '), {...order, text: cut(order.text, Math.max(0, width - used))}];
}

export function costLine(summary: PanelSummary, width: number): Line {
	const {latency, perInput} = summary;
	const per = perInput === undefined ? '—' : perInput.toFixed(1);
	if (latency === undefined) return [seg(fit([`latency — · ${per} msg/input`, `lat — · ${per} msg/in`], width), 'dim')];
	const {median, worst} = latency;
	return [seg(fit([`latency ${median} median, ${worst} worst ms · ${per} msg/input`, `latency ${median}/${worst} ms · ${per} msg/input`, `lat ${median}/${worst}ms · ${per} msg/in`, `${median}/${worst}ms ${per}m/in`], width))];
}

/** The panel's status in words (stalled and why, down, waiting, or delivering): the longest form first. */
export function statusOptions(state: OrderState, summary: PanelSummary): {options: string[]; tone: 'good' | 'warn' | 'bad' | 'dim'} {
	const {arch} = summary;
	const names = (ids: readonly number[]) => ids.map(id => replicaName(arch, id)).join(' ');
	if (summary.stalled.length > 0) {
		const who = summary.stalled.length === 3 ? 'all stalled' : `${names(summary.stalled)} stalled`;
		const reasons = stallReasons(state, arch, summary.stalled[0]!);
		const options = reasons.flatMap(reason => [`⚠ ${names(summary.stalled)} stalled: ${reason}`, `⚠ ${who}: ${reason}`]);
		return {options: [...options, `⚠ ${reasons.at(-1)!}`], tone: 'bad'};
	}

	if (arch === 'sequencer' && !state.archs.sequencer.sequencer.up) {
		return {options: ['✗ Q is down: nothing gets a number; a new sequencer would need consensus', '✗ Q down: nothing gets a number; a new one needs consensus', '✗ Q down: a new one needs consensus'], tone: 'bad'};
	}

	const replicas = state.archs[arch].replicas;
	const down = replicas.filter(replica => !isUp(state, arch, replica.index)).map(replica => replica.index);
	const waiting = replicas.flatMap(replica => {
		if (!isUp(state, arch, replica.index)) return [];
		const reason = holdReason(state, arch, replica.index);
		return reason === undefined ? [] : [`${replicaName(arch, replica.index)} ${reason}`];
	});
	const parts: string[] = [];
	if (down.length > 0) parts.push(`○ ${names(down)} down`);
	if (waiting.length > 0) parts.push(`… ${waiting[0]}${waiting.length > 1 ? ` (+${waiting.length - 1})` : ''}`);
	if (parts.length > 0) return {options: [parts.join(' · ')], tone: 'warn'};
	if (state.archs[arch].stats.deliveries === 0) return {options: ['· nothing delivered yet'], tone: 'dim'};
	return {options: ['✓ delivering'], tone: 'good'};
}

/** Whether `text` wraps into `rows` lines of `width` without being cut. */
function fitsIn(text: string, width: number, rows: number): boolean {
	const lines = wrap(text, width, rows + 1);
	return lines.length <= rows && !lines.at(-1)!.endsWith('…');
}

export type PanelLayout = {readonly width: number; readonly columnWidth: number; readonly first: number; readonly rows: number; readonly separator: boolean; readonly statusRows: number};

export function panelView(state: OrderState, arch: ArchId, number: number, layout: PanelLayout, focused: boolean, selectedReplica: number): {panel: Panel; extra: Line[]} {
	const replicas = state.archs[arch].replicas;
	const columnLayout: ColumnLayout = {width: layout.columnWidth, first: layout.first, rows: layout.rows, separator: layout.separator};
	const columns = replicas.map(replica => replicaColumn(state, arch, replica, columnLayout, focused && replica.index === selectedReplica));
	const summary = panelSummary(state, arch);
	const inner = layout.width - 1;
	const status = statusOptions(state, summary);
	const chosen = status.options.find(option => fitsIn(option, inner, layout.statusRows)) ?? status.options.at(-1)!;
	const statusLines = wrap(chosen, inner, layout.statusRows).map(text => [seg(text, status.tone, status.tone === 'bad')]);
	while (statusLines.length < layout.statusRows) statusLines.push([]);
	return {
		panel: {id: arch, title: panelTitle(state, arch, number, layout.width, focused), columns},
		extra: [checksLine(summary, inner), costLine(summary, inner), ...statusLines],
	};
}
