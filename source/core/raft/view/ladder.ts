/**
 * Raft's events on the shared space-time diagram: a lane per node (the
 * client, then S1…SN), one row per event. A delivered message is an arrow at
 * the time it arrives; a refused reply is drawn as a refusal (⊘); a lost one
 * ends in ✗, one dropped by hand in ╳ at the time it was dropped. Timers
 * and role changes are glyphs on their server's lane; an action is named in
 * brackets on its row ([crash S3]).
 */
import {latest} from '../../engine/recent.js';
import type {Line} from '../../engine/screen.js';
import {diagramLines, diagramWidth, laneWidthFor as netLaneWidthFor, type ArrowEnd, type DiagramArrow, type DiagramLanes, type DiagramRow} from '../../net/view/diagram.js';
import {typeAbbreviation} from '../describe.js';
import {groupsText} from '../actions.js';
import {nodeName, roleGlyph, serverName} from '../names.js';
import {clientId, type EventRecord, type Message, type RaftAction, type RaftState} from '../types.js';


/** A message's labels on its arrow, widest first. */
function messageLabels(message: Message): string[] {
	const {body} = message;
	if (body.type === 'ClientReply' && !body.ok) return [`refused#${body.request}`, `✗#${body.request}`];
	return [messageLabel(message)];
}

function messageLabel(message: Message): string {
	const {body} = message;
	const type = typeAbbreviation[body.type];
	switch (body.type) {
		case 'RequestVoteReply':
			return `${type}${body.voteGranted ? '✓' : '✗'}`;
		case 'AppendEntriesReply':
			return `${type}${body.success ? '✓' : '✗'}`;
		case 'AppendEntries':
			return body.entries.length === 0 ? `${type}♥` : `${type}+${body.entries.length}`;
		case 'RequestVote':
			return `${body.preVote ? 'pre' : type}T${body.term}`;
		case 'ClientRequest':
		case 'ClientReply':
			return `${type}#${body.request}`;
	}
}

/** What an action was, in a few words (widest first), e.g. "crash S3", "partition S1 S2 | S3 S4 S5". */
function actionLabels(action: RaftAction, record: EventRecord, servers: number): string[] {
	const named = (which: number | 'leader') => (which === 'leader' ? 'leader' : serverName(which));
	switch (action.type) {
		case 'crash': {
			const crashed = record.changes.find(change => change.roleAfter === 'crashed' && change.roleBefore !== 'crashed');
			return [`crash ${crashed === undefined ? named(action.server) : serverName(crashed.server)}`, 'crash'];
		}

		case 'restart':
			return [`restart ${serverName(action.server)}`, 'restart'];
		case 'timeout':
			return [`fire ${serverName(action.server)}'s timer`, `timer ${serverName(action.server)}`, 'timer'];
		case 'request': {
			const sent = record.sent.find(message => message.body.type === 'ClientRequest');
			if (sent === undefined || sent.body.type !== 'ClientRequest') return ['request'];
			return [`request #${sent.body.request}→${nodeName(sent.to)}`, `req #${sent.body.request}`, 'req'];
		}

		case 'partition': {
			const named = new Set(action.groups.flat());
			const rest = Array.from({length: servers}, (_, id) => id).filter(id => !named.has(id));
			return [`partition ${groupsText(rest.length > 0 ? [...action.groups, rest] : action.groups)}`, 'partition'];
		}

		case 'isolate':
			return [`isolate ${named(action.server)}`, 'isolate'];
		case 'split':
			return [`split, leader in ${action.leaderSide}`, 'split'];
		case 'cut':
			return [`cut ${serverName(action.from)}→${serverName(action.to)}`, 'cut'];
		case 'heal':
			return ['heal'];
		case 'drop':
			return ['drop'];
		case 'duplicate': {
			const copy = record.sent[0];
			return [...(copy === undefined ? [] : [`duplicate ${messageLabel(copy)}`]), 'dup'];
		}

		case 'delay':
			return [`delay +${action.ms}ms`, 'delay'];
		case 'deliver':
			return ['deliver next', 'deliver'];
		case 'loss':
			return [`loss ${Math.round(action.probability * 100)}%`, 'loss'];
		case 'slow':
			return [`slow +${action.ms}ms`, 'slow'];
		case 'set-log':
			return [`set log ${serverName(action.server)}`, 'set log'];
		case 'set-term':
			return [`set term ${serverName(action.server)}`, 'set term'];
		case 'bug':
			return [`bug ${action.bug} ${action.on ? 'on' : 'off'}`, `bug ${action.on ? 'on' : 'off'}`];
		case 'prevote':
			return [`prevote ${action.on ? 'on' : 'off'}`];
		case 'backoff':
			return [`backoff ${action.backoff}`];
	}
}

/** The glyph an event leaves on a server's lane, if it changed the server's role or is a timer. */
function laneGlyph(record: EventRecord, server: number): string | undefined {
	const change = record.changes.find(item => item.server === server);
	if (change !== undefined && change.roleAfter !== change.roleBefore) return change.roleAfter === 'crashed' ? '✗' : roleGlyph[change.roleAfter];
	if (record.server === server && record.kind === 'heartbeat') return '♥';
	if (record.server === server && record.kind === 'election') return '◔';
	if (record.kind === 'action' && change !== undefined) return '!';
	return undefined;
}

/** A reply that says no: a vote refused, an append refused, a client request turned away. */
export function isRefusal(message: Message): boolean {
	const {body} = message;
	return (body.type === 'RequestVoteReply' && !body.voteGranted) || (body.type === 'AppendEntriesReply' && !body.success) || (body.type === 'ClientReply' && !body.ok);
}

function arrow(message: Message, end: ArrowEnd, labels: readonly string[]): DiagramArrow {
	return {from: message.from, to: message.to, end, labels};
}

/** One event as a row of the diagram. */
export function raftDiagramRow(record: EventRecord, servers: number): DiagramRow {
	const arrows: DiagramArrow[] = [];
	const {message, action} = record;
	if (message !== null && (record.kind === 'deliver' || record.kind === 'lost')) {
		arrows.push(arrow(message, record.kind === 'lost' ? 'lost' : isRefusal(message) ? 'refused' : 'arrived', messageLabels(message)));
	}

	const dropped = action?.type === 'drop' ? record.removed[0] : undefined;
	if (dropped !== undefined) arrows.push(arrow(dropped, 'dropped', messageLabels(dropped).flatMap(label => [`drop ${label}`, label])));
	const glyphs: Array<{node: number; glyph: string}> = [];
	for (let server = 0; server < servers; server++) {
		const glyph = laneGlyph(record, server);
		if (glyph !== undefined) glyphs.push({node: server, glyph});
	}

	if (record.kind === 'workload' || record.kind === 'retry' || record.kind === 'client-timeout') glyphs.push({node: clientId, glyph: record.kind === 'client-timeout' ? '◔' : '◆'});
	return {time: record.time, arrows, glyphs, ...(action !== undefined && dropped === undefined ? {action: actionLabels(action, record, servers)} : {})};
}

/** The client's lane, then one a server. */
export function raftLanes(servers: number): DiagramLanes {
	const ids = [clientId, ...Array.from({length: servers}, (_, id) => id)];
	return {ids, names: ids.map(id => nodeName(id)), dashed: [clientId]};
}

export function ladderWidth(servers: number, laneWidth: number): number {
	return diagramWidth(servers + 1, laneWidth);
}

/** The lane width that fits `width` cells (at least 5). */
export function laneWidthFor(servers: number, width: number): number {
	return netLaneWidthFor(servers + 1, width);
}

/** A header and the latest `rows - 1` events, oldest first. */
export function ladderLines(state: RaftState, width: number, rows: number): Line[] {
	if (rows <= 0) return [];
	const servers = state.servers.length;
	const records = latest(state.history, rows - 1).filter(record => record.kind !== 'start');
	return diagramLines(raftLanes(servers), records.map(record => raftDiagramRow(record, servers)), width, rows);
}
