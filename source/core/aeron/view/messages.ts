/**
 * Aeron's messages in flight on the shared messages panel (net/view/messages):
 * how a message reads in a few cells (its type's abbreviation and a short
 * detail) and in full.
 */
import type {Line} from '../../engine/screen.js';
import {inFlightIn, type InFlight} from '../../net/message.js';
import * as panel from '../../net/view/messages.js';
import {bodyLabel} from '../describe.js';
import {memberName, recordKind} from '../names.js';
import {lossReason, nodeName} from '../transport.js';
import type {AeronState, Envelope, EventArrow, Message} from '../types.js';

const abbreviations: Readonly<Record<Message['type'], string>> = {
	CanvassPosition: 'Canv',
	RequestVote: 'RV',
	Vote: 'Vote',
	NewLeadershipTerm: 'NLT',
	AppendPosition: 'AP',
	CommitPosition: 'CP',
	CatchupPosition: 'CuP',
	StopCatchup: 'Stop',
	Replicate: 'Repl',
	Log: 'log',
	Ingress: 'in',
	Egress: 'out',
	NewLeaderEvent: 'NLE',
};

function details(body: Message): string[] {
	switch (body.type) {
		case 'CanvassPosition':
			return [`t${body.logTerm}@${body.position}`, `@${body.position}`];
		case 'RequestVote':
			return [`T${body.candidateTerm} @${body.position}`, `T${body.candidateTerm}`];
		case 'Vote':
			return [`${body.vote ? 'YES' : 'NO'} T${body.candidateTerm}`, body.vote ? 'YES' : 'NO'];
		case 'NewLeadershipTerm':
			return [`T${body.term} @${body.termBase}`, `T${body.term}`];
		case 'AppendPosition':
		case 'CommitPosition':
		case 'CatchupPosition':
		case 'Replicate':
			return [String(body.position)];
		case 'StopCatchup':
			return [`T${body.term}`];
		case 'Log':
			return [`${body.record.start} ${recordKind[body.record.type]}${body.kind === 'live' ? '' : ` ${body.kind}`}`, String(body.record.start)];
		case 'Ingress':
			return [`#${body.item.request}`];
		case 'Egress':
			return [`#${body.request} ${body.result}`, `#${body.request}`];
		case 'NewLeaderEvent':
			return [`${memberName(body.leader)} T${body.term}`, `T${body.term}`];
	}
}

/** How Aeron's messages read on the shared panel. */
export function aeronLook(state: AeronState): panel.MessageLook<Envelope> {
	const size = state.members.length;
	return {
		name: id => nodeName(id, size),
		abbreviation: message => abbreviations[message.body.type],
		details: message => details(message.body),
		text: message => bodyLabel(message.body, state),
		lost: message => lossReason(state, message),
	};
}

export function messagesInFlight(state: AeronState): Array<InFlight<Envelope>> {
	return inFlightIn<Envelope>(state.queue.items);
}

/** The cursor wrapped onto the messages in flight (0 when none). */
export function cursorIndex(count: number, cursor: number): number {
	return count === 0 ? 0 : ((cursor % count) + count) % count;
}

/** The panel: a header with the ▸ message in full, then a grid of cells (narrow) or a line each (wide). */
export function messageLines(state: AeronState, rows: number, columns: number, cursor: number, wide: boolean): Line[] {
	if (rows <= 0) return [];
	const look = aeronLook(state);
	const messages = messagesInFlight(state);
	const index = cursorIndex(messages.length, cursor);
	const header = panel.inFlightHeader(look, state.time, messages, index, true);
	if (rows === 1 || messages.length === 0) return [header];
	const body = wide ? panel.messageList(look, state.time, messages, index, columns - 1, rows - 1) : panel.messageGrid(look, state.time, messages, index, columns - 1, rows - 1, 26);
	return [header, ...body];
}

/** A message's arrow on the space-time diagram, labelled "CP 384" or "CP". */
export function messageArrow(message: Envelope, end: EventArrow['end']): EventArrow {
	const abbreviation = abbreviations[message.body.type];
	return {from: message.from, to: message.to, end, labels: [...details(message.body).map(detail => `${abbreviation} ${detail}`), abbreviation]};
}
