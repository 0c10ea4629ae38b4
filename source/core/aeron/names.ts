/** Names of members, roles, election states and records, in words a student can read. */
import type {ElectionState, LogRecord, Role} from './types.js';
import type {Model} from '../models/model.js';

export const memberName = (id: number): string => `M${id}`;

export function parseMemberName(word: string | undefined, members: number): number | undefined {
	const match = word === undefined ? null : /^[Mm](\d)$/.exec(word);
	if (!match) return undefined;
	const id = Number(match[1]);
	return id < members ? id : undefined;
}

/** The election state in readable words, with Aeron's name for it. */
export const stateWords: Readonly<Record<ElectionState, {readonly short: string; readonly words: string; readonly aeron: string}>> = {
	init: {short: 'init', words: 'starting an election', aeron: 'INIT'},
	canvass: {short: 'canvass', words: 'canvassing logs', aeron: 'CANVASS'},
	nominate: {short: 'nominate', words: 'waiting to nominate', aeron: 'NOMINATE'},
	'candidate-ballot': {short: 'ballot', words: 'asking for votes', aeron: 'CANDIDATE_BALLOT'},
	'follower-ballot': {short: 'voted', words: 'voted, awaiting leader', aeron: 'FOLLOWER_BALLOT'},
	'leader-log-replication': {short: 'wait log', words: 'waits: quorum has its log', aeron: 'LEADER_LOG_REPLICATION'},
	'leader-replay': {short: 'replay', words: 'replaying its log', aeron: 'LEADER_REPLAY'},
	'leader-ready': {short: 'ready', words: 'waits for followers', aeron: 'LEADER_READY'},
	'follower-log-replication': {short: 'replicate', words: 'copying leader archive', aeron: 'FOLLOWER_LOG_REPLICATION'},
	'follower-replay': {short: 'replay', words: 'replaying its log', aeron: 'FOLLOWER_REPLAY'},
	'follower-catchup': {short: 'catch-up', words: 'catching up', aeron: 'FOLLOWER_CATCHUP'},
	'follower-ready': {short: 'ready', words: 'joining the log', aeron: 'FOLLOWER_READY'},
	closed: {short: 'active', words: 'election done', aeron: 'CLOSED'},
};

export const roleGlyph: Readonly<Record<Role, string>> = {leader: '★', candidate: '◎', follower: '●', down: '○'};

export const recordKind: Readonly<Record<LogRecord['type'], string>> = {
	message: 'msg',
	schedule: 'msg',
	timer: 'timer',
	action: 'SNAPSHOT',
	'new-term': 'NewTerm',
};

/** A record in a few words: "msg #3 deposit 15", "timer 1", "SNAPSHOT", "NewTerm 2". */
export function recordText(record: LogRecord, model: Model, short = false): string {
	switch (record.type) {
		case 'message':
			return `#${record.request} ${short && model.shortInput ? model.shortInput(record.input) : model.describeInput(record.input)}`;
		case 'schedule':
			return `#${record.request} ${short ? 'sched' : 'schedule'} T${record.timer}${short ? '' : ` +${record.delay}ms`}`;
		case 'timer':
			return `TimerEvent T${record.timer}`;
		case 'action':
			return 'SNAPSHOT action';
		case 'new-term':
			return `NewTermEvent t${record.term}`;
	}
}
