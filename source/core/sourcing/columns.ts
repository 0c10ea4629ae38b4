/**
 * The two pipelines as columns: code, state, journal (newest first), outbox
 * and snapshot, fitted to the rows there are. During a replay each column
 * shows its progress, the state being rebuilt and the messages it holds back.
 */
import {type Column, line, type Line, seg} from '../engine/screen.js';
import {accountName, type Ledger, money} from './bank.js';
import {describeInputs, versionLabel} from './code.js';
import {effectOf, sameEffect} from './changes.js';
import {describeCommand} from './commands.js';
import {outcome} from './describe.js';
import {describeEvent, type Message, readEvent} from './events.js';
import {entryAt, journalEnd} from './journal.js';
import type {Outbox, SourcingState} from './state.js';
import {cellWidth, cut} from '../engine/text.js';
import {bar, spread} from './text.js';

type Fit = {
	readonly top: readonly Line[];
	/** Lines under the top that may be dropped when rows are short, most expendable last. */
	readonly state: readonly Line[];
	readonly head: Line;
	readonly entries: (count: number) => Line[];
	readonly outbox: Line;
	readonly messages: readonly Line[];
	readonly snapshot: Line;
	/** The snapshot line is only a hint ("n takes one"): the first thing to go when rows are short. */
	readonly snapshotIsHint: boolean;
};

/** Lays out a column's parts in `rows`, giving the journal what is left (a few entries when it can). */
function fit(parts: Fit, rows: number, wide: boolean): Line[] {
	let messages = parts.messages.slice(0, wide ? 3 : 1);
	let state = parts.state;
	let snapshot: Line[] = [parts.snapshot];
	const fixed = () => parts.top.length + state.length + 1 + 1 + messages.length + snapshot.length;
	const shrink = [
		[3, () => (snapshot = parts.snapshotIsHint ? [] : snapshot)],
		[2, () => (messages = [])],
		[2, () => (snapshot = [])],
		[2, () => (state = state.slice(0, 1))],
	] as const;
	for (const [least, step] of shrink) if (rows - fixed() < least) step();
	const count = Math.max(0, rows - fixed());
	return [...parts.top, ...state, parts.head, ...parts.entries(count), parts.outbox, ...messages, ...snapshot].slice(0, Math.max(0, rows));
}

function balancesLine(label: string, ledger: Ledger, changed: ReadonlySet<number>): Line {
	const parts = [seg(label, 'muted')];
	for (const [account, balance] of ledger.balances.entries()) {
		parts.push(seg(`  ${accountName(account)} `), seg(money(balance), changed.has(account) ? 'warn' : undefined, changed.has(account)));
	}

	return parts;
}

/** The state as a line (narrow) or a line per account (wide), with what changed in the last replay. */
function stateLines(ledger: Ledger, label: string, was: ReadonlyMap<number, number>, wide: boolean): Line[] {
	const changed = new Set(was.keys());
	if (wide) {
		return ledger.balances.map((balance, account) => {
			const before = was.get(account);
			return line(
				seg(account === 0 ? label.padEnd(8) : ' '.repeat(8), 'muted'),
				`${accountName(account)} `,
				seg(money(balance).padStart(6), before === undefined ? undefined : 'warn', before !== undefined),
				...(before === undefined ? [] : [seg(`  ✎ was ${money(before)}`, 'warn')]),
			);
		});
	}

	const lines = [balancesLine(label, ledger, changed)];
	if (was.size > 0) lines.push([seg(`✎ was ${[...was].map(([account, before]) => `${accountName(account)} ${money(before)}`).join('  ')}`, 'warn')]);
	return lines;
}

function messageLines(outbox: Outbox, glyph: string, tone: 'muted' | undefined): Line[] {
	return [...outbox.recent].reverse().map((message: Message) => [seg(`${glyph} ${message.text}`, tone)]);
}

function progress(done: number, total: number, what: string, inner: number): Line {
	const count = ` ${done}/${total} ${what}`;
	return [seg(bar(done, total, Math.max(4, inner - count.length - 1)), 'accent'), seg(count)];
}

/** Balances the last replay changed, while its story is on screen. */
function changedByLastReplay(state: SourcingState): Map<number, number> {
	if (state.story.kind !== 'replay' || state.replay) return new Map();
	return new Map(state.story.report.cmd.accounts.map(change => [change.account, change.before]));
}

export function commandColumn(state: SourcingState, width: number, height: number, selected: boolean, wide: boolean): Column {
	const inner = width - 2;
	const {cmd, replay} = state;
	const top: Line[] = [];
	if (replay) {
		const from = replay.from === 'empty' ? 'empty' : `${replay.from} #${replay.cmd.startSeq}`;
		top.push([seg(`⟳ replay ${replay.number}`, 'accent', true), seg(` from ${from} · ${versionLabel(replay.code)}`)]);
		top.push(progress(replay.cmd.doneSeq - replay.cmd.startSeq, replay.cmd.endSeq - replay.cmd.startSeq, 'commands', inner));
	} else {
		top.push([seg(`code ${versionLabel(state.code)}`, undefined, true), seg(` · ${describeInputs(state.code)}`, state.code.readsClock || state.code.readsRandom ? 'warn' : undefined)]);
	}

	const ledger = replay ? replay.cmd.ledger : cmd.ledger;
	const was = changedByLastReplay(state);
	const report = state.story.kind === 'replay' && !replay ? state.story.report : undefined;
	const changedSeqs = new Set(report ? report.cmd.changes.map(change => change.command.seq) : []);
	/** Right after a replay that re-decided commands, the journal lists those first: what the replay changed. */
	const showChanges = report !== undefined && report.cmd.changes.length > 0 && state.sequencer.issued === report.endSeq;
	const journalLines = (count: number): Line[] => {
		const lines: Line[] = [];
		const end = journalEnd(cmd.journal);
		for (let index = end - 1; index >= cmd.journal.first && lines.length < count; index--) {
			const entry = entryAt(cmd.journal, index)!;
			const changed = changedSeqs.has(entry.command.seq);
			const marker = changed ? 'Δ' : index === end - 1 ? '▸' : ' ';
			lines.push([seg(spread(`${marker}#${entry.command.seq} ${describeCommand(entry.command)}`, outcome(entry.derived.decision), inner), changed ? 'warn' : undefined)]);
		}

		return lines;
	};

	const entries = (count: number): Line[] => {
		const lines: Line[] = [];
		if (showChanges) {
			for (const change of [...report.cmd.changes].reverse().slice(0, count)) {
				lines.push([seg(withWas(`Δ#${change.command.seq} ${describeCommand(change.command)}`, change.newOutcome, change.oldOutcome, inner), 'warn')]);
			}

			const left = count - lines.length;
			if (left >= 3) lines.push([seg(`journal: ${cmd.journal.length} commands${trimmed}`, 'muted')], ...journalLines(left - 1));
			return lines;
		}

		if (replay) {
			const next = replay.cmd.doneSeq + 1;
			if (next <= replay.cmd.endSeq && count > 0) {
				const entry = entryAt(cmd.journal, next - 1)!;
				lines.push([seg(cut(` #${next} ${describeCommand(entry.command)}  … next`, inner), 'muted')]);
			}

			for (let seq = replay.cmd.doneSeq; seq > replay.cmd.startSeq && lines.length < count; seq--) {
				const entry = entryAt(cmd.journal, seq - 1)!;
				const derived = replay.cmd.derived[seq - replay.cmd.startSeq - 1]!;
				const changed = !sameEffect(effectOf(entry.derived.decision), effectOf(derived.decision));
				const marker = changed ? 'Δ' : seq === replay.cmd.doneSeq ? '▸' : ' ';
				const left = `${marker}#${seq} ${describeCommand(entry.command)}`;
				const text = changed ? withWas(left, outcome(derived.decision), outcome(entry.derived.decision), inner) : spread(left, outcome(derived.decision), inner);
				lines.push([seg(text, changed ? 'warn' : undefined, seq === replay.cmd.doneSeq)]);
			}

			return lines;
		}

		return journalLines(count);
	};

	const trimmed = cmd.journal.first > 0 ? ` · #1–#${cmd.journal.first} in checkpoint` : '';
	const redecided = replay ? replay.cmd.changed : (report?.cmd.decisionsChanged ?? 0);
	const delta = redecided > 0 ? ` · Δ ${redecided} re-decided` : '';
	const head: Line = showChanges
		? [seg(`Δ replay ${report.number} re-decided ${report.cmd.decisionsChanged} of ${report.endSeq - report.startSeq}:`, 'warn')]
		: [seg(`journal: ${cmd.journal.length} commands`, 'muted'), seg(delta, 'warn'), seg(trimmed, 'muted')];
	const held = replay ? replay.cmd.suppressed.sent : 0;
	const {snapshot} = state;
	const lines = fit(
		{
			top,
			state: stateLines(ledger, replay ? 'rebuilt' : 'state', was, wide),
			head,
			entries,
			outbox: replay ? [seg(`outbox: ${cmd.outbox.sent} sent · `), seg(`⊘ ${held} held back`, 'accent')] : [seg(`outbox: ${cmd.outbox.sent} sent`)],
			messages: replay ? messageLines(replay.cmd.suppressed, '⊘', 'muted') : messageLines(cmd.outbox, '→', undefined),
			snapshot: snapshot
				? [seg(`snapshot #${snapshot.at} · made by ${snapshot.madeBy.join('+') || 'no code'}`)]
				: [seg('no snapshot (n takes one)', 'muted')],
			snapshotIsHint: !snapshot,
		},
		height - 3,
		wide,
	);
	return {
		id: 'command-sourced',
		width,
		title: [seg('command-sourced', 'accent', true), seg(wide ? ' · journals commands, state = run(logic)' : ' · journals commands', 'muted')],
		lines,
		selected,
	};
}

export function eventColumn(state: SourcingState, width: number, height: number, selected: boolean, wide: boolean): Column {
	const inner = width - 2;
	const {evt, replay} = state;
	const top: Line[] = [];
	if (replay) {
		top.push([seg(`⟳ replay ${replay.number}`, 'accent', true), seg(` · re-applying · schema ${state.schema}`)]);
		top.push(progress(replay.evt.donePosition - replay.evt.startPosition, replay.evt.endPosition - replay.evt.startPosition, 'events', inner));
	} else {
		top.push([seg(`code ${versionLabel(state.code)}`, undefined, true), seg(` · event schema ${state.schema}`)]);
	}

	const ledger = replay ? replay.evt.ledger : evt.ledger;
	const entries = (count: number): Line[] => {
		const lines: Line[] = [];
		const end = replay ? replay.evt.donePosition : journalEnd(evt.journal);
		const start = replay ? replay.evt.startPosition : evt.journal.first;
		if (replay && end < replay.evt.endPosition && count > 0) {
			const next = entryAt(evt.journal, end)!;
			lines.push([seg(cut(` ${eventText(next.seq, readEvent(next, state.schema).body)}  … next`, inner), 'muted')]);
		}

		for (let index = end - 1; index >= start && lines.length < count; index--) {
			const recorded = entryAt(evt.journal, index)!;
			const read = readEvent(recorded, state.schema);
			const marker = read.body.kind === 'corrected' ? '↺' : index === end - 1 ? '▸' : ' ';
			const text = `${marker}${eventText(recorded.seq, read.body)}${read.upcast ? ' ⇡' : ''}`;
			lines.push([seg(cut(text, inner), read.body.kind === 'corrected' ? 'accent' : undefined, index === end - 1 && Boolean(replay))]);
		}

		return lines;
	};

	const trimmed = evt.journal.first > 0 ? ` · 1–${evt.journal.first} in checkpoint` : '';
	const compensations = evt.compensations > 0 ? ` · ${evt.compensations} ↺` : '';
	const {snapshot} = state;
	const lines = fit(
		{
			top,
			state: stateLines(ledger, replay ? 'rebuilt' : 'state', new Map(), wide),
			head: [seg(`journal: ${evt.journal.length} events${compensations}${trimmed}`, 'muted')],
			entries,
			outbox: replay ? [seg(`outbox: ${evt.outbox.sent} sent · `), seg(`⊘ ${replay.evt.suppressed.sent} held back`, 'accent')] : [seg(`outbox: ${evt.outbox.sent} sent`)],
			messages: replay ? messageLines(replay.evt.suppressed, '⊘', 'muted') : messageLines(evt.outbox, '→', undefined),
			snapshot: snapshot ? [seg(`snapshot #${snapshot.at} · ${snapshot.eventsAt} events`)] : [seg('no snapshot (n takes one)', 'muted')],
			snapshotIsHint: !snapshot,
		},
		height - 3,
		wide,
	);
	return {
		id: 'event-sourced',
		width,
		title: [seg('event-sourced', 'accent', true), seg(wide ? ' · journals events, state = apply(events)' : ' · journals events', 'muted')],
		lines,
		selected,
	};
}

/** "Δ#9 transfer C→D 50   ✓ was ✗ but D +50", or without "was …" when it does not fit. */
function withWas(left: string, now: string, was: string, inner: number): string {
	const full = spread(left, `${now} was ${was}`, inner);
	return cellWidth(full) <= inner ? full : spread(left, now, inner);
}

function eventText(seq: number, body: Parameters<typeof describeEvent>[0]): string {
	return body.kind === 'corrected' ? describeEvent(body) : `#${seq} ${describeEvent(body)}`;
}
