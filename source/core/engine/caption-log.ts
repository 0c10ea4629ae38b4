/**
 * A scenario's captions by the place on its run where each appeared, so that a
 * board the presenter takes back along the run shows the caption that was in
 * force there (none before the first), and the latest one again once it is
 * back where the scenario left it.
 */
import type {History} from './history.js';

/** A place on a run: events handled, and the log entries (advances and actions) that led there. */
export type RunPlace = {readonly events: number; readonly entries: number};

export type CaptionAt = RunPlace & {readonly lines: readonly string[]};

/** No caption: the board stands before the scenario's first one. */
export const noCaption: readonly string[] = [];

export function placeOf(history: History<unknown, unknown>): RunPlace {
	return {events: history.events, entries: history.entries.length};
}

function notAfter(place: RunPlace, other: RunPlace): boolean {
	return place.events < other.events || (place.events === other.events && place.entries <= other.entries);
}

/** The log with `lines` shown at `place`: captions from beyond it (a run left behind) are gone. */
export function withCaption(log: readonly CaptionAt[], place: RunPlace, lines: readonly string[]): readonly CaptionAt[] {
	return [...log.filter(caption => notAfter(caption, place)), {...place, lines}];
}

/** The caption in force at `place` of the run: the last one shown at or before it. */
export function captionAt(log: readonly CaptionAt[], place: RunPlace): readonly string[] {
	return log.findLast(caption => notAfter(caption, place))?.lines ?? noCaption;
}

/**
 * The log for a board at the end of its run: when the run itself went back
 * (the scenario's own b undoes events and actions), the latest caption
 * describes the board from where it now stands, and none lies beyond it.
 */
export function settledAt(log: readonly CaptionAt[], place: RunPlace): readonly CaptionAt[] {
	const latest = log.at(-1);
	if (!latest || notAfter(latest, place)) return log;
	return withCaption(log, place, latest.lines);
}
