/**
 * The order mode's panels on the shared space-time diagram. The three
 * panels on this mode's own network keep their latest events as diagram rows
 * (a lane per client, the sequencer Q, the replicas R1–R3); the consensus
 * panel is drawn from its Raft cluster's own events (the client, S1–S3).
 */
import {emptyRecent, latest, type Recent} from '../engine/recent.js';
import type {Line} from '../engine/screen.js';
import {diagramLines, type ArrowEnd, type DiagramLanes, type DiagramRow} from '../net/view/diagram.js';
import {ladderLines} from '../raft/view/ladder.js';
import {inputLabel, nodeName} from './names.js';
import {netArchIds, replicaBase, replicasPerArch, sequencerNode, type ArchId, type NetArch, type OrderMessage, type OrderState} from './types.js';

/** Rows kept per panel: between this many and twice as many. */
export const diagramChunk = 32;

export type PanelDiagrams = Readonly<Record<NetArch, Recent<DiagramRow>>>;

export function emptyDiagrams(): PanelDiagrams {
	return {none: emptyRecent(diagramChunk), sequencer: emptyRecent(diagramChunk), lamport: emptyRecent(diagramChunk)};
}

function range(first: number, last: number): string {
	return first === last ? String(first) : `${first}–${last}`;
}

/** A message's labels on its arrow, widest first, e.g. "#3 A2", "A2@7", "NACK 2–4". */
export function orderLabels(message: OrderMessage): string[] {
	const {body} = message;
	const again = message.resent ? '↻' : '';
	switch (body.type) {
		case 'input':
			return [`${inputLabel(body.ref.client, body.ref.number)}${again}`];
		case 'stamped':
			return [`#${body.seq} ${inputLabel(body.ref.client, body.ref.number)}${again}`, `#${body.seq}${again}`];
		case 'lamport':
			return body.ref === null ? [`null@${body.ts}`, 'null'] : [`${inputLabel(body.ref.client, body.ref.number)}@${body.ts}${again}`, inputLabel(body.ref.client, body.ref.number)];
		case 'nack':
			return [`NACK ${range(body.first, body.last)}`, 'NACK'];
		case 'gone':
			return [`gone ${range(body.first, body.last)}`, 'gone'];
	}
}

/** "Gone" answers a NACK with a no: the sender no longer keeps what was asked for. */
export function messageRow(time: number, message: OrderMessage, end: ArrowEnd): DiagramRow {
	const refused = end === 'arrived' && message.body.type === 'gone';
	const labels = orderLabels(message);
	return {time, arrows: [{from: message.from, to: message.to, end: refused ? 'refused' : end, labels: end === 'dropped' ? labels.flatMap(label => [`drop ${label}`, label]) : labels}], glyphs: []};
}

/** Lanes of a panel on this mode's network: the clients, the sequencer (its panel only), the replicas. */
export function orderLanes(state: OrderState, arch: NetArch): DiagramLanes {
	const clients = Array.from({length: state.config.clients}, (_, client) => client);
	const replicas = Array.from({length: replicasPerArch}, (_, index) => replicaBase + index);
	const ids = [...clients, ...(arch === 'sequencer' ? [sequencerNode] : []), ...replicas];
	return {ids, names: ids.map(id => nodeName(id)), dashed: clients};
}

export function isNetArch(arch: ArchId): arch is NetArch {
	return (netArchIds as readonly string[]).includes(arch);
}

/** The panel's diagram: a header and its latest `rows - 1` events. */
export function orderDiagramLines(state: OrderState, arch: ArchId, width: number, rows: number): Line[] {
	if (rows <= 0) return [];
	if (!isNetArch(arch)) return ladderLines(state.raft, width, rows);
	return diagramLines(orderLanes(state, arch), latest(state.diagrams[arch], rows - 1), width, rows);
}
