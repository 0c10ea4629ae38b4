/**
 * The user's actions (keys, menus, scenario verbs): crash and restart, a new
 * proposal, the adversary and the leader on or off, bugs, a message dropped
 * or delivered now, a client command.
 */
import {findEvent} from '../engine/event-queue.js';
import {applyLinkFault, applyMessageFault, isLinkFault, isMessageFault, type MessageFault} from '../net/faults.js';
import {describePick, findMessage} from '../net/message.js';
import {crashAcceptor} from './acceptor.js';
import {bugText} from './bugs.js';
import {messageText} from './describe.js';
import {clientCommand} from './engine.js';
import {heartbeatMs} from './config.js';
import {nodeName, paxosNames, roleOf} from './names.js';
import {crashProposer, restartProposer, startPhase1} from './proposer.js';
import {messagesInFlight} from './queries.js';
import {Tx} from './tx.js';
import type {Message, PaxosAction, PaxosState} from './types.js';

export function applyAction(state: PaxosState, action: PaxosAction): PaxosState {
	const tx = new Tx(state, state.time);
	tx.action = action;
	if (isLinkFault(action)) {
		const {network, text} = applyLinkFault(state.network, paxosNames(state.config), action);
		tx.network = network;
		tx.say(text);
		return tx.finish('action', null, false);
	}

	if (isMessageFault(action)) {
		messageFault(tx, state, action);
		return tx.finish('action', null, false);
	}

	switch (action.type) {
		case 'crash':
		case 'restart': {
			const {role, index} = roleOf(state.config, action.node);
			const up = action.type === 'restart';
			if (role === 'learner') return state;
			if (role === 'acceptor') {
				if (state.acceptors[index]!.up === up) return state;
				if (up) {
					tx.acceptors[index] = {...tx.acceptors[index]!, up: true, last: 'restarted: from disk'};
					tx.say(`A${index + 1} restarts: promised ${state.acceptors[index]!.promised ? 'number and accepted proposals read from disk' : 'nothing, as on disk'}`);
				} else {
					crashAcceptor(tx, index);
				}
			} else {
				if (state.proposers[index]!.up === up) return state;
				if (up) restartProposer(tx, index);
				else crashProposer(tx, index);
			}

			break;
		}

		case 'propose': {
			const proposer = state.proposers[action.proposer];
			if (!proposer?.up) return state;
			startPhase1(tx, action.proposer, 'is told to propose');
			break;
		}

		case 'adversary': {
			if (state.adversary === action.on) return state;
			tx.adversary = action.on;
			if (!action.on) {
				// Held messages go on their way now, with an ordinary delay.
				const held: Array<{message: import('./types.js').Message}> = [];
				tx.queue.remove(event => event.kind === 'deliver' && event.message.held === true && held.push({message: event.message}) > 0);
				for (const {message} of held) tx.queue.schedule(tx.now + state.config.latencyMin, {kind: 'deliver', message: {...message, held: false}});
			}

			tx.say(action.on ? 'the adversary is on: it holds every Accept until a higher Prepare overtakes it' : 'the adversary is off: messages arrive in their own time');
			break;
		}

		case 'leader': {
			if (state.leader === action.on) return state;
			tx.leader = action.on;
			if (action.on) for (let id = 0; id < state.config.proposers; id++) tx.queue.schedule(tx.now + 1 + id, {kind: 'heartbeat', proposer: id});
			else tx.queue.remove(event => event.kind === 'heartbeat');
			tx.say(action.on ? `a distinguished proposer: heartbeats every ${heartbeatMs} ms, and only the lowest-numbered proposer heard from proposes` : 'no leader: every proposer proposes on its own');
			break;
		}

		case 'bug': {
			const has = state.bugs.includes(action.bug);
			if (has === action.on) return state;
			tx.bugs = action.on ? [...state.bugs, action.bug] : state.bugs.filter(bug => bug !== action.bug);
			tx.say(`bug ${action.bug} ${action.on ? 'on' : 'off'}: ${bugText[action.bug]}`);
			break;
		}

		case 'request':
			if (!state.config.multi) return state;
			clientCommand(tx);
			break;
	}

	return tx.finish('action', null, false);
}

/** Drop, duplicate, delay or deliver a message in flight, with the shared network's verbs. */
function messageFault(tx: Tx, state: PaxosState, fault: MessageFault): void {
	const messages = messagesInFlight(state);
	const message = findMessage(messages, fault.pick);
	if (message === undefined) {
		tx.say(`no ${describePick(fault.pick, node => nodeName(state.config, node), type => (type === 'Nack' ? 'Refuse' : type)).replace(/^(a|the) /, '')} in flight`);
		return;
	}

	const due = messages.find(item => item.message === message)!.due;
	const context = {
		queue: tx.queue,
		now: tx.now,
		latencyMax: state.config.latencyMax,
		remove(item: Message) {
			tx.queue.remove(event => event.kind === 'deliver' && event.message === item);
			tx.dropped = item;
			tx.count('lost');
		},
		newId: () => tx.nextMessageId++,
	};
	// A message delivered now is no longer the adversary's.
	const freed = fault.type === 'deliver' && message.held ? {...message, held: false} : message;
	if (freed !== message) {
		tx.queue.remove(event => event.kind === 'deliver' && event.message === message);
		tx.queue.schedule(due, {kind: 'deliver', message: freed});
	}

	tx.say(applyMessageFault(context, fault, freed, due, messageText(state.config, freed)));
}
