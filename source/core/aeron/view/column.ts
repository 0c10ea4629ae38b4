/**
 * One member's column: role, election state and term; service ≤ commit ≤
 * appended as numbers and as one bar; the latest records with positions and
 * timestamps; cluster time and timers; snapshots and the recording log; the
 * service's state and digest.
 */
import {seg, type Column, type Line, type Tone} from '../../engine/screen.js';
import {latestRecords, logEnd} from '../log.js';
import {memberName, recordText, roleGlyph, stateWords} from '../names.js';
import {receivedEnd} from '../stream.js';
import type {AeronState, Member} from '../types.js';

const hex4 = (value: number): string => (value >>> 0).toString(16).padStart(8, '0').slice(-4);

function title(m: Member, selected: boolean): Line {
	const role = m.role === 'down' ? 'down' : m.role;
	const tone: Tone | undefined = m.role === 'leader' ? 'accent' : m.role === 'down' ? 'bad' : m.role === 'candidate' ? 'warn' : undefined;
	return [seg(`${selected ? '▸' : ''}${memberName(m.id)} ${roleGlyph[m.role]} ${role}`, tone, true), seg(m.term >= 0 ? ` T${m.term}` : '')];
}

function stateLine(state: AeronState, m: Member): Line {
	if (m.role === 'down') return [seg('killed: disk kept', 'bad')];
	if (m.election === 'closed') {
		const extra = m.snapshotting ? ' · snapshotting' : m.slow ? ' · slow archive' : '';
		return [seg(m.role === 'leader' ? `active leader${extra}` : `follows ${memberName(m.leader ?? 0)}${extra}`, m.snapshotting || m.slow ? 'warn' : 'dim')];
	}

	const words = stateWords[m.election].words;
	const vote = m.election === 'candidate-ballot' ? ` ${m.votes.filter(Boolean).length}✓${m.votes.some(vote => vote === false) ? ` ${m.votes.filter(vote => vote === false).length}✗` : ''}` : '';
	return [seg(`${words}${vote}`, 'warn'), seg(m.candidateTermId >= 0 && m.role !== 'leader' ? ` c${m.candidateTermId}` : '', 'dim')];
}

function positionsLine(m: Member): Line {
	const s = m.service.position;
	const c = m.commit;
	const a = logEnd(m.log);
	const ok = s <= c && c <= a;
	if (s === c && c === a) return [seg(`s = c = a ${a} `), seg('✓', 'good', true)];
	return [seg(`s${s} ${s <= c ? '≤' : '>'} c${c} ${c <= a ? '≤' : '>'} a${a} `), seg(ok ? '✓' : '✗', ok ? 'good' : 'bad', true)];
}

/** One bar for the three positions: █ processed, ▓ committed, ▒ recorded, ░ received (on the scale of the longest log). */
function barLine(m: Member, scale: number, width: number): Line {
	const at = (position: number) => Math.round((position / Math.max(1, scale)) * width);
	const s = at(m.service.position);
	const c = at(Math.min(m.commit, logEnd(m.log)));
	const a = at(logEnd(m.log));
	const r = at(receivedEnd(m));
	if (m.service.position > m.commit) return [seg('█'.repeat(Math.min(s, width)), 'bad'), seg(' svc past commit!', 'bad', true)];
	return [seg('█'.repeat(s), 'good'), seg('▓'.repeat(Math.max(0, c - s)), 'accent'), seg('▒'.repeat(Math.max(0, a - c))), seg('░'.repeat(Math.max(0, r - a)), 'dim'), seg('·'.repeat(Math.max(0, width - Math.max(r, a))), 'dim')];
}

function recordLines(state: AeronState, m: Member, count: number, width: number): Line[] {
	if (count <= 0) return [];
	const records = latestRecords(m.log, count);
	const lines: Line[] = records.map(record => {
		const mark = record.end <= m.service.position ? '✓' : record.end <= m.commit ? '○' : '·';
		const text = recordText(record, state.model, width < 30);
		return [seg(`${String(record.start).padStart(5)} `, 'dim'), seg(mark, mark === '✓' ? 'good' : 'dim'), seg(` ${text}`), seg(` @${record.timestamp}`, 'dim')];
	});
	if (lines.length === 0) lines.push([seg('  (archive empty)', 'dim')]);
	lines.reverse();
	while (lines.length < count) lines.push([]);
	return lines;
}

function timersLine(m: Member): Line {
	const timers = m.timers.map(timer => `T${timer.id}@${timer.deadline}`).join(' ');
	return [seg(`time ${m.service.time}`), seg(timers === '' ? '' : ` ◷ ${timers}`, 'accent')];
}

function recordingLine(m: Member): Line {
	const snapshot = m.snapshots.at(-1);
	const terms = m.recordingLog.filter(entry => entry.kind === 'term').slice(-3).map(entry => (entry.kind === 'term' ? `t${entry.term}@${entry.base}` : ''));
	return [seg(snapshot ? `snap@${snapshot.position} ` : '', 'accent'), seg(`rec ${terms.join(' ') || '—'}`, 'dim')];
}

function serviceLine(state: AeronState, m: Member): Line {
	const diverged = state.divergence?.member === m.id;
	return [seg(`${state.model.summary(m.service.machine)} `), seg(`#${hex4(m.service.digest)}${diverged ? ' ✗' : ''}`, diverged ? 'bad' : 'dim', diverged)];
}

export function memberColumn(state: AeronState, m: Member, width: number, height: number, selected: boolean, scale: number): Column {
	const inner = width - 2;
	const fixed = [stateLine(state, m), positionsLine(m), barLine(m, scale, inner)];
	const tail = [timersLine(m), recordingLine(m), serviceLine(state, m)];
	const room = height - 3 - fixed.length - tail.length;
	return {
		id: `member-${m.id}`,
		width,
		title: title(m, selected),
		lines: [...fixed, ...recordLines(state, m, room, inner), ...tail],
		selected,
		...(m.role === 'down' ? {borderTone: 'muted' as const} : state.divergence?.member === m.id ? {borderTone: 'bad' as const} : {}),
	};
}
