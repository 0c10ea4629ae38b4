/**
 * Scenario lines for the Raft mode: verbs (actions), conditions for `until`
 * and claims for `expect`. Each parser returns the parsed thing or a string
 * saying what is wrong. Servers are named S1…S7; whether the cluster has that
 * many is checked when the line runs.
 */
import type {ModeCondition} from '../engine/mode.js';
import {describePick, findMessage} from './actions.js';
import {maxServers} from './config.js';
import {parseNetVerb, parsePick, type MessageWords} from '../net/verbs.js';
import {parseServerName, raftNames, roleWord, serverName} from './names.js';
import {entryKey as keyOf} from './safety/entries.js';
import {cutLinks, networkText, partitionGroups} from './network.js';
import {labVerbs, parseLabClaim, parseLabVerb} from './scenario-lab.js';
import {parseMechanismClaim} from './scenario-mechanisms.js';
import {clusterCommit, currentLeader, highestTerm, holders, inFlightCount, isUp, undisputedLeader} from './queries.js';
import type {MessageType, RaftAction, RaftConfig, RaftState, Role} from './types.js';
import {countWord, durationWord} from '../engine/scenario-words.js';

export const raftVerbs = [
	'crash',
	'restart',
	'timeout',
	'request',
	'partition',
	'isolate',
	'split',
	'cut',
	'heal',
	'drop',
	'duplicate',
	'delay',
	'deliver',
	'loss',
	'slow',
	'set-log',
	'set-term',
	...labVerbs,
] as const;

const typeNames: Readonly<Record<string, MessageType>> = {
	appendentries: 'AppendEntries',
	ae: 'AppendEntries',
	append: 'AppendEntries',
	appendentriesreply: 'AppendEntriesReply',
	'ae-reply': 'AppendEntriesReply',
	'append-reply': 'AppendEntriesReply',
	requestvote: 'RequestVote',
	rv: 'RequestVote',
	vote: 'RequestVote',
	requestvotereply: 'RequestVoteReply',
	'rv-reply': 'RequestVoteReply',
	'vote-reply': 'RequestVoteReply',
	clientrequest: 'ClientRequest',
	request: 'ClientRequest',
	clientreply: 'ClientReply',
	ack: 'ClientReply',
};

/** Reads a server name: S1 up to the cluster's size (S7 when the config is not known). */
type ServerNames = ((word: string | undefined) => number | undefined) & {readonly size: number};

function serverNames(config?: Pick<RaftConfig, 'servers'>): ServerNames {
	const size = config?.servers ?? maxServers;
	return Object.assign((word: string | undefined) => (word === undefined ? undefined : parseServerName(word, size)), {size});
}

/** Raft's words for messages in scenarios: its types, and the client. */
const messageWords: MessageWords<MessageType> = {
	types: typeNames,
	others: {client: -1},
	usage: 'a message is "next", "#ID" or "S1->S3" (either end may be * or client), optionally followed by a type such as AppendEntries or vote',
};

function serverOrLeader(server: ServerNames, word: string | undefined, verb: string): number | 'leader' | string {
	if (word === 'leader') return 'leader';
	return server(word) ?? `"${verb}" needs a server (S1…S${server.size}) or "leader"`;
}

export function parseVerb(words: readonly string[], config?: Pick<RaftConfig, 'servers'>): RaftAction | string {
	const server = serverNames(config);
	const [verb = '', ...args] = words;
	const one = () => (args.length === 1 ? server(args[0]) : undefined);
	const needsServer = `"${verb}" needs one server, e.g. ${verb} S2`;
	switch (verb) {
		case 'crash':
		case 'isolate': {
			if (args.length !== 1) return `"${verb}" needs one server or "leader"`;
			const which = serverOrLeader(server, args[0], verb);
			return typeof which === 'string' && which !== 'leader' ? which : {type: verb, server: which as number | 'leader'};
		}

		case 'restart':
		case 'timeout': {
			const id = one();
			return id === undefined ? needsServer : {type: verb, server: id};
		}

		case 'request': {
			if (args.length === 0) return {type: 'request'};
			if (args.length === 1 && args[0] === 'leader') return {type: 'request', server: 'leader'};
			const id = one();
			return id === undefined ? '"request" takes nothing (the client picks the server), "leader", or one server, e.g. request S2' : {type: 'request', server: id};
		}

		case 'split':
			return args.length === 1 && (args[0] === 'majority' || args[0] === 'minority') ? {type: 'split', leaderSide: args[0]} : '"split" needs majority or minority (the side the leader ends up on)';
		case 'set-log': {
			const id = server(args[0]);
			const terms = args.slice(1).map(word => countWord(word));
			if (id === undefined || terms.some(term => term === undefined || term < 1)) return '"set-log" needs a server and the terms of its entries, e.g. set-log S2 1 1 4 4';
			const sorted = (terms as number[]).every((term, i, all) => i === 0 || all[i - 1]! <= term);
			return sorted ? {type: 'set-log', server: id, terms: terms as number[]} : '"set-log": terms never go down along a Raft log';
		}

		case 'set-term': {
			const id = server(args[0]);
			const term = countWord(args[1]);
			return id === undefined || term === undefined || args.length !== 2 ? '"set-term" needs a server and a term, e.g. set-term S1 8' : {type: 'set-term', server: id, term};
		}

		default:
			return parseNetVerb(raftNames(server.size), messageWords, words) ?? parseLabVerb(words) ?? `unknown verb "${verb}": the Raft mode knows ${raftVerbs.join(', ')}`;
	}
}

// Conditions and claims.

type Check = (state: RaftState) => string | undefined;

function condition(text: string, check: Check): ModeCondition<RaftState> {
	return {text, check};
}

function named(state: RaftState, id: number): string | undefined {
	return id < state.servers.length ? undefined : `there is no ${serverName(id)} in a cluster of ${state.servers.length}`;
}

const roleNames: Readonly<Record<string, Role>> = {
	leader: 'leader',
	candidate: 'candidate',
	'pre-candidate': 'precandidate',
	precandidate: 'precandidate',
	follower: 'follower',
	crashed: 'crashed',
	down: 'crashed',
};

/** "leader", "leader S2", "leader term 3", "leader S2 term 3": the undisputed leader (no running server has a higher term). */
function leaderClaim(server: ServerNames, args: readonly string[]): {id?: number; term?: number} | string {
	let rest = args;
	let id: number | undefined;
	if (rest[0] !== undefined && rest[0] !== 'term') {
		id = server(rest[0]);
		if (id === undefined) return `"${rest[0]}" is not a server`;
		rest = rest.slice(1);
	}

	if (rest.length === 0) return {id};
	const term = countWord(rest[1]);
	if (rest[0] !== 'term' || term === undefined || rest.length !== 2) return 'say "leader", "leader S2", "leader term 3" or "leader S2 term 3"';
	return {id, term};
}

function checkLeader(claim: {id?: number; term?: number}): Check {
	return state => {
		const leader = undisputedLeader(state);
		if (leader === undefined) {
			const stale = currentLeader(state);
			return stale === undefined ? 'there is no leader' : `${serverName(stale)} leads term ${state.servers[stale]!.currentTerm}, but a running server has term ${highestTerm(state)}`;
		}

		const term = state.servers[leader]!.currentTerm;
		if (claim.id !== undefined && leader !== claim.id) return `${serverName(leader)} leads term ${term}, not ${serverName(claim.id)}`;
		if (claim.term !== undefined && term !== claim.term) return `${serverName(leader)} leads term ${term}, not term ${claim.term}`;
		return undefined;
	};
}

/** `S2` in "… on S2" at the end of args, if there. */
function onServer(server: ServerNames, args: readonly string[]): {rest: readonly string[]; id?: number} | string {
	if (args.at(-2) !== 'on') return {rest: args};
	const id = server(args.at(-1));
	return id === undefined ? `"${args.at(-1)}" is not a server` : {rest: args.slice(0, -2), id};
}

export function parseCondition(words: readonly string[], config?: Pick<RaftConfig, 'servers'>): ModeCondition<RaftState> | string {
	const server = serverNames(config);
	const lab = parseLabClaim(words, server.size, false) ?? parseMechanismClaim(words, server.size);
	if (lab !== undefined) return lab;
	const text = words.join(' ');
	const [what = '', ...args] = words;
	switch (what) {
		case 'leader': {
			const claim = leaderClaim(server, args);
			return typeof claim === 'string' ? claim : condition(text, checkLeader(claim));
		}

		case 'no':
			return args.length === 1 && args[0] === 'leader' ? condition(text, state => (currentLeader(state) === undefined ? undefined : `${serverName(currentLeader(state)!)} leads`)) : 'say "no leader"';
		case 'commit':
		case 'applied': {
			const on = onServer(server, args);
			if (typeof on === 'string') return on;
			const n = countWord(on.rest[0]);
			if (n === undefined || on.rest.length !== 1) return `say "${what} 3" or "${what} 3 on S2"`;
			const field = what === 'commit' ? 'commitIndex' : 'lastApplied';
			return condition(text, state => {
				if (on.id !== undefined) {
					const missing = named(state, on.id);
					if (missing) return missing;
					const value = state.servers[on.id]![field];
					return value >= n ? undefined : `${serverName(on.id)}'s ${field} is ${value}`;
				}

				if (what === 'commit') return clusterCommit(state) >= n ? undefined : `the highest commit index is ${clusterCommit(state)}`;
				const behind = state.servers.filter(item => isUp(item) && item.lastApplied < n);
				return behind.length === 0 ? undefined : `${behind.map(item => `${serverName(item.id)} applied ${item.lastApplied}`).join(', ')}`;
			});
		}

		case 'term': {
			if (args.length === 2) {
				const id = server(args[0]);
				const n = countWord(args[1]);
				return id === undefined || n === undefined ? 'say "term 4" or "term S2 4"' : condition(text, state => named(state, id) ?? (state.servers[id]!.currentTerm >= n ? undefined : `${serverName(id)}'s term is ${state.servers[id]!.currentTerm}`));
			}

			const n = countWord(args[0]);
			return n === undefined || args.length !== 1 ? 'say "term 4" or "term S2 4"' : condition(text, state => (highestTerm(state) >= n ? undefined : `the highest term is ${highestTerm(state)}`));
		}

		case 'role': {
			const id = server(args[0]);
			const role = roleNames[args[1] ?? ''];
			if (id === undefined || role === undefined || args.length !== 2) return `say "role S2 candidate" (${Object.keys(roleNames).join(', ')})`;
			return condition(text, state => named(state, id) ?? (state.servers[id]!.role === role ? undefined : `${serverName(id)} is ${roleWord[state.servers[id]!.role]}`));
		}

		case 'acked': {
			const n = countWord(args[0]);
			return n === undefined || args.length !== 1 ? 'say "acked 3"' : condition(text, state => (state.client.acked >= n ? undefined : `the client has ${state.client.acked} acknowledgements`));
		}

		case 'length': {
			const id = server(args[0]);
			const n = countWord(args[1]);
			return id === undefined || n === undefined || args.length !== 2 ? 'say "length S2 3"' : condition(text, state => named(state, id) ?? (state.servers[id]!.log.length >= n ? undefined : `${serverName(id)}'s log has ${state.servers[id]!.log.length} entries`));
		}

		case 'time': {
			const ms = durationWord(args[0]);
			return ms === undefined || args.length !== 1 ? 'say "time 2000" (virtual ms)' : condition(text, state => (state.time >= ms ? undefined : `it is ${state.time} ms`));
		}

		case 'elections': {
			const n = countWord(args[0]);
			return n === undefined || args.length !== 1 ? 'say "elections 2"' : condition(text, state => (state.stats.elections >= n ? undefined : `${state.stats.elections} elections so far`));
		}

		case 'in-flight': {
			const pick = parsePick(raftNames(server.size), messageWords, args);
			if (typeof pick === 'string') return pick;
			return condition(text, state => (findMessage(state, pick) === undefined ? `no ${describePick(pick).replace(/^(a|the) /, '')} in flight` : undefined));
		}

		case 'lost': {
			const n = countWord(args[0]);
			return n === undefined || args.length !== 1 ? 'say "lost 1" (at least that many messages lost so far)' : condition(text, state => (state.stats.lost >= n ? undefined : `${state.stats.lost} messages lost so far`));
		}

		case 'copies-delivered': {
			const n = countWord(args[0]);
			return n === undefined || args.length !== 1 ? 'say "copies-delivered 1"' : condition(text, state => (state.stats.copiesDelivered >= n ? undefined : `${state.stats.copiesDelivered} duplicated messages delivered so far`));
		}

		default:
			return `unknown condition "${text}": try leader [S2] [term 3], no leader, commit 3 [on S2], applied 3 [on S2], term [S2] 4, role S2 candidate, acked 3, length S2 3, time 2000, elections 2, copies-delivered 1, lost 1, in-flight S1->S3 [type], in-flight lost 1, refused AppendEntries S3->S5 [N], nextIndex stepped back S3->S5 [N], copy delivered after original`;
	}
}

function logTerms(state: RaftState, id: number): string {
	const terms = state.servers[id]!.log.terms();
	return terms.length === 0 ? 'empty' : terms.join(' ');
}

/** The identity of server `id`'s entry at `index` ('' if none). */
function entryKey(state: RaftState, id: number, index: number): string {
	const entry = state.servers[id]!.log.entryAt(index);
	return entry === undefined ? '' : keyOf(entry);
}

/** Log Matching across every pair of servers: same index and term ⇒ identical up to there. */
export function logMatchingViolation(state: RaftState): string | undefined {
	const size = state.servers.length;
	for (let a = 0; a < size; a++) {
		for (let b = a + 1; b < size; b++) {
			const shared = Math.min(state.servers[a]!.log.length, state.servers[b]!.log.length);
			let last = 0;
			for (let index = shared; index >= 1; index--) {
				if (state.servers[a]!.log.termAt(index) === state.servers[b]!.log.termAt(index)) {
					last = index;
					break;
				}
			}

			for (let index = 1; index <= last; index++) {
				if (entryKey(state, a, index) !== entryKey(state, b, index)) return `${serverName(a)} and ${serverName(b)} agree on the term at ${last} but differ at ${index}`;
			}
		}
	}

	return undefined;
}

export function parseExpectation(words: readonly string[], config?: Pick<RaftConfig, 'servers'>): ModeCondition<RaftState> | string {
	const server = serverNames(config);
	const lab = parseLabClaim(words, server.size, true) ?? parseMechanismClaim(words, server.size);
	if (lab !== undefined) return lab;
	const text = words.join(' ');
	const [what = '', ...args] = words;
	const id = server(args[0]);
	switch (what) {
		case 'leader':
		case 'no':
			return parseCondition(words, config);
		case 'term': {
			if (args.length === 1) {
				const n = countWord(args[0]);
				return n === undefined ? 'say "term 3" or "term S2 3"' : condition(text, state => (highestTerm(state) === n ? undefined : `the highest term is ${highestTerm(state)}`));
			}

			const n = countWord(args[1]);
			return id === undefined || n === undefined || args.length !== 2 ? 'say "term 3" or "term S2 3"' : condition(text, state => named(state, id) ?? (state.servers[id]!.currentTerm === n ? undefined : `${serverName(id)}'s term is ${state.servers[id]!.currentTerm}`));
		}

		case 'role':
			return parseCondition(words, config);
		case 'voted': {
			const target = args[1] === 'none' ? null : server(args[1]);
			if (id === undefined || target === undefined || args.length !== 2) return 'say "voted S2 S1" or "voted S2 none"';
			return condition(text, state => {
				const votedFor = state.servers[id]?.votedFor;
				return named(state, id) ?? (votedFor === target ? undefined : `${serverName(id)} voted for ${votedFor === null || votedFor === undefined ? 'nobody' : serverName(votedFor)}`);
			});
		}

		case 'commit':
		case 'applied': {
			const field = what === 'commit' ? 'commitIndex' : 'lastApplied';
			if (args.length === 1 && what === 'commit') {
				const n = countWord(args[0]);
				return n === undefined ? 'say "commit 3" or "commit S2 3"' : condition(text, state => (clusterCommit(state) === n ? undefined : `the highest commit index is ${clusterCommit(state)}`));
			}

			const n = countWord(args[1]);
			return id === undefined || n === undefined || args.length !== 2 ? `say "${what} S2 3"` : condition(text, state => named(state, id) ?? (state.servers[id]![field] === n ? undefined : `${serverName(id)}'s ${field} is ${state.servers[id]![field]}`));
		}

		case 'committed':
		case 'uncommitted': {
			const n = countWord(args[0]);
			if (n === undefined || args.length !== 1) return `say "${what} 3" (a log index)`;
			return condition(text, state => {
				const commit = clusterCommit(state);
				if (what === 'committed') return commit >= n ? undefined : `the highest commit index is ${commit}`;
				return commit < n ? undefined : `index ${n} is committed (commit index ${commit})`;
			});
		}

		case 'log': {
			const terms = args.slice(1);
			if (id === undefined || terms.length === 0 || !(terms.join(' ') === 'empty' || terms.every(term => countWord(term) !== undefined))) return 'say "log S2 1 1 2" (the terms of its entries) or "log S2 empty"';
			const expected = terms.join(' ');
			return condition(text, state => named(state, id) ?? (logTerms(state, id) === expected ? undefined : `${serverName(id)}'s log is ${logTerms(state, id)}`));
		}

		case 'length': {
			const n = countWord(args[1]);
			return id === undefined || n === undefined || args.length !== 2 ? 'say "length S2 3"' : condition(text, state => named(state, id) ?? (state.servers[id]!.log.length === n ? undefined : `${serverName(id)}'s log has ${state.servers[id]!.log.length} entries`));
		}

		case 'entry':
			return parseEntryClaim(server, text, args);
		case 'logs': {
			if (args.length === 1 && args[0] === 'match') return condition(text, logMatchingViolation);
			if (args.length === 1 && args[0] === 'equal') {
				return condition(text, state => {
					const reference = state.servers[0]!;
					for (const other of state.servers) {
						if (other.log.length !== reference.log.length) return `${serverName(other.id)}'s log has ${other.log.length} entries, S1's ${reference.log.length}`;
						for (let index = 1; index <= reference.log.length; index++) if (entryKey(state, 0, index) !== entryKey(state, other.id, index)) return `S1 and ${serverName(other.id)} differ at ${index}`;
					}

					return undefined;
				});
			}

			return 'say "logs match" (Log Matching holds) or "logs equal" (every log the same)';
		}

		case 'machines':
			if (args.length === 1 && args[0] === 'agree') {
				return condition(text, state => {
					const up = state.servers.filter(item => isUp(item));
					for (const a of up) {
						for (const b of up) {
							if (a.lastApplied === b.lastApplied && state.model.digest(a.machine) !== state.model.digest(b.machine)) return `${serverName(a.id)} and ${serverName(b.id)} applied ${a.lastApplied} entries but their states differ`;
						}
					}

					return undefined;
				});
			}

			return 'say "machines agree"';
		case 'acked': {
			const n = countWord(args[0]);
			return n === undefined || args.length !== 1 ? 'say "acked 3"' : condition(text, state => (state.client.acked === n ? undefined : `the client has ${state.client.acked} acknowledgements`));
		}

		case 'copies-delivered':
		case 'lost':
			return parseCondition(words, config);
		case 'elections': {
			const n = countWord(args[0]);
			return n === undefined || args.length !== 1 ? 'say "elections 1" (how many elections have started)' : condition(text, state => (state.stats.elections === n ? undefined : `${state.stats.elections} elections have started`));
		}

		case 'network':
			return args.length === 1 && args[0] === 'whole' ? condition(text, state => (cutLinks(state.network, state.servers.length).length === 0 ? undefined : networkText(state.network, state.servers.length))) : 'say "network whole"';
		case 'partition': {
			const parsed = parseVerb(words, config);
			if (typeof parsed === 'string' || parsed.type !== 'partition') return typeof parsed === 'string' ? parsed : 'say "partition S1 S2 | S3 S4 S5"';
			const expected = canonicalGroups(parsed.groups);
			return condition(text, state => {
				const groups = partitionGroups(state.network, state.servers.length);
				if (groups === undefined || groups.length < 2) return networkText(state.network, state.servers.length);
				return canonicalGroups(groups) === expected ? undefined : networkText(state.network, state.servers.length);
			});
		}

		case 'in-flight': {
			const n = countWord(args[0]);
			return n === undefined || args.length !== 1 ? 'say "in-flight 3"' : condition(text, state => (inFlightCount(state) === n ? undefined : `${inFlightCount(state)} messages are in flight`));
		}

		default:
			return `unknown claim "${text}": try leader …, no leader, term [S2] N, role S2 ROLE, voted S2 S1|none, commit [S2] N, applied S2 N, committed N, uncommitted N, log S2 TERMS…|empty, length S2 N, entry I term T on S1 S2|on N, logs match|equal, machines agree, network whole, partition S1 S2 | S3 S4 S5, acked N, elections N, copies-delivered N (at least), lost N (at least), in-flight N, in-flight lost N (at least), refused AppendEntries S3->S5 [N], nextIndex stepped back S3->S5 [N], copy delivered after original; the safety lab: lamps green, lamp SM red [at N], halted, no leader for 900ms, elections 5 in 2s, appends S1->S3 N, next S1 S3 N, match S1 S3 N`;
	}
}

function canonicalGroups(groups: ReadonlyArray<readonly number[]>): string {
	return groups
		.map(group => [...group].sort((a, b) => a - b).join(','))
		.sort()
		.join('|');
}

/** "entry 3 term 2 on S1 S2" (each holds it) or "entry 3 term 2 on 3" (exactly three servers hold it). */
function parseEntryClaim(server: ServerNames, text: string, args: readonly string[]): ModeCondition<RaftState> | string {
	const usage = 'say "entry 3 term 2 on S1 S2" or "entry 3 term 2 on 3" (how many servers hold it)';
	const index = countWord(args[0]);
	const term = countWord(args[2]);
	if (index === undefined || args[1] !== 'term' || term === undefined || args[3] !== 'on' || args.length < 5) return usage;
	const targets = args.slice(4);
	if (targets.length === 1 && countWord(targets[0]) !== undefined) {
		const n = countWord(targets[0])!;
		return condition(text, state => (holders(state, index, term) === n ? undefined : `${holders(state, index, term)} servers hold entry ${index} of term ${term}`));
	}

	const ids = targets.map(word => server(word));
	if (ids.some(one => one === undefined)) return usage;
	return condition(text, state => {
		const missing = (ids as number[]).filter(one => state.servers[one]?.log.termAt(index) !== term);
		return missing.length === 0 ? undefined : missing.map(one => `${serverName(one)} has ${state.servers[one]?.log.entryAt(index) ? `term ${state.servers[one]!.log.termAt(index)}` : 'no entry'} at ${index}`).join(', ');
	});
}
