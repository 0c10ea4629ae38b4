/**
 * Headless output: the end-of-run report (--json), a plain summary, and one
 * trace line per event (--trace). The field names are documented in
 * docs/raft.md ("Headless output").
 */
import type {Model} from '../models/model.js';
import {inputText} from './describe.js';
import type {Entry} from './log.js';
import {nodeName, roleWord, serverName} from './names.js';
import {networkText} from './network.js';
import {clusterCommit, currentLeader, inFlightCount} from './queries.js';
import {leaderlessFor, longestLeaderless, recentElections} from './safety/liveness.js';
import {propertyCodes, propertyNames, violationLine, type Violation} from './safety/properties.js';
import type {Message, RaftState, Server} from './types.js';

/** An entry as [term, request, command]. */
export type EntryJson = [term: number, request: number, command: string];

function entryJson(model: Model, entry: Entry): EntryJson {
	return [entry.term, entry.request, inputText(model, entry.input)];
}

function hex(digest: number): string {
	return (digest >>> 0).toString(16).padStart(8, '0');
}

function vote(server: Server): string | null {
	return server.votedFor === null ? null : serverName(server.votedFor);
}

export function serverReport(state: RaftState, server: Server) {
	return {
		name: serverName(server.id),
		role: server.role,
		currentTerm: server.currentTerm,
		votedFor: vote(server),
		log: server.log.toJSON().map(entry => entryJson(state.model, entry)),
		commitIndex: server.commitIndex,
		lastApplied: server.lastApplied,
		machine: state.model.summary(server.machine),
		digest: hex(state.model.digest(server.machine)),
	};
}

/** A violation as JSON: the property (code and name), the event, the servers, index and term it names, and the counterexample. */
export function violationJson(violation: Violation) {
	return {
		property: violation.property,
		name: propertyNames[violation.property],
		event: violation.event,
		t: violation.time,
		servers: violation.servers.map(id => serverName(id)),
		...(violation.index === undefined ? {} : {index: violation.index}),
		...(violation.term === undefined ? {} : {term: violation.term}),
		text: violation.text,
		cause: violation.cause,
	};
}

/** The checker's verdict: every lamp, the first violation of each broken property (in the order seen), and liveness. */
export function safetyReport(state: RaftState) {
	const {broken} = state.safety;
	const violations = propertyCodes.flatMap(code => (broken[code] === undefined ? [] : [broken[code]!])).sort((a, b) => a.event - b.event);
	return {
		safe: violations.length === 0,
		lamps: Object.fromEntries(propertyCodes.map(code => [code, broken[code] === undefined ? 'green' : 'red'])) as Record<(typeof propertyCodes)[number], 'green' | 'red'>,
		violations: violations.map(violation => violationJson(violation)),
		liveness: {leaderlessMs: leaderlessFor(state), longestLeaderlessMs: longestLeaderless(state), electionsInLast2s: recentElections(state)},
	};
}

export function raftReport(state: RaftState) {
	const leader = currentLeader(state);
	const {config, client, stats} = state;
	return {
		mode: 'raft',
		seed: config.seed,
		model: config.model,
		prevote: config.prevote,
		bugs: config.bugs,
		time: state.time,
		events: state.events,
		leader: leader === undefined ? null : serverName(leader),
		term: leader === undefined ? null : state.servers[leader]!.currentTerm,
		commitIndex: clusterCommit(state),
		network: networkText(state.network, config.servers),
		servers: state.servers.map(server => serverReport(state, server)),
		client: {
			requests: client.nextRequest - 1,
			acked: client.acked,
			waiting: client.pending.map(item => item.request),
			gaveUp: client.gaveUp,
			lateAcks: client.lateAcks,
		},
		messages: {sent: stats.sent, delivered: stats.delivered, lost: stats.lost, inFlight: inFlightCount(state)},
		elections: stats.elections,
		leadersElected: stats.leadersElected,
		safety: safetyReport(state),
	};
}

export function raftSummary(state: RaftState): string {
	const leader = currentLeader(state);
	const lines = [
		`raft · ${state.config.servers} servers · model ${state.config.model} · seed ${state.config.seed} · t=${state.time}ms · ${state.events} events`,
		`${leader === undefined ? 'no leader' : `${serverName(leader)} leads term ${state.servers[leader]!.currentTerm}`} · commit ${clusterCommit(state)} · ${state.stats.elections} elections · client ${state.client.acked} acked, ${state.client.gaveUp} given up · ${networkText(state.network, state.config.servers)}`,
	];
	const broken = propertyCodes.flatMap(code => (state.safety.broken[code] === undefined ? [] : [state.safety.broken[code]!]));
	lines.push(`safety ${propertyCodes.map(code => `${state.safety.broken[code] === undefined ? '✓' : '✗'}${code}`).join(' ')}${broken.length === 0 ? ' · every property held at every event' : ''}`);
	for (const violation of broken.sort((a, b) => a.event - b.event)) lines.push(violationLine(violation));
	for (const server of state.servers) {
		lines.push(
			`${serverName(server.id)} ${roleWord[server.role]} term ${server.currentTerm} voted ${server.votedFor === null ? '—' : serverName(server.votedFor)} · log ${server.log.length} (last term ${server.log.lastTerm}) · commit ${server.commitIndex} applied ${server.lastApplied} · ${state.model.summary(server.machine)}`,
		);
	}

	return lines.join('\n');
}

/** A message as JSON: id, from, to, type, its fields (entries as [term, request, command]), when sent and when due. */
export function messageJson(state: RaftState, message: Message, due?: number) {
	const {body} = message;
	const fields = body.type === 'AppendEntries' ? {...body, entries: body.entries.map(entry => entryJson(state.model, entry))} : body.type === 'ClientRequest' ? {...body, input: inputText(state.model, body.input)} : body;
	const {type, ...rest} = fields;
	return {
		id: message.id,
		from: nodeName(message.from),
		to: nodeName(message.to),
		type,
		...rest,
		sentAt: message.sentAt,
		...(due === undefined ? {} : {due}),
		...(message.doomed ? {doomed: true} : {}),
		...(message.copyOf === undefined ? {} : {copyOf: message.copyOf}),
	};
}

function dueOf(state: RaftState, message: Message): number | undefined {
	for (const item of state.queue.items) if (item.event.kind === 'deliver' && item.event.message.id === message.id) return item.time;
	return undefined;
}

function serverLine(state: RaftState, server: Server, logFrom: number | null) {
	return {
		server: serverName(server.id),
		role: server.role,
		term: server.currentTerm,
		votedFor: vote(server),
		commitIndex: server.commitIndex,
		lastApplied: server.lastApplied,
		...(logFrom === null ? {} : {log: {from: logFrom, entries: server.log.slice(logFrom, server.log.length).map(entry => entryJson(state.model, entry)), length: server.log.length}}),
	};
}

/** The switches a start line or an action line states: the network and the safety lab's settings. */
function switches(state: RaftState) {
	return {network: networkText(state.network, state.servers.length), bugs: state.config.bugs, prevote: state.config.prevote, backoff: state.config.backoff};
}

/**
 * The event just handled (or the action just applied), with every server it
 * touched: its role, term, vote, commit and applied index after it, and its
 * log as a delta (keep entries 1…from−1, then `entries`; `length` after).
 * An action line also states the network and the switches after it.
 */
export function raftTraceLine(state: RaftState) {
	const record = state.last;
	return {
		event: record.n,
		t: record.time,
		kind: record.kind,
		text: record.text,
		message: record.message === null ? null : messageJson(state, record.message),
		sent: record.sent.map(message => messageJson(state, message, dueOf(state, message))),
		removed: record.removed.map(message => message.id),
		servers: record.changes.map(change => serverLine(state, state.servers[change.server]!, change.logFrom)),
		applied: record.applied.map(item => ({server: serverName(item.server), index: item.index, term: item.entry.term, request: item.entry.request})),
		...(record.kind === 'action' ? switches(state) : {}),
		...(state.safety.fresh.length === 0 ? {} : {violations: state.safety.fresh.map(violation => violationJson(violation))}),
	};
}

/** The start line (and a marker's body): every server with its whole log, the network and the switches. */
export function raftTraceStart(state: RaftState) {
	return {
		event: state.events,
		t: state.time,
		kind: 'start',
		text: state.last.kind === 'start' ? state.last.text : '',
		message: null,
		sent: state.last.kind === 'start' ? state.last.sent.map(message => messageJson(state, message, dueOf(state, message))) : [],
		removed: [],
		servers: state.servers.map(server => serverLine(state, server, 1)),
		applied: [],
		...switches(state),
	};
}
