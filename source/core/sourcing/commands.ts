/**
 * The seeded stream of commands, as a sequencer issues them: each command gets
 * a sequence number, the bank-clock time and a random draw stamped into it, so
 * that logic reading only the command decides the same way on every run. When
 * a day has ended, the sequencer first issues an "accrue interest" command
 * stamped at midnight: the timer enters the journal like any input.
 */
import {Draw, hash3, hash4} from '../engine/random.js';
import {accountCount, accountName} from './bank.js';
import {dayOf, startOfDay} from './clock.js';

/** Random streams of this mode (apart from those of the voting mode). */
export const SourcingStream = {commands: 101, runtime: 102} as const;

export type CommandBody =
	| {readonly kind: 'deposit'; readonly account: number; readonly amount: number}
	| {readonly kind: 'withdraw'; readonly account: number; readonly amount: number}
	| {readonly kind: 'transfer'; readonly from: number; readonly to: number; readonly amount: number}
	/** Pay interest for the time since the last accrual (the end-of-day timer). */
	| {readonly kind: 'accrue'; readonly day: number};

export type Command = CommandBody & {
	readonly seq: number;
	/** Bank-clock minute stamped at sequencing. */
	readonly time: number;
	/** A random number 0–99 stamped at sequencing (the deposit bonus draws from it). */
	readonly luck: number;
};

export type Sequencer = {
	/** Commands issued so far (the last one's seq). */
	readonly issued: number;
	/** Client requests drawn from the seeded stream so far. */
	readonly drawn: number;
	/** The last day whose interest has been scheduled. */
	readonly accruedDay: number;
};

export const freshSequencer: Sequencer = {issued: 0, drawn: 0, accruedDay: 0};

type Request = {readonly body: CommandBody; readonly gap: number; readonly luck: number};

/** Client request number `n`: a pure function of the seed and n. */
export function requestAt(seed: number, n: number): Request {
	const draw = new Draw(hash3(seed, SourcingStream.commands, n));
	const gap = 30 + 5 * draw.int(66);
	const luck = draw.int(100);
	const roll = draw.unit();
	const account = draw.int(accountCount);
	let body: CommandBody;
	if (roll < 0.42) {
		body = {kind: 'deposit', account, amount: 5 * (2 + draw.int(27))};
	} else if (roll < 0.75) {
		body = {kind: 'withdraw', account, amount: 5 * (2 + draw.int(23))};
	} else {
		const to = (account + 1 + draw.int(accountCount - 1)) % accountCount;
		body = {kind: 'transfer', from: account, to, amount: 5 * (2 + draw.int(17))};
	}

	return {body, gap, luck};
}

/** The next command the sequencer issues when the bank clock reads `clock`. */
export function nextCommand(seed: number, sequencer: Sequencer, clock: number): {command: Command; sequencer: Sequencer} {
	const request = requestAt(seed, sequencer.drawn);
	const time = clock + request.gap;
	const seq = sequencer.issued + 1;
	const endedDay = dayOf(time) - 1;
	if (endedDay > sequencer.accruedDay) {
		const stamp = Math.max(clock, startOfDay(endedDay + 1));
		return {
			command: {kind: 'accrue', day: endedDay, seq, time: stamp, luck: request.luck},
			sequencer: {...sequencer, issued: seq, accruedDay: endedDay},
		};
	}

	return {command: {...request.body, seq, time, luck: request.luck}, sequencer: {...sequencer, issued: seq, drawn: sequencer.drawn + 1}};
}

/** A random number 0–99 the logic draws for itself when it does not use the stamped one: different on every run. */
export function runtimeLuck(seed: number, run: number, seq: number): number {
	return hash4(seed, SourcingStream.runtime, run, seq) % 100;
}

/** "deposit A 40", "withdraw B 40", "transfer A→B 30", "accrue day 3". */
export function describeCommand(command: CommandBody): string {
	switch (command.kind) {
		case 'deposit':
		case 'withdraw':
			return `${command.kind} ${accountName(command.account)} ${command.amount}`;
		case 'transfer':
			return `transfer ${accountName(command.from)}→${accountName(command.to)} ${command.amount}`;
		case 'accrue':
			return `accrue day ${command.day}`;
	}
}

/** The accounts a command names (all of them for an accrual). */
export function accountsOf(command: CommandBody): number[] {
	switch (command.kind) {
		case 'deposit':
		case 'withdraw':
			return [command.account];
		case 'transfer':
			return [command.from, command.to];
		case 'accrue':
			return Array.from({length: accountCount}, (_, i) => i);
	}
}
