/**
 * Messages in flight, selectable by the second cursor: a grid of short cells
 * in narrow terminals, one line each in wide ones, and the selected message
 * in full.
 */
import {seg, type Line, type Segment} from '../../engine/screen.js';
import {bodyAbbreviation, bodyText} from '../describe.js';
import {lossReason} from '../engine.js';
import {nodeName} from '../names.js';
import type {InFlight} from '../queries.js';
import type {Message, RaftState} from '../types.js';
import {cut, fitFirst, padEnd} from '../../engine/text.js';

function shortDetail(message: Message): string {
	const {body} = message;
	switch (body.type) {
		case 'RequestVote':
			return `${body.preVote ? 'pre' : ''}T${body.term}`;
		case 'RequestVoteReply':
			return body.voteGranted ? '✓' : '✗';
		case 'AppendEntries':
			return body.entries.length === 0 ? '♥' : `+${body.entries.length}`;
		case 'AppendEntriesReply':
			return body.success ? `✓${body.index}` : `✗${body.index}`;
		case 'ClientRequest':
			return `#${body.request}`;
		case 'ClientReply':
			return body.ok ? `#${body.request}✓` : `#${body.request}${body.leaderHint === null ? '' : `→${nodeName(body.leaderHint)}`}`;
	}
}

/** A message in a few words, e.g. "S5→S3 AE ♥", "S1→client refused #4→S3". */
export function shortMessageText(message: Message): string {
	return `${nodeName(message.from)}→${nodeName(message.to)} ${bodyAbbreviation(message.body)} ${shortDetail(message)}`;
}

/** Whether the message would be lost if it arrived now. */
function doomedNow(state: RaftState, message: Message): boolean {
	return lossReason(state, message) !== undefined;
}

/** e.g. "S1→S3 AE +1 3ms", in `width` cells: a refused client reply drops its hint, then the time, rather than its word. */
export function messageCell(state: RaftState, item: InFlight, width = Number.POSITIVE_INFINITY): string {
	const {message} = item;
	const lost = doomedNow(state, message) ? ' ↯' : '';
	const route = `${nodeName(message.from)}→${nodeName(message.to)} ${bodyAbbreviation(message.body)}`;
	const due = ` ${item.due - state.time}ms`;
	const detail = shortDetail(message);
	const bare = message.body.type === 'ClientReply' ? `#${message.body.request}` : detail;
	return fitFirst([`${route} ${detail}${due}${lost}`, `${route} ${bare}${due}${lost}`, `${route} ${bare}${lost}`], width);
}

/** The message in full, e.g. "#57 S1→S3 AppendEntries T3 prev 4/t3 +1 commit 4 · due 1253 ms (in 3)". */
export function messageDetail(state: RaftState, item: InFlight): string {
	const {message} = item;
	const copy = message.copyOf === undefined ? '' : ` (copy of #${message.copyOf})`;
	const fate = lossReason(state, message);
	const lost = fate === undefined ? '' : message.doomed ? ' · ↯ will be lost on the way' : ` · ↯ ${fate.replace(/^lost: /, 'lost if still so: ')}`;
	return `#${message.id}${copy} ${nodeName(message.from)}→${nodeName(message.to)} ${bodyText(message.body, state.model)} · due ${item.due} ms (in ${item.due - state.time})${lost}`;
}

function cell(text: string, width: number, selected: boolean, lost: boolean): Segment[] {
	const body = padEnd(cut(`${selected ? '▸' : ' '}${text}`, width - 1), width - 1);
	return [selected ? {text: body, inverse: true, bold: true} : lost ? seg(body, 'muted') : seg(body), seg(' ')];
}

/** The page of messages that holds the cursor: `rows` rows of cells `cellWidth` wide. */
export function messageGrid(state: RaftState, messages: readonly InFlight[], cursor: number, width: number, rows: number, cellWidth: number): Line[] {
	const perRow = Math.max(1, Math.floor(width / cellWidth));
	const perPage = perRow * rows;
	const start = messages.length === 0 ? 0 : Math.floor(Math.min(cursor, messages.length - 1) / perPage) * perPage;
	const lines: Line[] = [];
	for (let row = 0; row < rows; row++) {
		const segments: Segment[] = [];
		for (let column = 0; column < perRow; column++) {
			const index = start + row * perRow + column;
			const item = messages[index];
			if (item === undefined) break;
			segments.push(...cell(messageCell(state, item, cellWidth - 2), cellWidth, index === cursor, doomedNow(state, item.message)));
		}

		lines.push(segments);
	}

	return lines;
}

/** One message a line (the page of `rows` that holds the cursor), e.g. "S1→S3 AppendEntries T3 prev 4/t3 +1 commit 4 · 3ms". */
export function messageList(state: RaftState, messages: readonly InFlight[], cursor: number, width: number, rows: number): Line[] {
	const start = messages.length === 0 ? 0 : Math.floor(Math.min(cursor, messages.length - 1) / rows) * rows;
	const lines: Line[] = [];
	for (let row = 0; row < rows; row++) {
		const index = start + row;
		const item = messages[index];
		if (item === undefined) {
			lines.push([]);
			continue;
		}

		const {message} = item;
		const lost = doomedNow(state, message) ? ' ↯' : '';
		const text = `${nodeName(message.from)}→${nodeName(message.to)} ${bodyText(message.body, state.model)} · ${item.due - state.time}ms${lost}`;
		lines.push(cell(text, width, index === cursor, lost !== '').slice(0, 1));
	}

	return lines;
}
