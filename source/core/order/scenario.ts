/**
 * Scenario lines for the order mode: verbs (actions), conditions for `until`
 * and claims for `expect`. Each parser returns the parsed thing or a string
 * saying what is wrong. Panels are none, sequencer, lamport, consensus
 * (aliases: unordered, seq, raft); replicas R1–R3 (S1–S3 in the consensus
 * panel); clients A, B, C…
 */
import type {ModeCondition} from '../engine/mode.js';
import {currentLeader} from '../raft/queries.js';
import {maxClients} from './config.js';
import {archAliases, archShort, clientName, parseClientName, parseNodeName, replicaName} from './names.js';
import {agreement, fifo, heldCount, sameInputs, isUp, latency, messagesPerInput, stalledReplicas, stallReason} from './queries.js';
import {replicasPerArch, type ArchId, type LinkPick, type OrderAction, type OrderConfig, type OrderState} from './types.js';
import {countWord, durationWord} from '../engine/scenario-words.js';

export const orderVerbs = ['crash', 'restart', 'silence', 'resume', 'heartbeats', 'send', 'drop', 'delay'] as const;

const panelUsage = 'a panel: none, sequencer, lamport or consensus';

function panel(word: string | undefined): ArchId | undefined {
	return word === undefined ? undefined : archAliases[word.toLowerCase()];
}

function replica(word: string | undefined): number | undefined {
	const match = word === undefined ? null : /^[RrSs]([1-3])$/.exec(word);
	return match ? Number(match[1]) - 1 : undefined;
}

function client(word: string | undefined, clients = maxClients): number | undefined {
	return word === undefined ? undefined : parseClientName(word, clients);
}

/** "A->R2", "Q->R1", "*->R3", "S1->S2", "client->S1" (either end may be *), or "next"/nothing: any link. */
function parseLink(word: string | undefined): LinkPick | string {
	if (word === undefined || word === 'next') return {from: 'any', to: 'any'};
	const match = /^([^-→>]+)(?:->|→)([^-→>]+)$/.exec(word);
	const end = (name: string): number | 'any' | undefined => (name === '*' ? 'any' : name.toLowerCase() === 'client' ? 0 : parseNodeName(name, maxClients));
	const from = match ? end(match[1]!) : undefined;
	const to = match ? end(match[2]!) : undefined;
	if (from === undefined || to === undefined) return `"${word}" is not a link: say A->R2, Q->R1, *->R3 or S1->S2 (or next)`;
	return {from, to};
}

/** A verb line; with the config, client names are checked against its clients. */
export function parseVerb(words: readonly string[], config?: OrderConfig): OrderAction | string {
	const [verb = '', ...args] = words;
	switch (verb) {
		case 'crash':
		case 'restart': {
			const [first, second] = args;
			if (args.length === 1 && (first === 'sequencer' || first === 'Q')) return {type: verb === 'crash' ? 'crash-sequencer' : 'restart-sequencer'};
			if (args.length === 1 && first === 'leader' && verb === 'crash') return {type: 'crash-leader'};
			const arch = panel(first);
			const index = replica(second);
			if (arch === undefined || index === undefined || args.length !== 2) return `"${verb}" needs ${panelUsage} and a replica (e.g. ${verb} lamport R2), or "sequencer"${verb === 'crash' ? ', or "leader" (the Raft leader)' : ''}`;
			return {type: verb, arch, replica: index};
		}

		case 'silence':
		case 'resume':
		case 'send': {
			const id = client(args[0], config?.clients);
			return id === undefined || args.length !== 1 ? `"${verb}" needs one client${config ? ` of ${config.clients}` : ''}, e.g. ${verb} C` : {type: verb, client: id};
		}

		case 'heartbeats':
			return args.length === 1 && (args[0] === 'on' || args[0] === 'off') ? {type: 'heartbeats', on: args[0] === 'on'} : '"heartbeats" needs on or off';
		case 'drop':
		case 'delay': {
			const arch = panel(args[0]);
			if (arch === undefined) return `"${verb}" needs ${panelUsage}, then optionally a link (A->R2, or next)${verb === 'delay' ? ' and milliseconds' : ''}`;
			const rest = args.slice(1);
			const ms = verb === 'delay' ? durationWord(rest.at(-1)) : undefined;
			const linkWords = ms === undefined ? rest : rest.slice(0, -1);
			if (linkWords.length > 1) return `"${verb}": one link at most, e.g. ${verb} ${args[0]} A->R2${verb === 'delay' ? ' 300' : ''}`;
			const link = parseLink(linkWords[0]);
			if (typeof link === 'string') return link;
			return verb === 'drop' ? {type: 'drop', arch, link} : {type: 'delay', arch, link, ms: ms ?? 300};
		}

		default:
			return `unknown verb "${verb}": the order mode knows ${orderVerbs.join(', ')}`;
	}
}

type Check = (state: OrderState) => string | undefined;

function condition(text: string, check: Check): ModeCondition<OrderState> {
	return {text, check};
}

const operators: Readonly<Record<string, (a: number, b: number) => boolean>> = {
	'=': (a, b) => a === b,
	'==': (a, b) => a === b,
	'>=': (a, b) => a >= b,
	'<=': (a, b) => a <= b,
	'>': (a, b) => a > b,
	'<': (a, b) => a < b,
};

/** "OP N" or "N" (with `fallback` as the operator). */
function comparison(words: readonly string[], fallback: string): {op: string; n: number} | undefined {
	if (words.length === 1 && countWord(words[0]) !== undefined) return {op: fallback, n: countWord(words[0])!};
	if (words.length === 2 && operators[words[0]!] !== undefined && countWord(words[1]) !== undefined) return {op: words[0]!, n: countWord(words[1])!};
	return undefined;
}

function compare(value: number, op: string, n: number): boolean {
	return operators[op]!(value, n);
}

/** Every running replica of a panel (or one replica) against a comparison. */
function perReplica(arch: ArchId, index: number | undefined, what: string, value: (state: OrderState, index: number) => number, op: string, n: number): Check {
	return state => {
		const indexes = index === undefined ? [...Array.from({length: replicasPerArch}).keys()].filter(i => isUp(state, arch, i)) : [index];
		const wrong = indexes.filter(i => !compare(value(state, i), op, n));
		return wrong.length === 0 ? undefined : wrong.map(i => `${replicaName(arch, i)} ${what} ${value(state, i)}`).join(', ');
	};
}

function claims(words: readonly string[], defaultOp: string): ModeCondition<OrderState> | string {
	const text = words.join(' ');
	const [what = '', ...args] = words;
	const arch = panel(args[0]);
	const needPanel = `"${what}" needs ${panelUsage}`;
	switch (what) {
		case 'agree':
		case 'disagree':
			if (arch === undefined || args.length !== 1) return needPanel;
			return condition(text, state => {
				const result = agreement(state, arch);
				if (what === 'agree') return result.agree ? undefined : `the ${archShort[arch]} replicas disagree: ${result.text}`;
				return result.agree ? `the ${archShort[arch]} replicas agree` : undefined;
			});
		case 'fifo':
		case 'fifo-broken': {
			const sender = args.length === 2 ? client(args[1]) : undefined;
			if (arch === undefined || args.length > 2 || (args.length === 2 && sender === undefined)) return `say "${what} ${args[0] ?? 'none'}" (every client) or "${what} ${args[0] ?? 'none'} B" (client B's order)`;
			const whose = sender === undefined ? 'every client\'s order is' : `${clientName(sender)}'s order is`;
			return condition(text, state => {
				const result = fifo(state, arch, sender);
				if (what === 'fifo') return result.kept ? undefined : `FIFO is broken: ${result.text}`;
				return result.kept ? `${whose} kept` : undefined;
			});
		}

		case 'same-inputs': {
			const [, first, second, how] = args;
			const a = replica(first);
			const b = replica(second);
			if (arch === undefined || a === undefined || b === undefined || a === b || args.length > 4 || (how !== undefined && how !== 'equal' && how !== 'differ')) {
				return 'say "same-inputs none R1 R2" (they applied the same inputs, in any order), then optionally "equal" or "differ" (their states)';
			}

			return condition(text, state => {
				const compared = sameInputs(state, arch, a, b);
				if (typeof compared === 'string') return compared;
				if (!compared.same) return `not the same inputs: ${compared.text}`;
				if (how === undefined) return undefined;
				const machines = [state.archs[arch].replicas[a]!.machine, state.archs[arch].replicas[b]!.machine];
				const equal = state.model.digest(machines[0]) === state.model.digest(machines[1]);
				if (equal === (how === 'equal')) return undefined;
				return `the same inputs (${compared.text}), and their states are ${equal ? 'equal' : 'different'}: ${machines.map(machine => state.model.summary(machine)).join(' | ')}`;
			});
		}

		case 'stalled':
		case 'delivering':
			if (arch === undefined || args.length !== 1) return needPanel;
			return condition(text, state => {
				const stalled = stalledReplicas(state, arch);
				if (what === 'stalled') return stalled.length > 0 ? undefined : `no ${archShort[arch]} replica is stalled`;
				return stalled.length === 0 ? undefined : `${stalled.map(i => replicaName(arch, i)).join(' ')} stalled: ${stallReason(state, arch, stalled[0]!)}`;
			});
		case 'delivered':
		case 'held': {
			if (arch === undefined) return needPanel;
			const index = replica(args[1]);
			const rest = args.slice(index === undefined ? 1 : 2);
			const cmp = comparison(rest, defaultOp);
			if (cmp === undefined) return `say "${what} ${args[0]} [R2] [>=|<=|=|>|<] N"`;
			const value = what === 'delivered' ? (state: OrderState, i: number) => state.archs[arch].replicas[i]!.delivered : (state: OrderState, i: number) => heldCount(state, arch, i);
			return condition(text, perReplica(arch, index, what === 'delivered' ? 'delivered' : 'holds', value, cmp.op, cmp.n));
		}

		case 'holding':
			if (arch === undefined || args.length !== 1) return needPanel;
			return condition(text, state => (state.archs[arch].replicas.some(item => isUp(state, arch, item.index) && heldCount(state, arch, item.index) > 0) ? undefined : `no running ${archShort[arch]} replica holds anything back`));
		case 'slower': {
			const other = panel(args[1]);
			if (arch === undefined || other === undefined || args.length !== 2) return 'say "slower lamport sequencer" (the first panel\'s median latency is higher)';
			return condition(text, state => {
				const mine = latency(state, arch);
				const theirs = latency(state, other);
				if (mine === undefined || theirs === undefined) return 'not both panels have delivered yet';
				return mine.median > theirs.median ? undefined : `${archShort[arch]}'s median is ${mine.median} ms, ${archShort[other]}'s ${theirs.median} ms`;
			});
		}

		case 'latency': {
			const which = args[1];
			const cmp = comparison(args.slice(2), '<=');
			if (arch === undefined || (which !== 'median' && which !== 'worst') || cmp === undefined) return 'say "latency sequencer median <= 100" or "latency lamport worst >= 300" (virtual ms)';
			return condition(text, state => {
				const figures = latency(state, arch);
				if (figures === undefined) return `nothing delivered in ${archShort[arch]} yet`;
				return compare(figures[which], cmp.op, cmp.n) ? undefined : `the ${which} latency is ${figures[which]} ms`;
			});
		}

		case 'messages': {
			const cmp = comparison(args.slice(1), '=');
			if (arch === undefined || cmp === undefined) return 'say "messages sequencer >= 4" (messages per input)';
			return condition(text, state => {
				const per = messagesPerInput(state, arch);
				if (per === undefined) return 'no input sent yet';
				return compare(per, cmp.op, cmp.n) ? undefined : `${per.toFixed(2)} messages per input`;
			});
		}

		case 'sequencer':
			if (args.length !== 1 || (args[0] !== 'up' && args[0] !== 'down')) return 'say "sequencer up" or "sequencer down"';
			return condition(text, state => (state.archs.sequencer.sequencer.up === (args[0] === 'up') ? undefined : `Q is ${state.archs.sequencer.sequencer.up ? 'up' : 'down'}`));
		case 'leader': {
			const id = replica(args[0]);
			if (args.length > 1 || (args.length === 1 && id === undefined)) return 'say "leader" or "leader S2"';
			return condition(text, state => {
				const leader = currentLeader(state.raft);
				if (leader === undefined) return 'the consensus panel has no leader';
				return id === undefined || leader === id ? undefined : `S${leader + 1} leads`;
			});
		}

		case 'no':
			return args.length === 1 && args[0] === 'leader' ? condition(text, state => (currentLeader(state.raft) === undefined ? undefined : `S${currentLeader(state.raft)! + 1} leads`)) : 'say "no leader"';
		case 'up':
		case 'down': {
			const index = replica(args[1]);
			if (arch === undefined || index === undefined || args.length !== 2) return `say "${what} lamport R2"`;
			return condition(text, state => (isUp(state, arch, index) === (what === 'up') ? undefined : `${replicaName(arch, index)} is ${what === 'up' ? 'down' : 'up'}`));
		}

		case 'states':
			if (arch === undefined || args.length !== 2 || (args[1] !== 'equal' && args[1] !== 'differ')) return 'say "states none differ" or "states sequencer equal" (the running replicas\' state digests)';
			return condition(text, state => {
				const digests = state.archs[arch].replicas.filter(item => isUp(state, arch, item.index)).map(item => state.model.digest(item.machine));
				const equal = digests.every(digest => digest === digests[0]);
				if (args[1] === 'equal') return equal ? undefined : `their states differ (${state.archs[arch].replicas.map(item => state.model.summary(item.machine)).join(' | ')})`;
				return equal ? `every running replica is in the same state (${state.model.summary(state.archs[arch].replicas[0]!.machine)})` : undefined;
			});
		case 'inputs': {
			const cmp = comparison(args, defaultOp);
			return cmp === undefined ? 'say "inputs 10"' : condition(text, state => (compare(state.inputs, cmp.op, cmp.n) ? undefined : `${state.inputs} inputs sent`));
		}

		case 'sent': {
			const id = client(args[0]);
			const cmp = comparison(args.slice(1), defaultOp);
			if (id === undefined || cmp === undefined) return 'say "sent A 3" (client A has sent 3 inputs; in until, at least 3)';
			return condition(text, state => {
				const sent = state.clients[id]?.sent ?? 0;
				return compare(sent, cmp.op, cmp.n) ? undefined : `${clientName(id)} has sent ${sent} inputs`;
			});
		}

		case 'reordered': {
			const cmp = comparison(args.slice(1), defaultOp);
			if (arch !== 'consensus' || cmp === undefined) return 'say "reordered consensus >= 1" (committed inputs the replicas held back for their client\'s order)';
			return condition(text, state => (compare(state.archs.consensus.reordered, cmp.op, cmp.n) ? undefined : `the consensus replicas held ${state.archs.consensus.reordered} inputs back for their client's order`));
		}

		case 'time': {
			const ms = durationWord(args[0]);
			return ms === undefined || args.length !== 1 ? 'say "time 2000" (virtual ms)' : condition(text, state => (state.time >= ms ? undefined : `it is ${state.time} ms`));
		}

		case 'silent': {
			const id = client(args[0]);
			return id === undefined || args.length !== 1 ? 'say "silent C"' : condition(text, state => (state.clients[id]?.silenced ? undefined : `${clientName(id)} is sending`));
		}

		default:
			return `unknown claim "${text}": try agree|disagree P, fifo|fifo-broken P [C], same-inputs P R1 R2 [equal|differ], stalled|delivering P, delivered P [R2] [op] N, held P [R2] [op] N, holding P, slower P Q, latency P median|worst op N, messages P op N, states P equal|differ, sequencer up|down, leader [S2], no leader, up|down P R2, inputs N, sent C [op] N, reordered consensus [op] N, time MS, silent C`;
	}
}

/** `until` conditions: the same words as claims; "delivered P N", "inputs N" and "sent C N" mean at least N. */
export function parseCondition(words: readonly string[]): ModeCondition<OrderState> | string {
	return claims(words, '>=');
}

/** `expect` claims; "delivered P N", "inputs N" and "sent C N" mean exactly N. */
export function parseExpectation(words: readonly string[]): ModeCondition<OrderState> | string {
	return claims(words, '=');
}
