/**
 * Scenario support: verbs (deploy v2, replay, snapshot, clock on, fix-bug,
 * schema 2, …), conditions for `until` and claims for `expect`, each checked
 * against the state.
 */
import type {ModeCondition} from '../engine/mode.js';
import {accountIndex, accountName, money} from './bank.js';
import {versionLabel} from './code.js';
import {dayOf} from './clock.js';
import type {SourcingAction} from './actions.js';
import {entriesBetween} from './journal.js';
import {pipelinesAgree} from './pipelines.js';
import type {CauseKind, SourcingState} from './state.js';
import {view} from './view.js';
import {bodyRowsOf, maxCaptionRows, shownRows, type ShownScreen} from '../engine/screen.js';
import {sourcingRows} from './rows.js';

type Condition = ModeCondition<SourcingState>;

export const verbs = ['deploy', 'replay', 'finish', 'snapshot', 'clock', 'random', 'capture-time', 'capture-random', 'fix-bug', 'schema'] as const;

const onOff = (word: string | undefined): boolean | undefined => (word === 'on' || word === 'read' ? true : word === 'off' || word === 'captured' ? false : undefined);

export function verb(words: readonly string[]): SourcingAction | string {
	const [name = '', ...args] = words;
	const arg = args.join(' ');
	switch (name) {
		case 'deploy': {
			const version = /^v?([12])$/.exec(arg)?.[1];
			return version ? {type: 'deploy', version: Number(version) as 1 | 2} : `"deploy" takes a version: deploy v1 or deploy v2, not "${arg}"`;
		}

		case 'replay': {
			const from = arg.replace(/^from /, '');
			if (from === '' || from === 'empty') return {type: 'replay', from: 'empty'};
			if (from === 'snapshot') return {type: 'replay', from: 'snapshot'};
			return `"replay" takes nothing, "empty" or "snapshot", not "${arg}"`;
		}

		case 'finish':
			return args.length === 0 ? {type: 'finish'} : '"finish" takes no value';
		case 'snapshot':
			return args.length === 0 ? {type: 'snapshot'} : '"snapshot" takes no value';
		case 'clock':
		case 'random': {
			const read = onOff(args[0]);
			if (read === undefined || args.length !== 1) return `"${name}" takes on or off, not "${arg}"`;
			return name === 'clock' ? {type: 'clock', read} : {type: 'random', read};
		}

		case 'capture-time':
			return args.length === 0 ? {type: 'clock', read: false} : '"capture-time" takes no value';
		case 'capture-random':
			return args.length === 0 ? {type: 'random', read: false} : '"capture-random" takes no value';
		case 'fix-bug':
			return args.length === 0 ? {type: 'fix'} : '"fix-bug" takes no value';
		case 'schema':
			return /^v?2$/.test(arg) ? {type: 'schema', version: 2} : `"schema" takes 2 (events only move forward), not "${arg}"`;
		default:
			return `unknown sourcing verb "${name}": expected one of ${verbs.join(', ')}`;
	}
}

/** "-20", "−20" or "20" as a number. */
function amount(text: string | undefined): number | undefined {
	if (text === undefined || !/^[-−]?\d+$/.test(text)) return undefined;
	return Number(text.replace('−', '-'));
}

function count(text: string | undefined): number | undefined {
	return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

export function condition(words: readonly string[]): Condition | string {
	const text = words.join(' ');
	const [first, second] = words;
	if (text === 'replay done' || text === 'replayed' || text === 'replay finished') {
		return {text, check: state => (state.replay ? `replay ${state.replay.number} is still running` : undefined)};
	}

	if ((first === 'command' || first === 'commands') && words.length === 2) {
		const n = count(second);
		if (n === undefined) return `"${first}" needs a number, not "${second}"`;
		return {text, check: state => (state.sequencer.issued >= n ? undefined : `${state.sequencer.issued} commands so far`)};
	}

	if (first === 'day' && words.length === 2) {
		const n = count(second);
		if (n === undefined) return `"day" needs a number, not "${second}"`;
		return {text, check: state => (dayOf(state.clock) >= n ? undefined : `it is day ${dayOf(state.clock)}`)};
	}

	if (text === 'disagree' || text === 'pipelines disagree') return {text, check: state => (pipelinesAgree(state) ? 'the pipelines agree' : undefined)};
	return `unknown sourcing condition "${text}": expected replay done, command N, day N or pipelines disagree`;
}

type Side = 'cmd' | 'evt';

function side(word: string | undefined): Side | undefined {
	if (word === 'cmd' || word === 'command' || word === 'command-sourced') return 'cmd';
	if (word === 'evt' || word === 'event' || word === 'event-sourced') return 'evt';
	return undefined;
}

const causes: readonly CauseKind[] = ['overdraft', 'rate', 'clock', 'random', 'bug', 'state'];

/** Where "expect says" looks when the player does not say: the bundled scenarios' 80×24, under a caption of two rows (the most a caption takes). */
export const defaultShown: ShownScreen = {columns: 80, rows: 24, captionRows: maxCaptionRows};

/**
 * The screen's text at that size, for "expect says …": only what is on it
 * (a story line that does not fit is not), never the caption. A sentence may
 * wrap: rows are joined with spaces, and runs of spaces count as one.
 */
export function shownText(state: SourcingState, shown: ShownScreen = defaultShown): string {
	const bodyRows = bodyRowsOf(shown, sourcingRows.event, sourcingRows.decision);
	const screen = view(state, {columns: shown.columns, bodyRows, selected: 0, cursor: 0});
	return shownRows(screen, shown.columns, bodyRows).join(' ').replaceAll(/\s+/g, ' ').toLowerCase();
}

export function expectation(words: readonly string[]): Condition | string {
	const text = words.join(' ');
	const which = side(words[0]);
	const rest = which ? words.slice(1) : words;
	const [verbWord, ...args] = rest;
	const report = (state: SourcingState) => state.lastReport;
	const noReplay = 'no replay has finished yet';
	const is = (ok: boolean, otherwise: string) => (ok ? undefined : otherwise);

	switch (verbWord) {
		case 'balance': {
			const account = accountIndex(args[0] ?? '');
			const expected = amount(args[1]);
			if (!which || account === undefined || expected === undefined || args.length !== 2) return `expected "cmd|evt balance ACCOUNT AMOUNT", not "${text}"`;
			return {
				text,
				check(state) {
					const actual = state[which].ledger.balances[account]!;
					return is(actual === expected, `${which} balance of ${accountName(account)} is ${money(actual)}`);
				},
			};
		}

		case 'changed':
		case 'unchanged': {
			if (!which) return `say which side: "cmd ${verbWord} …" or "evt ${verbWord} …"`;
			const account = args.length > 0 ? accountIndex(args[0]!) : undefined;
			if (args.length > 1 || (args.length === 1 && account === undefined)) return `expected "${which} ${verbWord} [ACCOUNT]", not "${text}"`;
			const wantChanged = verbWord === 'changed';
			return {
				text,
				check(state) {
					const last = report(state);
					if (!last) return noReplay;
					const {before, after} = last[which];
					const moved = before.balances.flatMap((balance, i) => (balance === after.balances[i] ? [] : [i]));
					const changed = account === undefined ? moved.length > 0 : moved.includes(account);
					const what = account === undefined ? 'state' : `balance of ${accountName(account)}`;
					return is(changed === wantChanged, `replay ${last.number} ${changed ? 'changed' : 'did not change'} the ${which} ${what}`);
				},
			};
		}

		case 'decisions': {
			if (which === 'evt') return 'the event-sourced side decides nothing on replay: use "cmd decisions …"';
			const [how, n] = args;
			const exact = count(n);
			if ((how !== 'changed' && how !== 'unchanged') || (n !== undefined && exact === undefined) || args.length > 2) return `expected "cmd decisions changed [N]" or "cmd decisions unchanged", not "${text}"`;
			return {
				text,
				check(state) {
					const last = report(state);
					if (!last) return noReplay;
					const changed = last.cmd.decisionsChanged;
					if (how === 'unchanged') return is(changed === 0, `${changed} decisions changed`);
					return is(exact === undefined ? changed > 0 : changed === exact, `${changed} decisions changed`);
				},
			};
		}

		case 'cause': {
			const account = accountIndex(args[0] ?? '');
			const cause = args[1] as CauseKind;
			if (account === undefined || !causes.includes(cause) || args.length !== 2) return `expected "cmd cause ACCOUNT ${causes.join('|')}", not "${text}"`;
			return {
				text,
				check(state) {
					const last = report(state);
					if (!last) return noReplay;
					const change = last.cmd.accounts.find(each => each.account === account);
					if (!change) return `replay ${last.number} did not change ${accountName(account)}`;
					const found = change.first?.causes ?? [];
					return is(found.includes(cause), `${accountName(account)} changed because of ${found.join(', ') || 'its starting state'}`);
				},
			};
		}

		case 'pipelines': {
			const [how, on, ...names] = args;
			if (how === 'agree' && args.length === 1) return {text, check: state => is(pipelinesAgree(state), 'the pipelines disagree')};
			if (how !== 'disagree' || (on !== undefined && on !== 'on')) return `expected "pipelines agree" or "pipelines disagree [on ACCOUNT…]", not "${text}"`;
			const accounts = names.map(name => accountIndex(name));
			if (accounts.includes(undefined) || (on === 'on' && accounts.length === 0)) return `unknown account in "${text}"`;
			return {
				text,
				check(state) {
					if (pipelinesAgree(state)) return 'the pipelines agree';
					const differing = state.cmd.ledger.balances.flatMap((balance, i) => (balance === state.evt.ledger.balances[i] ? [] : [i]));
					const missing = (accounts as number[]).filter(account => !differing.includes(account));
					return is(missing.length === 0, `they agree on ${missing.map(account => accountName(account)).join(', ')}`);
				},
			};
		}

		case 'replays': {
			const [how] = args;
			if ((how !== 'agree' && how !== 'disagree') || args.length !== 1) return `expected "replays agree" or "replays disagree", not "${text}"`;
			return {
				text,
				check(state) {
					const comparison = report(state)?.comparison;
					if (!comparison) return 'the last replay had no earlier replay of the same journal under the same code to compare with';
					return is(comparison.agree === (how === 'agree'), `replays ${comparison.other} and ${report(state)!.number} ${comparison.agree ? 'agree' : 'disagree'}`);
				},
			};
		}

		case 'version':
		case 'code': {
			const [label] = args;
			if (!label || args.length !== 1) return `expected "${verbWord} LABEL" (v1, v2, v1.1, v2.1), not "${text}"`;
			return {text, check: state => is(versionLabel(state.code) === label, `${versionLabel(state.code)} is deployed`)};
		}

		case 'suppressed': {
			const n = count(args[0]);
			if (args.length !== 1 || (n === undefined && args[0] !== 'some')) return `expected "[cmd|evt] suppressed N|some", not "${text}"`;
			return {
				text,
				check(state) {
					const last = report(state);
					if (!last) return noReplay;
					const sides: Side[] = which ? [which] : ['cmd', 'evt'];
					for (const each of sides) {
						const held = last[each].suppressed;
						if (n === undefined ? held === 0 : held !== n) return `replay ${last.number} suppressed ${held} ${each} messages`;
					}

					return undefined;
				},
			};
		}

		case 'contradicted': {
			const n = count(args[0]);
			if (which === 'evt' || args.length !== 1 || (n === undefined && args[0] !== 'some' && args[0] !== 'none')) return `expected "cmd contradicted N|some|none", not "${text}"`;
			return {
				text,
				check(state) {
					const last = report(state);
					if (!last) return noReplay;
					const found = last.cmd.contradicted;
					const ok = args[0] === 'some' ? found > 0 : args[0] === 'none' ? found === 0 : found === n;
					return is(ok, `replay ${last.number} contradicted ${found} messages customers got`);
				},
			};
		}

		case 'snapshot': {
			const match = /^(?:at (\d+))? ?(?:by (\S+))?$/.exec(args.join(' '));
			if (!match || args.length === 0) return `expected "snapshot at N [by LABEL]" or "snapshot by LABEL", not "${text}"`;
			const at = match[1] === undefined ? undefined : Number(match[1]);
			const by = match[2];
			return {
				text,
				check(state) {
					const {snapshot} = state;
					if (!snapshot) return 'there is no snapshot';
					if (at !== undefined && snapshot.at !== at) return `the snapshot is at #${snapshot.at}`;
					const made = snapshot.madeBy.join('+');
					return is(by === undefined || made === by, `the snapshot was made by ${made || 'no code'}`);
				},
			};
		}

		case 'compensations': {
			const n = count(args[0]);
			if (which === 'cmd' || n === undefined || args.length !== 1) return `expected "compensations N", not "${text}"`;
			return {text, check: state => is(state.evt.compensations === n, `${state.evt.compensations} compensating events`)};
		}

		case 'upcast': {
			const n = count(args[0]);
			if (which === 'cmd' || args.length !== 1 || (n === undefined && args[0] !== 'some')) return `expected "upcast N|some", not "${text}"`;
			return {
				text,
				check(state) {
					const last = report(state);
					if (!last) return noReplay;
					return is(n === undefined ? last.evt.upcast > 0 : last.evt.upcast === n, `replay ${last.number} upcast ${last.evt.upcast} events`);
				},
			};
		}

		case 'commands': {
			const n = count(args[0]);
			if (n === undefined || args.length !== 1) return `expected "commands N", not "${text}"`;
			return {text, check: state => is(state.sequencer.issued === n, `${state.sequencer.issued} commands`)};
		}

		case 'schema': {
			const n = count(args[0]);
			if (n === undefined || args.length !== 1) return `expected "schema N", not "${text}"`;
			return {text, check: state => is(state.schema === n, `events are written in schema ${state.schema}`)};
		}

		case 'wrong': {
			const n = count(args[1]);
			if (args[0] !== 'credits' || n === undefined || args.length !== 2) return `expected "wrong credits N", not "${text}"`;
			return {
				text,
				check(state) {
					const found = entriesBetween(state.evt.journal, state.evt.journal.first).filter(
						event => event.body.kind === 'credited' && !state.evt.compensated.includes(event.position),
					).length;
					return is(found === n, `${found} wrong credits are not compensated in the event journal`);
				},
			};
		}

		case 'written': {
			const labels = args[1];
			if (which === 'cmd' || args[0] !== 'by' || !labels || args.length !== 2) return `expected "evt written by v1+v2", not "${text}"`;
			return {text, check: state => is(state.evt.writtenBy.join('+') === labels, `the events were written by ${state.evt.writtenBy.join('+') || 'no code'}`)};
		}

		case 'journal': {
			const n = count(args[0]);
			if (!which || n === undefined || args.length !== 1) return `expected "cmd|evt journal N" (entries kept), not "${text}"`;
			return {text, check: state => is(state[which].journal.length === n, `the ${which} journal keeps ${state[which].journal.length} entries`)};
		}

		case 'replaying':
			return {text, check: state => is(Boolean(state.replay), 'no replay is running')};
		case 'says': {
			const wanted = args.join(' ').toLowerCase();
			if (wanted === '') return 'expected "says TEXT"';
			return {
				text,
				check: (state, shown = defaultShown) => is(shownText(state, shown).includes(wanted.replaceAll(/\s+/g, ' ')), `nothing on the ${shown.columns}×${shown.rows} screen (under a ${shown.captionRows}-row caption) says "${args.join(' ')}"`),
			};
		}

		default:
			break;
	}

	switch (text) {
		case 'not replaying':
			return {text, check: state => (state.replay ? `replay ${state.replay.number} is running` : undefined)};
		case 'clock read':
			return {text, check: state => is(state.code.readsClock, 'the logic reads the stamped time')};
		case 'time captured':
			return {text, check: state => is(!state.code.readsClock, 'the logic reads the clock')};
		case 'random read':
			return {text, check: state => is(state.code.readsRandom, 'the logic uses the stamped random number')};
		case 'random captured':
			return {text, check: state => is(!state.code.readsRandom, 'the logic draws its own random numbers')};
		case 'bug fixed':
			return {text, check: state => is(state.code.bugFixed, 'the bug is not fixed')};
		case 'no snapshot':
			return {text, check: state => is(!state.snapshot, `there is a snapshot at #${state.snapshot?.at}`)};
		default:
			return `unknown sourcing claim "${text}": see docs/sourcing.md`;
	}
}
