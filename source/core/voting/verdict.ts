/**
 * What is said about each replica and about the vote, in one place: the
 * columns, the quorum line, the headless summary, --json and --trace all take
 * their words from here, so they can never disagree.
 */
import {flakyProbability, lagDistance} from './fault.js';
import type {Model} from '../models/model.js';
import {quorumStatus, voteOutcome, willReport, type OutOfLine, type QuorumStatus} from './quorum.js';
import {standingOf} from './standing.js';
import type {ReplicaState, SimState, Standing, Transition} from './types.js';

/** What a colour means; every tone also comes with a glyph or a word. */
export type Tone = 'good' | 'warn' | 'bad' | 'muted';

/**
 * ok: agrees with the latest decided value it reported for (or nothing decided yet);
 * diverged: disagrees with it; no-majority: the vote on its latest input can never be decided;
 * crashed; lagging (lag fault); armed: a fault is armed (skip, flaky, reorder, nondet) but it is in line;
 * behind: it has not applied the latest input for another reason.
 */
export type ReplicaKind = 'ok' | 'diverged' | 'no-majority' | 'crashed' | 'lagging' | 'split' | 'armed' | 'behind';

export type ReplicaVerdict = {
	readonly name: string;
	readonly kind: ReplicaKind;
	readonly glyph: string;
	/** A word or two for the column title: "ok", "diverged · skip", "lag 3". */
	readonly word: string;
	/** Narrower forms of `word`, for the narrowest columns: armed faults give way, "no majority" reads "no quorum". */
	readonly narrower: readonly string[];
	readonly tone: Tone;
	/** One sentence on where it stands now, e.g. "diverged since #22 (first at #4)". */
	readonly detail: string;
	readonly standing: Standing;
	/** Armed faults, in a fixed order. */
	readonly armed: readonly string[];
};

export type TextLine = {readonly text: string; readonly tone: Tone};

export type VoteVerdict = {
	readonly status: QuorumStatus;
	/** The decision line: what the majority decided at the latest input, or why nothing is. */
	readonly decision: TextLine;
	/** The line under it: who is out of line, or why none is called diverged, or that all are in line. */
	readonly outOfLine: TextLine;
};

export type Verdicts = {readonly replicas: readonly ReplicaVerdict[]; readonly vote: VoteVerdict};

export function verdicts(sim: SimState): Verdicts {
	return {replicas: sim.replicas.map(replica => replicaVerdict(sim, replica)), vote: voteVerdict(sim)};
}

export function armedFaults(replica: ReplicaState): string[] {
	const armed: string[] = [];
	if (replica.faults.skipNext) armed.push('skip');
	if (replica.faults.flaky) armed.push('flaky');
	if (replica.faults.reorder) armed.push('reorder');
	if (replica.faults.nondet) armed.push('nondet');
	if (replica.faults.lag) armed.push('lag');
	return armed;
}

/** A digest as four hex digits, enough to tell states apart by eye. */
export function shortDigest(digest: number): string {
	return (digest >>> 16).toString(16).padStart(4, '0');
}

export function replicaVerdict(sim: SimState, replica: ReplicaState): ReplicaVerdict {
	const verdict = judge(sim, replica);
	return {...verdict, narrower: narrowerWords(verdict.kind, verdict.word, verdict.armed, sim.index - replica.applied)};
}

/** The status word in fewer cells: without the armed faults after it, "no quorum" for "no majority", the first armed fault and how many more. */
function narrowerWords(kind: ReplicaKind, word: string, armed: readonly string[], behind: number): string[] {
	switch (kind) {
		case 'no-majority':
			return ['no quorum'];
		case 'diverged':
			return armed.length > 0 ? ['diverged'] : [];
		case 'lagging':
			return armed.length > 1 ? [`lag ${behind}`] : [];
		case 'armed':
			return armed.length > 1 ? [`${armed[0]} +${armed.length - 1}`] : [];
		default:
			return [];
	}
}

function judge(sim: SimState, replica: ReplicaState): Omit<ReplicaVerdict, 'narrower'> {
	const standing = standingOf(sim, replica);
	const armed = armedFaults(replica);
	const behind = sim.index - replica.applied;
	const base = {name: replica.name, standing, armed};
	// A standing judged before the replica's latest input says as of when.
	const judged = standing.checked !== null && standing.checked < replica.applied ? `as of #${standing.checked}: ${standingText(standing)}` : standingText(standing);
	const withStanding = (...parts: string[]) => [...parts, judged].filter(Boolean).join(' · ');
	if (replica.crashed) {
		return {...base, kind: 'crashed', glyph: '○', word: 'crashed', tone: 'muted', detail: withStanding(`crashed after #${replica.applied}: ${behind} behind`)};
	}

	const undecided = undecidedReason(sim, replica, standing);
	if (undecided) return {...base, kind: 'no-majority', glyph: '?', word: 'no majority', tone: 'warn', detail: withStanding(undecided, ...armedDetails(sim, replica))};
	const besidesLag = armed.filter(fault => fault !== 'lag');
	if (standing.checked !== null && !standing.agrees) {
		return {
			...base,
			kind: 'diverged',
			glyph: '✗',
			word: armed.length > 0 ? `diverged · ${armed.join(' ')}` : 'diverged',
			tone: 'bad',
			detail: [judged, ...armedDetails(sim, replica)].join(' · '),
		};
	}

	if (replica.faults.lag) {
		const word = besidesLag.length > 0 ? `lag ${behind} · ${besidesLag.join(' ')}` : `lag ${behind}`;
		return {...base, kind: 'lagging', glyph: '◐', word, tone: 'warn', detail: withStanding(...armedDetails(sim, replica))};
	}

	const split = splitReason(sim, replica, standing);
	if (split) return {...base, kind: 'split', glyph: '?', word: 'split', tone: 'warn', detail: withStanding(split, ...armedDetails(sim, replica))};
	if (armed.length > 0) return {...base, kind: 'armed', glyph: '⚠', word: armed.join(' '), tone: 'warn', detail: withStanding(...armedDetails(sim, replica))};
	if (behind > 0) return {...base, kind: 'behind', glyph: '◐', word: `${behind} behind`, tone: 'warn', detail: withStanding(`at #${replica.applied} of #${sim.index}`)};
	return {...base, kind: 'ok', glyph: '●', word: 'ok', tone: 'good', detail: judged};
}

/** Where a replica stands with the decided votes, in words. */
export function standingText(standing: Standing): string {
	if (standing.checked === null) return 'no vote decided on its reports yet';
	const first = standing.firstDivergence;
	if (!standing.agrees) return `diverged since #${standing.runStart}${first !== null && first < standing.runStart! ? ` (first at #${first})` : ''}`;
	const last = standing.lastDivergence;
	if (last === null) return `agrees at #${standing.checked}`;
	const run = last.from === last.to ? `#${last.from}` : `#${last.from}–#${last.to}`;
	const earlier = first !== null && first < last.from ? `, first at #${first}` : '';
	return `agrees again since #${standing.runStart} (diverged ${run}${earlier})`;
}

/** The vote on this replica's latest report, with its outcome and how many different values it has, if no later vote has judged the replica. */
function latestUnjudgedVote(sim: SimState, replica: ReplicaState, standing: Standing) {
	if (standing.checked !== null && standing.checked >= replica.applied) return undefined;
	const vote = sim.votes.find(candidate => candidate.index === replica.applied);
	if (!vote || vote.digests[replica.id] === undefined) return undefined;
	return {vote, outcome: voteOutcome(sim, vote), values: new Set(vote.digests.filter(digest => digest !== undefined)).size};
}

/** Why the vote on this replica's latest report can never be decided, if so and if no later vote has judged it. */
function undecidedReason(sim: SimState, replica: ReplicaState, standing: Standing): string | undefined {
	const latest = latestUnjudgedVote(sim, replica, standing);
	if (latest?.outcome !== 'no-majority') return undefined;
	const {vote} = latest;
	if (latest.values > 1) return `no majority at #${vote.index}: nobody can be told right or wrong`;
	const absent = sim.replicas
		.filter(other => vote.digests[other.id] === undefined && !willReport(other, vote.index))
		.map(other => (other.crashed ? `${other.name} crashed` : `${other.name} holds it back (reorder)`));
	return `#${vote.index} cannot be decided: ${absent.join(', ')}`;
}

/**
 * While the vote on this replica's latest report is still open and the reports
 * so far differ, neither side can be called ok or diverged yet: says so, and
 * who is still to report.
 */
function splitReason(sim: SimState, replica: ReplicaState, standing: Standing): string | undefined {
	const latest = latestUnjudgedVote(sim, replica, standing);
	if (latest?.outcome !== 'waiting' || latest.values < 2) return undefined;
	const {vote} = latest;
	const waiting = sim.replicas.filter(other => vote.digests[other.id] === undefined).map(other => other.name);
	return `#${vote.index} undecided: the reports differ, waiting for ${waiting.join(', ')}`;
}

/** One short clause per armed fault, saying what it does (and, for reorder and nondet, what it just did). */
function armedDetails(sim: SimState, replica: ReplicaState): string[] {
	const details: string[] = [];
	const {faults} = replica;
	if (faults.skipNext) details.push('will skip its next transition');
	if (faults.flaky) details.push(`skips each transition with probability ${flakyProbability}`);
	if (faults.lag) details.push(`applies inputs ${lagDistance} late: at #${replica.applied} of #${sim.index}`);
	if (faults.reorder) details.push(reorderText(replica));
	if (faults.nondet) details.push(clockText(replica));
	return details;
}

function reorderText(replica: ReplicaState): string {
	const late = findRecent(replica.recent, transition => transition.commutes !== undefined);
	return late ? swapText(late) : `will receive #${replica.applied + 1} and #${replica.applied + 2} swapped`;
}

/** "swapped #9/#10: same result (they commute)", said of the late half of a reordered pair. */
export function swapText(late: Transition): string {
	const pair = `swapped #${late.index}/#${late.index + 1}`;
	return late.commutes ? `${pair}: same result (they commute)` : `${pair}: different result (they do not commute)`;
}

function clockText(replica: ReplicaState): string {
	const read = findRecent(replica.recent, transition => transition.reading !== undefined);
	return read ? `reads the clock: #${read.index} read ${read.reading} ms` : 'will read the clock while applying inputs';
}

function findRecent(recent: readonly Transition[], test: (transition: Transition) => boolean): Transition | undefined {
	for (let i = recent.length - 1; i >= 0; i--) if (test(recent[i]!)) return recent[i];
	return undefined;
}

export function voteVerdict(sim: SimState): VoteVerdict {
	const status = quorumStatus(sim);
	return {status, decision: decisionLine(sim, status), outOfLine: outOfLineLine(sim, status)};
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function decisionLine(sim: SimState, status: QuorumStatus): TextLine {
	const {model} = sim;
	const faults = `tolerates ${plural(status.tolerates, 'fault')}`;
	switch (status.kind) {
		case 'idle':
			return {text: `quorum — no inputs yet · ${plural(status.replicas, 'replica')}, majority ${status.needed}, ${faults}`, tone: 'muted'};
		case 'decided': {
			const decided = status.decision!.decided!;
			return {text: `quorum #${status.index} ✓ ${decided.count} of ${status.replicas} agree on ${shortDigest(decided.digest)} (${model.summary(decided.state)}) · ${faults}`, tone: 'good'};
		}

		case 'no-majority': {
			const need = `no majority (need ${status.needed} of ${status.replicas})`;
			if (status.groups.length === 0) return {text: `quorum #${status.index} ✗ ${need}: nobody reported`, tone: 'bad'};
			if (status.groups.length === 1) {
				const [only] = status.groups;
				return {text: `quorum #${status.index} ✗ ${need}: only ${only!.members.join('+')} reported (${model.summary(only!.state)})`, tone: 'bad'};
			}

			const values = distinguishing(model, status.groups.map(group => group.state));
			return {text: `quorum #${status.index} ✗ ${need}: ${status.groups.map((group, i) => `${group.members.join('+')} ${values[i]}`).join(' vs ')}`, tone: 'bad'};
		}

		case 'waiting': {
			const last = status.decision;
			const before = last?.decided ? ` · last decided #${last.index}: ${model.summary(last.decided.state)}` : '';
			return {text: `quorum #${status.index} … waiting: ${status.reported} of ${status.replicas} reported, ${status.needed} must agree${before}`, tone: 'warn'};
		}
	}
}

/** Each state in the fewest words that tell it apart from the others (all of it when the model cannot say less). */
export function distinguishing(model: Model, states: readonly unknown[]): string[] {
	if (!model.summaryOf || states.length < 2) return states.map(state => model.summary(state));
	const fields = states.map(state => model.describeState(state));
	const differing = new Set(fields[0]!.map(([label]) => label).filter((label, i) => fields.some(other => other[i]?.[1] !== fields[0]![i]![1])));
	return states.map(state => model.summaryOf!(state, differing));
}

/** One out-of-line replica, as the quorum line names it. */
export function outOfLineText(entry: OutOfLine): string {
	switch (entry.reason) {
		case 'diverged':
			return `✗ ${entry.name} diverged since #${entry.divergedSince}`;
		case 'crashed':
			return entry.behind > 0 ? `○ ${entry.name} crashed (${entry.behind} behind)` : `○ ${entry.name} crashed`;
		case 'lagging':
			return `◐ ${entry.name} lag ${entry.behind}`;
		case 'holding':
			return `◐ ${entry.name} holds #${entry.applied + 1} back (reorder)`;
		case 'behind':
			return `◐ ${entry.name} ${entry.behind} behind`;
	}
}

function outOfLineLine(sim: SimState, status: QuorumStatus): TextLine {
	if (status.kind === 'no-majority') {
		const absent = status.cannotReport.map(entry => (entry.reason === 'crashed' ? `○ ${entry.name} crashed` : `${entry.name} holds #${status.index} back (reorder)`));
		const absentNames = new Set(status.cannotReport.map(entry => entry.name));
		const others = status.outOfLine.filter(entry => !absentNames.has(entry.name)).map(entry => outOfLineText(entry));
		const head =
			status.groups.length > 1
				? ['⚠ cannot tell which replica is right: nothing decided, none is called diverged', ...absent]
				: [`⚠ ${absent.join(', ')}: this vote cannot complete, none is called diverged`];
		return {text: [...head, ...others].join(' · '), tone: 'bad'};
	}

	if (status.outOfLine.length > 0) {
		const diverged = status.outOfLine.some(entry => entry.reason === 'diverged');
		return {text: `out of line: ${status.outOfLine.map(entry => outOfLineText(entry)).join(' · ')}`, tone: diverged ? 'bad' : 'warn'};
	}

	const lastEvent = sim.events.at(-1)?.text;
	if (status.kind === 'idle' && !lastEvent) return {text: '', tone: 'muted'};
	const swap = reorderNote(sim);
	return {text: ['✓ all replicas in line', ...(swap ? [swap] : []), ...(lastEvent ? [`last: ${lastEvent}`] : [])].join(' · '), tone: 'muted'};
}

/** While every replica is in line, a reordering replica's latest swap says whether it made a difference. */
function reorderNote(sim: SimState): string | undefined {
	for (const replica of sim.replicas) {
		if (!replica.faults.reorder) continue;
		const late = findRecent(replica.recent, transition => transition.commutes !== undefined);
		if (late) return `${replica.name} ${swapText(late)}`;
	}

	return undefined;
}

/** The vote verdict only, for callers that draw just the quorum lines. */
export function quorumLines(sim: SimState): readonly [TextLine, TextLine] {
	const vote = voteVerdict(sim);
	return [vote.decision, vote.outOfLine];
}

export type {OutOfLine, QuorumStatus} from './quorum.js';

/**
 * What a history line adds after the result: " (late)", " (late · commutes)",
 * " (clock 347)" (ms)…; in narrow columns " (late =)", " (late ≠)", " (clk 347)";
 * in the narrowest, " ⇅=" or " ⇅≠" for a swapped input (same or different result),
 * " ◐" for one applied late (lag), " ↺" for a replayed one, " c347" for a clock read.
 */
export function transitionSuffix(transition: Transition, form: 'long' | 'short' | 'tiny' = 'long'): string {
	const parts: string[] = [];
	const {note} = transition;
	const short = form !== 'long';
	if (form === 'tiny') {
		// A swapped input (either half of a reordered pair) is ⇅; one applied late by a lagging replica is ◐, as its status.
		if (note === 'early' || transition.commutes !== undefined) parts.push(`⇅${transition.commutes === undefined ? '' : transition.commutes ? '=' : '≠'}`);
		else if (note === 'late') parts.push('◐');
		if (note === 'replayed') parts.push('↺');
		if (transition.reading !== undefined) parts.push(`c${transition.reading}`);
		return parts.length > 0 ? ` ${parts.join(' ')}` : '';
	}

	if (note === 'late' || note === 'early') parts.push(note);
	if (note === 'replayed') parts.push('replay');
	if (transition.commutes !== undefined) parts.push(short ? (transition.commutes ? '=' : '≠') : transition.commutes ? 'commutes' : 'differs');
	if (transition.reading !== undefined) parts.push(short ? `clk ${transition.reading}` : `clock ${transition.reading}`);
	return parts.length > 0 ? ` (${parts.join(short ? ' ' : ' · ')})` : '';
}

/** A headless run's text summary: the run, a line per replica (status and where it stands), and the two quorum lines. */
export function summaryText(sim: SimState): string {
	const {replicas, vote} = verdicts(sim);
	const lines = sim.replicas.map((replica, id) => {
		const verdict = replicas[id]!;
		const status = `${verdict.glyph} ${verdict.word}`;
		return `${replica.name.padEnd(3)} ${status.padEnd(12)} applied #${replica.applied}  ${sim.model.summary(replica.state)}  ${replica.digest.toString(16).padStart(8, '0')}  ${verdict.detail}`;
	});
	return [`model ${sim.config.model} · seed ${sim.config.seed} · ${sim.index} inputs`, ...lines, vote.decision.text, ...(vote.outOfLine.text ? [vote.outOfLine.text] : [])].join('\n');
}
