/**
 * What the logic decided, as facts. The event-sourced pipeline journals them
 * and derives its state by applying them; the command-sourced pipeline derives
 * the same facts again each time it runs the logic, and journals only the
 * commands.
 */
import {accountName, type Ledger, money, signed} from './bank.js';
import {rulesOf, type Version} from './code.js';

export type EventBody =
	| {readonly kind: 'deposited'; readonly account: number; readonly amount: number}
	| {readonly kind: 'bonus'; readonly account: number; readonly amount: number}
	| {readonly kind: 'withdrawn'; readonly account: number; readonly amount: number}
	| {readonly kind: 'transferred'; readonly from: number; readonly to: number; readonly amount: number}
	| {readonly kind: 'rejected'; readonly account: number; readonly amount: number; readonly what: 'withdrawal' | 'transfer'; readonly limit: number}
	/** Written only by v1's bug: the payee of a rejected transfer is credited anyway. */
	| {readonly kind: 'credited'; readonly account: number; readonly amount: number; readonly from: number}
	/** `rate` (percent per day) is the field event schema 2 added; schema-1 events lack it. */
	| {readonly kind: 'interest'; readonly amounts: readonly number[]; readonly through: number; readonly rate?: number}
	/** A compensating event: undoes the effect of an earlier wrong one, which stays in the journal. */
	| {readonly kind: 'corrected'; readonly account: number; readonly amount: number; readonly of: number};

export type Schema = 1 | 2;

/** An event as the journal holds it. */
export type RecordedEvent = {
	/** Position in the event journal (1, 2, …). */
	readonly position: number;
	/** The command it came from; for a compensating event, the last command before the fix. */
	readonly seq: number;
	readonly body: EventBody;
	/** The event schema it was written in. */
	readonly schema: Schema;
	/** The code version that wrote it (metadata kept with every event). */
	readonly version: Version;
};

export function applyEvent(ledger: Ledger, event: EventBody): Ledger {
	const add = (account: number, amount: number): Ledger => ({
		...ledger,
		balances: ledger.balances.map((value, i) => (i === account ? value + amount : value)),
	});
	switch (event.kind) {
		case 'deposited':
		case 'bonus':
		case 'credited':
		case 'corrected':
			return add(event.account, event.amount);
		case 'withdrawn':
			return add(event.account, -event.amount);
		case 'transferred':
			return {
				...ledger,
				balances: ledger.balances.map((value, i) => value + (i === event.to ? event.amount : 0) - (i === event.from ? event.amount : 0)),
			};
		case 'rejected':
			return ledger;
		case 'interest':
			return {balances: ledger.balances.map((value, i) => value + (event.amounts[i] ?? 0)), interestThrough: event.through};
	}
}

export function applyEvents(ledger: Ledger, events: readonly EventBody[]): Ledger {
	let result = ledger;
	for (const event of events) result = applyEvent(result, event);
	return result;
}

/** How much each account's balance moves: what a decision does to the state. */
export function balanceEffect(events: readonly EventBody[], accounts: number): number[] {
	const effect = Array.from({length: accounts}, () => 0);
	for (const event of events) {
		switch (event.kind) {
			case 'deposited':
			case 'bonus':
			case 'credited':
			case 'corrected':
				effect[event.account]! += event.amount;
				break;
			case 'withdrawn':
				effect[event.account]! -= event.amount;
				break;
			case 'transferred':
				effect[event.from]! -= event.amount;
				effect[event.to]! += event.amount;
				break;
			case 'interest':
				for (const [i, amount] of event.amounts.entries()) effect[i]! += amount;
				break;
			case 'rejected':
				break;
		}
	}

	return effect;
}

/** The event as written in `schema`: schema 1 has no interest rate. */
export function writeAs(event: EventBody, schema: Schema): EventBody {
	if (event.kind !== 'interest' || schema === 2) return event;
	const {rate: _dropped, ...older} = event;
	return older;
}

/**
 * Reads a journaled event in the current schema. An interest event written in
 * schema 1 lacks `rate`; the upcaster fills it in from the version that wrote
 * the event, which every event records. The journal itself is never rewritten.
 */
export function readEvent(event: RecordedEvent, schema: Schema): {readonly body: EventBody; readonly upcast: boolean} {
	if (schema === 2 && event.schema === 1 && event.body.kind === 'interest') {
		return {body: {...event.body, rate: rulesOf[event.version].interestPercent}, upcast: true};
	}

	return {body: event.body, upcast: false};
}

/** "withdrawn B 40", "rejected B withdrawal 40", "interest +2 +0 +1 +3 @2%". */
export function describeEvent(event: EventBody): string {
	switch (event.kind) {
		case 'deposited':
		case 'withdrawn':
		case 'bonus':
		case 'credited':
			return `${event.kind} ${accountName(event.account)} ${event.amount}`;
		case 'transferred':
			return `transferred ${accountName(event.from)}→${accountName(event.to)} ${event.amount}`;
		case 'rejected':
			return `rejected ${accountName(event.account)} ${event.what} ${event.amount}`;
		case 'interest':
			return `interest ${event.amounts.map(amount => signed(amount)).join(' ')}${event.rate === undefined ? '' : ` @${event.rate}%`}`;
		case 'corrected':
			return `corrected ${accountName(event.account)} ${money(event.amount)} (#${event.of})`;
	}
}

export type Message = {readonly seq: number; readonly account: number; readonly text: string};

/** What the bank tells its customers about an event (a reactor: it runs when the event is recorded, never on replay). */
export function messagesFor(event: EventBody, seq: number): Message[] {
	const to = (account: number, text: string): Message => ({seq, account, text: `${accountName(account)}: ${text}`});
	switch (event.kind) {
		case 'deposited':
			return [to(event.account, `deposit of ${event.amount} received`)];
		case 'bonus':
			return [to(event.account, `lucky bonus of ${event.amount}`)];
		case 'withdrawn':
			return [to(event.account, `${event.amount} paid out`)];
		case 'transferred':
			return [to(event.from, `${event.amount} sent to ${accountName(event.to)}`), to(event.to, `${event.amount} received from ${accountName(event.from)}`)];
		case 'rejected':
			return [to(event.account, `${event.what} of ${event.amount} declined`)];
		case 'credited':
			return [to(event.account, `${event.amount} received from ${accountName(event.from)}`)];
		case 'interest':
			return event.amounts.flatMap((amount, account) => (amount > 0 ? [to(account, `interest of ${amount} paid`)] : []));
		case 'corrected':
			return [to(event.account, `correction ${money(event.amount)} (error in #${event.of})`)];
	}
}

export function messagesForAll(events: readonly EventBody[], seq: number): Message[] {
	return events.flatMap(event => messagesFor(event, seq));
}
