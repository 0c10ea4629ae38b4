/**
 * A space-time diagram of the latest events, as a text ladder: one lane per
 * node (the client, then S1…SN), time running down, one row per event. A
 * delivered message is an arrow from its sender's lane to its receiver's,
 * drawn at the time it arrives (▶ or ◀); a lost one ends in ✗, and so does
 * one dropped by hand, at the time it was dropped. Timers are a glyph on their
 * server's lane; an action is named in brackets on its row ([crash S3]).
 */
import {latest} from '../../engine/recent.js';
import {seg, type Line} from '../../engine/screen.js';
import {typeAbbreviation} from '../describe.js';
import {groupsText} from '../actions.js';
import {nodeName, roleGlyph, serverName} from '../names.js';
import {clientId, type EventRecord, type Message, type RaftAction, type RaftState} from '../types.js';
import {center, cut, padStart} from '../../engine/text.js';

const timeWidth = 7;

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

export function ladderWidth(servers: number, laneWidth: number): number {
	return timeWidth + laneWidth * (servers + 1);
}

/** The lane width that fits `width` cells (at least 5). */
export function laneWidthFor(servers: number, width: number): number {
	return Math.max(5, Math.floor((width - timeWidth) / (servers + 1)));
}

function row(state: RaftState, record: EventRecord, laneWidth: number): string {
	const lanes = state.servers.length + 1;
	const cells = Array.from({length: lanes * laneWidth}, () => ' ');
	const x = (node: number) => (node === clientId ? 0 : node + 1) * laneWidth + Math.floor(laneWidth / 2);
	for (let lane = 0; lane < lanes; lane++) cells[lane * laneWidth + Math.floor(laneWidth / 2)] = lane === 0 ? '┆' : '│';
	const arrow = (message: Message, end: string, labels: readonly string[]) => {
		const from = x(message.from);
		const to = x(message.to);
		const [low, high] = from < to ? [from, to] : [to, from];
		for (let i = low; i <= high; i++) cells[i] = '─';
		cells[from] = '•';
		cells[to] = end;
		const label = labels.find(option => option.length <= high - low - 3);
		if (label !== undefined) {
			const start = low + 1 + Math.floor((high - low - 1 - label.length) / 2);
			for (let i = 0; i < label.length; i++) cells[start + i] = label[i]!;
		}
	};

	const {message, action} = record;
	if (message !== null && (record.kind === 'deliver' || record.kind === 'lost')) {
		arrow(message, record.kind === 'lost' ? '✗' : x(message.to) > x(message.from) ? '▶' : '◀', messageLabels(message));
	}

	const dropped = action?.type === 'drop' ? record.removed[0] : undefined;
	if (dropped !== undefined) arrow(dropped, '✗', messageLabels(dropped).flatMap(label => [`drop ${label}`, label]));
	// An action other than a drop is named on its row; lanes it covers are hidden for that row.
	const covered = new Set<number>();
	if (action !== undefined && dropped === undefined) {
		const labels = actionLabels(action, record, state.servers.length).map(label => `[${label}]`);
		const label = labels.find(option => option.length <= cells.length) ?? cut(labels.at(-1)!, cells.length);
		const start = Math.max(0, Math.min(cells.length - label.length, laneWidth + Math.floor(laneWidth / 2) + 1));
		for (let i = 0; i < label.length; i++) {
			cells[start + i] = label[i]!;
			covered.add(start + i);
		}
	}

	for (let server = 0; server < state.servers.length; server++) {
		const glyph = laneGlyph(record, server);
		if (glyph !== undefined && !covered.has(x(server))) cells[x(server)] = glyph;
	}

	if (record.kind === 'workload' || record.kind === 'retry' || record.kind === 'client-timeout') cells[x(clientId)] = record.kind === 'client-timeout' ? '◔' : '◆';
	return cells.join('');
}

/** A header and the latest `rows - 1` events, oldest first. */
export function ladderLines(state: RaftState, width: number, rows: number): Line[] {
	if (rows <= 0) return [];
	const laneWidth = laneWidthFor(state.servers.length, width);
	const names = ['client', ...state.servers.map(server => serverName(server.id))];
	const header: Line = [seg(padStart('ms', timeWidth - 1) + ' ', 'dim'), seg(names.map(name => center(name, laneWidth)).join(''), 'dim', true)];
	const records = latest(state.history, rows - 1).filter(record => record.kind !== 'start');
	const lines: Line[] = [header];
	for (const [i, record] of records.entries()) {
		const last = i === records.length - 1;
		lines.push([seg(padStart(String(record.time), timeWidth - 1) + ' ', 'dim'), seg(row(state, record, laneWidth), undefined, last)]);
	}

	return lines;
}
