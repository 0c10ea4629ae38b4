/**
 * The log stream: the leader appends records to its publication (its own
 * archive records them like everyone's), streams them to each follower live,
 * or replays them from its archive for catch-up and replication. A follower's
 * archive records what arrives, one frame at a time.
 */
import {append, indexAt, logEnd, recordSize} from './log.js';
import {memberClock} from './clock.js';
import {slowFactor} from './config.js';
import {memberName} from './names.js';
import {send} from './transport.js';
import type {DraftMember, Tx} from './tx.js';
import type {LogRecord, Member} from './types.js';
import {afterRecorded} from './commit.js';

/** Bytes a leader streams ahead of a follower's last AppendPosition (chosen: Aeron's flow control is driver behaviour). */
export const streamWindow = 2048;

/** The member's publication end: recorded plus received-but-unrecorded. */
export function receivedEnd(m: Member): number {
	return m.pending.length > 0 ? m.pending.at(-1)!.end : logEnd(m.log);
}

export function recordedEnd(m: Member): number {
	return logEnd(m.log);
}

function scheduleArchive(tx: Tx, m: DraftMember): void {
	if (m.archiveBusy || m.pending.length === 0) return;
	m.archiveBusy = true;
	tx.reschedule('archive', m.id, tx.time + tx.config.archiveMs * (m.slow ? slowFactor : 1));
}

/** The leader appends a record at its publication's end, stamped with its own clock. */
export function appendRecord(tx: Tx, m: DraftMember, fields: Omit<LogRecord, 'start' | 'end' | 'term' | 'timestamp'>): LogRecord {
	const start = receivedEnd(m);
	const record: LogRecord = {...fields, start, end: start + recordSize[fields.type], term: m.term, timestamp: memberClock(m.id, tx.time)};
	m.pending = [...m.pending, record];
	tx.stats.appended++;
	scheduleArchive(tx, m);
	for (let f = 0; f < tx.size; f++) if (f !== m.id && m.streamFrom[f]! >= 0 && m.streamKind[f] === 'live') pump(tx, m, f);
	return record;
}

/** The record starting at `position` in the leader's recording or publication. */
function leaderRecordAt(m: Member, position: number, live: boolean): LogRecord | undefined {
	const index = indexAt(m.log, position);
	if (index >= 0) return m.log.items[index];
	if (!live) return undefined;
	return m.pending.find(record => record.start === position);
}

/** The leader sends follower `f` what it may: from its stream position, within the window, up to the stream's end. */
export function pump(tx: Tx, m: DraftMember, f: number): void {
	let from = m.streamFrom[f]!;
	if (from < 0) return;
	const kind = m.streamKind[f]!;
	const limit = kind === 'replication' ? m.termBase : Number.POSITIVE_INFINITY;
	const ahead = Math.max(m.positions[f]!, 0) + streamWindow;
	let sent = false;
	while (from < limit && from < ahead) {
		const record = leaderRecordAt(m, from, kind === 'live');
		if (!record || record.end > limit) break;
		send(tx, m.id, f, {type: 'Log', record, kind});
		from = record.end;
		sent = true;
	}

	if (sent) {
		const streamFrom = m.streamFrom.slice();
		streamFrom[f] = from;
		m.streamFrom = streamFrom;
	}
}

export function startStream(m: DraftMember, f: number, from: number, kind: 'live' | 'catch-up' | 'replication'): void {
	const streamFrom = m.streamFrom.slice();
	streamFrom[f] = from;
	m.streamFrom = streamFrom;
	const kinds = m.streamKind.slice();
	kinds[f] = kind;
	m.streamKind = kinds;
}

/** A follower receives a frame: its archive will record it if it continues the log from the leader it follows. */
export function onLog(tx: Tx, m: DraftMember, from: number, record: LogRecord, kind: string): void {
	const expected = receivedEnd(m);
	const receiving = m.election === 'closed' || m.election === 'follower-ready' || m.election === 'follower-catchup' || m.election === 'follower-log-replication';
	if (m.role !== 'follower' || m.leader !== from || !receiving) {
		tx.say(`${memberName(m.id)} is not receiving ${memberName(from)}'s log: ignores the frame at ${record.start}`);
		return;
	}

	if (record.start !== expected) {
		tx.say(`${memberName(m.id)} expects ${expected}, not ${record.start}: ignores the frame (the leader resends)`);
		return;
	}

	m.pending = [...m.pending, record];
	m.leaderHeardAt = tx.time;
	tx.say(`${memberName(m.id)} receives ${record.start}–${record.end} (${kind}); its archive will record it`);
	scheduleArchive(tx, m);
}

/** The member's archive records one frame: its appended position advances. */
export function onArchive(tx: Tx, m: DraftMember): void {
	m.archiveBusy = false;
	const [record, ...rest] = m.pending;
	if (record === undefined) {
		tx.say(`${memberName(m.id)}'s archive has nothing to record`);
		return;
	}

	m.log = append(m.log, record);
	m.pending = rest;
	tx.say(`${memberName(m.id)}'s archive records ${record.start}–${record.end}${m.slow ? ' (slow archive)' : ''}: appended ${record.end}`);
	scheduleArchive(tx, m);
	afterRecorded(tx, m);
}
