/**
 * Scenario lines for the Aeron mode: verbs (actions) and the claims `until`
 * and `expect` read. Members are M0…Mn-1; `leader` names the active leader.
 * Claims about mechanisms (truncated, veto, replicated, caught-up, replayed,
 * timer-fired, snapshot, loaded, capped, stepped-down) check what happened,
 * not only the end state.
 */
import {countWord, durationWord} from '../engine/scenario-words.js';
import type {ModeCondition} from '../engine/mode.js';
import {recordAt} from './log.js';
import {memberName, parseMemberName, stateWords} from './names.js';
import {activeLeader, leaderOf} from './queries.js';
import {recordedEnd} from './stream.js';
import {bugNames, impurityNames, lampNames, type AeronAction, type AeronConfig, type AeronState, type BugName, type MessageType, type ElectionState, type Impurity, type LampName, type Member} from './types.js';
import {timerDelay} from './keys.js';
import {netVerbs, parseNetVerb, type MessageWords} from '../net/verbs.js';
import {aeronNames} from './transport.js';

export const aeronVerbs = ['kill', 'restart', 'lose-disk', 'isolate', 'slow-archive', 'snapshot', 'request', 'timer', 'impurity', 'bug', ...netVerbs] as const;

/** Scenario words for Aeron's message types (drop M0->M1 commit, …). */
export const messageTypeWords: Readonly<Record<string, MessageType>> = {canvass: 'CanvassPosition', vote: 'RequestVote', ballot: 'Vote', nlt: 'NewLeadershipTerm', append: 'AppendPosition', commit: 'CommitPosition', catchup: 'CatchupPosition', stop: 'StopCatchup', replicate: 'Replicate', log: 'Log', ingress: 'Ingress', egress: 'Egress', 'new-leader': 'NewLeaderEvent'};

const messageWords = (members: number): MessageWords<MessageType> => ({
	types: messageTypeWords,
	others: {client: members},
	usage: 'a message is "next", "#ID" or a link such as "M0->M1" (* for any member), then optionally a type (canvass, vote, ballot, nlt, append, commit, catchup, stop, replicate, log, ingress, egress, new-leader)',
});

type Who = number | 'leader';

function who(word: string | undefined, config?: AeronConfig): Who | undefined {
	if (word === 'leader') return 'leader';
	return parseMemberName(word, config?.members ?? 7);
}

function resolve(state: AeronState, target: Who): Member | undefined {
	if (target === 'leader') {
		const id = leaderOf(state);
		return id === undefined ? undefined : state.members[id];
	}

	return state.members[target];
}

export function parseVerb(words: readonly string[], config: AeronConfig): AeronAction | string {
	const [verb = '', first, second] = words;
	const member = who(first, config);
	const needMember = `"${verb}" needs a member (M0…M${(config?.members ?? 7) - 1})`;
	switch (verb) {
		case 'kill':
		case 'restart':
		case 'lose-disk':
			if (typeof member !== 'number') return `${needMember}`;
			return {type: verb, member};
		case 'isolate':
			if (member === undefined) return `${needMember} or "leader"`;
			return {type: 'isolate', member};
		case 'slow-archive':
			if (member === undefined) return `${needMember} or "leader", then optionally "off"`;
			return {type: 'slow-archive', member, on: second !== 'off'};
		case 'snapshot':
			return {type: 'snapshot'};
		case 'request':
			return {type: 'request'};
		case 'timer': {
			const delay = first === undefined ? timerDelay : durationWord(first);
			if (delay === undefined) return '"timer" takes a delay such as 300ms';
			return {type: 'timer', delay};
		}

		case 'impurity':
			if (first === 'off') return {type: 'impurity', impurity: null};
			if (!(impurityNames as readonly string[]).includes(first ?? '')) return `"impurity" needs one of ${impurityNames.join(', ')} or off`;
			return {type: 'impurity', impurity: first as Impurity};
		case 'bug':
			if (!(bugNames as readonly string[]).includes(first ?? '')) return `"bug" needs one of ${bugNames.join(', ')}`;
			return {type: 'bug', bug: first as BugName, on: second !== 'off'};
		default: {
			const members = config?.members ?? 7;
			return parseNetVerb(aeronNames(members), messageWords(members), words) ?? `unknown verb "${verb}": the Aeron mode knows ${aeronVerbs.join(', ')}`;
		}
	}
}

type Op = '=' | '>=' | '<=' | '<' | '>';
const compare = (value: number, op: Op, target: number): boolean => (op === '=' ? value === target : op === '>=' ? value >= target : op === '<=' ? value <= target : op === '<' ? value < target : value > target);

/** "480", ">= 480", "< 96": an operator (default =) and a number; returns the words used. */
function numberClaim(words: readonly string[]): {op: Op; value: number} | undefined {
	const [a, b] = words;
	if (words.length === 1 && countWord(a) !== undefined) return {op: '=', value: countWord(a)!};
	if (words.length === 2 && ['=', '>=', '<=', '<', '>'].includes(a!) && countWord(b) !== undefined) return {op: a as Op, value: countWord(b)!};
	return undefined;
}

const electionByName = (word: string): ElectionState | undefined => (Object.keys(stateWords) as ElectionState[]).find(state => state === word.toLowerCase() || stateWords[state].aeron === word.toUpperCase());

function condition(text: string, check: (state: AeronState) => string | undefined): ModeCondition<AeronState> {
	return {text, check: state => check(state)};
}

function memberClaim(words: readonly string[], config: AeronConfig): ModeCondition<AeronState> | string {
	const [kind, name, ...rest] = words;
	const target = who(name, config);
	if (target === undefined) return `"${kind}" needs a member (M0…) or "leader"`;
	const text = words.join(' ');
	const on = (get: (m: Member) => string | undefined) => condition(text, state => {
		const m = resolve(state, target);
		return m === undefined ? 'there is no leader' : get(m);
	});
	const numeric = (label: string, value: (m: Member) => number) => {
		const claim = numberClaim(rest);
		if (!claim) return `"${kind}" needs a number, optionally after =, >=, <=, < or > (e.g. ${kind} M1 >= 480)`;
		return on(m => (compare(value(m), claim.op, claim.value) ? undefined : `${memberName(m.id)}'s ${label} is ${value(m)}`));
	};

	switch (kind) {
		case 'role': {
			const role = rest[0];
			if (!['leader', 'follower', 'candidate', 'down'].includes(role ?? '')) return '"role" needs leader, follower, candidate or down';
			return on(m => (m.role === role ? undefined : `${memberName(m.id)} is ${m.role}`));
		}

		case 'election': {
			const state = rest[0] === undefined ? undefined : electionByName(rest[0]);
			if (!state) return `"election" needs a state: ${Object.keys(stateWords).join(', ')}`;
			return on(m => (m.election === state && m.role !== 'down' ? undefined : `${memberName(m.id)} is in ${m.role === 'down' ? 'no state (down)' : m.election}`));
		}

		case 'term':
			return numeric('term', m => m.term);
		case 'candidate-term':
			return numeric('candidate term', m => m.candidateTermId);
		case 'commit':
			return numeric('commit position', m => m.commit);
		case 'appended':
			return numeric('appended (recorded) position', m => recordedEnd(m));
		case 'service':
			return numeric('service position', m => m.service.position);
		case 'cluster-time':
			return numeric('cluster time', m => m.service.time);
		case 'timers':
			return numeric('timer count', m => m.timers.length);
		case 'record': {
			const position = countWord(rest[0]);
			const type = rest[1];
			const term = rest[2] === 'term' ? countWord(rest[3]) : undefined;
			if (position === undefined || !['message', 'schedule', 'timer', 'action', 'new-term', 'none'].includes(type ?? '')) return '"record" needs a position and a type (message, schedule, timer, action, new-term, none), optionally "term N"';
			return on(m => {
				const record = recordAt(m.log, position);
				if (type === 'none') return record === undefined ? undefined : `${memberName(m.id)} has a ${record.type} record at ${position}`;
				if (!record) return `${memberName(m.id)} has no record starting at ${position}`;
				if (record.type !== type) return `${memberName(m.id)}'s record at ${position} is a ${record.type}`;
				if (term !== undefined && record.term !== term) return `${memberName(m.id)}'s record at ${position} is from term ${record.term}`;
				return undefined;
			});
		}

		case 'snapshot': {
			const position = rest[0] === 'at' ? countWord(rest[1]) : undefined;
			if (position === undefined) return '"snapshot" needs "at POSITION" (e.g. snapshot M1 at 480)';
			return on(m => (m.snapshots.some(snapshot => snapshot.position === position) && m.recordingLog.some(entry => entry.kind === 'snapshot' && entry.position === position) ? undefined : `${memberName(m.id)} has no snapshot at ${position}`));
		}

		case 'holds-timer': {
			const id = /^T(\d+)$/.exec(rest[0] ?? '');
			if (!id) return '"holds-timer" needs a timer such as T1';
			return on(m => (m.timers.some(timer => timer.id === Number(id[1])) ? undefined : `${memberName(m.id)} holds no timer ${rest[0]}`));
		}

		case 'truncated': {
			const from = rest[0] === 'from' ? countWord(rest[1]) : undefined;
			const to = rest[2] === 'to' ? countWord(rest[3]) : undefined;
			return condition(text, state => {
				const m = resolve(state, target);
				if (!m) return 'there is no leader';
				const hit = state.seen.truncations.find(t => t.member === m.id && (from === undefined || t.from === from) && (to === undefined || t.to === to));
				return hit ? undefined : `${memberName(m.id)} has not truncated${from === undefined ? '' : ` from ${from}`}${to === undefined ? '' : ` to ${to}`}`;
			});
		}

		case 'replayed': {
			const from = rest[0] === 'from' ? countWord(rest[1]) : undefined;
			return condition(text, state => {
				const m = resolve(state, target);
				if (!m) return 'there is no leader';
				return state.seen.replays.some(replay => replay.member === m.id && (from === undefined || replay.from === from)) ? undefined : `${memberName(m.id)} has not replayed${from === undefined ? '' : ` from ${from}`}`;
			});
		}

		case 'loaded': {
			const position = countWord(rest[0]);
			return condition(text, state => {
				const m = resolve(state, target);
				if (!m) return 'there is no leader';
				return state.seen.loaded.some(load => load.member === m.id && (position === undefined || load.position === position)) ? undefined : `${memberName(m.id)} has not loaded a snapshot${position === undefined ? '' : ` at ${position}`}`;
			});
		}

		case 'diverged':
			return condition(text, state => {
				const m = resolve(state, target);
				return m && state.divergence?.member === m.id ? undefined : `no divergence on ${m ? memberName(m.id) : 'the leader'}${state.divergence ? ` (it is ${memberName(state.divergence.member)})` : ''}`;
			});
		default:
			return `unknown claim "${kind}"`;
	}
}

function clusterClaim(words: readonly string[], config: AeronConfig): ModeCondition<AeronState> | string | undefined {
	const [kind, ...rest] = words;
	const text = words.join(' ');
	switch (kind) {
		case 'leader': {
			if (rest.length === 0 || rest[0] === 'any') return condition(text, state => (activeLeader(state) ? undefined : 'no active leader'));
			const target = parseMemberName(rest[0], config.members);
			const term = rest[1] === 'term' ? countWord(rest[2]) : undefined;
			if (target === undefined || (rest.length > 1 && term === undefined)) return '"leader" needs a member, optionally "term N" (or "any")';
			return condition(text, state => {
				const leader = activeLeader(state);
				if (!leader) return 'no active leader';
				if (leader.id !== target) return `${memberName(leader.id)} leads`;
				return term === undefined || leader.term === term ? undefined : `${memberName(leader.id)} leads term ${leader.term}`;
			});
		}

		case 'no':
			if (rest[0] === 'leader') return condition(text, state => (activeLeader(state) ? `${memberName(activeLeader(state)!.id)} leads` : undefined));
			return '"no" needs "leader"';
		case 'lamps':
			if (rest[0] !== 'green') return '"lamps" needs "green"';
			return condition(text, state => {
				const broken = lampNames.find(name => state.lamps[name] !== undefined);
				return broken ? `${broken}: ${state.lamps[broken]}` : undefined;
			});
		case 'lamp': {
			if (!(lampNames as readonly string[]).includes(rest[0] ?? '') || rest[1] !== 'broken') return `"lamp" needs one of ${lampNames.join(', ')}, then "broken"`;
			const lamp = rest[0] as LampName;
			return condition(text, state => (state.lamps[lamp] === undefined ? `${lamp} is green` : undefined));
		}

		case 'veto':
			return condition(text, state => (state.seen.vetoes > 0 ? undefined : 'no quorum win was vetoed by a NO'));
		case 'replicated':
			return condition(text, state => (state.seen.replications > 0 ? undefined : 'no member copied from the leader\'s archive'));
		case 'caught-up':
			return condition(text, state => (state.seen.catchups > 0 ? undefined : 'no member caught up from the leader\'s archive'));
		case 'capped':
			return condition(text, state => (state.seen.cappedByOwn > 0 ? undefined : 'the leader\'s own position never capped commit'));
		case 'held':
			return condition(text, state => (state.seen.held > 0 ? undefined : 'the leader never held ingress back'));
		case 'stepped-down':
			return condition(text, state => (state.seen.stepDowns > 0 ? undefined : 'no leader stepped down'));
		case 'digests': {
			if (rest[0] !== 'equal') return '"digests" needs "equal"';
			return condition(text, state => {
				const up = state.members.filter(m => m.role !== 'down');
				const first = up[0]!;
				const odd = up.find(m => m.service.position !== first.service.position || m.service.digest !== first.service.digest);
				return odd ? `${memberName(odd.id)} is at ${odd.service.position} #${(odd.service.digest >>> 0).toString(16).slice(-4)}, ${memberName(first.id)} at ${first.service.position} #${(first.service.digest >>> 0).toString(16).slice(-4)}` : undefined;
			});
		}

		case 'timer-fired': {
			const id = /^T(\d+)$/.exec(rest[0] ?? '');
			const members = rest[1] === 'on' ? countWord(rest[2]) : undefined;
			if (!id) return '"timer-fired" needs a timer such as T1, optionally "on N" members';
			return condition(text, state => {
				const fires = state.seen.timerFires.filter(fire => fire.timer === Number(id[1]));
				if (fires.length === 0) return `T${id[1]} has not fired`;
				if (new Set(fires.map(fire => `${fire.position}:${fire.time}`)).size > 1) return `T${id[1]} fired at different positions or times`;
				if (new Set(fires.map(fire => fire.member)).size < fires.length) return `T${id[1]} fired twice on one member`;
				return members === undefined || fires.length >= members ? undefined : `T${id[1]} fired on ${fires.length} members`;
			});
		}

		case 'replies': {
			const claim = numberClaim(rest);
			if (!claim) return '"replies" needs a number';
			return condition(text, state => (compare(state.client.replies, claim.op, claim.value) ? undefined : `the client has ${state.client.replies} replies`));
		}

		default:
			return undefined;
	}
}

export function parseClaim(words: readonly string[], config: AeronConfig): ModeCondition<AeronState> | string {
	const cluster = clusterClaim(words, config);
	return cluster ?? memberClaim(words, config);
}

export {bugNames};
