/** Headless output: the end-of-run report (--json), a plain summary, and one trace line per event handled (--trace). */
import {accountName, type Balances, formatBalances, type Ledger} from './bank.js';
import {versionLabel} from './code.js';
import {formatClock} from './clock.js';
import {describeCommand} from './commands.js';
import {describeEvent} from './events.js';
import {divergenceText, replayStory} from './explain.js';
import {journalEnd} from './journal.js';
import {pipelinesAgree} from './pipelines.js';
import type {Change, SourcingState} from './state.js';

const byAccount = (balances: Balances): Record<string, number> => Object.fromEntries(balances.map((balance, account) => [accountName(account), balance]));

const ledgerJson = (ledger: Ledger) => ({balances: byAccount(ledger.balances), interestThrough: formatClock(ledger.interestThrough)});

const changeJson = (change: Change) => ({seq: change.command.seq, command: describeCommand(change.command), causes: change.causes, oldCode: versionLabel(change.oldCode), newCode: versionLabel(change.newCode)});

export function report(state: SourcingState) {
	const {cmd, evt, snapshot, lastReport, replay} = state;
	return {
		mode: 'sourcing',
		seed: state.config.seed,
		steps: state.time,
		commands: state.sequencer.issued,
		clock: formatClock(state.clock),
		code: {version: versionLabel(state.code), bugFixed: state.code.bugFixed, readsClock: state.code.readsClock, readsRandom: state.code.readsRandom},
		schema: state.schema,
		agree: pipelinesAgree(state),
		why: pipelinesAgree(state) ? undefined : divergenceText(state),
		commandSourced: {
			...ledgerJson(cmd.ledger),
			derivedBy: cmd.derivedBy,
			journal: {kept: cmd.journal.length, first: cmd.journal.first + 1, last: journalEnd(cmd.journal), checkpointBy: cmd.baseBy},
			sent: cmd.outbox.sent,
		},
		eventSourced: {
			...ledgerJson(evt.ledger),
			journal: {kept: evt.journal.length, first: evt.journal.first + 1, last: journalEnd(evt.journal)},
			compensations: evt.compensations,
			sent: evt.outbox.sent,
		},
		snapshot: snapshot
			? {at: snapshot.at, events: snapshot.eventsAt, madeBy: snapshot.madeBy, deployed: versionLabel(snapshot.deployed), clock: formatClock(snapshot.clock)}
			: null,
		replays: state.replays,
		replaying: replay ? {number: replay.number, commands: `${replay.cmd.doneSeq - replay.cmd.startSeq}/${replay.cmd.endSeq - replay.cmd.startSeq}`} : null,
		lastReplay: lastReport
			? {
					number: lastReport.number,
					from: lastReport.from,
					code: versionLabel(lastReport.code),
					commands: [lastReport.startSeq + 1, lastReport.endSeq],
					ranAt: formatClock(lastReport.startClock),
					commandSourced: {
						changed: lastReport.cmd.accounts.map(change => ({
							account: accountName(change.account),
							before: change.before,
							after: change.after,
							first: change.first ? changeJson(change.first) : null,
						})),
						decisionsChanged: lastReport.cmd.decisionsChanged,
						suppressed: lastReport.cmd.suppressed,
						contradicted: lastReport.cmd.contradicted,
					},
					eventSourced: {
						changed: lastReport.evt.before.balances.some((balance, i) => balance !== lastReport.evt.after.balances[i]),
						applied: lastReport.evt.applied,
						upcast: lastReport.evt.upcast,
						suppressed: lastReport.evt.suppressed,
					},
					comparedWith: lastReport.comparison ? {replay: lastReport.comparison.other, agree: lastReport.comparison.agree} : null,
					explanation: replayStory(lastReport).map(line => line.long),
				}
			: null,
	};
}

export function summary(state: SourcingState): string {
	const lines = [
		`sourcing · seed ${state.config.seed} · ${state.sequencer.issued} commands · ${formatClock(state.clock)} · code ${versionLabel(state.code)} · event schema ${state.schema}`,
		`command-sourced  ${formatBalances(state.cmd.ledger.balances, ' · ')}`,
		`event-sourced    ${formatBalances(state.evt.ledger.balances, ' · ')}`,
		pipelinesAgree(state) ? 'the pipelines agree' : `the pipelines disagree: ${divergenceText(state)}`,
	];
	if (state.lastReport) lines.push(...replayStory(state.lastReport).map(line => `replay ${state.lastReport!.number}: ${line.long}`));
	return lines.join('\n');
}

export function traceLine(state: SourcingState) {
	const {note} = state;
	const balances = {cmd: byAccount(state.cmd.ledger.balances), evt: byAccount(state.evt.ledger.balances)};
	switch (note.kind) {
		case 'command':
			return {
				t: state.time,
				kind: 'command',
				seq: note.command.seq,
				command: describeCommand(note.command),
				stamped: formatClock(note.command.time),
				code: versionLabel(state.code),
				decided: {cmd: note.cmd.events.map(event => describeEvent(event)), evt: note.evt.events.map(event => describeEvent(event))},
				positions: note.positions,
				...balances,
				agree: pipelinesAgree(state),
			};
		case 'replay-step': {
			const replay = state.replay;
			return {
				t: state.time,
				kind: 'replay-step',
				replay: note.number,
				commands: note.seqs,
				changed: note.changed,
				events: note.events,
				upcast: note.upcast,
				finished: note.finished,
				clock: formatClock(state.clock),
				...(replay ? {rebuilt: {cmd: byAccount(replay.cmd.ledger.balances), evt: byAccount(replay.evt.ledger.balances)}} : balances),
				suppressed: replay ? {cmd: replay.cmd.suppressed.sent, evt: replay.evt.suppressed.sent} : {cmd: state.lastReport?.cmd.suppressed, evt: state.lastReport?.evt.suppressed},
			};
		}

		default:
			return {t: state.time, kind: note.kind, ...('text' in note ? {text: note.text} : {}), ...balances, ...(note.kind === 'start' || note.kind === 'action' ? {code: versionLabel(state.code), schema: state.schema, snapshot: state.snapshot?.at ?? null} : {})};
	}
}

/** The start line (and a marker's body): both pipelines' balances, the code, the event schema and the snapshot. */
export function traceStart(state: SourcingState) {
	return {t: state.time, kind: 'start', cmd: byAccount(state.cmd.ledger.balances), evt: byAccount(state.evt.ledger.balances), code: versionLabel(state.code), schema: state.schema, snapshot: state.snapshot?.at ?? null};
}
