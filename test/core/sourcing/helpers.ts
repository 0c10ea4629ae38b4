import type {AnyMode} from '../../../source/core/engine/mode.js';
import {sourcingMode} from '../../../source/core/sourcing/mode.js';
import type {SourcingAction} from '../../../source/core/sourcing/actions.js';
import {type Ledger, openingLedger} from '../../../source/core/sourcing/bank.js';
import type {Code} from '../../../source/core/sourcing/code.js';
import type {Command} from '../../../source/core/sourcing/commands.js';
import {applyEvents} from '../../../source/core/sourcing/events.js';
import {entriesBetween} from '../../../source/core/sourcing/journal.js';
import {decide} from '../../../source/core/sourcing/logic.js';
import type {SourcingState} from '../../../source/core/sourcing/state.js';

export const mode = sourcingMode;

/** Rows of the terminal the shell keeps for itself: Ink's spare row, header, event, decision (2) and hint rows. */
export function bodyRowsFor(mode: AnyMode, rows: number): number {
	return rows - 1 - 1 - mode.eventRows - mode.decisionRows - 1 - 1;
}

export function start(seed: number, flags: Record<string, string> = {}): SourcingState {
	return mode.create(mode.parseConfig({seed: String(seed), ...flags}));
}

export function run(state: SourcingState, commands: number): SourcingState {
	return mode.advance(state, commands);
}

export function act(state: SourcingState, ...actions: SourcingAction[]): SourcingState {
	let current = state;
	for (const action of actions) current = mode.apply(current, action);
	return current;
}

/** Starts a replay and finishes it through steps (not the instant "finish" action). */
export function replay(state: SourcingState, from: 'empty' | 'snapshot' = 'empty'): SourcingState {
	let current = mode.apply(state, {type: 'replay', from});
	if (current.note.kind === 'refused') throw new Error(current.note.text);
	let guard = 0;
	while (current.replay && guard++ < 10_000) current = mode.advance(current, 1);
	return current;
}

export function commandsOf(state: SourcingState): Command[] {
	return entriesBetween(state.cmd.journal, state.cmd.journal.first).map(entry => entry.command);
}

/**
 * A reference derivation, independent of the pipelines and replays: folds the
 * logic over `commands` from `from`, each command decided by `codeFor(seq)` at
 * the time stamped in it.
 */
export function derive(seed: number, commands: readonly Command[], codeFor: (seq: number) => Code, from: Ledger = openingLedger): Ledger {
	let ledger = from;
	for (const command of commands) ledger = applyEvents(ledger, decide(ledger, command, codeFor(command.seq), {seed, clock: command.time, run: 0}).events);
	return ledger;
}

export const v1: Code = {version: 1, bugFixed: false, readsClock: false, readsRandom: false};
export const v2: Code = {...v1, version: 2};
