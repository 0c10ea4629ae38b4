/** Messages and pending events in words (event lines) and in short labels (the message list). */
import type {Scheduled} from '../engine/event-queue.js';
import {memberName, recordText} from './names.js';
import {nodeName} from './transport.js';
import type {AeronEvent, AeronState, Envelope, Message} from './types.js';

export function bodyLabel(body: Message, state: AeronState): string {
	switch (body.type) {
		case 'CanvassPosition':
			return `Canvass t${body.logTerm}@${body.position}`;
		case 'RequestVote':
			return `RequestVote T${body.candidateTerm} t${body.logTerm}@${body.position}`;
		case 'Vote':
			return `Vote ${body.vote ? 'YES' : 'NO'} T${body.candidateTerm}`;
		case 'NewLeadershipTerm':
			return `NewLeadershipTerm T${body.term} base ${body.termBase} next ${body.nextTermBase}`;
		case 'AppendPosition':
			return `AppendPosition ${body.position}${body.catchup ? ' catch-up' : ''}`;
		case 'CommitPosition':
			return `CommitPosition ${body.position}`;
		case 'CatchupPosition':
			return `CatchupPosition ${body.position}`;
		case 'StopCatchup':
			return 'StopCatchup';
		case 'Replicate':
			return `Replicate ${body.position}–${body.to}`;
		case 'Log':
			return `${body.kind === 'live' ? 'log' : body.kind} ${body.record.start}–${body.record.end} ${recordText(body.record, state.model, true)}`;
		case 'Ingress':
			return `ingress #${body.item.request}`;
		case 'Egress':
			return `egress #${body.request} ${body.result}`;
		case 'NewLeaderEvent':
			return `NewLeaderEvent ${memberName(body.leader)} T${body.term}`;
	}
}

export function messageText(message: Envelope, state: AeronState): string {
	const size = state.members.length;
	return `${nodeName(message.from, size)}→${nodeName(message.to, size)} ${bodyLabel(message.body, state)} arrives`;
}

/** What the next event will do, in words. */
export function eventText(item: Scheduled<AeronEvent>, state: AeronState): string {
	const {event} = item;
	switch (event.kind) {
		case 'deliver':
			return messageText(event.message, state);
		case 'workload':
			return 'the client sends a request';
		case 'archive':
			return `${memberName(event.member)}'s archive records a frame`;
		case 'election': {
			const m = state.members[event.member]!;
			return `${memberName(event.member)}'s election deadline (${m.election})`;
		}

		case 'heartbeat':
			return state.members[event.member]!.role === 'leader' ? `${memberName(event.member)} sends its heartbeat (CommitPosition)` : `${memberName(event.member)} sends AppendPosition`;
		case 'liveness':
			return `${memberName(event.member)} checks it still hears its leader`;
		case 'timer':
			return `${memberName(event.member)}'s cluster timer is due`;
	}
}

/** "#12 M0→M1 CommitPosition 288": a message in flight, for the message menu and message faults. */
export function messageWords(message: Envelope, state: AeronState): string {
	const size = state.members.length;
	return `#${message.id} ${nodeName(message.from, size)}→${nodeName(message.to, size)} ${bodyLabel(message.body, state)}`;
}
