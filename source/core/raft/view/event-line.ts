/**
 * The last and the next event in words, fitted to the rows they have: the
 * last event in two rows, the next in one. What came of an event (its
 * outcome clauses) is never cut: where the whole text does not fit, its second
 * row starts at the left edge instead of under the first; then the message is
 * named in short ("S5→S3 AE ♥" for the AppendEntries the next line showed in
 * full); only then do the last clauses give way to "(+N more)".
 */
import {seg, type Line} from '../../engine/screen.js';
import {cellWidth, wrapLines} from '../../engine/text.js';
import {messageText, upcomingText} from '../describe.js';
import {lossReason} from '../engine.js';
import type {EventRecord, RaftState} from '../types.js';
import {shortMessageText} from './messages.js';

/** Rows of the last event. */
const lastRows = 2;

/** The record's outcome clauses: each rule's words, split where one says two things ("accepts; its timer starts again"). */
export function outcomeClauses(record: EventRecord): string[] {
	return record.outcomes.flatMap(outcome => outcome.split('; '));
}

/** The head in full, and in short when it names a message. */
function heads(state: RaftState, record: EventRecord): string[] {
	const {head, message} = record;
	if (message === null) return [head];
	const full = messageText(message, state.model);
	return head.startsWith(full) ? [head, `${shortMessageText(message)}${head.slice(full.length)}`] : [head];
}

function joined(head: string, clauses: readonly string[], more: number): string {
	const body = `${clauses.join('; ')}${more > 0 ? ` (+${more} more)` : ''}`;
	if (head === '') return body;
	return body === '' ? head : `${head}: ${body}`;
}

/** What the last event line may say, most complete first: the text itself, then shorter heads, then fewer clauses. */
export function lastTextOptions(state: RaftState, record: EventRecord): string[] {
	const clauses = outcomeClauses(record);
	const options = [record.text === '' ? '—' : record.text];
	for (const head of heads(state, record)) options.push(joined(head, clauses, 0));
	const head = heads(state, record).at(-1)!;
	for (let kept = clauses.length - 1; kept >= 1; kept--) options.push(joined(head, clauses.slice(0, kept), clauses.length - kept));
	return options;
}

/** `text` in two rows, `first` and `second` cells wide, broken at a space; undefined if it does not fit whole. */
export function wrapTwo(text: string, first: number, second: number): [string, string] | undefined {
	if (cellWidth(text) <= first) return [text, ''];
	for (let at = text.lastIndexOf(' '); at > 0; at = text.lastIndexOf(' ', at - 1)) {
		const head = text.slice(0, at).trimEnd();
		if (cellWidth(head) > first) continue;
		const rest = text.slice(at + 1).trimStart();
		return cellWidth(rest) <= second ? [head, rest] : undefined;
	}

	return undefined;
}

function nextOptions(state: RaftState): string[] {
	const next = state.queue.items[0];
	if (next === undefined) return [];
	const {event} = next;
	if (event.kind !== 'deliver') return [upcomingText(event, state.model)];
	const lost = lossReason(state, event.message);
	const fate = lost === undefined ? 'arrives' : `— ${lost}`;
	return [upcomingText(event, state.model, lost), `${shortMessageText(event.message)} ${fate}`];
}

export function eventLines(state: RaftState, width: number): Line[] {
	const lastPrefix = `last t=${state.last.time} `;
	const room = Math.max(10, width - lastPrefix.length);
	const options = lastTextOptions(state, state.last);
	// Each option indented under the first row, then with the second row from the left edge, before fewer words.
	let rows: [string, string] | undefined;
	let indent = true;
	for (const option of options) {
		rows = wrapTwo(option, room, room);
		if (rows === undefined && width > room) {
			rows = wrapTwo(option, room, width);
			indent = rows === undefined;
		}

		if (rows !== undefined) break;
	}

	const [first = '', second = ''] = rows ?? wrapLines(options.at(-1)!, room, lastRows);
	const next = state.queue.items[0];
	let nextLine: Line;
	if (next === undefined) {
		nextLine = [seg('next ', 'accent', true), seg('nothing will happen: no timers, no messages', 'muted')];
	} else {
		const prefix = `next t=${next.time} `;
		const upcoming = nextOptions(state);
		const chosen = upcoming.find(option => cellWidth(option) <= width - prefix.length) ?? upcoming.at(-1)!;
		nextLine = [seg('next ', 'accent', true), seg(`t=${next.time} `, 'dim'), seg(chosen)];
	}

	return [[seg('last ', undefined, true), seg(`t=${state.last.time} `, 'dim'), seg(first)], [seg(indent ? ' '.repeat(lastPrefix.length) : ''), seg(second)], nextLine];
}
