/**
 * The user's actions: deploy another version, replay, snapshot, switch the
 * logic between captured and uncaptured inputs, fix v1's bug, change the
 * event schema. None of them advances time; all but "finish" wait while a
 * replay runs.
 */
import {accountName, money, sameLedger} from './bank.js';
import {type Code, describeRules, versionLabel, type Version} from './code.js';
import {formatClock} from './clock.js';
import {messagesForAll, type RecordedEvent} from './events.js';
import {append, entriesBetween, journalEnd} from './journal.js';
import {post, withLabel} from './outbox.js';
import {finishNow, startReplay} from './replay.js';
import type {SourcingState} from './state.js';

export type SourcingAction =
	| {readonly type: 'deploy'; readonly version: Version}
	| {readonly type: 'replay'; readonly from: 'empty' | 'snapshot'}
	| {readonly type: 'finish'}
	| {readonly type: 'snapshot'}
	| {readonly type: 'clock'; readonly read: boolean}
	| {readonly type: 'random'; readonly read: boolean}
	| {readonly type: 'fix'}
	| {readonly type: 'schema'; readonly version: 2};

const refuse = (state: SourcingState, text: string): SourcingState => ({...state, note: {kind: 'refused', text}});
const did = (state: SourcingState, text: string): SourcingState => ({...state, note: {kind: 'action', text}});

export function applyAction(state: SourcingState, action: SourcingAction): SourcingState {
	if (action.type === 'replay') return startReplay(state, action.from);
	if (action.type === 'finish') return finishNow(state);
	if (state.replay) return refuse(state, `replay ${state.replay.number} is running: wait for it, or g finishes it now`);
	switch (action.type) {
		case 'deploy':
			return deploy(state, action.version);
		case 'snapshot':
			return snapshot(state);
		case 'clock':
			return setInputs(state, {...state.code, readsClock: action.read});
		case 'random':
			return setInputs(state, {...state.code, readsRandom: action.read});
		case 'fix':
			return fixBug(state);
		case 'schema':
			return changeSchema(state);
	}
}

function deploy(state: SourcingState, version: Version): SourcingState {
	if (state.code.version === version) return refuse(state, `${versionLabel(state.code)} is already deployed`);
	const code: Code = {...state.code, version};
	return did(
		{...state, code, story: {kind: 'deploy', from: state.code, to: code, at: state.sequencer.issued}},
		`deployed ${versionLabel(code)}: ${describeRules(version)}`,
	);
}

function snapshot(state: SourcingState): SourcingState {
	const taken = {
		at: state.sequencer.issued,
		eventsAt: journalEnd(state.evt.journal),
		clock: state.clock,
		commandLedger: state.cmd.ledger,
		eventLedger: state.evt.ledger,
		madeBy: state.cmd.derivedBy,
		deployed: state.code,
	};
	const by = taken.madeBy.length > 0 ? taken.madeBy.join('+') : 'no code yet';
	return did({...state, snapshot: taken}, `snapshot at #${taken.at} (${formatClock(state.clock)}): command-sourced state made by ${by}`);
}

function setInputs(state: SourcingState, code: Code): SourcingState {
	if (code.readsClock === state.code.readsClock && code.readsRandom === state.code.readsRandom) {
		return refuse(state, 'the logic already reads its inputs that way');
	}

	const text =
		code.readsClock === state.code.readsClock
			? code.readsRandom
				? 'random read: the logic now draws its own random numbers, not the one stamped in each command'
				: 'random captured: the logic uses the number stamped in each command'
			: code.readsClock
				? 'clock read: the logic now reads the clock, not the time stamped in each command'
				: 'time captured: the logic reads the time stamped in each command';
	const changed = code.readsClock === state.code.readsClock ? 'random' : 'clock';
	return did({...state, code, story: {kind: 'inputs', code, changed, at: state.sequencer.issued}}, text);
}

/**
 * Deploys the fix. The command-sourced side needs nothing more: its next
 * replay re-derives history under the fixed code. The event-sourced side
 * cannot rewrite its facts: it appends a compensating event for every wrong
 * credit still in its journal.
 */
function fixBug(state: SourcingState): SourcingState {
	if (state.code.bugFixed) return refuse(state, `the bug is already fixed (${versionLabel(state.code)})`);
	const code: Code = {...state.code, bugFixed: true};
	const wrong = entriesBetween(state.evt.journal, state.evt.journal.first).filter(
		event => event.body.kind === 'credited' && !state.evt.compensated.includes(event.position),
	);
	let journal = state.evt.journal;
	let {ledger, outbox} = state.evt;
	const corrections: Array<{account: number; amount: number; of: number}> = [];
	for (const event of wrong) {
		if (event.body.kind !== 'credited') continue;
		const body = {kind: 'corrected', account: event.body.account, amount: -event.body.amount, of: event.seq} as const;
		const recorded: RecordedEvent = {position: journalEnd(journal) + 1, seq: state.sequencer.issued, body, schema: state.schema, version: code.version};
		journal = append(journal, recorded);
		ledger = {...ledger, balances: ledger.balances.map((value, i) => (i === body.account ? value + body.amount : value))};
		outbox = post(outbox, messagesForAll([body], state.sequencer.issued));
		corrections.push({account: body.account, amount: body.amount, of: event.seq});
	}

	const agreedBefore = sameLedger(state.cmd.ledger, state.evt.ledger);
	const fixed: SourcingState = {
		...state,
		code,
		evt: {
			...state.evt,
			journal,
			ledger,
			outbox,
			writtenBy: corrections.length > 0 ? withLabel(state.evt.writtenBy, versionLabel(code)) : state.evt.writtenBy,
			compensations: state.evt.compensations + corrections.length,
			compensated: [...state.evt.compensated, ...wrong.map(event => event.position)],
		},
		story: {kind: 'fix', at: state.sequencer.issued, corrections, code},
	};
	const agreeNow = sameLedger(fixed.cmd.ledger, fixed.evt.ledger);
	const divergence = agreeNow ? undefined : agreedBefore ? ({origin: 'fix', corrections: corrections.length} as const) : state.divergence;
	const list = corrections.map(({account, amount, of}) => `${accountName(account)} ${money(amount)} for #${of}`).join(', ');
	return did(
		{...fixed, divergence},
		`fixed the bug (${versionLabel(code)}): ${corrections.length === 0 ? 'no wrong credit to compensate' : `compensating events ${list}`}`,
	);
}

function changeSchema(state: SourcingState): SourcingState {
	if (state.schema === 2) return refuse(state, 'events are already written in schema 2');
	const oldEvents = entriesBetween(state.evt.journal, state.evt.journal.first).filter(event => event.body.kind === 'interest').length;
	return did(
		{...state, schema: 2, story: {kind: 'schema', oldEvents, at: state.sequencer.issued}},
		`event schema 2: interest events now carry their rate; ${oldEvents} old ones are upcast on read`,
	);
}
