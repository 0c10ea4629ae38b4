/**
 * The safety lab on screen: five lamps in the header (a glyph and a colour
 * each), the bugs switched on, and the header fields, fitted together into
 * one row; the counterexample line; which cells a violation names.
 */
import {lineWidth, seg, type Line, type Segment} from '../../engine/screen.js';
import {bugBadges as netBugBadges, lampSegments as netLampSegments, lampsText as netLampsText} from '../../net/view/lamps.js';
import {propertyCodes, violationLine, type Violation} from '../safety/properties.js';
import type {RaftState} from '../types.js';
import {wrapLines} from '../../engine/text.js';

/** The violation the screen points at: the one the last event found, else the latest first violation. */
export function shownViolation(state: RaftState): Violation | undefined {
	const {fresh, broken} = state.safety;
	if (fresh.length > 0) return fresh[0];
	let latest: Violation | undefined;
	for (const code of propertyCodes) {
		const violation = broken[code];
		if (violation !== undefined && (latest === undefined || violation.event > latest.event)) latest = violation;
	}

	return latest;
}

export function lampSegments(state: RaftState): Segment[] {
	return netLampSegments(propertyCodes, state.safety.broken);
}

export function lampsText(state: RaftState): string {
	return netLampsText(propertyCodes, state.safety.broken);
}

/** The bugs switched on, as a badge in one of a few widths (widest first). */
function bugBadges(state: RaftState): string[] {
	return netBugBadges(state.config.bugs);
}

/** The widest run state ("▶ RUNNING") and speed ("5000 ms/s") the shell adds, and its spaces. */
const runStateCells = 9;
const speedCells = 9;

/**
 * The header row's width: the shell's left part with its separators (" raft · f1 · f2 · SPEED"), the badges, and " STATE POSITION ".
 * Fields are dropped before the separators: "bank seed 7 100 ms/s" reads as a seed of 7100.
 */
function headerWidth(fields: readonly string[], badge: string, lampCells: number, position: string): number {
	const left = ' raft'.length + fields.reduce((sum, field) => sum + 3 + field.length, 0) + 3 + speedCells;
	return left + badge.length + lampCells + 1 + runStateCells + 1 + position.length + 1;
}

export type HeaderParts = {readonly header: string[]; readonly badges: Line; readonly position: string};

/**
 * The header's fields, badges and position for a terminal `columns` wide.
 * The lamps always show; what else fits goes in this order of use: the bug
 * switched on, the seed, the time, the cluster's size and model.
 */
export function headerParts(state: RaftState, columns: number): HeaderParts {
	const {config} = state;
	const options = [...(config.prevote ? ['prevote'] : []), ...(config.backoff === 'term' ? ['backoff term'] : [])];
	const seed = `seed ${config.seed}`;
	const full = [`${config.servers} server${config.servers === 1 ? '' : 's'}`, config.model, seed, ...options];
	const [wide, short, tiny] = bugBadges(state);
	const long = `t=${state.time}ms #${state.events}`;
	const brief = `#${state.events}`;
	const candidates: Array<[string[], string, string]> = [
		[full, wide!, long],
		[[seed, ...options], wide!, long],
		[[seed, ...options], short!, long],
		[[seed], short!, long],
		[[seed], short!, brief],
		[[], short!, brief],
		[[seed], tiny!, brief],
		[[], tiny!, brief],
	];
	const lamps = lampSegments(state);
	const lampCells = lineWidth(lamps);
	const [fields, badge, position] = candidates.find(([fields, badge, position]) => headerWidth(fields, badge, lampCells, position) <= columns) ?? candidates.at(-1)!;
	return {header: fields, badges: badgeLine(badge, lamps), position};
}

function badgeLine(badge: string, lamps: Segment[]): Line {
	return badge === '' ? lamps : [seg(badge, 'warn', true), ...lamps];
}

/** The counterexample, for the screen's last extra rows: one line if it fits `width` (with the property's name if that fits too), else two. */
export function counterexampleLines(violation: Violation, width: number, rows: number): Line[] {
	const full = violationLine(violation);
	if (full.length <= width) return [[seg(full, 'bad', true)]];
	const short = violationLine(violation, true);
	if (short.length <= width || rows < 2) return [[seg(short, 'bad', true)]];
	return wrapLines(full, width, 2).map(text => [seg(text, 'bad', true)]);
}
