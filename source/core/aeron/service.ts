/**
 * A member's clustered service: it processes log records in order, never past
 * its member's commit position, and runs the same logic on every member. Only
 * the active leader's replies reach the client. A snapshot record makes every
 * member snapshot at the same position.
 */
import {Draw, hash2, hash3, hash4} from '../engine/random.js';
import {recordsBetween} from './log.js';
import {memberClock} from './clock.js';
import {memberName, recordText} from './names.js';
import {send} from './transport.js';
import {armTimers} from './timers.js';
import {drainIngress} from './client.js';
import type {DraftMember, Tx} from './tx.js';
import type {Impurity, LogRecord, Service} from './types.js';

export const emptyService = (machine: unknown): Service => ({position: 0, machine, time: 0, digest: 0, applied: 0});

const impurityWhy: Readonly<Record<Impurity, string>> = {
	'wall-clock': 'it read its own clock; use cluster time',
	random: 'unseeded random; seed it from the log',
	'map-order': 'map order differs; use an ordered map',
};

/** The input a timer's firing applies (the same on every member: derived from the seed and the timer id). */
export function timerInput(tx: Tx, timer: number): unknown {
	return tx.model.generate(new Draw(hash3(tx.config.seed, 23, timer)));
}

function impureValue(impurity: Impurity, tx: Tx, member: number, record: LogRecord): number {
	switch (impurity) {
		case 'wall-clock':
			return memberClock(member, tx.time) % 1000;
		case 'random':
			return hash4(tx.config.seed, 29, member, record.start) % 1000;
		case 'map-order':
			return (hash2(31, member) % 7) * 100;
	}
}

function applyInput(tx: Tx, m: DraftMember, record: LogRecord, input: unknown): unknown {
	const {machine} = m.service;
	if (tx.impurity !== null && record.type === 'message') return tx.model.applyReadingClock(machine, input, impureValue(tx.impurity, tx, m.id, record));
	return tx.model.apply(machine, input);
}

/** What the service does with one record. */
function processRecord(tx: Tx, m: DraftMember, record: LogRecord): void {
	let machine = m.service.machine;
	switch (record.type) {
		case 'message': {
			machine = applyInput(tx, m, record, record.input);
			if (m.role === 'leader' && m.election === 'closed') {
				send(tx, m.id, tx.size, {type: 'Egress', request: record.request!, result: tx.model.describeResult(m.service.machine, record.input, machine), position: record.end});
			}

			break;
		}

		case 'schedule': {
			m.timers = [...m.timers.filter(timer => timer.id !== record.timer), {id: record.timer!, deadline: record.timestamp + record.delay!}];
			armTimers(tx, m);
			if (m.role === 'leader' && m.election === 'closed') {
				send(tx, m.id, tx.size, {type: 'Egress', request: record.request!, result: `timer T${record.timer} scheduled`, position: record.end});
			}

			break;
		}

		case 'timer': {
			machine = tx.model.apply(machine, timerInput(tx, record.timer!));
			m.timers = m.timers.filter(timer => timer.id !== record.timer);
			m.uncommittedTimers = m.uncommittedTimers.filter(timer => timer.id !== record.timer);
			armTimers(tx, m);
			tx.note('timerFires', [...tx.seen.timerFires, {member: m.id, timer: record.timer!, time: record.timestamp, position: record.start}].slice(-40));
			break;
		}

		case 'action':
		case 'new-term':
			break;
	}

	const digest = hash3(m.service.digest, record.start, tx.model.digest(machine));
	m.service = {position: record.end, machine, time: record.timestamp, digest, applied: m.service.applied + (record.type === 'message' || record.type === 'timer' ? 1 : 0)};
	compareDigest(tx, m, record);
	if (record.type === 'action') takeSnapshot(tx, m, record);
}

/** A record's identity: what it is, from which term, stamped when. */
const recordKey = (record: LogRecord): string => `${record.type}:${record.term}:${record.timestamp}:${record.request ?? record.timer ?? ''}`;

/** Compares the service's digest and the record at this position with the first member's to get there. */
function compareDigest(tx: Tx, m: DraftMember, record: LogRecord): void {
	const position = record.end;
	const seen = tx.digestAt.find(entry => entry[0] === position);
	const key = recordKey(record);
	if (seen === undefined) {
		const last = tx.digestAt.at(-1);
		if (last === undefined || position > last[0]) tx.digestAt = [...tx.digestAt.slice(-63), [position, m.service.digest, key]];
		return;
	}

	if (seen[2] !== key) {
		tx.breakLamp('same-records', `${memberName(m.id)}'s service processed ${recordText(record, tx.model)} at ${record.start}, where another member's processed a different record`);
		return;
	}

	if (seen[1] !== m.service.digest && tx.divergence === null) {
		tx.divergence = {member: m.id, position: record.start, record: recordText(record, tx.model), why: tx.impurity ? impurityWhy[tx.impurity] : 'its service state differs from the other members\' at the same position'};
		tx.say(`✗ ${memberName(m.id)}'s digest differs at ${record.start} (${recordText(record, tx.model)})`);
	}
}

function takeSnapshot(tx: Tx, m: DraftMember, record: LogRecord): void {
	m.snapshots = [...m.snapshots.slice(-3), {position: record.end, term: record.term, machine: m.service.machine, time: m.service.time, timers: m.timers, digest: m.service.digest, applied: m.service.applied}];
	m.recordingLog = [...m.recordingLog, {kind: 'snapshot', term: record.term, position: record.end}];
	tx.note('snapshots', [...tx.seen.snapshots, {member: m.id, position: record.end}].slice(-40));
	tx.say(`${memberName(m.id)} snapshots at ${record.end}`);
	if (m.role === 'leader' && m.snapshotting) {
		m.snapshotting = false;
		drainIngress(tx, m);
		armTimers(tx, m);
	}
}

/** The member's service processes every recorded record up to `limit` (its commit, or with a bug its recorded position). */
export function consume(tx: Tx, m: DraftMember, limit: number): number {
	if (m.service.position >= limit) return 0;
	const records = recordsBetween(m.log, m.service.position, limit);
	for (const record of records) processRecord(tx, m, record);
	if (m.service.position > m.commit) tx.breakLamp('service-commit', `${memberName(m.id)}'s service is at ${m.service.position}, past its commit position ${m.commit} (service ≤ commit broken)`);
	return records.length;
}
