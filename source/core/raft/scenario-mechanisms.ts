/**
 * Scenario claims that a mechanism happened, not only where the run ended:
 * an AppendEntries refused on a link, a leader stepping nextIndex back, a
 * duplicate's copy delivered after its delivered original, and messages in
 * flight that will be lost (drawn ↯). Each holds from the moment it happened
 * ("at least"), so they read the same in `until` and in `expect`.
 */
import type {ModeCondition} from '../engine/mode.js';
import {lossReason} from './engine.js';
import {parseServerName, serverName} from './names.js';
import {inFlight} from './queries.js';
import type {RaftState} from './types.js';

const usage = {
	refused: 'say "refused AppendEntries S3->S5" (the follower S5 refused at least one AppendEntries from S3), optionally with how many, e.g. "refused AppendEntries S3->S5 2"',
	stepped: 'say "nextIndex stepped back S3->S5" (the leader S3 lowered its nextIndex for S5 after a refusal), optionally with how many times',
	copy: 'say "copy delivered after original" (a duplicated message\'s copy arrived after its original was delivered)',
	lost: 'say "in-flight lost 1" (at least that many messages in flight will be lost: ↯)',
};

function link(word: string | undefined, servers: number): {from: number; to: number} | undefined {
	const match = /^(\w+)(?:->|→)(\w+)$/.exec(word ?? '');
	const from = match ? parseServerName(match[1]!, servers) : undefined;
	const to = match ? parseServerName(match[2]!, servers) : undefined;
	return from === undefined || to === undefined || from === to ? undefined : {from, to};
}

/** An optional count at the end ("at least"): 1 if absent, undefined if not a whole number ≥ 1. */
function atLeast(word: string | undefined): number | undefined {
	if (word === undefined) return 1;
	return /^\d+$/.test(word) && Number(word) >= 1 ? Number(word) : undefined;
}

function times(n: number): string {
	return n === 1 ? 'once' : `${n} times`;
}

/** Messages in flight that will be lost if they arrive as things stand (each drawn with ↯). */
export function doomedInFlight(state: RaftState): number {
	return inFlight(state).filter(item => lossReason(state, item.message) !== undefined).length;
}

/** A mechanism claim, a string saying what is wrong, or undefined if the words are not one. */
export function parseMechanismClaim(words: readonly string[], servers: number): ModeCondition<RaftState> | string | undefined {
	const text = words.join(' ');
	const claim = (check: (state: RaftState) => string | undefined) => ({text, check});
	const [what, ...args] = words;
	switch (what) {
		case 'refused': {
			const type = args[0]?.toLowerCase();
			const pair = link(args[1], servers);
			const n = atLeast(args[2]);
			if (!(type === 'appendentries' || type === 'ae') || pair === undefined || n === undefined || args.length > 3) return usage.refused;
			return claim(state => {
				const refused = state.mechanisms.refusedAppends[pair.from * state.servers.length + pair.to] ?? 0;
				return refused >= n ? undefined : `${serverName(pair.to)} has refused ${refused === 0 ? 'no' : refused} AppendEntries from ${serverName(pair.from)}`;
			});
		}

		case 'nextIndex':
		case 'nextindex': {
			if (args[0] !== 'stepped' || args[1] !== 'back') return undefined;
			const pair = link(args[2], servers);
			const n = atLeast(args[3]);
			if (pair === undefined || n === undefined || args.length > 4) return usage.stepped;
			return claim(state => {
				const backs = state.mechanisms.nextIndexBacks[pair.from * state.servers.length + pair.to] ?? 0;
				return backs >= n ? undefined : backs === 0 ? `${serverName(pair.from)} never stepped nextIndex back for ${serverName(pair.to)}` : `${serverName(pair.from)} stepped nextIndex back for ${serverName(pair.to)} ${times(backs)}`;
			});
		}

		case 'copy':
			if (args.join(' ') !== 'delivered after original') return usage.copy;
			return claim(state => {
				if (state.mechanisms.copiesAfterOriginal > 0) return undefined;
				return state.stats.copiesDelivered === 0 ? 'no duplicated message\'s copy has been delivered' : 'the copies delivered arrived without a delivered original before them (it was lost, dropped or still on the way)';
			});
		case 'in-flight': {
			if (args[0] !== 'lost') return undefined;
			const n = atLeast(args[1]);
			if (n === undefined || args.length > 2) return usage.lost;
			return claim(state => (doomedInFlight(state) >= n ? undefined : `${doomedInFlight(state)} messages in flight will be lost (↯)`));
		}

		default:
			return undefined;
	}
}
