/**
 * Headless output: the --json report, a plain summary, and the --trace lines.
 * A trace line carries every member the event changed, in full but for its
 * log, which comes as a change (records kept, records added): folding the
 * lines from the start line rebuilds every member (docs/aeron.md).
 */
import {allRecords, logEnd} from './log.js';
import {memberName, recordText} from './names.js';
import {leaderOf} from './queries.js';
import {receivedEnd} from './stream.js';
import type {AeronAction, AeronState, LogRecord, Member} from './types.js';

const hex = (value: number): string => (value >>> 0).toString(16).padStart(8, '0');

function recordJson(state: AeronState, record: LogRecord) {
	return {type: record.type, start: record.start, end: record.end, term: record.term, timestamp: record.timestamp, text: recordText(record, state.model)};
}

/** A member as it stands, without its log. */
function memberFields(state: AeronState, m: Member) {
	return {
		name: memberName(m.id),
		role: m.role,
		election: m.election,
		term: m.term,
		candidateTerm: m.candidateTermId,
		leader: m.leader === null ? null : memberName(m.leader),
		appended: logEnd(m.log),
		received: receivedEnd(m),
		commit: m.commit,
		service: {position: m.service.position, time: m.service.time, state: state.model.summary(m.service.machine), digest: hex(m.service.digest)},
		timers: m.timers.map(timer => ({id: timer.id, deadline: timer.deadline})),
		recordingLog: m.recordingLog,
		snapshots: m.snapshots.map(snapshot => ({position: snapshot.position, term: snapshot.term})),
	};
}

function memberJson(state: AeronState, m: Member) {
	return {...memberFields(state, m), log: allRecords(m.log).map(record => recordJson(state, record))};
}

export function aeronReport(state: AeronState) {
	const leader = leaderOf(state);
	return {
		mode: 'aeron',
		seed: state.config.seed,
		model: state.config.model,
		members: state.members.length,
		timings: {...state.config.timings, aeronDefaults: state.config.realDefaults},
		bugs: state.config.bugs,
		impurity: state.impurity,
		time: state.time,
		events: state.events,
		leader: leader === undefined ? null : memberName(leader),
		lamps: Object.fromEntries(Object.entries(state.lamps).map(([name, text]) => [name, text ?? null])),
		divergence: state.divergence,
		client: {sent: state.client.sent, replies: state.client.replies, lastReply: state.client.lastReply},
		stats: state.stats,
		seen: {truncations: state.seen.truncations, vetoes: state.seen.vetoes, replications: state.seen.replications, catchups: state.seen.catchups, stepDowns: state.seen.stepDowns, snapshots: state.seen.snapshots.length, timerFires: state.seen.timerFires.length},
		servers: state.members.map(m => memberJson(state, m)),
	};
}

export function aeronSummary(state: AeronState): string {
	const leader = leaderOf(state);
	const lines = [`aeron · model ${state.config.model} · seed ${state.config.seed} · ${state.members.length} members · t=${state.time}ms · ${state.events} events · leader ${leader === undefined ? 'none' : memberName(leader)}`];
	for (const m of state.members) lines.push(`${memberName(m.id)} ${m.role} ${m.election} term ${m.term} · appended ${logEnd(m.log)} commit ${m.commit} service ${m.service.position} · ${state.model.summary(m.service.machine)} #${hex(m.service.digest).slice(-4)}`);
	const broken = Object.entries(state.lamps).filter(([, text]) => text !== undefined);
	lines.push(broken.length === 0 ? 'lamps: all green' : `lamps: ${broken.map(([name, text]) => `${name} ✗ ${text}`).join('; ')}`);
	return lines.join('\n');
}

function changedMembers(state: AeronState) {
	return state.changed.map(change => ({...memberFields(state, state.members[change.member]!), log: {keep: change.keep, added: change.added.map(record => recordJson(state, record))}}));
}

export function aeronTraceLine(state: AeronState) {
	return {n: state.last.n, t: state.last.time, kind: state.last.kind, member: state.last.member === null ? null : memberName(state.last.member), text: state.last.text, servers: changedMembers(state)};
}

export function aeronTraceStart(state: AeronState) {
	return {n: state.events, t: state.time, kind: 'start', text: state.last.kind === 'start' ? state.last.text : '', servers: state.members.map(m => ({...memberFields(state, m), log: {keep: 0, added: allRecords(m.log).map(record => recordJson(state, record))}}))};
}

export function aeronTraceAction(_before: AeronState, after: AeronState, action: AeronAction) {
	return {...aeronTraceLine(after), kind: 'action', action: action.type};
}
