import {kvKeys} from '../models/kv.js';
import {line, seg, type Column, type Line, type Tone} from '../engine/screen.js';
import {shortDigest} from './digest.js';
import {expectedDigestAt} from './expected.js';
import type {EtcdState, MemberRole, MemberView} from './state.js';
import {cut, fitFirst} from '../engine/text.js';
import {labelled, pack, seconds} from './text.js';

export const roleStyle: Readonly<Record<MemberRole, {readonly glyph: string; readonly tone: Tone}>> = {
	leader: {glyph: '★', tone: 'accent'},
	follower: {glyph: '●', tone: 'good'},
	candidate: {glyph: '◆', tone: 'warn'},
	'pre-candidate': {glyph: '◇', tone: 'warn'},
	paused: {glyph: '‖', tone: 'warn'},
	down: {glyph: '✗', tone: 'bad'},
	'no answer': {glyph: '?', tone: 'warn'},
	starting: {glyph: '…', tone: 'muted'},
};

/** The shortest column that still shows role, term, indexes and keys. */
export const minColumnWidth = 16;
const maxColumnWidth = 36;

export function columnWidthFor(columns: number, members: number): number {
	return Math.min(maxColumnWidth, Math.floor(columns / members));
}

/** "commit   48", or closer together when the number would not fit: a number is never cut. */
function number(label: string, value: string, inner: number): string {
	return fitFirst([labelled(label, value), `${label} ${value}`, `${label.slice(0, 4)}. ${value}`, value], inner);
}

const showValue = (value: number) => (value === 0 ? '—' : Number.isNaN(value) ? '?' : String(value));
const index = (value: number | undefined) => (value === undefined ? '—' : String(value));

/**
 * One member as a column: role as glyph and word, its real term, commit and
 * applied index, the leader's view of it (or, on the leader, of every
 * follower), and the keys read from it with their digest checked against
 * the model after the input it applied last.
 */
export function memberColumn(state: EtcdState, position: number, width: number, selected: boolean, maxLines = Number.POSITIVE_INFINITY): Column {
	const member = state.members[position]!;
	const inner = width - 4;
	const style = roleStyle[member.role];
	const isolated = isolatedIn(state, position);
	const rows: Line[] = [];
	/** Rows to drop first when the box is short, least useful first. */
	const optional = new Set<Line>();
	const text = (value: string, tone?: Tone) => rows.push(line(tone ? seg(cut(value, inner), tone) : cut(value, inner)));
	const away = member.role === 'down' || member.role === 'paused' || member.role === 'no answer';
	const dim: Tone | undefined = away ? 'dim' : undefined;
	const marker = selected ? '▸' : ' ';
	const status = `${style.glyph} ${member.role}${isolated ? ' · cut off' : ''}`;
	let title: Line;
	if (marker.length + member.name.length + 1 + status.length <= inner) {
		title = line(seg(`${marker}${member.name} `, undefined, true), seg(status, style.tone, true));
	} else if (marker.length + member.name.length + 1 + style.glyph.length + 1 + member.role.length <= inner) {
		title = line(seg(`${marker}${member.name} `, undefined, true), seg(`${style.glyph} ${member.role}`, style.tone, true));
		if (isolated) text('cut off', 'warn');
	} else {
		// A narrow column: the role word gets a row of its own rather than being cut.
		title = line(seg(`${marker}${member.name} `, undefined, true), seg(style.glyph, style.tone, true));
		rows.push(line(seg(fitFirst([member.role, member.role.replace('-', '')], inner), style.tone, true)));
		if (isolated) text('cut off', 'warn');
	}

	const term = member.term === undefined ? '—' : String(member.term);
	if (member.term === undefined || member.termIsCurrent) {
		text(number('term', term, inner), dim);
	} else {
		// The term of the last applied entry, not the current one: the mark stays whole, on a row of its own if need be.
		const whole = [labelled('term', `${term} (applied)`), `term ${term} (applied)`].find(option => option.length <= inner);
		text(whole ?? number('term', term, inner), dim);
		if (!whole) text('(applied)', dim);
	}

	text(number('commit', index(member.commit), inner), dim);
	text(number('applied', index(member.applied), inner), dim);
	if (away && member.seenAt !== undefined) {
		const ago = seconds(state.at - member.seenAt);
		text(fitFirst([`last seen ${ago} ago`, `seen ${ago} ago`, `gone ${ago}`], inner), 'dim');
		optional.add(rows.at(-1)!);
	}
	if (away && member.seenAt === undefined && member.error) text(member.error, 'dim');
	const progress = progressRows(state, position, inner);
	rows.push(...progress.rows);
	for (const row of progress.optional) optional.add(row);
	// The input number stays whole: the rule's dashes and the word go first.
	const tag = member.keys ? ` #${member.keys.lastInput}` : '';
	const rule = fitFirst([`── keys${tag} `, `─ keys${tag} `, `keys${tag} `, `keys${tag}`, tag.trim()], inner);
	rows.push(line(seg(rule + '─'.repeat(Math.max(0, inner - rule.length)), 'dim')));
	if (member.keys) {
		const values = member.keys.values;
		for (const row of pack(kvKeys.map((key, i) => `${key} ${showValue(values[i]!)}`), inner)) text(row, dim);
		rows.push(digestRow(state, member, inner));
	} else {
		text('not read yet', 'dim');
	}

	rows.push(...staleReadRows(state, position, inner));
	const kept = rows.length <= maxLines ? rows : dropOptional(rows, optional, maxLines);
	return {id: member.name, width, title, lines: kept, selected, ...(member.role === 'down' ? {borderTone: 'bad' as const} : {})};
}

/** Drops optional rows (in the order they were marked) until the rest fit; the keys and digest at the bottom stay. */
function dropOptional(rows: readonly Line[], optional: ReadonlySet<Line>, maxLines: number): Line[] {
	const dropped = new Set<Line>();
	for (const row of optional) {
		if (rows.length - dropped.size <= maxLines) break;
		dropped.add(row);
	}

	return rows.filter(row => !dropped.has(row));
}

function isolatedIn(state: EtcdState, position: number): boolean {
	const group = state.faults.partition.find(members => members.includes(position));
	return group !== undefined && group.length <= state.members.length / 2;
}

/**
 * The leader's view: on the leader, every follower's match/next; on a
 * follower, its own entry. `optional`: the rows a short box drops first (the
 * heading, then the followers that are caught up).
 */
function progressRows(state: EtcdState, position: number, inner: number): {rows: Line[]; optional: Line[]} {
	const none = {rows: [], optional: []};
	const leader = state.leader === undefined ? undefined : state.members[state.leader.member];
	if (!leader?.progress) return none;
	const leaderPosition = state.leader!.member;
	const last = leader.progress[leaderPosition]?.match;
	if (position !== leaderPosition) {
		const entry = leader.progress[position];
		if (!entry) return none;
		const behind = last === undefined ? 0 : last - entry.match;
		const tone: Tone | undefined = behind > 1 ? 'warn' : undefined;
		const lag = behind > 1 ? ` -${behind}` : '';
		if (inner >= 22) {
			return {
				rows: [
					line(seg(cut(`${leader.name} sees match ${entry.match}`, inner), tone)),
					line(seg(fitFirst([`${' '.repeat(leader.name.length)}      next ${entry.next}${behind > 1 ? ` · ${behind} behind` : ''}`, `next ${entry.next}${behind > 1 ? ` · ${behind} behind` : ''}`, `next ${entry.next}${lag}`], inner), tone)),
				],
				optional: [],
			};
		}

		const labelWidth = 9 + String(entry.next).length <= inner ? 8 : 6;
		const withLag = [labelled('match', `${entry.match}${lag}`, labelWidth), `match ${entry.match}${lag}`].find(option => option.length <= inner);
		const match = line(seg(withLag ?? fitFirst([labelled('match', String(entry.match), labelWidth), `match ${entry.match}`, String(entry.match)], inner), tone));
		const next = line(seg(fitFirst([labelled('next', String(entry.next), labelWidth), `next ${entry.next}`, String(entry.next)], inner), tone));
		// How far behind stays whole: on a row of its own when it does not fit beside the match.
		const lagRow = !withLag && behind > 1 ? [line(seg(fitFirst([`${behind} behind`, `-${behind}`], inner), tone))] : [];
		// A short box drops next, then match, before how far behind.
		return {rows: [match, next, ...lagRow], optional: [next, match]};
	}

	const heading = line(seg(cut(inner >= 20 ? 'followers match/next' : 'match/next', inner), 'dim'));
	const rows: Line[] = [heading];
	const optional: Line[] = [heading];
	for (const [i, entry] of leader.progress.entries()) {
		if (i === leaderPosition || !entry) continue;
		const behind = last === undefined ? 0 : last - entry.match;
		const glyph = behind <= 1 ? '✓' : '◐';
		const who = `${state.members[i]!.name} ${glyph}`;
		const lag = behind > 1 ? ` -${behind}` : '';
		const row = line(seg(fitFirst([`${who} ${entry.match}/${entry.next}${lag}`, `${who} ${entry.match}${lag}`, `${who}${lag}`], inner), behind > 1 ? 'warn' : undefined));
		rows.push(row);
		if (behind <= 1) optional.push(row);
	}

	return {rows, optional};
}

/** The member's digest, and whether it equals the model's after the same input. */
function digestRow(state: EtcdState, member: MemberView, inner: number): Line {
	const keys = member.keys!;
	const digest = shortDigest(keys.digest);
	const modelDigest = state.expected ? expectedDigestAt(state.expected, keys.lastInput) : undefined;
	const head = inner >= 21 ? labelled('digest', digest) : digest;
	if (modelDigest === undefined) return line(cut(head, inner));
	if (modelDigest === keys.digest) return line(head, seg(cut(' ✓ model', inner - head.length), 'good'));
	const model = shortDigest(modelDigest);
	return line(seg(fitFirst([`${head} ✗ model ${model}`, `${digest} ✗ model ${model}`, `${digest} ✗ model`, `${digest} ✗`], inner), 'bad'));
}

/** How long the stale-read demo's result stays in the column it was read from. */
export const staleReadShownMs = 20_000;

/** The stale-read demo's two reads, in the column of the member they were made on. */
function staleReadRows(state: EtcdState, position: number, inner: number): Line[] {
	const read = state.staleRead;
	if (!read || read.member !== position || state.at - read.at > staleReadShownMs) return [];
	const shown = (value: string) => (value === '' ? '—' : value);
	const fresh = read.linearizable ?? read.current;
	const stale = read.serializable !== undefined && fresh !== undefined && read.serializable !== fresh;
	const value = read.serializable === undefined ? 'failed' : `${read.key}=${shown(read.serializable)}`;
	const verdict = read.serializable === undefined ? '' : stale ? '✗ stale' : fresh === undefined ? '' : '✓';
	const serial = verdict === '' ? value : `${value} ${verdict}`;
	const linear = read.linearizable === undefined ? 'failed' : `${read.key}=${shown(read.linearizable)}`;
	const tone = stale ? 'bad' : undefined;
	const oneRow = [`serializable ${serial}`, `serial. ${serial}`, `ser. ${serial}`].find(option => option.length <= inner);
	// A narrow column puts the verdict on a row of its own rather than cutting it.
	const serialRows = oneRow ? [oneRow] : [fitFirst([`serial. ${value}`, `ser. ${value}`], inner), fitFirst([`${verdict} read`, verdict], inner)];
	return [
		...serialRows.map(row => line(seg(row, tone))),
		line(seg(fitFirst([`linearizable ${linear}`, `linear. ${linear}`, `lin. ${linear}`], inner), read.linearizable === undefined ? 'warn' : undefined)),
	];
}
