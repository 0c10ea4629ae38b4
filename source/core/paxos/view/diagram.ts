/**
 * Paxos's events on the shared space-time diagram (v): a lane per node
 * (P1…, A1…, L1…), one row per event. A Prepare, Promise, Accept or Accepted
 * that arrives is an arrow at the time it arrives; a refusal ends in ⊘; a
 * lost message in ✗; one you dropped in ╳. A proposer's timer is ⟳ on its
 * lane, taking the lead ★; your actions are named in brackets. Heartbeats
 * (the leader election's, not Paxos's) are left out.
 */
import {latest} from '../../engine/recent.js';
import type {Line} from '../../engine/screen.js';
import {diagramLines, type DiagramArrow, type DiagramLanes, type DiagramRow} from '../../net/view/diagram.js';
import {ballotText} from '../ballot.js';
import {nodeCount, nodeName} from '../names.js';
import type {EventRecord, Message, PaxosAction, PaxosConfig, PaxosState} from '../types.js';
import {typeAbbreviation} from './messages.js';

export function paxosLanes(config: PaxosConfig): DiagramLanes {
	const ids = Array.from({length: nodeCount(config)}, (_, id) => id);
	return {ids, names: ids.map(id => nodeName(config, id)), dashed: ids.filter(id => id >= config.proposers + config.acceptors)};
}

/** A message's labels on its arrow, widest first: "Acc 1.P2 x", "Acc". */
function messageLabels(message: Message): string[] {
	const {body} = message;
	const type = typeAbbreviation[body.type];
	switch (body.type) {
		case 'Prepare':
			return [`${type} ${ballotText(body.ballot)}`, type];
		case 'Promise': {
			const only = body.accepted.length === 1 ? body.accepted[0]! : undefined;
			const carried = only === undefined ? (body.accepted.length === 0 ? '' : ` +${body.accepted.length}`) : ` (${ballotText(only.ballot)} ${only.value.text})`;
			return [...(carried === '' ? [] : [`${type} ${ballotText(body.ballot)}${carried}`]), `${type} ${ballotText(body.ballot)}`, type];
		}
		case 'Accept':
		case 'Accepted':
			return [`${type} ${ballotText(body.ballot)} ${body.value.text}`, `${type} ${body.value.text}`, type];
		case 'Nack':
			return [`✗${ballotText(body.ballot)}`, '✗'];
		case 'Heartbeat':
			return [type];
	}
}

/** What an action was, in a few words (widest first). */
function actionLabels(config: PaxosConfig, action: PaxosAction): string[] {
	const name = (node: number) => nodeName(config, node);
	switch (action.type) {
		case 'crash':
		case 'restart':
			return [`${action.type} ${name(action.node)}`, action.type];
		case 'propose':
			return [`propose ${name(action.proposer)}`, 'propose'];
		case 'adversary':
		case 'leader':
			return [`${action.type} ${action.on ? 'on' : 'off'}`, action.type];
		case 'bug':
			return [`bug ${action.bug} ${action.on ? 'on' : 'off'}`, 'bug'];
		case 'request':
			return ['request'];
		case 'partition':
			return ['partition'];
		case 'cut':
			return [`cut ${name(action.from)}→${name(action.to)}`, 'cut'];
		case 'heal':
		case 'loss':
		case 'slow':
			return [action.type];
		case 'drop':
		case 'duplicate':
		case 'delay':
		case 'deliver':
			return [action.type === 'duplicate' ? 'dup' : action.type];
	}
}

function actionNode(action: PaxosAction): number | undefined {
	if (action.type === 'crash' || action.type === 'restart') return action.node;
	if (action.type === 'propose') return action.proposer;
	return undefined;
}

/** One record as a diagram row, or undefined for what the diagram leaves out (heartbeats). */
export function diagramRowOf(config: PaxosConfig, record: EventRecord): DiagramRow | undefined {
	const {message} = record;
	if (record.action !== undefined) {
		const node = actionNode(record.action);
		const arrows: DiagramArrow[] = record.dropped === undefined ? [] : [{from: record.dropped.from, to: record.dropped.to, end: 'dropped', labels: messageLabels(record.dropped)}];
		return {time: record.time, arrows, glyphs: node === undefined ? [] : [{node, glyph: '!'}], action: actionLabels(config, record.action)};
	}

	if (record.kind === 'heartbeat') {
		const lead = record.sent.find(sent => sent.body.type === 'Prepare');
		return lead === undefined ? undefined : {time: record.time, arrows: [], glyphs: [{node: lead.from, glyph: '★'}]};
	}

	if (record.kind === 'try') {
		const prepare = record.sent.find(sent => sent.body.type === 'Prepare');
		return prepare === undefined ? undefined : {time: record.time, arrows: [], glyphs: [{node: prepare.from, glyph: '⟳'}]};
	}

	if (record.kind === 'command') return {time: record.time, arrows: [], glyphs: [], action: ['command', 'cmd']};
	if (message === null || message.body.type === 'Heartbeat') return undefined;
	const end = record.kind === 'lost' ? 'lost' : message.body.type === 'Nack' ? 'refused' : 'arrived';
	return {time: record.time, arrows: [{from: message.from, to: message.to, end, labels: messageLabels(message)}], glyphs: []};
}

/** The diagram: a header and the latest events, as many as `rows - 1`. */
export function paxosDiagramLines(state: PaxosState, width: number, rows: number): Line[] {
	if (rows <= 0) return [];
	const records = latest(state.history, 2 * state.history.chunk);
	const shown: DiagramRow[] = [];
	for (const record of records) {
		const row = diagramRowOf(state.config, record);
		if (row !== undefined) shown.push(row);
	}

	return diagramLines(paxosLanes(state.config), shown, width, rows);
}
