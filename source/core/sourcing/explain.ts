/**
 * The sentences under the columns: what the last replay (or fix, deploy,
 * schema change, switch) changed and why. Every sentence is computed from the
 * recorded decisions and states; each comes in a long form for wide terminals
 * and a short one for 80 columns.
 */
import {accountName, formatBalances, money, sameBalances} from './bank.js';
import {type Code, describeRules, rulesOf, versionLabel} from './code.js';
import {formatClock, formatDuration} from './clock.js';
import {describeCommand} from './commands.js';
import type {Change, ReplayReport, SourcingState, Story} from './state.js';
import type {Tone} from '../engine/screen.js';

export type StoryLine = {
	readonly glyph: string;
	readonly tone?: Tone;
	readonly long: string;
	readonly short: string;
	/** Shorter still, when the short form does not fit on one row. */
	readonly brief?: string;
	/** Lower is more important: kept first when rows are short. */
	readonly priority: number;
};

const v = (code: Code): string => `v${code.version}`;

/** Why account `account` moved differently, from the change that first moved it: long, short, and brief (for 80 columns). */
export function reasonFor(change: Change, account: number): {long: string; short: string; brief: string} {
	const {command, causes, old, now} = change;
	const seq = command.seq;
	const full = `#${seq} ${describeCommand(command)}`;
	const paidNow = change.newEffect[account]!;
	const paidBefore = change.oldEffect[account]!;
	if (causes.includes('overdraft') && old.kind === 'debit' && now.kind === 'debit') {
		const what = command.kind === 'transfer' ? 'transfer' : 'withdrawal';
		const [did, had] = now.accepted ? ['accepted', 'rejected'] : ['rejected', 'accepted'];
		return {
			long: `${v(change.newCode)}'s overdraft limit (${money(now.limit)}) ${did} a ${what} ${v(change.oldCode)} (limit ${money(old.limit)}) ${had} (${full})`,
			short: `${v(change.newCode)}'s overdraft limit ${did} a ${what} ${v(change.oldCode)} ${had} (#${seq})`,
			brief: `${v(change.newCode)}'s limit ${did} ${what} #${seq}, ${v(change.oldCode)}'s ${had} it`,
		};
	}

	if (causes.includes('bug')) {
		return {
			long: `the fix dropped the credit ${versionLabel(change.oldCode)}'s bug gave the payee of a rejected transfer (${full})`,
			short: `the fix dropped a rejected transfer's credit (#${seq})`,
			brief: `the fix dropped a credit (#${seq})`,
		};
	}

	if (old.kind === 'interest' && now.kind === 'interest' && (causes.includes('rate') || causes.includes('clock'))) {
		const rate = causes.includes('rate');
		const clock = causes.includes('clock');
		if (rate && clock) {
			return {
				long: `${v(change.newCode)}'s interest rate (${now.rate}%/day) and a clock read (${formatDuration(now.minutes)}) paid ${paidNow} at ${full}, not ${paidBefore}`,
				short: `${v(change.newCode)}'s rate and a clock read paid ${paidNow} at #${seq}, not ${paidBefore}`,
				brief: `rate and clock: #${seq} paid ${paidNow}, not ${paidBefore}`,
			};
		}

		if (rate) {
			return {
				long: `${v(change.newCode)}'s interest rate (${now.rate}%/day) paid ${paidNow} where ${v(change.oldCode)}'s (${old.rate}%/day) paid ${paidBefore} (${full})`,
				short: `${v(change.newCode)}'s interest rate paid ${paidNow} where ${v(change.oldCode)}'s paid ${paidBefore} (#${seq})`,
				brief: `${v(change.newCode)}'s rate paid ${paidNow}, not ${paidBefore} (#${seq})`,
			};
		}

		if (now.clockRead) {
			return {
				long: `the logic read the clock: interest at ${full} covered ${formatDuration(now.minutes)} (the replay ran at ${formatClock(change.clock)}), not ${formatDuration(old.minutes)}, and paid ${paidNow}, not ${paidBefore}`,
				short: `the logic read the clock: #${seq} paid ${paidNow} for ${formatDuration(now.minutes)}, was ${paidBefore}`,
				brief: `clock read: #${seq} paid ${paidNow}, was ${paidBefore}`,
			};
		}

		return {
			long: `time is captured now: interest at ${full} covers the ${formatDuration(now.minutes)} stamped, not the ${formatDuration(old.minutes)} a clock read gave, and paid ${paidNow}, not ${paidBefore}`,
			short: `time captured: #${seq} paid ${paidNow} for ${formatDuration(now.minutes)} as stamped, was ${paidBefore}`,
			brief: `time captured: #${seq} paid ${paidNow}, was ${paidBefore}`,
		};
	}

	if (causes.includes('random') && old.kind === 'deposit' && now.kind === 'deposit') {
		const bonus = (amount: number) => (amount > 0 ? String(amount) : 'none');
		const how = now.luckDrawn ? 'the logic drew a new random number' : 'the stamped random number is used again';
		return {
			long: `${how}: the bonus at ${full} is ${bonus(now.bonus)}, was ${bonus(old.bonus)}`,
			short: `${how}: bonus at #${seq} ${bonus(now.bonus)}, was ${bonus(old.bonus)}`,
			brief: `${now.luckDrawn ? 'new random' : 'stamped random'}: bonus at #${seq} ${bonus(now.bonus)}, was ${bonus(old.bonus)}`,
		};
	}

	return {
		long: `${full} came out differently: the state before it had already changed`,
		short: `#${seq} came out differently: the state before it had changed`,
		brief: `#${seq} came out differently`,
	};
}

function fromText(report: ReplayReport): string {
	if (report.from === 'empty') return 'empty';
	return `the ${report.from} at #${report.startSeq}`;
}

const byText = (labels: readonly string[]): string => (labels.length === 0 ? 'no code' : labels.join('+'));

export function replayStory(report: ReplayReport): StoryLine[] {
	const lines: StoryLine[] = [];
	const label = versionLabel(report.code);
	if (report.from !== 'empty') {
		lines.push({
			glyph: '⟳',
			tone: 'accent',
			long: `replay ${report.number} started from the ${report.from} at #${report.startSeq}, made by ${byText(report.startBy)}: decisions up to #${report.startSeq} stay as ${byText(report.startBy)} made them; #${report.startSeq + 1}–#${report.endSeq} re-ran under ${label}`,
			short: `replay ${report.number} from the ${report.from} at #${report.startSeq} (made by ${byText(report.startBy)}): only #${report.startSeq + 1}–#${report.endSeq} re-ran under ${label}`,
			// What the replay started from explains every change under it: shown before all but the first change.
			priority: 1,
		});
	}

	for (const [i, change] of report.cmd.accounts.entries()) {
		const name = accountName(change.account);
		const reason = change.first
			? reasonFor(change.first, change.account)
			: {
					long: `${fromText(report)} it started from (made by ${byText(report.startBy)}) differs from the state derived before`,
					short: `it started from ${fromText(report)}, made by ${byText(report.startBy)}`,
					brief: `started from ${fromText(report)}`,
				};
		// The first decision that moved it may not explain where it ended: the others are always counted.
		const others = change.changes - 1;
		const more = others > 0 ? {long: `; ${others} more decision${others > 1 ? 's' : ''} moved it`, short: ` (+${others} more)`} : {long: '', short: ''};
		lines.push({
			glyph: '✎',
			tone: 'warn',
			long: `command-sourced balance of ${name} changed from ${money(change.before)} to ${money(change.after)}: ${reason.long}${more.long}`,
			short: `cmd ${name} ${money(change.before)} → ${money(change.after)}: ${reason.short}${more.short}`,
			brief: `cmd ${name} ${money(change.before)} → ${money(change.after)}: ${reason.brief}${more.short}`,
			// A decision that flipped (accepted where it was rejected) is told before an amount that moved.
			priority: i === 0 ? 1 : change.first?.causes.includes('overdraft') ? 2 : 3,
		});
	}

	if (report.cmd.accounts.length === 0) {
		const changed = report.cmd.decisionsChanged;
		lines.push(
			changed === 0
				? {
						glyph: '=',
						long: `command-sourced state unchanged: ${label} decided every re-run command as before`,
						short: `cmd unchanged: ${label} decided every re-run command as before`,
						priority: 1,
					}
				: {
						glyph: '=',
						long: `command-sourced balances unchanged, though ${changed} decision${changed > 1 ? 's' : ''} came out differently`,
						short: `cmd balances unchanged, though ${changed} decision${changed > 1 ? 's' : ''} changed`,
						priority: 1,
					},
		);
	}

	const upcast = report.evt.upcast > 0 ? {long: `, ${report.evt.upcast} upcast on read`, short: `, ${report.evt.upcast} upcast`} : {long: '', short: ''};
	lines.push(
		sameBalances(report.evt.before.balances, report.evt.after.balances)
			? {
					glyph: '=',
					tone: 'good',
					long: `event-sourced state unchanged: events are facts (${report.evt.applied} re-applied as recorded${upcast.long})`,
					short: `evt unchanged: events are facts (${report.evt.applied} re-applied${upcast.short})`,
					priority: 2,
				}
			: {
					glyph: '✎',
					tone: 'bad',
					long: `event-sourced state changed from ${formatBalances(report.evt.before.balances, ' ')} to ${formatBalances(report.evt.after.balances, ' ')}`,
					short: `evt changed: ${formatBalances(report.evt.after.balances, ' ')}`,
					priority: 2,
				},
	);

	const comparison = report.comparison;
	if (comparison) {
		const pair = `replays ${comparison.other} and ${report.number}`;
		if (comparison.agree) {
			lines.push({
				glyph: '✓',
				tone: 'good',
				long: `${pair} of the command journal agree: same commands, same code, and the logic reads only what the commands carry`,
				short: `${pair} of the command journal agree: same code, inputs captured`,
				priority: 0,
			});
		} else {
			const why = uncapturedReason(report.code);
			const accounts = comparison.differing.map(account => accountName(account)).join(', ');
			lines.push({
				glyph: '✗',
				tone: 'bad',
				long: `two replays of the command journal disagree (${pair}, on ${accounts}): ${why.long}; replay ${comparison.other} ran at ${formatClock(comparison.otherClock)}, replay ${report.number} at ${formatClock(report.startClock)}`,
				short: `${pair} of the command journal disagree: ${why.short}`,
				brief: `${pair} disagree: ${why.short}`,
				priority: 0,
			});
		}
	}

	const {suppressed, contradicted, contradiction} = report.cmd;
	const told = contradicted > 0 ? {long: `; ${contradicted} message${contradicted > 1 ? 's' : ''} customers got no longer match the replayed history`, short: `; ${contradicted} sent earlier no longer match`} : {long: '', short: ''};
	lines.push({
		glyph: '⊘',
		long: `no message re-sent: replays suppress outputs (${suppressed} on the command side, ${report.evt.suppressed} on the event side)${told.long}`,
		short: `suppressed ${suppressed} cmd / ${report.evt.suppressed} evt messages${told.short}`,
		// The narrowest form keeps what customers were told: that is what the line is for.
		brief: contradicted > 0 ? `${suppressed} cmd / ${report.evt.suppressed} evt suppressed${told.short}` : `suppressed ${suppressed} cmd / ${report.evt.suppressed} evt messages`,
		// Customers told what the replayed history no longer says: that is the lesson, ahead of every change but the first.
		priority: contradicted > 0 ? 1 : 5,
	});
	if (contradiction) {
		const now = contradiction.now.map(message => `"${message.text}"`).join(', ') || 'nothing';
		lines.push({
			glyph: ' ',
			tone: 'muted',
			long: `e.g. "${contradiction.told.text}" was sent at #${contradiction.told.seq}; the replay now says ${now}`,
			short: `e.g. "${contradiction.told.text}" was sent; now ${now}`,
			brief: `e.g. "${contradiction.told.text}" was sent at #${contradiction.told.seq}`,
			priority: 7,
		});
	}

	return lines;
}

export function uncapturedReason(code: Code): {long: string; short: string} {
	if (code.readsClock && code.readsRandom) {
		return {long: 'the logic read the clock and drew its own random numbers', short: 'the logic read the clock and drew random numbers'};
	}

	if (code.readsClock) return {long: 'the logic read the clock, and each replay runs at a different time', short: 'the logic read the clock'};
	if (code.readsRandom) return {long: 'the logic drew its own random numbers, different on each run', short: 'the logic drew random numbers'};
	return {long: 'the code reads nothing uncaptured, yet the results differ', short: 'no uncaptured input explains it'};
}

function fixStory(story: Extract<Story, {kind: 'fix'}>, state: SourcingState): StoryLine[] {
	const label = versionLabel(story.code);
	const lines: StoryLine[] = [
		{glyph: '✓', tone: 'good', long: `fix deployed (${label}): a rejected transfer no longer credits the payee`, short: `fix deployed (${label}): rejected transfers no longer credit the payee`, priority: 0},
	];
	const count = story.corrections.length;
	const list = story.corrections.map(({account, amount, of}) => `${accountName(account)} ${money(amount)} for #${of}`).join(', ');
	lines.push(
		count === 0
			? {glyph: '=', long: 'event-sourced: no wrong credit in the kept journal, nothing to compensate', short: 'evt: no wrong credit in the journal, nothing to compensate', priority: 1}
			: {
					glyph: '↺',
					tone: 'accent',
					long: `event-sourced: ${count} compensating event${count > 1 ? 's' : ''} appended (${list}); the wrong credits stay in the journal as facts`,
					short: `evt: ${count} compensating event${count > 1 ? 's' : ''} (${list}); wrong credits stay as facts`,
					brief: `evt: ${count} compensating event${count > 1 ? 's' : ''}; the wrong credits stay as facts`,
					priority: 1,
				},
	);
	lines.push({
		glyph: '⟳',
		long: `command-sourced: nothing to append; a replay (r) re-derives the whole history under ${label}`,
		short: `cmd: nothing to append; a replay (r) re-derives history under ${label}`,
		priority: 2,
	});
	const limit = rulesOf[state.code.version].overdraftLimit;
	for (const [account, balance] of state.evt.ledger.balances.entries()) {
		if (balance >= limit) continue;
		lines.push({
			glyph: '⚠',
			tone: 'warn',
			long: `event-sourced ${accountName(account)} is at ${money(balance)}, below the limit (${money(limit)}): decisions made on the wrong credit still stand`,
			short: `evt ${accountName(account)} at ${money(balance)}, below the limit: decisions made on the wrong credit stand`,
			priority: 3,
		});
	}

	return lines;
}

export function storyLines(state: SourcingState): StoryLine[] {
	const {story} = state;
	switch (story.kind) {
		case 'none':
			return [];
		case 'replay':
			return replayStory(story.report);
		case 'fix':
			return fixStory(story, state);
		case 'deploy':
			return [
				{
					glyph: '⇪',
					tone: 'accent',
					long: `deployed ${versionLabel(story.to)} (${describeRules(story.to.version)}) on both pipelines after #${story.at}; ${versionLabel(story.from)} had ${describeRules(story.from.version)}`,
					short: `deployed ${versionLabel(story.to)} after #${story.at}: ${describeRules(story.to.version)}`,
					priority: 0,
				},
				{
					glyph: ' ',
					long: `new commands are decided by ${versionLabel(story.to)}; a replay (r) re-runs the old commands under it on the command side, while the event side re-applies its recorded facts`,
					short: `a replay (r) re-runs old commands under ${versionLabel(story.to)}; events are re-applied as facts`,
					priority: 1,
				},
			];
		case 'schema':
			return [
				{glyph: '⇡', tone: 'accent', long: `event schema 2 after #${story.at}: interest events gain a rate field`, short: `event schema 2 after #${story.at}: interest events gain a rate`, priority: 0},
				{
					glyph: ' ',
					long: `event-sourced: ${story.oldEvents} older interest event${story.oldEvents === 1 ? '' : 's'} stay as written; on read they are upcast (rate from the version that wrote them)`,
					short: `evt: ${story.oldEvents} older interest events stay as written, upcast on read`,
					priority: 1,
				},
				{
					glyph: ' ',
					long: 'command-sourced: nothing to upcast; its journal holds commands, whose format did not change',
					short: 'cmd: nothing to upcast; its journal holds commands',
					priority: 2,
				},
			];
		case 'inputs':
			return inputsStory(story.code, story.changed);
	}
}

function inputsStory(code: Code, changed: 'clock' | 'random'): StoryLine[] {
	if (changed === 'clock') {
		return code.readsClock
			? [
					{glyph: '⚠', tone: 'warn', long: 'the logic now reads the clock instead of the time the sequencer stamped into each command', short: 'the logic reads the clock, not the time stamped in each command', priority: 0},
					{
						glyph: ' ',
						long: 'live runs decide as before (the clock reads the stamp as each command arrives); a replay runs later, reads a later time, and two replays disagree',
						short: 'live runs look the same; a replay runs later and reads a later time',
						priority: 1,
					},
				]
			: [
					{glyph: '✓', tone: 'good', long: 'time captured: the logic reads the time the sequencer stamped into each command', short: 'time captured: the logic reads the time stamped in each command', priority: 0},
					{glyph: ' ', long: 'every run of the same journal under the same code now reads the same times, so replays agree', short: 'every replay of the journal reads the same times', priority: 1},
				];
	}

	return code.readsRandom
		? [
				{glyph: '⚠', tone: 'warn', long: 'the logic now draws its own random number for the deposit bonus instead of the one stamped into the command', short: 'the logic draws its own random number for the bonus', priority: 0},
				{glyph: ' ', long: 'each run draws differently, so replays of the same journal disagree', short: 'each run draws differently: replays disagree', priority: 1},
			]
		: [{glyph: '✓', tone: 'good', long: 'random captured: the bonus uses the number the sequencer stamped into each command', short: 'random captured: the bonus uses the stamped number', priority: 0}];
}

/** Why the pipelines disagree, from how they came to. */
export function divergenceText(state: SourcingState): string {
	return divergenceForms(state)[0]!;
}

/** Why the pipelines disagree: the sentence, then shorter forms of it for narrow screens. */
export function divergenceForms(state: SourcingState): string[] {
	const {divergence} = state;
	if (!divergence) return ['their states differ'];
	switch (divergence.origin) {
		case 'replay': {
			const reads = [divergence.code.readsClock ? 'clock read' : '', divergence.code.readsRandom ? 'random drawn' : ''].filter(Boolean).join(', ');
			const writers = state.evt.writtenBy.join('+') || 'no code';
			const version = versionLabel(divergence.code);
			return [
				`replay ${divergence.number} re-ran the commands under ${version}${reads ? ` (${reads})` : ''}; the events keep what ${writers} decided`,
				`replay ${divergence.number} re-ran commands under ${version}${reads ? ` (${reads})` : ''}; events keep ${writers}'s decisions`,
				`replay ${divergence.number} re-decided under ${version}${reads ? ` (${reads})` : ''}; events: ${writers}`,
				`replay ${divergence.number} re-decided under ${version}`,
			];
		}

		case 'fix': {
			const events = `${divergence.corrections} event${divergence.corrections === 1 ? '' : 's'}`;
			return [
				`the fix compensated the event side (${events}); the command side changes only when it replays`,
				`the fix compensated evt (${events}); cmd changes only when it replays`,
			];
		}

		case 'live':
			return [`#${divergence.seq} was decided on states that already differed`];
	}
}
