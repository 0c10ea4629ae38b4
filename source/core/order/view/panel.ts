/**
 * One architecture as a panel: a title with what is particular to it (the
 * sequencer, the clients' clocks, the Raft leader), a column per replica,
 * and under them the live checks: agreement, FIFO, latency, messages per
 * input, and whether it delivers or stalls, and why.
 */
import {lineWidth, seg, type Line, type Panel, type Segment} from '../../engine/screen.js';
import {currentLeader} from '../../raft/queries.js';
import {archTitle, clientName, replicaName} from '../names.js';
import {holdReasons, isUp, panelSummary, stallReasons, type PanelSummary} from '../queries.js';
import type {ArchId, OrderState} from '../types.js';
import {replicaColumn, type ColumnLayout} from './column.js';
import {cellWidth, fitFirst, wrapLines} from '../../engine/text.js';

/** What is particular to an architecture, for its title: a long form and a short one. */
function particular(state: OrderState, arch: ArchId): [long: Segment[], short: Segment[]] {
	switch (arch) {
		case 'none':
			return [[seg('applies on arrival', 'dim')], [seg('on arrival', 'dim')]];
		case 'sequencer': {
			const q = state.archs.sequencer.sequencer;
			if (!q.up) return [[seg('Q ○ DOWN', 'bad', true), seg(` at #${q.nextSeq}`)], [seg('Q ○ DOWN', 'bad', true)]];
			return [[seg('Q ● up', 'good'), seg(` next #${q.nextSeq}`)], [seg('Q ●', 'good'), seg(` #${q.nextSeq}`)]];
		}

		case 'lamport': {
			const {clients, heartbeats} = state.archs.lamport;
			const clocks = clients.map((client, id) => `${clientName(id)}${state.clients[id]!.silenced ? '∅' : ''}${client.clock}`).join(' ');
			const beats = (long: boolean) => (heartbeats ? seg(long ? ' · ♥ nulls on' : ' ♥', 'good') : seg(long ? ' · nulls off' : '', 'dim'));
			return [[seg(`clocks ${clocks}`), beats(true)], [seg(clocks), beats(false)]];
		}

		case 'consensus': {
			const leader = currentLeader(state.raft);
			if (leader === undefined) return [[seg('○ no leader', 'warn')], [seg('○ no leader', 'warn')]];
			const term = state.raft.servers[leader]!.currentTerm;
			return [[seg(`★ S${leader + 1} leads T${term}`, 'good')], [seg(`★ S${leader + 1} T${term}`, 'good')]];
		}
	}
}

const shortTitle: Readonly<Record<ArchId, string>> = {none: 'no order', sequencer: 'sequencer', lamport: 'Lamport', consensus: 'consensus'};

export function panelTitle(state: OrderState, arch: ArchId, number: number, room: number, focused: boolean): Line {
	const mark = `${focused ? '▸' : ' '}${number} `;
	const [long, short] = particular(state, arch);
	const tone = focused ? 'accent' : undefined;
	const candidates: Array<[string, Segment[]]> = [
		[archTitle[arch], long],
		[shortTitle[arch], long],
		[shortTitle[arch], short],
	];
	for (const [name, parts] of candidates) {
		if (mark.length + name.length + 3 + lineWidth(parts) <= room) return [seg(`${mark}${name}`, tone, true), seg(' · ', 'dim'), ...parts];
	}

	return [seg(`${mark}${shortTitle[arch]}`, tone, true), seg(' · ', 'dim'), ...short];
}

/**
 * Agreement and FIFO, each a verdict never cut: the full forms first, then
 * without the position of the divergence, then the FIFO break named by its
 * replica only, then by "✗ FIFO" alone (the last fits any panel).
 */
export function checksLine(summary: PanelSummary, width: number): Line {
	const {agreement, fifo} = summary;
	const agrees = agreement.agree ? [seg('✓ agree', 'good', true)] : [agreement.text, agreement.brief].map(text => seg(`✗ ${text}`, 'bad', true));
	const orders = fifo.kept ? [seg('✓ FIFO', 'good')] : [`FIFO ${fifo.text}`, `FIFO ${fifo.brief}`, 'FIFO'].map(text => seg(`✗ ${text}`, 'bad'));
	const forms: Array<[Segment, Segment]> = [[agrees[0]!, orders[0]!], ...orders.map(order => [agrees.at(-1)!, order] as [Segment, Segment])];
	const [agree, order] = forms.find(([a, o]) => cellWidth(a.text) + 2 + cellWidth(o.text) <= width) ?? forms.at(-1)!;
	return [agree, seg('  '), order];
}

export function costLine(summary: PanelSummary, width: number): Line {
	const {latency, perInput} = summary;
	const per = perInput === undefined ? '—' : perInput.toFixed(1);
	if (latency === undefined) return [seg(fitFirst([`latency — · ${per} msg/input`, `lat — · ${per} msg/in`], width), 'dim')];
	const {median, worst} = latency;
	return [seg(fitFirst([`latency ${median} median, ${worst} worst ms · ${per} msg/input`, `latency ${median}/${worst} ms · ${per} msg/input`, `lat ${median}/${worst}ms · ${per} msg/in`, `${median}/${worst}ms ${per}m/in`], width))];
}

/**
 * The panel's status in words (stalled and why, down, waiting, or
 * delivering): the longest form first; the last one fits 38 cells (a panel
 * at 80 columns), so the status is never cut.
 */
export function statusOptions(state: OrderState, summary: PanelSummary): {options: string[]; tone: 'good' | 'warn' | 'bad' | 'dim'} {
	const {arch} = summary;
	const names = (ids: readonly number[]) => ids.map(id => replicaName(arch, id)).join(' ');
	if (summary.stalled.length > 0) {
		const who = summary.stalled.length === 3 ? 'all stalled' : `${names(summary.stalled)} stalled`;
		const reasons = stallReasons(state, arch, summary.stalled[0]!);
		return {options: reasons.flatMap(reason => [`⚠ ${names(summary.stalled)} stalled: ${reason}`, `⚠ ${who}: ${reason}`, `⚠ ${reason}`]), tone: 'bad'};
	}

	if (arch === 'sequencer' && !state.archs.sequencer.sequencer.up) {
		return {options: ['✗ Q is down: nothing gets a number; a new sequencer would need consensus', '✗ Q down: nothing gets a number; a new one needs consensus', '✗ Q down: a new one needs consensus'], tone: 'bad'};
	}

	const replicas = state.archs[arch].replicas;
	const down = replicas.filter(replica => !isUp(state, arch, replica.index)).map(replica => replica.index);
	const waiting = replicas.flatMap(replica => {
		if (!isUp(state, arch, replica.index)) return [];
		const reasons = holdReasons(state, arch, replica.index);
		return reasons.length === 0 ? [] : [{name: replicaName(arch, replica.index), reasons}];
	});
	if (down.length === 0 && waiting.length === 0) {
		if (state.archs[arch].stats.deliveries === 0) return {options: ['· nothing delivered yet'], tone: 'dim'};
		return {options: ['✓ delivering'], tone: 'good'};
	}

	// Down replicas, then the first waiting one and why (+ how many more wait), in ever shorter forms.
	const downText = down.length > 0 ? `○ ${names(down)} down` : undefined;
	const more = waiting.length > 1 ? ` (+${waiting.length - 1})` : '';
	const first = waiting[0];
	const waits = first === undefined ? [undefined] : first.reasons.flatMap(reason => [`… ${first.name} ${reason}${more}`, `… ${first.name} ${reason}`]);
	const options = waits.map(wait => [downText, wait].filter(Boolean).join(' · '));
	return {options, tone: 'warn'};
}

/** Whether `text` wraps into `rows` lines of `width` without being cut. */
function fitsIn(text: string, width: number, rows: number): boolean {
	const lines = wrapLines(text, width, rows + 1);
	return lines.length <= rows && !lines.at(-1)!.endsWith('…');
}

export type PanelLayout = {readonly width: number; readonly columnWidth: number; readonly first: number; readonly rows: number; readonly separator: boolean; readonly statusRows: number; readonly stateRows: number; readonly holdRows: number};

export function panelView(state: OrderState, arch: ArchId, number: number, layout: PanelLayout, focused: boolean, selectedReplica: number): {panel: Panel; extra: Line[]} {
	const replicas = state.archs[arch].replicas;
	const columnLayout: ColumnLayout = {width: layout.columnWidth, first: layout.first, rows: layout.rows, separator: layout.separator, stateRows: layout.stateRows, holdRows: layout.holdRows};
	const columns = replicas.map(replica => replicaColumn(state, arch, replica, columnLayout, focused && replica.index === selectedReplica));
	const summary = panelSummary(state, arch);
	const inner = layout.width - 1;
	const status = statusOptions(state, summary);
	const chosen = status.options.find(option => fitsIn(option, inner, layout.statusRows)) ?? status.options.at(-1)!;
	const statusLines = wrapLines(chosen, inner, layout.statusRows).map(text => [seg(text, status.tone, status.tone === 'bad')]);
	while (statusLines.length < layout.statusRows) statusLines.push([]);
	return {
		panel: {id: arch, title: panelTitle(state, arch, number, layout.width, focused), columns},
		extra: [checksLine(summary, inner), costLine(summary, inner), ...statusLines],
	};
}
