/**
 * The user's actions: faults, partitions, the adversarial scheduler's moves
 * on messages in flight, and set-up. An action never advances time; it
 * changes the state at the current instant and leaves a record of what it did.
 */
import {drawFor, StreamId} from '../engine/streams.js';
import {issueRequest} from './client.js';
import {majorityOf} from './config.js';
import {countText, messageText, typeAbbreviation} from './describe.js';
import {bugInfo} from './bugs.js';
import {becomeFollower} from './roles.js';
import {RaftLog, type Entry} from './log.js';
import {noteDuplicated} from './mechanisms.js';
import {applyLinkFault, applyMessageFault, type LinkFault} from '../net/faults.js';
import {describePick as describeNetPick, findMessage as findNetMessage} from '../net/message.js';
import {groupsText as netGroupsText} from '../net/nodes.js';
import {nodeName, raftNames, serverName} from './names.js';
import {currentLeader, inFlight} from './queries.js';
import {advanceCommitIndex} from './replication.js';
import {quorumOf, Tx, type ServerDraft} from './tx.js';
import {bugNames, clientId, type BugName, type Message, type MessagePick, type RaftAction, type RaftState} from './types.js';

export function findMessage(state: RaftState, pick: MessagePick): Message | undefined {
	return findNetMessage(inFlight(state), pick);
}

export function describePick(pick: MessagePick): string {
	return describeNetPick(pick, nodeName, type => typeAbbreviation[type]);
}

/** The servers an action names (numbers only: 'leader' is resolved when it runs). */
function namedServers(action: RaftAction): number[] {
	const ids: number[] = [];
	for (const key of ['server', 'from', 'to'] as const) {
		const value = (action as Partial<Record<typeof key, unknown>>)[key];
		if (typeof value === 'number') ids.push(value);
	}

	if (action.type === 'partition') ids.push(...action.groups.flat());
	return ids;
}

/** Applies a user action at the current virtual time. */
export function applyAction(state: RaftState, action: RaftAction): RaftState {
	const tx = new Tx(state, state.time);
	tx.action = action;
	const missing = namedServers(action).find(id => id < 0 || id >= state.servers.length);
	if (missing === undefined) act(tx, state, action);
	else tx.say(`there is no ${serverName(missing)} in a cluster of ${state.servers.length}`);
	return tx.finish('action', false, 'server' in action && typeof action.server === 'number' ? action.server : null, null);
}

function resolveServer(tx: Tx, state: RaftState, which: number | 'leader'): number | undefined {
	if (which !== 'leader') return which;
	const leader = currentLeader(state);
	if (leader === undefined) tx.say('there is no leader');
	return leader;
}

function act(tx: Tx, state: RaftState, action: RaftAction): void {
	switch (action.type) {
		case 'crash': {
			const id = resolveServer(tx, state, action.server);
			if (id !== undefined) crash(tx, id);
			return;
		}

		case 'restart':
			restart(tx, action.server);
			return;
		case 'timeout':
			fireTimer(tx, action.server);
			return;
		case 'request': {
			const to = action.server === undefined ? undefined : resolveServer(tx, state, action.server);
			if (action.server === 'leader' && to === undefined) return;
			if (to !== undefined && tx.read(to).role === 'crashed') tx.say(`(${serverName(to)} is down: the request will be lost)`);
			issueRequest(tx, 'manual', to, 'input' in action ? {input: action.input} : undefined);
			return;
		}
		case 'partition':
			linkFault(tx, action);
			return;
		case 'isolate': {
			const id = resolveServer(tx, state, action.server);
			if (id !== undefined) linkFault(tx, {type: 'partition', groups: [[id]]});
			return;
		}

		case 'split':
			split(tx, state, action.leaderSide);
			return;
		case 'cut':
		case 'heal':
			linkFault(tx, action);
			return;
		case 'drop':
		case 'duplicate':
		case 'delay':
		case 'deliver':
			messageAction(tx, state, action);
			return;
		case 'loss':
		case 'slow':
			linkFault(tx, action);
			return;
		case 'set-log':
			setLog(tx, action.server, action.terms);
			return;
		case 'set-term': {
			const server = tx.server(action.server);
			if (action.term !== server.currentTerm) {
				server.currentTerm = action.term;
				server.votedFor = null;
				server.leaderId = null;
				if (server.role === 'leader' || server.role === 'candidate' || server.role === 'precandidate') becomeFollower(tx, server);
			}

			tx.say(`${serverName(action.server)}'s term is set to ${action.term}`);
			return;
		}

		case 'bug':
			switchBug(tx, action.bug, action.on);
			return;
		case 'prevote':
			switchPreVote(tx, action.on);
			return;
		case 'backoff':
			tx.config = {...tx.config, backoff: action.backoff};
			tx.say(action.backoff === 'term' ? 'a refused AppendEntries now skips the follower\'s whole conflicting term (§5.3)' : 'a refused AppendEntries now steps nextIndex back one entry (Figure 2)');
	}
}

function crash(tx: Tx, id: number): void {
	const server = tx.server(id);
	const name = serverName(id);
	if (server.role === 'crashed') {
		tx.say(`${name} is already down`);
		return;
	}

	tx.stopElectionTimer(server);
	tx.stopHeartbeatTimer(server);
	const lost = tx.removeMessages(message => message.from === id || message.to === id);
	server.role = 'crashed';
	server.commitIndex = 0;
	server.lastApplied = 0;
	server.machine = tx.model.initial();
	server.leaderId = null;
	server.votes = 0;
	server.nextIndex = [];
	server.matchIndex = [];
	server.appendsSent = [];
	server.activePeers = 0;
	const forgot = tx.bug('forget-vote') && server.votedFor !== null;
	if (tx.bug('forget-vote')) server.votedFor = null;
	tx.say(
		`${name} crashes: on disk it keeps term ${server.currentTerm}, ${forgot ? 'NOT its vote (forget-vote bug)' : server.votedFor === null ? 'no vote' : `vote ${serverName(server.votedFor)}`}, ${countText(server.log.length, 'log entry', 'log entries')}; it loses commitIndex, its state machine, timers and ${lost} message${lost === 1 ? '' : 's'} in flight`,
	);
}

function restart(tx: Tx, id: number): void {
	const server = tx.server(id);
	const name = serverName(id);
	if (server.role !== 'crashed') {
		tx.say(`${name} is already running`);
		return;
	}

	server.role = 'follower';
	server.machine = tx.model.initial();
	server.lastHeardFromLeader = tx.now;
	tx.resetElectionTimer(server);
	tx.say(`${name} restarts as a follower of term ${server.currentTerm} with its ${countText(server.log.length, 'log entry', 'log entries')}; commitIndex 0: it rebuilds its state machine as it learns what is committed`);
}

/** Makes the server's election timer the next event. */
function fireTimer(tx: Tx, id: number): void {
	const server = tx.server(id);
	const name = serverName(id);
	if (server.role === 'crashed') {
		tx.say(`${name} is down: it has no timers`);
		return;
	}

	tx.stopElectionTimer(server);
	server.electionDeadline = tx.now;
	tx.queue.scheduleFirst(tx.now, {kind: 'election', server: id, forced: true});
	tx.say(`${name}'s election timer will fire next`);
}

export function groupsText(groups: ReadonlyArray<readonly number[]>): string {
	return netGroupsText(raftNames(0), groups);
}

/** A fault on the network's links: the shared network's rule, in Raft's names. */
function linkFault(tx: Tx, fault: LinkFault): void {
	const {network, text} = applyLinkFault(tx.network, raftNames(tx.size), fault);
	tx.network = network;
	tx.say(text);
}

function split(tx: Tx, state: RaftState, leaderSide: 'majority' | 'minority'): void {
	const majority = majorityOf(tx.size);
	const sideSize = leaderSide === 'majority' ? majority : tx.size - majority;
	if (sideSize === 0) {
		tx.say(`${tx.size} server${tx.size === 1 ? '' : 's'} cannot be split`);
		return;
	}

	const leader = currentLeader(state);
	const start = leader ?? 0;
	const side = Array.from({length: sideSize}, (_, i) => (start + i) % tx.size);
	if (leader === undefined) tx.say('there is no leader');
	linkFault(tx, {type: 'partition', groups: [side]});
}

function messageAction(tx: Tx, state: RaftState, action: Extract<RaftAction, {pick: MessagePick}>): void {
	const message = findMessage(state, action.pick);
	if (message === undefined) {
		tx.say(`no ${describePick(action.pick).replace(/^(a|the) /, '')} in flight`);
		return;
	}

	const text = messageText(message, tx.model);
	const scheduled = state.queue.items.find(item => item.event.kind === 'deliver' && item.event.message === message)!;
	const context = {
		queue: tx.queue,
		now: tx.now,
		latencyMax: tx.config.latencyMax,
		remove: (item: Message) => tx.removeMessages(other => other === item),
		newId: () => tx.nextMessageId++,
		refuseCopy: (item: Message) =>
			item.from === clientId || item.to === clientId ? 'client messages are not duplicated (a request appended twice would be applied twice; Raft needs client serial numbers for that, §8)' : undefined,
		copied: (original: Message) => {
			tx.mechanisms = noteDuplicated(tx.mechanisms, original.id);
		},
	};
	tx.say(applyMessageFault(context, action, message, scheduled.time, text));
}

function setLog(tx: Tx, id: number, terms: readonly number[]): void {
	const server: ServerDraft = tx.server(id);
	// Keyed by index and term, so that entries with the same index and term are the same entry on every server (Log Matching).
	const entries: Entry[] = terms.map((term, i) => ({term, request: 0, input: tx.model.generate(drawFor(tx.config.seed, StreamId.setup, term, i + 1))}));
	tx.setLog(server, RaftLog.of(entries), 1);
	server.currentTerm = Math.max(server.currentTerm, terms.at(-1) ?? 0);
	server.commitIndex = 0;
	server.lastApplied = 0;
	server.machine = tx.model.initial();
	if (server.role === 'leader') {
		server.nextIndex = server.nextIndex.map(() => entries.length + 1);
		server.matchIndex = server.matchIndex.map(() => 0);
	}

	tx.say(`${serverName(id)}'s log on disk is set to terms ${terms.length === 0 ? '(empty)' : terms.join(' ')}; term ${server.currentTerm}`);
}

/** A bug on or off from now on; with a bug that changes how replicas are counted, leaders count again at once. */
function switchBug(tx: Tx, bug: BugName, on: boolean): void {
	if (tx.bug(bug) === on) {
		tx.say(`the ${bug} bug is already ${on ? 'on' : 'off'}`);
		return;
	}

	tx.config = {...tx.config, bugs: bugNames.filter(name => (name === bug ? on : tx.config.bugs.includes(name)))};
	tx.majority = quorumOf(tx.config, tx.size);
	tx.say(on ? `bug ${bug} on: ${bugInfo[bug].does}` : `bug ${bug} off: ${bugInfo[bug].rule} again`);
	if (!on || (bug !== 'old-term-commit' && bug !== 'half-quorum')) return;
	for (let id = 0; id < tx.size; id++) if (tx.read(id).role === 'leader') advanceCommitIndex(tx, tx.server(id));
}

/** PreVote and CheckQuorum on or off; a running leader starts (or stops) checking its quorum. */
function switchPreVote(tx: Tx, on: boolean): void {
	if (tx.config.prevote === on) {
		tx.say(`PreVote and CheckQuorum are already ${on ? 'on' : 'off'}`);
		return;
	}

	tx.config = {...tx.config, prevote: on};
	tx.say(on ? 'PreVote and CheckQuorum on: a server asks before it raises its term; a leader that cannot hear a majority steps down' : 'PreVote and CheckQuorum off');
	for (let id = 0; id < tx.size; id++) {
		if (tx.read(id).role !== 'leader') continue;
		const leader = tx.server(id);
		if (on) {
			leader.activePeers = 0;
			tx.startElectionTimer(leader, tx.config.electionMax);
		} else {
			tx.stopElectionTimer(leader);
		}
	}
}
