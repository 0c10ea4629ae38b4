/** The Aeron mode's keys, menus, help and legend (the shell's own keys come first). */
import type {KeyPress} from '../engine/key-press.js';
import type {HelpEntry, KeyHint, KeyResult, Menu, MenuItem, UiState} from '../engine/mode.js';
import {cursorMessage} from '../net/message.js';
import {diagramLegend} from '../net/view/diagram.js';
import {linksMenu, messageMenu, netHelp, netKeyAction, networkMenu} from '../net/keys.js';
import {messageWords} from './describe.js';
import {aeronNames} from './transport.js';
import {messagesInFlight} from './view/messages.js';
import {memberName} from './names.js';
import {leaderOf} from './queries.js';
import {bugNames, impurityNames, type AeronAction, type AeronState, type BugName} from './types.js';

export const timerDelay = 300;

export const bugShort: Readonly<Record<BugName, string>> = {
	'commit-without-own': 'commit ignores the leader\'s own recorded position (a slow leader archive: c > a, SC goes out)',
	'service-past-commit': 'a follower\'s service reads past commit (SC goes out)',
	'follower-timers': 'followers fire timers on their own clocks, outside the log (SR goes out)',
	'skip-replication-wait': 'a new leader commits its log before a quorum holds it (the fuzzer finds CK going out)',
	'no-truncation': 'no truncation of an uncommitted tail (SR goes out when the old leader returns)',
};

const selectedMember = (state: AeronState, ui: UiState) => Math.max(0, Math.min(ui.selected, state.members.length - 1));

export function aeronKeyAction(state: AeronState, key: KeyPress, ui: UiState): KeyResult<AeronAction> | undefined {
	const member = selectedMember(state, ui);
	switch (key.input) {
		case 'x':
			return {action: state.members[member]!.role === 'down' ? {type: 'restart', member} : {type: 'kill', member}};
		case 'D':
			return {action: {type: 'lose-disk', member}};
		case 'a':
			return {action: {type: 'slow-archive', member, on: !state.members[member]!.slow}};
		case 'n':
			return {action: {type: 'snapshot'}};
		case 'r':
			return {action: {type: 'request'}};
		case 't':
			return {action: {type: 'timer', delay: timerDelay}};
		case 'c':
			return {menu: 'determinism'};
		case 'B':
			return {menu: 'bugs'};
		default:
			return netKeyAction(key.input, cursorMessageOf(state, ui)?.message.id);
	}
}

function cursorMessageOf(state: AeronState, ui: UiState) {
	return cursorMessage(messagesInFlight(state), ui.cursor);
}

export function aeronMenu(state: AeronState, name: string, ui: UiState): Menu<AeronAction> {
	const member = selectedMember(state, ui);
	switch (name) {
		case 'network': {
			const leader = leaderOf(state);
			const names = aeronNames(state.members.length);
			const own: Array<MenuItem<AeronAction>> = [{key: 'l', label: 'isolate the leader', ...(leader === undefined ? {disabled: 'there is no leader'} : {action: {type: 'isolate', member: 'leader'}})}];
			return networkMenu<AeronAction>(names, member, own, {key: 'i', label: `isolate ${memberName(member)} (the client still reaches it)`, action: {type: 'isolate', member}});
		}

		case 'links':
			return linksMenu(aeronNames(state.members.length), member);
		case 'message': {
			const item = cursorMessageOf(state, ui);
			const client = state.members.length;
			const noCopy = item === undefined || (item.message.from !== client && item.message.to !== client) ? undefined : 'client messages are not duplicated';
			return messageMenu(item?.message.id, item === undefined ? '' : messageWords(item.message, state).replace(/^#\d+ /, ''), noCopy);
		}

		case 'determinism':
			return {
				title: 'the service\'s determinism (every member runs the same code)',
				items: [
					...impurityNames.map((impurity, i) => ({key: String(i + 1), label: `${state.impurity === impurity ? '✓ ' : ''}${impurity === 'wall-clock' ? 'read the wall clock' : impurity === 'random' ? 'draw an unseeded random number' : 'iterate a map in undefined order'} in each message`, action: {type: 'impurity', impurity} as const})),
					{key: '0', label: 'deterministic: only the log (cluster time, seeded values)', action: {type: 'impurity', impurity: null}},
				],
			};
		case 'bugs':
			return {
				title: 'safety lab: switch a bug on or off',
				items: bugNames.map((bug, i) => {
					const on = state.config.bugs.includes(bug);
					return {key: String(i + 1), label: `${on ? '✓ on ' : '· off'} ${bug}: ${bugShort[bug]}`, action: {type: 'bug', bug, on: !on}};
				}),
			};
		default:
			return {title: `no menu "${name}"`, items: []};
	}
}

export function aeronHints(state: AeronState, ui: UiState): KeyHint[] {
	const down = state.members[selectedMember(state, ui)]!.role === 'down';
	return [
		{keys: 'x', label: down ? 'restart' : 'kill'},
		{keys: 'r', label: 'request'},
		{keys: 'v', label: 'diagram'},
		{keys: 'n', label: 'snapshot'},
		{keys: 't', label: 'timer'},
		{keys: 'a', label: 'slow archive'},
		{keys: 'p', label: 'network'},
		{keys: 'm', label: 'message'},

		{keys: 'c', label: 'determinism'},
		{keys: 'B', label: 'safety lab'},
		{keys: 'D', label: 'lose disk'},
	];
}

export function aeronHelp(): HelpEntry[] {
	return [
		['x', 'kill the selected member, or restart it (it keeps its archive, recording log, snapshots and candidate term; loses its memory)'],
		['D', 'the selected member loses its disk and restarts empty: it rejoins from position 0 by copying the leader\'s archive'],
		['a', 'slow archive on the selected member (on/off): its recorded position lags'],
		['n', 'take a snapshot now (ClusterControl SNAPSHOT on the leader)'],
		['r', 'the client sends a request now'],
		['t', `the client asks the service to schedule a timer ${timerDelay} ms ahead`],
		...netHelp('member').map(([key, text]) => (key === 'p' ? (['p', 'network menu: isolate a member or the leader (the client still reaches it), heal, cut one way'] as const) : ([key, text] as const))),
		['c', 'determinism menu: make the service read the wall clock, draw unseeded random numbers or iterate a map in undefined order'],
		['B', 'safety lab: switch a bug on or off'],
		'',
		'Aeron Cluster: the leader sequences client messages into one log addressed by byte position; every member\'s archive records it; a member\'s service processes it only up to the commit position. Time, timers and snapshot points travel in the log.',
		'',
		'The lamps are checked after every event; when one goes out the run pauses there. b steps back.',
	];
}

export function aeronLegend(): HelpEntry[] {
	return [
		['★ ◎ ● ○', 'roles: leader, candidate, follower, down (killed)'],
		['T2  c3', 'the leadership term the member is in; its durable candidate term (only grows)'],
		['s192 ≤ c192 ≤ a288 ✓', 'service (processed) ≤ commit ≤ appended (recorded by its archive): the invariant; ✗ when broken'],
		['s = c = a 480 ✓', 'all three at the same position'],
		['█▓▒░·', 'one bar: processed, committed, recorded, received but not yet recorded, nothing'],
		['  96 ✓ #1 -15 @279', 'a record: its start position, ✓ processed / ○ committed / · not yet, what it is, the leader\'s time stamped on it'],
		['time 279  ◷ T1@900', 'cluster time the service sees (last record\'s timestamp); timers held by the consensus module, with deadlines'],
		['snap@480 rec t0@0 t1@672', 'the latest snapshot position; the recording log\'s term entries (term @ base position)'],
		['#a41f ✗', 'the service digest (same records at same positions → same digest); ✗ this member diverged'],
		'',
		['scaled ×1/10', 'the header: timings scaled down ten times for watching (1 s heartbeat timeout); --aeron-defaults: Aeron\'s own (10 s)'],
		['⚠wall-clock  ⚠bug', 'the service breaks a determinism rule (c) / a safety-lab bug is on (B)'],
		['✓OL ✓CK ✓SR ✓SC', 'lamps: one leader per term; committed position never lost; same records at same positions (and none outside the log); service ≤ commit ≤ appended'],
		['leader M0 sees …', 'the leader\'s view of every member\'s position, the quorum position (k-th highest) and its own recorded position: commit is the smaller'],
		['in flight 3 · ▸ #57 …', 'messages in flight; ▸ the message cursor ([ ] moves it, m acts on it), shown in full'],
		['CP 384 2ms ↯', 'a message in a few cells (type, detail, due in); ↯ it will be lost (lossy or cut link, receiver down)'],
		...diagramLegend(),
		['Canvass t0@288', 'CanvassPosition: the sender\'s log term and position'],
		['RequestVote T1', 'a candidate asks for term 1; Vote YES/NO answers'],
		['NewLeadershipTerm', 'the leader\'s term, its base position and where the next term starts in its log (for truncation)'],
		['AppendPosition / CommitPosition', 'a follower\'s recorded position / the leader\'s commit (also the heartbeat)'],
		['CatchupPosition / StopCatchup', 'a follower asks for a replay from the leader\'s archive; the leader ends it once the follower is live'],
		['Replicate', 'a follower copies older terms from the leader\'s archive'],
		['log / catch-up / replication', 'a log frame, live or replayed from the leader\'s archive'],
	];
}
