/**
 * Why a replayed decision differs from the one derived before. The old code
 * is run, with the clock and run it had, on the state the replay has reached:
 * if it decides as the new code did, only the state differed (an earlier
 * change rippled on); otherwise the rule whose result differs is the cause.
 */
import {accountCount} from './bank.js';
import type {Command} from './commands.js';
import {outcome} from './describe.js';
import {balanceEffect} from './events.js';
import {type Decision, decide, type RunContext} from './logic.js';
import type {Ledger} from './bank.js';
import type {CauseKind, Change, Derivation} from './state.js';

export function effectOf(decision: Decision): number[] {
	return balanceEffect(decision.events, accountCount);
}

export function sameEffect(a: readonly number[], b: readonly number[]): boolean {
	return a.every((value, i) => value === b[i]);
}

/** The change a replayed decision makes, or undefined when it moves every balance as before. */
export function changeOf(ledger: Ledger, command: Command, old: Derivation, now: Decision, context: RunContext & {code: Derivation['code']}): Change | undefined {
	const oldEffect = effectOf(old.decision);
	const newEffect = effectOf(now);
	if (sameEffect(oldEffect, newEffect)) return undefined;
	const counterfactual = decide(ledger, command, old.code, {seed: context.seed, clock: old.clock, run: old.run});
	return {
		command,
		causes: sameEffect(effectOf(counterfactual), newEffect) ? ['state'] : rulesThatDiffer(counterfactual, now),
		oldCode: old.code,
		newCode: context.code,
		old: old.decision.basis,
		now: now.basis,
		oldEffect,
		newEffect,
		accounts: oldEffect.flatMap((value, i) => (value === newEffect[i] ? [] : [i])),
		clock: context.clock,
		oldClock: old.clock,
		oldOutcome: outcome(old.decision),
		newOutcome: outcome(now),
	};
}

function rulesThatDiffer(before: Decision, now: Decision): CauseKind[] {
	const causes: CauseKind[] = [];
	const a = before.basis;
	const b = now.basis;
	if (a.kind === 'debit' && b.kind === 'debit') {
		if (a.accepted !== b.accepted) causes.push('overdraft');
		else if (a.phantomCredit !== b.phantomCredit) causes.push('bug');
	} else if (a.kind === 'interest' && b.kind === 'interest') {
		if (a.rate !== b.rate) causes.push('rate');
		if (a.minutes !== b.minutes) causes.push('clock');
	} else if (a.kind === 'deposit' && b.kind === 'deposit' && a.bonus !== b.bonus) {
		causes.push('random');
	}

	return causes.length > 0 ? causes : ['state'];
}
