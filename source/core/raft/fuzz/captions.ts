/**
 * Captions for a fuzz counterexample, one per action, made from the states
 * around it: what the action does (to whom, in which term), what comes of
 * it before the next action (an election won, the entry the violation turns
 * on appended, copied or committed), each outcome with the `expect` claim
 * that proves it at the end of that stretch. A caption keeps to two lines:
 * outcomes that do not fit are left out, with their claims.
 */
import {captionFits} from '../../fuzz/scenario-text.js';
import type {ActionContext} from '../../fuzz/target.js';
import {serverList, serverName} from '../names.js';
import {currentLeader} from '../queries.js';
import type {Violation} from '../safety/properties.js';
import type {MessagePick, RaftAction, RaftState, Server} from '../types.js';

/** Words, the claims that prove them, and how much they matter (0 most). */
type Part = {readonly text: string; readonly expects: readonly string[]; readonly rank?: number};

function logText(server: Server): string {
	const terms = server.log.terms();
	return terms.length === 0 ? 'empty log' : `log ${terms.join(' ')}`;
}

function who(state: RaftState, id: number): string {
	const server = state.servers[id]!;
	if (server.role === 'leader') return `${serverName(id)} (leader, term ${server.currentTerm}, ${logText(server)})`;
	return `${serverName(id)} (${server.role === 'crashed' ? 'down' : `term ${server.currentTerm}`}${voteText(server)}, ${logText(server)})`;
}

function voteText(server: Server): string {
	return server.votedFor === null ? '' : `, voted ${serverName(server.votedFor)}`;
}

const typeWord: Readonly<Record<string, string>> = {
	AppendEntries: 'AppendEntries',
	AppendEntriesReply: 'AppendEntries reply',
	RequestVote: 'RequestVote',
	RequestVoteReply: 'vote reply',
	ClientRequest: 'client request',
	ClientReply: 'client reply',
};

function pickText(pick: MessagePick): string {
	if (pick.by !== 'match') return 'a message';
	const end = (node: number | 'any') => (node === 'any' ? 'any' : node === -1 ? 'client' : serverName(node));
	return `the ${end(pick.from)}→${end(pick.to)} ${pick.type === undefined ? 'message' : typeWord[pick.type]}`;
}

/** What the action does, in the words of the state it meets, and the claims that it did it (they hold right after it). */
function actionPart(before: RaftState, after: RaftState, action: RaftAction): Part {
	switch (action.type) {
		case 'crash': {
			const id = typeof action.server === 'number' ? action.server : currentLeader(before);
			if (id === undefined) return {text: 'No leader to crash', expects: []};
			return {text: `${who(before, id)} crashes`, expects: [`role ${serverName(id)} crashed`]};
		}

		case 'restart':
		{
			const server = after.servers[action.server]!;
			const name = serverName(action.server);
			return {
				text: `${name} restarts; from disk: term ${server.currentTerm}, ${server.votedFor === null ? 'no vote' : `its vote for ${serverName(server.votedFor)}`}, ${logText(server)}`,
				expects: [`term ${name} ${server.currentTerm}`, `voted ${name} ${server.votedFor === null ? 'none' : serverName(server.votedFor)}`],
			};
		}

		case 'timeout':
			return {text: `${serverName(action.server)}'s election timer is fired now ${who(before, action.server).slice(serverName(action.server).length + 1)}`, expects: []};
		case 'request': {
			const sent = after.client.pending.at(-1);
			if (sent === undefined || after.client.nextRequest === before.client.nextRequest) return {text: 'The client sends a request', expects: []};
			return {text: `The client sends request #${sent.request} to ${who(before, sent.target)}`, expects: []};
		}

		case 'isolate': {
			const id = typeof action.server === 'number' ? action.server : currentLeader(before);
			if (id === undefined) return {text: 'No leader to cut off', expects: []};
			const others = before.servers.filter(server => server.id !== id).map(server => server.id);
			return {text: `${who(before, id)} is cut off from the others`, expects: [`partition ${serverName(id)} | ${serverList(others)}`]};
		}

		case 'partition':
			return {text: `The network splits: ${action.groups.map(group => serverList(group)).join(' | ')}`, expects: [`partition ${action.groups.map(group => serverList(group)).join(' | ')}`]};
		case 'heal':
			return {text: 'The network heals: every link works again', expects: []};
		case 'cut':
			return {text: `The link ${serverName(action.from)}→${serverName(action.to)} is cut`, expects: []};
		case 'drop':
		case 'duplicate':
		case 'deliver':
			return {text: `${pickText(action.pick)} in flight is ${action.type === 'drop' ? 'dropped' : action.type === 'duplicate' ? 'duplicated' : 'delivered now'}`.replace(/^t/, 'T'), expects: []};
		case 'delay':
			return {text: `${pickText(action.pick)} in flight is delayed ${action.ms} ms`.replace(/^t/, 'T'), expects: []};
		case 'loss':
			return {text: `Messages from ${action.from === undefined ? 'every server' : serverName(action.from)} are lost with probability ${action.probability}`, expects: []};
		case 'slow':
			return {text: `Messages from ${action.from === undefined ? 'every server' : serverName(action.from)} take ${action.ms} ms longer`, expects: []};
		default:
			return {text: `${action.type}`, expects: []};
	}
}

/** The entry at `index` on a server, as "t2 #3" ('' if none). */
function entryAt(server: Server, index: number): string {
	const entry = server.log.entryAt(index);
	return entry === undefined ? '' : `t${entry.term} #${entry.request}`;
}

/** What came of it by the end of its stretch, most telling first. */
function outcomeParts(after: RaftState, end: RaftState, violation: Violation): Part[] {
	const parts: Part[] = [];
	for (const server of end.servers) {
		const was = after.servers[server.id]!;
		if (server.role === 'leader' && (was.role !== 'leader' || was.currentTerm !== server.currentTerm)) {
			parts.push({text: `${serverName(server.id)} wins term ${server.currentTerm}`, expects: [`role ${serverName(server.id)} leader`, `term ${serverName(server.id)} ${server.currentTerm}`], rank: 1});
		}
	}

	const index = violation.index;
	if (index !== undefined) {
		const changed = end.servers.filter(server => entryAt(server, index) !== '' && entryAt(server, index) !== entryAt(after.servers[server.id]!, index));
		const byEntry = new Map<string, number[]>();
		for (const server of changed) byEntry.set(entryAt(server, index), [...(byEntry.get(entryAt(server, index)) ?? []), server.id]);
		for (const [entry, ids] of byEntry) {
			const term = end.servers[ids[0]!]!.log.termAt(index);
			const names = ids.map(id => serverName(id));
			const them = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
			parts.push({text: `${them} ${ids.length === 1 ? 'gets' : 'get'} ${entry} at index ${index}`, expects: [`entry ${index} term ${term} on ${serverList(ids)}`], rank: 2});
		}

		for (const server of end.servers) {
			const was = after.servers[server.id]!;
			if (server.role === 'leader' && was.commitIndex < index && server.commitIndex >= index) {
				const entry = entryAt(server, index);
				parts.push({text: `${serverName(server.id)} commits index ${index} (${entry}) in term ${server.currentTerm}`, expects: [`commit ${serverName(server.id)} ${server.commitIndex}`], rank: 0});
			}
		}
	}

	return parts;
}

/** "2/8 · <what the action does>. Then <outcomes>." with the outcomes that fit, chosen by rank, told in order. */
export function raftActionCaption(context: ActionContext<RaftState, RaftAction, Violation>): {text: string; now: string[]; expects: string[]} {
	const {number, count, action, before, after, end, violation} = context;
	const head = actionPart(before, after, action);
	const outcomes = end === after ? [] : outcomeParts(after, end, violation);
	const say = (what: string, chosen: readonly Part[]) => `${number}/${count} · ${what}.${chosen.length === 0 ? '' : ` Then ${chosen.map(part => part.text).join('; ')}.`}`;
	let what = head.text;
	if (!captionFits(say(what, []))) what = what.replace(/ \([^)]*\)/g, '');
	const chosen = new Set<Part>();
	for (const part of [...outcomes].sort((a, b) => (a.rank ?? 9) - (b.rank ?? 9))) {
		if (captionFits(say(what, outcomes.filter(item => chosen.has(item) || item === part)))) chosen.add(part);
	}

	const told = outcomes.filter(part => chosen.has(part));
	return {text: say(what, told), now: [...head.expects], expects: told.flatMap(part => part.expects)};
}
