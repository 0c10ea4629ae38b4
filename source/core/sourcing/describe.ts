/** Short texts for journal entries and outcomes, shared by the view, the event line and the trace. */
import {accountName, signed} from './bank.js';
import type {Decision} from './logic.js';

/** "✓", "✗", "✓ +5 bonus", "✗ but D +20" (v1's bug), "+2 +0 +1 +3" (interest). */
export function outcome(decision: Decision): string {
	const {basis} = decision;
	switch (basis.kind) {
		case 'deposit':
			return basis.bonus > 0 ? `✓ +${basis.bonus} bonus` : '✓';
		case 'debit': {
			if (basis.accepted) return '✓';
			const credit = decision.events.find(event => event.kind === 'credited');
			return credit?.kind === 'credited' ? `✗ but ${accountName(credit.account)} +${credit.amount}` : '✗';
		}

		case 'interest': {
			const interest = decision.events.find(event => event.kind === 'interest');
			return interest?.kind === 'interest' ? interest.amounts.map(amount => signed(amount)).join(' ') : '';
		}
	}
}

/** The same in words, for the event line: "paid", "declined", "interest +2 +0 +1 +3". */
export function outcomeWords(decision: Decision): string {
	const {basis} = decision;
	switch (basis.kind) {
		case 'deposit':
			return basis.bonus > 0 ? `✓ received, bonus ${basis.bonus}` : '✓ received';
		case 'debit':
			return basis.accepted ? '✓ accepted' : basis.phantomCredit ? `✗ declined, payee credited (bug)` : '✗ declined';
		case 'interest':
			return `interest ${outcome(decision)}`;
	}
}
