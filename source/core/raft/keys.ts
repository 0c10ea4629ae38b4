/**
 * The Raft mode's keys and menus (the shell's own keys come first: space s .
 * , b 0 ←→ ↑↓ 1-9 + - ? q PgUp PgDn Enter Esc).
 */
import type {KeyPress} from '../engine/key-press.js';
import type {HelpEntry, KeyHint, KeyResult, Menu, MenuItem, UiState} from '../engine/mode.js';
import {bugInfo} from './bugs.js';
import {messageText} from './describe.js';
import {cursorMessage} from '../net/message.js';
import {linksMenu, messageMenu, netKeyAction, networkMenu} from '../net/keys.js';
import {diagramLegend} from '../net/view/diagram.js';
import {raftNames, serverName} from './names.js';
import {currentLeader, inFlight} from './queries.js';
import {bugNames, clientId, type RaftAction, type RaftState} from './types.js';

export {delayMs, slowMs} from '../net/keys.js';

function selectedServer(state: RaftState, ui: UiState): number {
	return Math.max(0, Math.min(ui.selected, state.servers.length - 1));
}

function cursorMessageId(state: RaftState, ui: UiState): number | undefined {
	return cursorMessage(inFlight(state), ui.cursor)?.message.id;
}

export function raftKeyAction(state: RaftState, key: KeyPress, ui: UiState): KeyResult<RaftAction> | undefined {
	const server = selectedServer(state, ui);
	const message = cursorMessageId(state, ui);
	switch (key.input) {
		case 'x':
			return {action: state.servers[server]!.role === 'crashed' ? {type: 'restart', server} : {type: 'crash', server}};
		case 't':
			return {action: {type: 'timeout', server}};
		case 'r':
			return {action: {type: 'request'}};
		case 'R':
			return {action: {type: 'request', server}};
		case 'B':
			return {menu: 'bugs'};
		default:
			return netKeyAction(key.input, message);
	}
}

function raftNetworkMenu(state: RaftState, ui: UiState): Menu<RaftAction> {
	const server = selectedServer(state, ui);
	const leader = currentLeader(state);
	const noLeader = leader === undefined ? 'there is no leader' : undefined;
	const own: Array<MenuItem<RaftAction>> = [
		{key: 'l', label: `isolate the leader${leader === undefined ? '' : ` (${serverName(leader)})`}`, ...(noLeader ? {disabled: noLeader} : {action: {type: 'isolate', server: 'leader'}})},
		{key: 'm', label: 'split: the leader with a majority', action: {type: 'split', leaderSide: 'majority'}},
		{key: 'n', label: 'split: the leader in a minority', action: {type: 'split', leaderSide: 'minority'}},
	];
	return networkMenu(raftNames(state.servers.length), server, own, {key: 'i', label: `isolate ${serverName(server)}`, action: {type: 'isolate', server}});
}

function raftMessageMenu(state: RaftState, ui: UiState): Menu<RaftAction> {
	const id = cursorMessageId(state, ui);
	const message = id === undefined ? undefined : inFlight(state).find(item => item.message.id === id)!.message;
	const isClient = message !== undefined && (message.from === clientId || message.to === clientId);
	return messageMenu(id, message === undefined ? '' : messageText(message, state.model), isClient ? 'client messages are not duplicated' : undefined);
}

/** The safety lab's switches: each bug (its digit), PreVote + CheckQuorum, the back-off rule. */
function bugsMenu(state: RaftState): Menu<RaftAction> {
	const {config} = state;
	const items: Array<MenuItem<RaftAction>> = bugNames.map((bug, i) => {
		const on = config.bugs.includes(bug);
		const breaks = bugInfo[bug].breaks;
		return {
			key: String(i + 1),
			label: `${on ? '✓ on ' : '· off'} ${bug} (${breaks.length === 0 ? 'liveness' : breaks.join(' ')}): ${bugInfo[bug].short}`,
			action: {type: 'bug', bug, on: !on},
		};
	});
	items.push(
		{key: 'p', label: `${config.prevote ? '✓ on ' : '· off'} PreVote + CheckQuorum (the thesis, §9.6)`, action: {type: 'prevote', on: !config.prevote}},
		{key: 'o', label: `back-off: ${config.backoff === 'one' ? 'one entry at a time (Figure 2); o: skip a whole term' : 'skip the conflicting term; o: one entry at a time'}`, action: {type: 'backoff', backoff: config.backoff === 'one' ? 'term' : 'one'}},
	);
	return {title: 'safety lab: switch a bug on or off', items};
}

export function raftMenu(state: RaftState, name: string, ui: UiState): Menu<RaftAction> {
	switch (name) {
		case 'bugs':
			return bugsMenu(state);
		case 'network':
			return raftNetworkMenu(state, ui);
		case 'message':
			return raftMessageMenu(state, ui);
		case 'links':
			return linksMenu(raftNames(state.servers.length), selectedServer(state, ui));
		default:
			return {title: `no menu "${name}"`, items: []};
	}
}

export function raftHints(state: RaftState, ui: UiState): KeyHint[] {
	const crashed = state.servers[selectedServer(state, ui)]!.role === 'crashed';
	return [
		{keys: 'x', label: crashed ? 'restart' : 'crash'},
		{keys: 'r', label: 'request'},
		{keys: 'v', label: ui.diagram ? 'columns' : 'diagram'},
		{keys: 'p', label: 'network'},
		{keys: '[ ]', label: 'msg'},
		{keys: 'm', label: 'msg menu'},
		{keys: 'B', label: 'safety lab'},
		{keys: 't', label: 'timeout'},
		{keys: 'l', label: 'links'},
	];
}

export function raftHelp(): HelpEntry[] {
	return [
		['x', 'crash the selected server, or restart it (it keeps term, vote and log on disk; loses the rest)'],
		['t', 'fire the selected server\'s election timer now (the next event)'],
		['r / R', 'the client sends a request now: r to the leader it knows, R to the selected server'],
		['p', 'network menu: isolate a server or the leader, split majority | minority, heal, cut one way'],
		['[ ]', 'move the message cursor (▸) over the messages in flight'],
		['m', 'message menu: drop, duplicate, delay, or deliver the ▸ message now'],
		['d / g', 'drop the ▸ message / deliver it now'],
		['l', 'links menu: loss and slowness on the selected server\'s links, or everywhere'],
		['v', 'switch the columns and the space-time diagram of the latest events (a lane per node, time running down; at every size)'],
		['B', 'safety lab: switch a bug on or off (it shows in the header), PreVote + CheckQuorum, the back-off'],
		'',
		'Raft: servers agree on one log of client requests, and each applies it to its state machine (the voting mode\'s models). One step is one event: a message arrives, a timer fires, the client sends; "next" says what happens next.',
		'',
		'The five safety properties are checked after every event; when one breaks, the run pauses there, its lamp turns ✗, the columns and the log row it names are marked ✗, and a line states the counterexample. b steps back to see how.',
	];
}

/** Every glyph and abbreviation the Raft screen draws. */
export function raftLegend(): HelpEntry[] {
	return [
		['★ ◎ ◌ ● ○', 'roles: leader, candidate (cand.), pre-candidate (pre-cand), follower, crashed'],
		['term 1 voted S2', 'the server\'s term and whom it voted for in it (— nobody); T1: term 1'],
		['████░░ 196ms', 'its election timer running down (a leader: its next heartbeat)'],
		['commit 3 applied 2', 'its commit index and last applied index (narrow: cmt, app; c3 a2)'],
		['S1: next 4 match 3', 'in a follower\'s column, the leader S1\'s nextIndex and matchIndex for it (narrow: nx, mt); · 5 AE: AppendEntries sent to it'],
		['3 t2 ✓ ≠', 'a log row is one index on every server: index 3, term 2; ✓ that server knows it is committed; ≠ differs from the leader\'s entry'],
		['3/5', 'in the leader\'s column: servers the leader knows hold the entry (what its commit rule counts)'],
		'',
		['✓ES ✓LA ✓LM ✓LC ✓SM', 'the safety lamps: Election Safety, Leader Append-Only, Log Matching, Leader Completeness, State Machine Safety; ✗ red: broken'],
		['⚠bug', 'a safety-lab bug is switched on (B)'],
		['★ S1 leads term 2', 'the decision line: who leads which term (and an older leader that does not know yet), the commit index, the majority, the network'],
		'',
		['RV  RV↩', 'RequestVote and its reply (preT2: a PreVote for term 2)'],
		['AE  AE↩', 'AppendEntries and its reply'],
		['AE♥  AE+2', 'a heartbeat (no entries) / an AppendEntries carrying 2 entries'],
		['✓  ✗  ✓3', 'a reply: granted or succeeded / refused; AE↩ ✓3: the follower now matches up to index 3'],
		['T1', 'the term a message carries'],
		['prev 1/t1', 'AppendEntries: the entry just before the new ones, index 1 of term 1 (the consistency check)'],
		['last 0/t0', 'RequestVote: the candidate\'s last log index and its term (the up-to-date check)'],
		['+1  commit 0', 'AppendEntries: one entry carried; the leader\'s commit index'],
		['req #3  ack #3', 'a client request and the reply to it (✓ done; ✗ refused: try the leader it names)'],
		['↯', 'this message will be lost (link loss, a cut link or a crashed receiver)'],
		['#12 · due 154 ms', 'a message\'s number and the virtual time it arrives'],
		['▸', 'the selected server (double border), or the message under the cursor'],
		'',
		'At 120×40 and larger, the ladder: a space-time diagram of the latest events, beside the messages; v shows it at any size (80×24 too) in place of the columns. A lane per node (┆ the client, │ S1…SN), time running down, one row per event.',
		...diagramLegend(),
		['✗', 'on a lane: the server crashed'],
		['♥  ◔', 'a heartbeat timer fired / an election timer fired (on the client lane: a request timed out)'],
		['◆', 'on the client lane: a request sent'],
		['★ ◎ ◌ ●', 'on a lane: the server became leader, candidate, pre-candidate, follower'],
	];
}
