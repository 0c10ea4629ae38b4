import {hash1} from '../engine/random.js';
import type {Model} from './model.js';

export type BankState = {readonly balance: number};
export type BankInput = {readonly kind: 'deposit' | 'withdraw'; readonly amount: number};

export const bank: Model<BankState, BankInput> = {
	name: 'bank',
	teaches: 'deposits and withdrawals; an overdraft is rejected, so the order of inputs matters',
	// A small opening balance makes early withdrawals bounce, so the order of inputs shows from the start.
	initial: () => ({balance: 50}),
	generate(draw) {
		return draw.chance(0.55)
			? {kind: 'deposit', amount: 5 * (1 + draw.int(10))}
			: {kind: 'withdraw', amount: 5 * (1 + draw.int(20))};
	},
	apply(state, input) {
		if (input.kind === 'deposit') return {balance: state.balance + input.amount};
		return input.amount > state.balance ? state : {balance: state.balance - input.amount};
	},
	applyReadingClock(state, input, clock) {
		const interest = input.kind === 'deposit' ? clock % 5 : 0;
		return bank.apply({balance: state.balance + interest}, input);
	},
	readsClock: 'a deposit also earns the clock’s milliseconds mod 5 as interest',
	describeInput: input => `${input.kind} ${input.amount}`,
	shortInput: input => `${input.kind === 'deposit' ? '+' : '-'}${input.amount}`,
	describeResult: (before, _input, after) => (after === before ? 'rejected' : `→ ${after.balance}`),
	shortResult: (before, _input, after) => (after === before ? 'rej' : `→${after.balance}`),
	describeState: state => [['balance', String(state.balance)]],
	summary: state => `balance ${state.balance}`,
	digest: state => hash1(state.balance),
	corrupt(state, draw) {
		const delta = 5 * (1 + draw.int(10));
		return {balance: draw.chance(0.5) || state.balance < delta ? state.balance + delta : state.balance - delta};
	},
};
