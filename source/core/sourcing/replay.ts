/**
 * Replays, one step at a time. The command-sourced side starts from an empty
 * state (or a snapshot) and re-runs its journal's commands through the logic
 * of the code deployed now, at the bank-clock time the replay runs; the
 * event-sourced side re-applies the recorded events (upcasting old ones on
 * read). Neither sends a message while replaying: outputs are suppressed and
 * counted. When both are done, the report says what changed and why.
 */
import {appendBounded} from '../engine/bounded.js';
import {accountCount, differingAccounts, type Ledger, sameBalances, sameLedger} from './bank.js';
import {codeKey, versionLabel} from './code.js';
import {replayMinutesPerCommand} from './clock.js';
import {changeOf} from './changes.js';
import {applyEvent, applyEvents, messagesFor, messagesForAll, readEvent} from './events.js';
import {entriesBetween, entryAt, journalEnd, journalOf} from './journal.js';
import {decide} from './logic.js';
import {emptyOutbox, post, withLabel} from './outbox.js';
import {pipelinesAgree} from './pipelines.js';
import {
	type AccountChange,
	type Derivation,
	limits,
	type Replay,
	type ReplayFrom,
	type ReplayReport,
	type SourcingState,
} from './state.js';

const refuse = (state: SourcingState, text: string): SourcingState => ({...state, note: {kind: 'refused', text}});

/** Starts a replay of both journals, from empty (or the checkpoint, once the journal is trimmed) or from the snapshot. */
export function startReplay(state: SourcingState, from: 'empty' | 'snapshot'): SourcingState {
	if (state.replay) return refuse(state, `replay ${state.replay.number} is still running (g finishes it)`);
	if (state.sequencer.issued === 0) return refuse(state, 'nothing to replay yet: the journals are empty');
	let start: {from: ReplayFrom; seq: number; position: number; cmd: Ledger; evt: Ledger; by: readonly string[]};
	if (from === 'snapshot') {
		const {snapshot} = state;
		if (!snapshot) return refuse(state, 'no snapshot to replay from (n takes one)');
		if (snapshot.at < state.cmd.journal.first || snapshot.eventsAt < state.evt.journal.first) {
			return refuse(state, `the journal before #${state.cmd.journal.first + 1} was trimmed: the snapshot at #${snapshot.at} cannot be replayed from`);
		}

		start = {from, seq: snapshot.at, position: snapshot.eventsAt, cmd: snapshot.commandLedger, evt: snapshot.eventLedger, by: snapshot.madeBy};
	} else {
		const trimmed = state.cmd.journal.first > 0;
		start = {
			from: trimmed ? 'checkpoint' : 'empty',
			seq: state.cmd.journal.first,
			position: state.evt.journal.first,
			cmd: state.cmd.base,
			evt: state.evt.base,
			by: trimmed ? state.cmd.baseBy : [],
		};
	}

	const number = state.replays + 1;
	const endSeq = state.sequencer.issued;
	const endPosition = journalEnd(state.evt.journal);
	const replay: Replay = {
		number,
		from: start.from,
		code: state.code,
		startClock: state.clock,
		pace: Math.max(1, Math.ceil((endSeq - start.seq) / limits.replaySteps)),
		cmd: {
			startSeq: start.seq,
			endSeq,
			doneSeq: start.seq,
			before: state.cmd.ledger,
			ledger: start.cmd,
			startBy: start.by,
			derived: [],
			suppressed: emptyOutbox,
			contradicted: 0,
			changed: 0,
			changes: [],
			firstChange: Array.from({length: accountCount}, () => undefined),
			changesPerAccount: Array.from({length: accountCount}, () => 0),
		},
		evt: {startPosition: start.position, endPosition, donePosition: start.position, before: state.evt.ledger, ledger: start.evt, upcast: 0, suppressed: emptyOutbox},
	};
	const origin = start.from === 'snapshot' ? `the snapshot at #${start.seq}` : start.from === 'checkpoint' ? `the checkpoint at #${start.seq}` : 'empty';
	return {
		...state,
		replays: number,
		replay,
		story: {kind: 'none'},
		note: {
			kind: 'action',
			text: `replay ${number} from ${origin} under ${versionLabel(state.code)}: re-run ${endSeq - start.seq} commands, re-apply ${endPosition - start.position} events`,
		},
	};
}

/** One step of the running replay: the next command(s) re-run, and the events up to them re-applied. */
export function replayStep(state: SourcingState): SourcingState {
	const replay = state.replay!;
	const {seed} = state.config;
	const cmd = replay.cmd;
	const toSeq = Math.min(cmd.endSeq, cmd.doneSeq + replay.pace);
	let {ledger, suppressed, contradicted, contradiction, changed, changes} = cmd;
	const derived: Derivation[] = [...cmd.derived];
	const firstChange = [...cmd.firstChange];
	const changesPerAccount = [...cmd.changesPerAccount];
	const changedSeqs: number[] = [];
	let clock = state.clock;
	for (let seq = cmd.doneSeq + 1; seq <= toSeq; seq++) {
		const entry = entryAt(state.cmd.journal, seq - 1)!;
		clock += replayMinutesPerCommand;
		const context = {seed, clock, run: replay.number, code: replay.code};
		const decision = decide(ledger, entry.command, replay.code, context);
		const change = changeOf(ledger, entry.command, entry.derived, decision, context);
		if (change) {
			changed++;
			changedSeqs.push(seq);
			if (changes.length < limits.changes) changes = [...changes, change];
			for (const account of change.accounts) {
				firstChange[account] ??= change;
				changesPerAccount[account]!++;
			}
		}

		const now = messagesForAll(decision.events, seq);
		const gone = entry.told.filter(message => !now.some(other => other.text === message.text));
		contradicted += gone.length;
		if (gone.length > 0 && !contradiction) contradiction = {told: gone[0]!, now};
		suppressed = post(suppressed, now);
		ledger = applyEvents(ledger, decision.events);
		derived.push({decision, code: replay.code, clock, run: replay.number});
	}

	const commandsDone = toSeq === cmd.endSeq;
	const evt = replay.evt;
	let eventLedger = evt.ledger;
	let eventsSuppressed = evt.suppressed;
	let upcast = evt.upcast;
	let position = evt.donePosition;
	let upcastHere = 0;
	while (position < evt.endPosition) {
		const recorded = entryAt(state.evt.journal, position)!;
		if (!commandsDone && recorded.seq > toSeq) break;
		const read = readEvent(recorded, state.schema);
		if (read.upcast) upcastHere++;
		eventLedger = applyEvent(eventLedger, read.body);
		eventsSuppressed = post(eventsSuppressed, messagesFor(read.body, recorded.seq));
		position++;
	}

	upcast += upcastHere;
	const next: Replay = {
		...replay,
		cmd: {...cmd, doneSeq: toSeq, ledger, derived, suppressed, contradicted, contradiction, changed, changes, firstChange, changesPerAccount},
		evt: {...evt, donePosition: position, ledger: eventLedger, suppressed: eventsSuppressed, upcast},
	};
	const finished = commandsDone && position === evt.endPosition;
	const stepped: SourcingState = {
		...state,
		time: state.time + 1,
		clock,
		replay: next,
		note: {kind: 'replay-step', number: replay.number, seqs: [cmd.doneSeq + 1, toSeq], changed: changedSeqs, events: [evt.donePosition + 1, position], upcast: upcastHere, finished},
	};
	return finished ? finishReplay(stepped) : stepped;
}

/** Runs the rest of the replay at once (the user's "finish now"), without advancing the mode's time. */
export function finishNow(state: SourcingState): SourcingState {
	if (!state.replay) return refuse(state, 'no replay is running (r starts one)');
	let current = state;
	while (current.replay) current = replayStep(current);
	return {...current, time: state.time};
}

function finishReplay(state: SourcingState): SourcingState {
	const replay = state.replay!;
	const {cmd, evt} = replay;
	const label = versionLabel(replay.code);
	const journal = state.cmd.journal;
	const kept = entriesBetween(journal, journal.first, cmd.startSeq);
	const rerun = entriesBetween(journal, cmd.startSeq).map((entry, i) => ({...entry, derived: cmd.derived[i]!}));
	const accounts: AccountChange[] = cmd.before.balances.flatMap((before, account) => {
		const after = cmd.ledger.balances[account]!;
		return before === after ? [] : [{account, before, after, first: cmd.firstChange[account], changes: cmd.changesPerAccount[account]!}];
	});
	const key = `${cmd.startSeq}-${cmd.endSeq}|${replay.from === 'snapshot' ? JSON.stringify(state.snapshot?.commandLedger) : 'base'}|${codeKey(replay.code)}`;
	const previous = state.history.findLast(outcome => outcome.key === key);
	const report: ReplayReport = {
		number: replay.number,
		from: replay.from,
		code: replay.code,
		startSeq: cmd.startSeq,
		endSeq: cmd.endSeq,
		startClock: replay.startClock,
		endClock: state.clock,
		startBy: cmd.startBy,
		cmd: {
			before: cmd.before,
			after: cmd.ledger,
			accounts,
			decisionsChanged: cmd.changed,
			changes: cmd.changes,
			suppressed: cmd.suppressed.sent,
			contradicted: cmd.contradicted,
			contradiction: cmd.contradiction,
		},
		evt: {before: evt.before, after: evt.ledger, applied: evt.endPosition - evt.startPosition, upcast: evt.upcast, suppressed: evt.suppressed.sent},
		comparison: previous && {
			other: previous.number,
			otherClock: previous.startClock,
			agree: sameBalances(previous.balances, cmd.ledger.balances),
			differing: differingAccounts(previous.balances, cmd.ledger.balances),
			otherBalances: previous.balances,
		},
	};
	const disagreedBefore = !pipelinesAgree(state);
	const finished: SourcingState = {
		...state,
		replay: undefined,
		cmd: {
			...state.cmd,
			journal: journalOf(journal.first, [...kept, ...rerun]),
			ledger: cmd.ledger,
			derivedBy: withLabel(cmd.startBy, label),
		},
		evt: {...state.evt, ledger: evt.ledger},
		history: appendBounded(state.history, [{number: replay.number, key, balances: cmd.ledger.balances, startClock: replay.startClock}], limits.replays),
		lastReport: report,
		story: {kind: 'replay', report},
	};
	if (sameLedger(finished.cmd.ledger, finished.evt.ledger)) return {...finished, divergence: undefined};
	if (disagreedBefore && cmd.changed === 0 && state.divergence) return finished;
	return {...finished, divergence: {origin: 'replay', number: replay.number, code: replay.code}};
}
