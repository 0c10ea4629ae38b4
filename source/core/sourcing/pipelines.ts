/**
 * Both pipelines handling one new command: the sequencer issues it, the
 * command-sourced side journals the command and runs the logic, the
 * event-sourced side runs the same logic, journals the events it produced and
 * applies them. Each journal keeps `journalLimit` commands' worth of entries;
 * older ones are folded into a checkpoint (the state before the first kept
 * entry), as a real system truncates its journal after a snapshot.
 */
import {openingLedger, sameLedger} from './bank.js';
import {firstCode, versionLabel} from './code.js';
import {freshSequencer, nextCommand} from './commands.js';
import {applyEvents, messagesForAll, writeAs, type RecordedEvent} from './events.js';
import {append, dropOldest, emptyJournal, entryAt, journalEnd} from './journal.js';
import {decide} from './logic.js';
import {emptyOutbox, post, withLabel} from './outbox.js';
import type {CommandSide, EventSide, SourcingConfig, SourcingState} from './state.js';

export function createState(config: SourcingConfig): SourcingState {
	return {
		config,
		time: 0,
		clock: 0,
		sequencer: freshSequencer,
		code: firstCode,
		schema: 1,
		cmd: {journal: emptyJournal(), base: openingLedger, ledger: openingLedger, derivedBy: [], baseBy: [], outbox: emptyOutbox},
		evt: {journal: emptyJournal(), base: openingLedger, ledger: openingLedger, outbox: emptyOutbox, writtenBy: [], compensations: 0, compensated: []},
		replays: 0,
		history: [],
		story: {kind: 'none'},
		note: {kind: 'start'},
	};
}

/** The two pipelines agree when their states are the same (balances and the end of the last interest period). */
export function pipelinesAgree(state: SourcingState): boolean {
	return sameLedger(state.cmd.ledger, state.evt.ledger);
}

/** One new command, handled by both pipelines. */
export function processCommand(state: SourcingState): SourcingState {
	const {seed} = state.config;
	const {command, sequencer} = nextCommand(seed, state.sequencer, state.clock);
	const context = {seed, clock: command.time, run: 0};
	const label = versionLabel(state.code);

	const cmdDecision = decide(state.cmd.ledger, command, state.code, context);
	const told = messagesForAll(cmdDecision.events, command.seq);
	const cmd: CommandSide = {
		...state.cmd,
		journal: append(state.cmd.journal, {command, derived: {decision: cmdDecision, code: state.code, clock: command.time, run: 0}, told}),
		ledger: applyEvents(state.cmd.ledger, cmdDecision.events),
		derivedBy: withLabel(state.cmd.derivedBy, label),
		outbox: post(state.cmd.outbox, told),
	};

	const evtDecision = decide(state.evt.ledger, command, state.code, context);
	const firstPosition = journalEnd(state.evt.journal) + 1;
	let journal = state.evt.journal;
	for (const [i, body] of evtDecision.events.entries()) {
		const recorded: RecordedEvent = {position: firstPosition + i, seq: command.seq, body: writeAs(body, state.schema), schema: state.schema, version: state.code.version};
		journal = append(journal, recorded);
	}

	const evt: EventSide = {
		...state.evt,
		journal,
		ledger: applyEvents(state.evt.ledger, evtDecision.events),
		outbox: post(state.evt.outbox, messagesForAll(evtDecision.events, command.seq)),
		writtenBy: evtDecision.events.length > 0 ? withLabel(state.evt.writtenBy, label) : state.evt.writtenBy,
	};

	const agreedBefore = pipelinesAgree(state);
	const next = trimJournals({
		...state,
		time: state.time + 1,
		clock: command.time,
		sequencer,
		cmd,
		evt,
		note: {kind: 'command', command, cmd: cmdDecision, evt: evtDecision, positions: [firstPosition, firstPosition + evtDecision.events.length - 1]},
	});
	const agreeNow = pipelinesAgree(next);
	if (agreeNow) return next.divergence ? {...next, divergence: undefined} : next;
	return agreedBefore ? {...next, divergence: {origin: 'live', seq: command.seq}} : next;
}

/** Folds entries beyond the journal limit into each side's checkpoint. */
function trimJournals(state: SourcingState): SourcingState {
	const excess = state.cmd.journal.length - state.config.journalLimit;
	if (excess <= 0) return state;
	let {base, baseBy} = state.cmd;
	let lastDropped = 0;
	for (let index = state.cmd.journal.first; index < state.cmd.journal.first + excess; index++) {
		const entry = entryAt(state.cmd.journal, index)!;
		base = applyEvents(base, entry.derived.decision.events);
		baseBy = withLabel(baseBy, versionLabel(entry.derived.code));
		lastDropped = entry.command.seq;
	}

	let eventBase = state.evt.base;
	let drop = 0;
	for (let index = state.evt.journal.first; index < journalEnd(state.evt.journal); index++) {
		const event = entryAt(state.evt.journal, index)!;
		if (event.seq > lastDropped) break;
		eventBase = applyEvents(eventBase, [event.body]);
		drop++;
	}

	const evtJournal = dropOldest(state.evt.journal, drop);
	return {
		...state,
		cmd: {...state.cmd, journal: dropOldest(state.cmd.journal, excess), base, baseBy},
		evt: {...state.evt, journal: evtJournal, base: eventBase, compensated: state.evt.compensated.filter(position => position > evtJournal.first)},
	};
}
