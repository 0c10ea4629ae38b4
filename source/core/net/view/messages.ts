/**
 * The messages-in-flight panel, for any network mode: a grid of short cells
 * in narrow terminals, one line each in wide ones, and the ▸ message in
 * full. The mode says how its messages read (a `MessageWords`).
 */
import {seg, type Line, type Segment} from '../../engine/screen.js';
import {cut, fitFirst, padEnd} from '../../engine/text.js';
import type {InFlight, NetMessage} from '../message.js';

/** How a mode's messages read on screen. */
export type MessageLook<M extends NetMessage> = {
	/** A node's name ("S1", "client"). */
	readonly name: (id: number) => string;
	/** The body's short name, e.g. "AE", "RV↩", "refused". */
	readonly abbreviation: (message: M) => string;
	/** Its detail in a few cells, widest first, e.g. ["#4→S3", "#4"] or ["+2"]. */
	readonly details: (message: M) => readonly string[];
	/** The body in full words, e.g. "AppendEntries T3 prev 4/t3 +2 commit 4". */
	readonly text: (message: M) => string;
	/** Why the message would be lost if it arrived now, or undefined. */
	readonly lost: (message: M) => string | undefined;
};

/** "S1→S3". */
export function routeText<M extends NetMessage>(look: MessageLook<M>, message: M): string {
	return `${look.name(message.from)}→${look.name(message.to)}`;
}

/** A message in a few words, e.g. "S5→S3 AE ♥". */
export function shortMessageText<M extends NetMessage>(look: MessageLook<M>, message: M): string {
	return `${routeText(look, message)} ${look.abbreviation(message)} ${look.details(message)[0]!}`;
}

/** e.g. "S1→S3 AE +1 3ms", in `width` cells: a shorter detail, then no time, rather than no word. */
export function messageCell<M extends NetMessage>(look: MessageLook<M>, now: number, item: InFlight<M>, width = Number.POSITIVE_INFINITY): string {
	const {message} = item;
	const lost = look.lost(message) === undefined ? '' : ' ↯';
	const route = `${routeText(look, message)} ${look.abbreviation(message)}`;
	const due = ` ${item.due - now}ms`;
	const details = look.details(message);
	const detail = details[0]!;
	const bare = details.at(-1)!;
	return fitFirst([`${route} ${detail}${due}${lost}`, `${route} ${bare}${due}${lost}`, `${route} ${bare}${lost}`], width);
}

/** The message in full, e.g. "#57 S1→S3 AppendEntries T3 prev 4/t3 +1 commit 4 · due 1253 ms (in 3)". */
export function messageDetail<M extends NetMessage>(look: MessageLook<M>, now: number, item: InFlight<M>): string {
	const {message} = item;
	const copy = message.copyOf === undefined ? '' : ` (copy of #${message.copyOf})`;
	const fate = look.lost(message);
	const lost = fate === undefined ? '' : message.doomed ? ' · ↯ will be lost on the way' : ` · ↯ ${fate.replace(/^lost: /, 'lost if still so: ')}`;
	return `#${message.id}${copy} ${routeText(look, message)} ${look.text(message)} · due ${item.due} ms (in ${item.due - now})${lost}`;
}

function cell(text: string, width: number, selected: boolean, lost: boolean): Segment[] {
	const body = padEnd(cut(`${selected ? '▸' : ' '}${text}`, width - 1), width - 1);
	return [selected ? {text: body, inverse: true, bold: true} : lost ? seg(body, 'muted') : seg(body), seg(' ')];
}

/** The page of messages that holds the cursor: `rows` rows of cells `cellWidth` wide. */
export function messageGrid<M extends NetMessage>(look: MessageLook<M>, now: number, messages: ReadonlyArray<InFlight<M>>, cursor: number, width: number, rows: number, cellWidth: number): Line[] {
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
			segments.push(...cell(messageCell(look, now, item, cellWidth - 2), cellWidth, index === cursor, look.lost(item.message) !== undefined));
		}

		lines.push(segments);
	}

	return lines;
}

/** One message a line (the page of `rows` that holds the cursor), e.g. "S1→S3 AppendEntries T3 prev 4/t3 +1 commit 4 · 3ms". */
export function messageList<M extends NetMessage>(look: MessageLook<M>, now: number, messages: ReadonlyArray<InFlight<M>>, cursor: number, width: number, rows: number): Line[] {
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
		const lost = look.lost(message) === undefined ? '' : ' ↯';
		const text = `${routeText(look, message)} ${look.text(message)} · ${item.due - now}ms${lost}`;
		lines.push(cell(text, width, index === cursor, lost !== '').slice(0, 1));
	}

	return lines;
}

/** The panel's header: "in flight 3", then a hint or the ▸ message in full. */
export function inFlightHeader<M extends NetMessage>(look: MessageLook<M>, now: number, messages: ReadonlyArray<InFlight<M>>, cursor: number, detail: boolean): Line {
	const head = seg(`in flight ${messages.length}`, undefined, true);
	if (messages.length === 0) return [head, seg(' · no messages on the wire', 'dim')];
	if (!detail) return [head, seg(' · [ ] select · m act on it', 'dim')];
	return [head, seg(' · '), seg(`▸ ${messageDetail(look, now, messages[cursor]!)}`, 'accent')];
}
