/**
 * Scenario lines for the Paxos mode: verbs (actions), conditions for `until`
 * and claims for `expect`. Nodes are named P1…, A1…, L1…; proposal numbers
 * as 3.P1; instances as #3.
 */
import type {ModeCondition} from '../engine/mode.js';
import {countWord, durationWord} from '../engine/scenario-words.js';
import {ballotText, compareBallots, parseBallot} from './ballot.js';
import {bugNames, type BugName} from './bugs.js';
import {leaderOf} from './leader.js';
import {parseNode, paxosNames, roleOf} from './names.js';
import {netVerbs, parseNetVerb} from '../net/verbs.js';
import {currentLeader, inFlight, instanceCount, isNoop, knownBy} from './queries.js';
import {chosenValue, lampNames, type LampName} from './safety.js';
import type {MessagePick, MessageType, PaxosAction, PaxosConfig, PaxosState} from './types.js';

export const paxosVerbs = ['crash', 'restart', 'propose', 'adversary', 'leader', 'bug', 'request', ...netVerbs] as const;

const sizesOf = (config?: PaxosConfig) => config ?? {proposers: 4, acceptors: 7, learners: 3};

const typeNames: Readonly<Record<string, MessageType>> = {prepare: 'Prepare', promise: 'Promise', accept: 'Accept', accepted: 'Accepted', refuse: 'Nack', nack: 'Nack'};

/** The shared network's words for Paxos messages: "drop P1->A2 Accept", "deliver next", "duplicate #7". */
export const paxosMessageWords = {
	types: typeNames,
	usage: 'a message is "next", "#ID" or "P1->A2" (either end may be *), optionally followed by a type: Prepare, Promise, Accept, Accepted or Refuse',
};

function onOff(word: string | undefined): boolean | undefined {
	return word === 'on' ? true : word === 'off' ? false : undefined;
}

export function parseVerb(words: readonly string[], config?: PaxosConfig): PaxosAction | string {
	const [verb, ...args] = words;
	const sizes = sizesOf(config);
	switch (verb) {
		case 'crash':
		case 'restart': {
			const node = parseNode(sizes, args[0]);
			if (node === undefined || roleOf(sizes, node).role === 'learner' || args.length !== 1) return `${verb} takes a proposer or an acceptor, e.g. "${verb} A2"`;
			return {type: verb, node};
		}

		case 'propose': {
			const node = parseNode(sizes, args[0]);
			if (node === undefined || roleOf(sizes, node).role !== 'proposer' || args.length !== 1) return 'propose takes a proposer, e.g. "propose P2"';
			return {type: 'propose', proposer: node};
		}

		case 'adversary':
		case 'leader': {
			const on = onOff(args[0]);
			if (on === undefined || args.length !== 1) return `${verb} takes on or off`;
			return {type: verb, on};
		}

		case 'bug': {
			const on = onOff(args[1]);
			if (!(bugNames as readonly string[]).includes(args[0] ?? '') || on === undefined || args.length !== 2) return `bug takes a bug name (${bugNames.join(', ')}) and on or off`;
			return {type: 'bug', bug: args[0] as BugName, on};
		}

		case 'request':
			return args.length === 0 ? {type: 'request'} : 'request takes no words';
		default: {
			const fault = parseNetVerb(paxosNames(sizes), paxosMessageWords, words);
			if (fault !== undefined) return fault;
			return `unknown verb "${verb ?? ''}": use one of ${paxosVerbs.join(', ')}`;
		}
	}
}

type Check = (state: PaxosState) => string | undefined;

function condition(text: string, check: Check): ModeCondition<PaxosState> {
	return {text, check: state => check(state)};
}

function instanceWord(word: string | undefined): number | undefined {
	const match = word === undefined ? null : /^#(\d+)$/.exec(word);
	return match ? Number(match[1]) : undefined;
}

function claims(words: readonly string[], config?: PaxosConfig): ModeCondition<PaxosState> | string {
	const text = words.join(' ');
	const sizes = sizesOf(config);
	const [what, ...args] = words;
	const node = (index: number, role: 'proposer' | 'acceptor' | 'learner') => {
		const id = parseNode(sizes, args[index]);
		return id !== undefined && roleOf(sizes, id).role === role ? roleOf(sizes, id).index : undefined;
	};

	switch (what) {
		case 'time': {
			const ms = durationWord(args[0]);
			if (ms === undefined) return 'time takes milliseconds, e.g. "time 500"';
			return condition(text, state => (state.time >= ms ? undefined : `it is ${state.time} ms`));
		}

		case 'chosen': {
			// chosen [#I] [VALUE]
			const instance = instanceWord(args[0]) ?? 1;
			const value = instanceWord(args[0]) === undefined ? args[0] : args[1];
			return condition(text, state => {
				const chosen = chosenValue(state.lamps, instance);
				if (chosen === undefined) return `nothing is chosen at #${instance}`;
				if (value === undefined) return undefined;
				const values = state.lamps.chosen[instance - 1]!.map(item => item.value);
				const found = values.some(item => item.text === value || item.id === value || (value === 'no-op' && isNoop(item)));
				return found ? undefined : `chosen at #${instance}: ${values.map(item => item.text).join(', ')}`;
			});
		}

		case 'nothing-chosen':
			return condition(text, state => (state.lamps.chosenCount === 0 ? undefined : `${state.lamps.chosenCount} instance(s) chosen`));
		case 'nothing-chosen-at': {
			const instance = instanceWord(args[0]);
			if (instance === undefined) return 'nothing-chosen-at takes an instance, e.g. "nothing-chosen-at #2"';
			return condition(text, state => (chosenValue(state.lamps, instance) === undefined ? undefined : `#${instance}: ${chosenValue(state.lamps, instance)!.value.text} is chosen`));
		}

		case 'chosen-count': {
			const count = countWord(args[0]);
			if (count === undefined) return 'chosen-count takes a number';
			return condition(text, state => (state.lamps.chosenCount >= count ? undefined : `${state.lamps.chosenCount} instances chosen`));
		}

		case 'two-values': {
			const instance = instanceWord(args[0]) ?? 1;
			return condition(text, state => ((state.lamps.chosen[instance - 1]?.length ?? 0) >= 2 ? undefined : `#${instance} has ${state.lamps.chosen[instance - 1]?.length ?? 0} chosen value(s)`));
		}

		case 'known':
		case 'unknown': {
			const instance = instanceWord(args[0]) ?? 1;
			return condition(text, state => {
				if (chosenValue(state.lamps, instance) === undefined) return `nothing is chosen at #${instance}`;
				const known = knownBy(state, instance);
				if (what === 'known') return known.length > 0 ? undefined : 'nobody knows it yet';
				return known.length === 0 ? undefined : `known to ${known.join(' ')}`;
			});
		}

		case 'learned': {
			// learned L1 [#I] VALUE
			const learner = node(0, 'learner');
			if (learner === undefined) return 'learned takes a learner and a value, e.g. "learned L1 x" or "learned L1 #3 no-op"';
			const instance = instanceWord(args[1]) ?? 1;
			const value = instanceWord(args[1]) === undefined ? args[1] : args[2];
			return condition(text, state => {
				const learned = state.learners[learner]?.learned[instance - 1];
				if (learned === undefined) return `L${learner + 1} has learned nothing at #${instance}`;
				return value === undefined || learned.text === value || learned.id === value ? undefined : `L${learner + 1} learned ${learned.text}`;
			});
		}

		case 'applied': {
			// applied N  or  applied L1 N
			const learner = node(0, 'learner');
			const count = countWord(learner === undefined ? args[0] : args[1]);
			if (count === undefined) return 'applied takes a count, optionally after a learner: "applied 4", "applied L1 4"';
			return condition(text, state => {
				const behind = state.learners.filter(item => (learner === undefined || item.id === learner) && item.applied < count);
				return behind.length === 0 ? undefined : behind.map(item => `L${item.id + 1} applied ${item.applied}`).join(', ');
			});
		}

		case 'hole': {
			// hole L1 #3: L1 has not learned #3 but has learned a later instance
			const learner = node(0, 'learner');
			const instance = instanceWord(args[1]);
			if (learner === undefined || instance === undefined) return 'hole takes a learner and an instance, e.g. "hole L1 #3"';
			return condition(text, state => {
				const item = state.learners[learner]!;
				return item.learned[instance - 1] === undefined && item.learned.length > instance && item.applied < instance ? undefined : `L${learner + 1} has no hole at #${instance} blocking later ones`;
			});
		}

		case 'promised':
		case 'accepted': {
			const acceptor = node(0, 'acceptor');
			if (acceptor === undefined) return `${what} takes an acceptor and a number, e.g. "${what} A2 3.P1${what === 'accepted' ? ' x' : ''}" (or "none")`;
			const instance = instanceWord(args[1]);
			const rest = instance === undefined ? args.slice(1) : args.slice(2);
			if (rest[0] === 'none') {
				return condition(text, state => {
					const item = state.acceptors[acceptor]!;
					if (what === 'promised') return item.promised === null ? undefined : `A${acceptor + 1} promised ${ballotText(item.promised)}`;
					const proposal = item.accepted[(instance ?? 1) - 1];
					return proposal === undefined ? undefined : `A${acceptor + 1} accepted (${ballotText(proposal.ballot)}, ${proposal.value.text})`;
				});
			}

			const ballot = rest[0] === undefined ? undefined : parseBallot(rest[0]);
			if (ballot === undefined) return `${what} takes a number such as 3.P1, or none`;
			const value = rest[1];
			return condition(text, state => {
				const item = state.acceptors[acceptor]!;
				if (what === 'promised') return compareBallots(item.promised, ballot) === 0 ? undefined : `A${acceptor + 1} promised ${ballotText(item.promised)}`;
				const proposal = item.accepted[(instance ?? 1) - 1];
				if (proposal === undefined) return `A${acceptor + 1} accepted nothing`;
				return compareBallots(proposal.ballot, ballot) === 0 && (value === undefined || proposal.value.text === value || proposal.value.id === value) ? undefined : `A${acceptor + 1} accepted (${ballotText(proposal.ballot)}, ${proposal.value.text})`;
			});
		}

		case 'refused': {
			// refused A2 [3.P1]: the acceptor's last act was a refusal (of that number)
			const acceptor = node(0, 'acceptor');
			if (acceptor === undefined) return 'refused takes an acceptor, e.g. "refused A2" or "refused A2 1.P1"';
			const ballot = args[1] === undefined ? undefined : parseBallot(args[1]);
			return condition(text, state => {
				const item = state.acceptors[acceptor]!;
				if (!item.lastRefused) return `A${acceptor + 1} last ${item.last}`;
				return ballot === undefined || item.last.includes(ballotText(ballot)) ? undefined : `A${acceptor + 1} last ${item.last}`;
			});
		}

		case 'phase':
		case 'proposes':
		case 'adopts':
		case 'attempts': {
			const proposer = node(0, 'proposer');
			if (proposer === undefined) return `${what} takes a proposer, e.g. "${what} P2 ${what === 'phase' ? 'accept' : what === 'attempts' ? '3' : 'x'}"`;
			const word = args[1];
			return condition(text, state => {
				const item = state.proposers[proposer]!;
				const name = `P${proposer + 1}`;
				if (what === 'phase') {
					const phases: Record<string, string> = {'1': 'prepare', prepare: 'prepare', '2': 'accept', accept: 'accept', preempted: 'wait', wait: 'wait', leads: 'lead', lead: 'lead', follows: 'follow', follow: 'follow', idle: 'idle', down: 'down'};
					return item.phase === phases[word ?? ''] ? undefined : `${name} is in ${item.phase}`;
				}

				if (what === 'attempts') {
					const count = countWord(word);
					return count !== undefined && item.attempts >= count ? undefined : `${name} made ${item.attempts} attempts`;
				}

				if (what === 'proposes') {
					const mine = item.proposing[0];
					return mine && (mine.value.text === word || word === undefined) ? undefined : `${name} proposes ${mine?.value.text ?? 'nothing'}`;
				}

				const adopted = item.adopted[0];
				return adopted && adopted.value.text === word && item.proposing[0]?.value.text === word && item.own.text !== word ? undefined : `${name} ${adopted ? `saw ${adopted.value.text} accepted` : 'saw nothing accepted'} and proposes ${item.proposing[0]?.value.text ?? 'nothing'}`;
			});
		}

		case 'rounds': {
			const count = countWord(args[0]);
			if (count === undefined) return 'rounds takes a number: phase-1 rounds since the last decision';
			return condition(text, state => (state.roundsWithoutDecision >= count ? undefined : `${state.roundsWithoutDecision} rounds without a decision`));
		}

		case 'leader': {
			const proposer = node(0, 'proposer');
			if (proposer === undefined) return 'leader takes a proposer, e.g. "leader P2"';
			return condition(text, state => {
				if (state.config.multi) {
					const leader = currentLeader(state);
					return leader?.id === proposer ? undefined : leader ? `P${leader.id + 1} leads` : 'no proposer leads';
				}

				const up = state.proposers.filter(item => item.up);
				return up.every(item => leaderOf(state, item.id) === proposer) ? undefined : 'the proposers do not all follow it';
			});
		}

		case 'noop': {
			const instance = instanceWord(args[0]);
			if (instance === undefined) return 'noop takes an instance, e.g. "noop #3"';
			return condition(text, state => (isNoop(chosenValue(state.lamps, instance)?.value) ? undefined : `#${instance}: ${chosenValue(state.lamps, instance)?.value.text ?? 'nothing'} chosen`));
		}

		case 'instances': {
			const count = countWord(args[0]);
			if (count === undefined) return 'instances takes a number';
			return condition(text, state => (instanceCount(state) >= count ? undefined : `${instanceCount(state)} instances`));
		}

		case 'held': {
			const count = countWord(args[0]);
			if (count === undefined) return 'held takes a number: messages the adversary holds';
			return condition(text, state => {
				const held = inFlight(state).filter(item => item.event.message.held).length;
				return held >= count ? undefined : `${held} held`;
			});
		}

		case 'down':
		case 'up': {
			const id = parseNode(sizes, args[0]);
			if (id === undefined || roleOf(sizes, id).role === 'learner') return `${what} takes a proposer or an acceptor`;
			return condition(text, state => {
				const {role, index} = roleOf(sizes, id);
				const up = role === 'proposer' ? state.proposers[index]!.up : state.acceptors[index]!.up;
				return up === (what === 'up') ? undefined : `${args[0]} is ${up ? 'up' : 'down'}`;
			});
		}

		case 'lamps': {
			if (args[0] !== 'green') return 'lamps takes green';
			return condition(text, state => {
				const red = lampNames.filter(lamp => state.lamps.broken[lamp]);
				return red.length === 0 ? undefined : `red: ${red.join(', ')}`;
			});
		}

		case 'lamp': {
			const lamp = args[0] as LampName;
			const at = args[2] === 'at' ? countWord(args[3]) : undefined;
			if (!lampNames.includes(lamp) || (args[1] !== 'red' && args[1] !== 'green') || (args.length > 2 && (args[1] !== 'red' || at === undefined || args.length !== 4))) return `lamp takes a lamp (${lampNames.join(', ')}) and red or green; "red at N": it went red at event N`;
			return condition(text, state => {
				const broken = state.lamps.broken[lamp];
				if ((broken !== undefined) !== (args[1] === 'red')) return `${lamp} is ${broken ? 'red' : 'green'}`;
				return at === undefined || broken!.event === at ? undefined : `${lamp} went red at event ${broken!.event}`;
			});
		}

		case 'said': {
			const phrase = args.join(' ').replaceAll(/^"|"$/g, '');
			if (phrase === '') return 'said takes words the last event line contains';
			return condition(text, state => (state.last.text.includes(phrase) ? undefined : `the last event said: ${state.last.text}`));
		}

		default:
			return `unknown claim "${what ?? ''}": use time, chosen, nothing-chosen, nothing-chosen-at, chosen-count, two-values, known, unknown, learned, applied, hole, promised, accepted, refused, phase, proposes, adopts, attempts, rounds, leader, noop, instances, held, down, up, lamps, lamp or said`;
	}
}

export function parseCondition(words: readonly string[], config?: PaxosConfig): ModeCondition<PaxosState> | string {
	return claims(words, config);
}

export function parseExpectation(words: readonly string[], config?: PaxosConfig): ModeCondition<PaxosState> | string {
	return claims(words, config);
}
