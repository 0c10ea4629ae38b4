/**
 * The voting mode's `expect` claims for scenario files: a caption's claim,
 * checked against the state at that moment. Each parses to a condition whose
 * `check` returns undefined when the claim holds, else what the board shows.
 *
 *   expect R3 diverged            R3's status (ok, diverged, crashed, lagging, armed, no-majority)
 *   expect R2 diverged since #4   …and its current run of disagreement began at #4
 *   expect R2 behind              R2 has not applied the latest input (for any reason)
 *   expect R2 agrees              the latest decided vote on R2's state agreed with it
 *   expect R2 skipped #4          R2's history shows input #4 skipped
 *   expect no majority            the vote on the latest input cannot be decided
 *   expect decided [2 of 3]       the vote on the latest input is decided [by 2 of 3]
 *   expect waiting                …is still waiting for reports
 *   expect value balance 130      the decided value, as the quorum line says it
 *   expect R1 R2 agree            these replicas are in the same state
 *   expect R1 R2 R3 differ        these replicas are in pairwise different states
 *   expect flagged R1 R3          exactly these are named out of line (flagged nobody: none)
 *   expect at #5                  the latest input is #5
 */
import type {ModeCondition} from '../engine/mode.js';
import {quorumStatus} from './quorum.js';
import type {ReplicaState, SimState} from './types.js';
import {replicaVerdict, type ReplicaKind} from './verdict.js';

const kinds: readonly ReplicaKind[] = ['ok', 'diverged', 'no-majority', 'crashed', 'lagging', 'split', 'armed', 'behind'];
const kindAliases: Readonly<Record<string, ReplicaKind>> = {lag: 'lagging', 'no majority': 'no-majority'};

type Check = (state: SimState) => string | undefined;

export function votingExpectation(words: readonly string[]): ModeCondition<SimState> | string {
	const text = words.join(' ');
	const check = parse(words);
	return typeof check === 'string' ? check : {text, check};
}

function parse(words: readonly string[]): Check | string {
	if (words.length === 0) return 'expect what? e.g. "expect R3 diverged", "expect no majority", "expect decided 2 of 3"';
	const names = leadingNames(words);
	const rest = words.slice(names.length).map(word => word.toLowerCase());
	if (names.length > 1) return parseGroup(names, rest);
	if (names.length === 1) return parseReplica(names[0]!, rest);
	return parseVote(words.map(word => word.toLowerCase()));
}

/** The replica names a claim starts with: R1, r2… */
function leadingNames(words: readonly string[]): string[] {
	const names: string[] = [];
	for (const word of words) {
		if (!/^r[1-9]$/i.test(word)) break;
		names.push(word.toUpperCase());
	}

	return names;
}

function replicaNamed(state: SimState, name: string): ReplicaState | string {
	return state.replicas.find(replica => replica.name === name) ?? `there is no ${name} (${state.replicas.length} replicas)`;
}

function indexWord(word: string | undefined): number | undefined {
	const match = /^#?(\d+)$/.exec(word ?? '');
	return match ? Number(match[1]) : undefined;
}

function parseReplica(name: string, rest: readonly string[]): Check | string {
	const phrase = rest.join(' ');
	const withReplica = (test: (state: SimState, replica: ReplicaState) => string | undefined): Check => state => {
		const replica = replicaNamed(state, name);
		return typeof replica === 'string' ? replica : test(state, replica);
	};

	const shows = (state: SimState, replica: ReplicaState) => {
		const verdict = replicaVerdict(state, replica);
		return `${name} shows ${verdict.glyph} ${verdict.word} (${verdict.detail})`;
	};

	if (phrase === 'behind') return withReplica((state, replica) => (replica.applied < state.index ? undefined : `${name} has applied #${replica.applied}, the latest input`));
	if (phrase === 'agrees') {
		return withReplica((state, replica) => {
			const {standing} = replicaVerdict(state, replica);
			return standing.checked !== null && standing.agrees ? undefined : shows(state, replica);
		});
	}

	const since = /^diverged since (#?\d+)$/.exec(phrase);
	if (since) {
		const index = indexWord(since[1])!;
		return withReplica((state, replica) => {
			const verdict = replicaVerdict(state, replica);
			return verdict.kind === 'diverged' && verdict.standing.runStart === index ? undefined : shows(state, replica);
		});
	}

	const skipped = /^skipped (#?\d+)$/.exec(phrase);
	if (skipped) {
		const index = indexWord(skipped[1])!;
		return withReplica((_, replica) => {
			const transition = replica.recent.findLast(candidate => candidate.index === index && candidate.input !== undefined);
			if (!transition) return `${name}'s recent history has no #${index}`;
			return transition.note === 'skipped' ? undefined : `${name} applied #${index}${transition.note ? ` (${transition.note})` : ''}`;
		});
	}

	const kind = kindAliases[phrase] ?? (kinds as readonly string[]).find(candidate => candidate === phrase);
	if (kind) return withReplica((state, replica) => (replicaVerdict(state, replica).kind === kind ? undefined : shows(state, replica)));
	return `cannot check "${name} ${phrase}": say ${name} ${kinds.join('|')}, behind, agrees, diverged since #N or skipped #N`;
}

function parseGroup(names: readonly string[], rest: readonly string[]): Check | string {
	const phrase = rest.join(' ');
	if (phrase !== 'agree' && phrase !== 'differ') return `cannot check "${names.join(' ')} ${phrase}": say agree or differ`;
	return state => {
		const replicas: ReplicaState[] = [];
		for (const name of names) {
			const replica = replicaNamed(state, name);
			if (typeof replica === 'string') return replica;
			replicas.push(replica);
		}

		const summaries = replicas.map(replica => `${replica.name} ${state.model.summary(replica.state)}`).join(', ');
		const digests = new Set(replicas.map(replica => replica.digest));
		if (phrase === 'agree') return digests.size === 1 ? undefined : `they differ: ${summaries}`;
		return digests.size === replicas.length ? undefined : `some agree: ${summaries}`;
	};
}

function parseVote(words: readonly string[]): Check | string {
	const phrase = words.join(' ');
	const vote = (state: SimState) => quorumStatus(state);
	const says = (state: SimState) => {
		const status = vote(state);
		return `the vote on #${status.index} is ${status.kind}${status.kind === 'decided' ? ` (${status.decision!.decided!.count} of ${status.replicas})` : ''}`;
	};

	if (phrase === 'no majority' || phrase === 'waiting' || phrase === 'idle' || phrase === 'decided') {
		const kind = phrase === 'no majority' ? 'no-majority' : phrase;
		return state => (vote(state).kind === kind ? undefined : says(state));
	}

	const count = /^decided (\d+) of (\d+)$/.exec(phrase);
	if (count) {
		const [agree, of] = [Number(count[1]), Number(count[2])];
		return state => {
			const status = vote(state);
			return status.kind === 'decided' && status.decision!.decided!.count === agree && status.replicas === of ? undefined : says(state);
		};
	}

	if (words[0] === 'value' && words.length > 1) {
		const expected = words.slice(1).join(' ');
		return state => {
			const status = vote(state);
			if (status.kind !== 'decided' && status.kind !== 'idle') return says(state);
			const value = state.model.summary(status.decision!.decided!.state);
			return value.toLowerCase() === expected ? undefined : `the decided value is ${value}`;
		};
	}

	if (words[0] === 'flagged' && words.length > 1) {
		const expected = words[1] === 'nobody' && words.length === 2 ? [] : words.slice(1).map(word => word.toUpperCase());
		if (expected.some(name => !/^R[1-9]$/.test(name))) return `cannot check "${phrase}": say flagged R1 R2… or flagged nobody`;
		return state => {
			const named = vote(state).outOfLine.map(entry => entry.name);
			return named.join(' ') === expected.join(' ') ? undefined : `flagged: ${named.length > 0 ? named.join(' ') : 'nobody'}`;
		};
	}

	const at = /^at (#?\d+)$/.exec(phrase);
	if (at) {
		const index = indexWord(at[1])!;
		return state => (state.index === index ? undefined : `the latest input is #${state.index}`);
	}

	return `cannot check "${phrase}": say R1 ok, R2 diverged, no majority, decided 2 of 3, value balance 130, R1 R2 agree, flagged R3, at #5…`;
}
