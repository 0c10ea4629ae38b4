/**
 * The bank both pipelines keep: a few accounts opened empty, and the end of
 * the last interest period (interest is paid for the time since then).
 */
export const accountNames = ['A', 'B', 'C', 'D'] as const;
export const accountCount = accountNames.length;

export type Balances = readonly number[];

export type Ledger = {
	readonly balances: Balances;
	/** Bank-clock minute up to which interest has been paid. */
	readonly interestThrough: number;
};

export const openingLedger: Ledger = {balances: accountNames.map(() => 0), interestThrough: 0};

/** A sum of money with a true minus sign (−20), as a bank statement prints it. */
export function money(amount: number): string {
	return amount < 0 ? `−${-amount}` : String(amount);
}

/** "+3" or "−2": a change of balance. */
export function signed(amount: number): string {
	return amount < 0 ? `−${-amount}` : `+${amount}`;
}

export function accountName(account: number): string {
	return accountNames[account] ?? '?';
}

/** Parses an account name as a scenario writes it ("B" or "b"). */
export function accountIndex(name: string): number | undefined {
	const index = accountNames.indexOf(name.toUpperCase() as (typeof accountNames)[number]);
	return index === -1 ? undefined : index;
}

export function sameBalances(a: Balances, b: Balances): boolean {
	return a.length === b.length && a.every((value, i) => value === b[i]);
}

export function sameLedger(a: Ledger, b: Ledger): boolean {
	return a.interestThrough === b.interestThrough && sameBalances(a.balances, b.balances);
}

/** Accounts whose balances differ. */
export function differingAccounts(a: Balances, b: Balances): number[] {
	return a.flatMap((value, i) => (value === b[i] ? [] : [i]));
}

export function formatBalances(balances: Balances, separator = '  '): string {
	return balances.map((value, i) => `${accountName(i)} ${money(value)}`).join(separator);
}
