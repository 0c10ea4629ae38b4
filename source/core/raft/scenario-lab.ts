/**
 * Scenario lines of the safety lab: verbs that switch a bug, PreVote or the
 * back-off rule while running, and claims about the lamps, liveness and the
 * AppendEntries a repair takes (Figure 7).
 */
import type {ModeCondition} from '../engine/mode.js';
import {bugInfo} from './bugs.js';
import {parseServerName, serverName} from './names.js';
import {leaderlessFor, recentElections} from './safety/liveness.js';
import {parsePropertyCode, propertyCodes, propertyNames} from './safety/properties.js';
import {bugNames, type BugName, type RaftAction, type RaftState} from './types.js';

export const labVerbs = ['bug', 'prevote', 'backoff'] as const;

function onOff(word: string | undefined): boolean | undefined {
	return word === 'on' ? true : word === 'off' ? false : undefined;
}

/** `bug NAME on|off`, `prevote on|off`, `backoff one|term`; undefined if the verb is not one of these. */
export function parseLabVerb(words: readonly string[]): RaftAction | string | undefined {
	const [verb, ...args] = words;
	switch (verb) {
		case 'bug': {
			const bug = args[0] as BugName;
			const on = args.length === 1 ? true : onOff(args[1]);
			if (!bugNames.includes(bug) || on === undefined || args.length > 2) return `"bug" needs a bug and on or off, e.g. bug old-term-commit on (bugs: ${bugNames.join(', ')})`;
			return {type: 'bug', bug, on};
		}

		case 'prevote': {
			const on = onOff(args[0]);
			return on === undefined || args.length !== 1 ? '"prevote" needs on or off (PreVote and CheckQuorum)' : {type: 'prevote', on};
		}

		case 'backoff':
			return args.length === 1 && (args[0] === 'one' || args[0] === 'term') ? {type: 'backoff', backoff: args[0]} : '"backoff" needs one (Figure 2) or term (skip a conflicting term)';
		default:
			return undefined;
	}
}

function durationMs(word: string | undefined): number | undefined {
	const match = word === undefined ? null : /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(word);
	if (!match) return undefined;
	const value = match[2] === 's' ? Number(match[1]) * 1000 : Number(match[1]);
	return Number.isInteger(value) ? value : undefined;
}

function whole(word: string | undefined): number | undefined {
	return word !== undefined && /^\d+$/.test(word) ? Number(word) : undefined;
}

const usage = {
	lamp: 'say "lamp SM red", "lamp SM red at 1234" (the event that broke it) or "lamp ES green"',
	lamps: 'say "lamps green" (every property holds)',
	leaderless: 'say "no leader for 900ms" (at least that long)',
	elections: 'say "elections 5 in 2s" (at least that many started in the last 2 s)',
	appends: 'say "appends S1->S3 7" (AppendEntries the leader S1 has sent S3 in its term)',
	halted: 'say "halted" (the last event broke a property: the run pauses here)',
	view: 'say "next S1 S3 4" or "match S1 S3 2" (the leader S1\'s nextIndex or matchIndex for S3)',
};

/**
 * A claim (`exact`: an `expect`) or condition (an `until`) of the lab, or a
 * string saying what is wrong, or undefined if the words are not one of them.
 */
export function parseLabClaim(words: readonly string[], servers: number, exact: boolean): ModeCondition<RaftState> | string | undefined {
	const text = words.join(' ');
	const [what, ...args] = words;
	const claim = (check: (state: RaftState) => string | undefined) => ({text, check});
	switch (what) {
		case 'lamps':
			return args.length === 1 && args[0] === 'green'
				? claim(state => {
						const red = propertyCodes.filter(code => state.safety.broken[code] !== undefined);
						return red.length === 0 ? undefined : `${red.map(code => `✗${code}`).join(' ')}: ${state.safety.broken[red[0]!]!.text}`;
					})
				: usage.lamps;
		case 'lamp': {
			const code = parsePropertyCode(args[0] ?? '');
			const colour = args[1];
			const at = args[2] === 'at' ? whole(args[3]) : undefined;
			const shape = args.length === 2 || (args.length === 4 && at !== undefined && colour === 'red');
			if (code === undefined || (colour !== 'red' && colour !== 'green') || !shape) return usage.lamp;
			return claim(state => {
				const violation = state.safety.broken[code];
				if (colour === 'green') return violation === undefined ? undefined : `✗${code} ${propertyNames[code]}: ${violation.text}`;
				if (violation === undefined) return `${code} ${propertyNames[code]} holds (✓${code})`;
				return at === undefined || violation.event === at ? undefined : `${code} broke at event ${violation.event}, not ${at}`;
			});
		}

		case 'halted':
			return args.length === 0 ? claim(state => (state.safety.fresh.length > 0 ? undefined : `event ${state.events} broke no property`)) : usage.halted;
		case 'no': {
			if (args[0] !== 'leader' || args[1] !== 'for') return undefined;
			const ms = durationMs(args[2]);
			if (ms === undefined || args.length !== 3) return usage.leaderless;
			return claim(state => (leaderlessFor(state) >= ms ? undefined : leaderlessFor(state) === 0 ? 'a leader leads the highest term' : `no leader for ${leaderlessFor(state)} ms`));
		}

		case 'elections': {
			if (args[1] !== 'in') return undefined;
			const n = whole(args[0]);
			const window = durationMs(args[2]);
			if (n === undefined || window === undefined || args.length !== 3) return usage.elections;
			return claim(state => (recentElections(state, window) >= n ? undefined : `${recentElections(state, window)} elections started in the last ${window} ms`));
		}

		case 'next':
		case 'match': {
			const leaderId = parseServerName(args[0] ?? '', servers);
			const peer = parseServerName(args[1] ?? '', servers);
			const n = whole(args[2]);
			if (leaderId === undefined || peer === undefined || n === undefined || args.length !== 3) return usage.view;
			const field = what === 'next' ? 'nextIndex' : 'matchIndex';
			return claim(state => {
				const leader = state.servers[leaderId];
				if (leader === undefined) return `there is no ${serverName(leaderId)} in a cluster of ${state.servers.length}`;
				if (leader.role !== 'leader') return `${serverName(leaderId)} is not leading`;
				const value = leader[field][peer] ?? 0;
				return (exact ? value === n : value >= n) ? undefined : `${serverName(leaderId)}'s ${field} for ${serverName(peer)} is ${value}`;
			});
		}

		case 'appends': {
			const link = /^(\w+)(?:->|→)(\w+)$/.exec(args[0] ?? '');
			const from = link ? parseServerName(link[1]!, servers) : undefined;
			const to = link ? parseServerName(link[2]!, servers) : undefined;
			const n = whole(args[1]);
			if (from === undefined || to === undefined || n === undefined || args.length !== 2) return usage.appends;
			return claim(state => {
				const leader = state.servers[from];
				if (leader === undefined) return `there is no ${serverName(from)} in a cluster of ${state.servers.length}`;
				if (leader.role !== 'leader') return `${serverName(from)} is not leading`;
				const sent = leader.appendsSent[to] ?? 0;
				return (exact ? sent === n : sent >= n) ? undefined : `${serverName(from)} has sent ${serverName(to)} ${sent} AppendEntries in term ${leader.currentTerm}`;
			});
		}

		default:
			return undefined;
	}
}

/** The bug's line for a help screen or a scenario caption. */
export function bugLine(bug: BugName): string {
	const {breaks, does} = bugInfo[bug];
	return `${bug}: ${does} (${breaks.length === 0 ? 'liveness only' : `can break ${breaks.join(', ')}`})`;
}
