/**
 * The business logic: turns a command into events, given the state and the
 * code deployed. Both pipelines run it on every new command; the
 * command-sourced pipeline runs it again on every replay.
 */
import {runtimeLuck, type Command} from './commands.js';
import type {Ledger} from './bank.js';
import {type Code, rulesOf} from './code.js';
import {minutesPerDay} from './clock.js';
import type {EventBody} from './events.js';

/** A deposit whose luck is under this gets a bonus. */
export const bonusChance = 12;
export const bonusAmount = 5;

/** Where and when the logic runs: the bank clock at that moment and which run it is (0 live, n for replay n). */
export type RunContext = {readonly seed: number; readonly clock: number; readonly run: number};

/** What the logic based its decision on, kept to explain a changed decision. */
export type Basis =
	| {readonly kind: 'deposit'; readonly luck: number; readonly luckDrawn: boolean; readonly bonus: number}
	| {readonly kind: 'debit'; readonly account: number; readonly before: number; readonly limit: number; readonly accepted: boolean; readonly phantomCredit: boolean}
	| {readonly kind: 'interest'; readonly rate: number; readonly minutes: number; readonly clockRead: boolean; readonly at: number};

export type Decision = {readonly events: readonly EventBody[]; readonly basis: Basis};

export function decide(ledger: Ledger, command: Command, code: Code, context: RunContext): Decision {
	const rules = rulesOf[code.version];
	switch (command.kind) {
		case 'deposit': {
			const luckDrawn = code.readsRandom;
			const luck = luckDrawn ? runtimeLuck(context.seed, context.run, command.seq) : command.luck;
			const bonus = luck < bonusChance ? bonusAmount : 0;
			const events: EventBody[] = [{kind: 'deposited', account: command.account, amount: command.amount}];
			if (bonus > 0) events.push({kind: 'bonus', account: command.account, amount: bonus});
			return {events, basis: {kind: 'deposit', luck, luckDrawn, bonus}};
		}

		case 'withdraw': {
			const before = ledger.balances[command.account]!;
			const accepted = before - command.amount >= rules.overdraftLimit;
			const events: EventBody[] = accepted
				? [{kind: 'withdrawn', account: command.account, amount: command.amount}]
				: [{kind: 'rejected', account: command.account, amount: command.amount, what: 'withdrawal', limit: rules.overdraftLimit}];
			return {events, basis: {kind: 'debit', account: command.account, before, limit: rules.overdraftLimit, accepted, phantomCredit: false}};
		}

		case 'transfer': {
			const before = ledger.balances[command.from]!;
			const accepted = before - command.amount >= rules.overdraftLimit;
			if (accepted) {
				return {
					events: [{kind: 'transferred', from: command.from, to: command.to, amount: command.amount}],
					basis: {kind: 'debit', account: command.from, before, limit: rules.overdraftLimit, accepted, phantomCredit: false},
				};
			}

			// V1's bug: the credit to the payee was written before the check, and nothing undoes it.
			const phantomCredit = !code.bugFixed;
			const events: EventBody[] = [{kind: 'rejected', account: command.from, amount: command.amount, what: 'transfer', limit: rules.overdraftLimit}];
			if (phantomCredit) events.push({kind: 'credited', account: command.to, amount: command.amount, from: command.from});
			return {events, basis: {kind: 'debit', account: command.from, before, limit: rules.overdraftLimit, accepted, phantomCredit}};
		}

		case 'accrue': {
			const clockRead = code.readsClock;
			const now = clockRead ? context.clock : command.time;
			const minutes = Math.max(0, now - ledger.interestThrough);
			const amounts = ledger.balances.map(balance => (balance > 0 ? Math.floor((balance * rules.interestPercent * minutes) / (100 * minutesPerDay)) : 0));
			return {
				events: [{kind: 'interest', amounts, through: Math.max(now, ledger.interestThrough), rate: rules.interestPercent}],
				basis: {kind: 'interest', rate: rules.interestPercent, minutes, clockRead, at: now},
			};
		}
	}
}
