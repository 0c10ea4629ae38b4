/**
 * The timeline: the run so far as marks (pause points, the user's actions,
 * elections and leader changes, violations) at event numbers, the place to
 * go to for a mark key or a typed event or time, and what `:` accepts. Plain
 * data and functions, shared by every simulated mode.
 */
import type {History} from './history.js';
import type {AnyMode} from './mode.js';

export type MarkKind = 'pause' | 'action' | 'leader' | 'violation';

/** A mark on the timeline: after event `event` (with the actions taken before the next one), something worth going back to. */
export type TimelineMark = {readonly event: number; readonly kind: MarkKind; readonly label: string};

/** The most marks a session keeps (the oldest go first): memory stays bounded on a long run. */
export const maxMarks = 2000;

/** `marks` with `mark` in event order (after any at the same event), unless the same one is there already; at most maxMarks. */
export function withMark(marks: readonly TimelineMark[], mark: TimelineMark): readonly TimelineMark[] {
	if (marks.some(old => old.event === mark.event && old.kind === mark.kind && old.label === mark.label)) return marks;
	const at = marks.findLastIndex(old => old.event <= mark.event) + 1;
	const next = [...marks.slice(0, at), mark, ...marks.slice(at)];
	return next.length > maxMarks ? next.slice(next.length - maxMarks) : next;
}

/** The user's actions in a run, each a mark at the event it followed. */
export function actionMarks(run: History<unknown, unknown>): TimelineMark[] {
	const marks: TimelineMark[] = [];
	let events = 0;
	for (const entry of run.entries) {
		if (entry.kind === 'advance') events += entry.count;
		else if (marks.at(-1)?.event !== events) marks.push({event: events, kind: 'action', label: 'an action'});
	}

	return marks;
}

/** Every mark of the run, in event order: the session's own (pause points, violations, the mode's) and the actions. */
export function allMarks(recorded: readonly TimelineMark[], run: History<unknown, unknown>): TimelineMark[] {
	return [...recorded, ...actionMarks(run)].filter(mark => mark.event <= run.events).sort((a, b) => a.event - b.event);
}

/** The event of the nearest mark before (delta −1) or after (+1) event `current`, if any. */
export function neighbourMark(marks: readonly TimelineMark[], current: number, delta: -1 | 1): number | undefined {
	const events = marks.map(mark => mark.event);
	return delta < 0 ? events.findLast(event => event < current) : events.find(event => event > current);
}

/** Where `:` goes: an event number, or a virtual time. */
export type GotoTarget = {readonly event: number} | {readonly time: number};

/** What the go-to prompt says it takes (in the mode's unit of time). */
export function gotoSyntax(mode: Pick<AnyMode, 'timeUnit'>): string {
	return mode.timeUnit === 'ms' ? '1200 event · t5200 time in ms · 5.2s' : '1200 event · t40 time';
}

/** Parses what was typed at `:`: `1200` (event 1200), `t5200` (virtual time 5200), `5.2s` (5.2 s, in modes that count ms). */
export function parseGoto(text: string, mode: Pick<AnyMode, 'timeUnit'>): GotoTarget | string {
	const typed = text.trim();
	if (/^\d{1,9}$/.test(typed)) return {event: Number(typed)};
	if (/^t\d{1,9}(\.\d+)?$/.test(typed)) return {time: Number(typed.slice(1))};
	if (mode.timeUnit === 'ms' && /^\d{1,6}(\.\d+)?s$/.test(typed)) return {time: Math.round(Number(typed.slice(0, -1)) * 1000)};
	const said = typed === '' ? 'nothing typed' : `"${typed}" is not an event or a time`;
	const seconds = mode.timeUnit === 'ms' ? ', t5200 (time 5200 ms) or 5.2s' : ' or t40 (time 40)';
	return `${said}: type 1200 (event 1200)${seconds}`;
}
