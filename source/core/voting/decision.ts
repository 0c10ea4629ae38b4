import {seg, type Line} from '../engine/screen.js';
import {cellWidth} from '../engine/text.js';
import {distinguishing, shortDigest, voteVerdict, type VoteVerdict} from './verdict.js';
import type {OutOfLine, QuorumStatus} from './quorum.js';
import type {SimState} from './types.js';

/**
 * The quorum line and the out-of-line line, as the core says them
 * (source/core/verdict.ts), shortened to `width` by dropping what matters
 * least first: the "tolerates" note and trailing asides, then the labels of
 * the differing values — never the values themselves or who holds them.
 */
export function decisionLines(sim: SimState, width = Number.POSITIVE_INFINITY): Line[] {
	const vote = voteVerdict(sim);
	const {decision, outOfLine: second} = vote;
	const room = width - 1;
	return [
		[seg(` ${shorten(decision.text, room, () => compactNoMajority(sim, vote.status, room))}`, decision.tone, true)],
		[seg(second.text ? ` ${shortenNaming(second.text, room, () => compactOutOfLine(vote))}` : '', second.tone)],
	];
}

/** The second line keeps every replica it names where it can: its short forms come before dropping asides. */
function shortenNaming(text: string, width: number, shorter: () => readonly string[]): string {
	if (fits(text, width)) return text;
	return shorter().find(form => fits(form, width)) ?? shorten(text, width);
}

const fits = (text: string, width: number) => cellWidth(text) <= width;

/**
 * Drops " · …" asides from the end until the text fits; an aside that says
 * what with a value ("last decided #2: a=47 …") first gives up its value
 * ("last decided #2"): that is what tells an ok replica from a diverged one in
 * the same state. Then tries the compact form, if any.
 */
function shorten(text: string, width: number, compact?: () => string | undefined): string {
	if (fits(text, width)) return text;
	const parts = text.split(' · ');
	const heads = [parts[0]!, ...parts.slice(1).map(part => (/^[^:]* #\d+: /.test(part) ? part.split(': ')[0]! : part))];
	for (let kept = parts.length; kept >= 2; kept--) {
		const shorter = heads.slice(0, kept).join(' · ');
		if (heads.slice(1, kept).some((head, i) => head !== parts[i + 1]) && fits(shorter, width)) return shorter;
	}

	for (let kept = parts.length - 1; kept >= 1; kept--) {
		const shorter = parts.slice(0, kept).join(' · ');
		if (fits(shorter, width)) return shorter;
	}

	return compact?.() ?? text;
}

/**
 * "quorum #26 ✗ no majority: R1 70 · R2 25 · R3 50": each group's
 * distinguishing values, without their labels when there is one value; then
 * the model's terse values, if it has them ("R1+R5 START r3 · R3 END"); when
 * even that is too wide (many groups, several differing keys), each group's
 * digest, which its columns show beside the values ("quorum" goes first if even
 * that is too wide).
 */
function compactNoMajority(sim: SimState, status: QuorumStatus, width: number): string | undefined {
	if (status.kind !== 'no-majority' || status.groups.length < 2) return undefined;
	const values = distinguishing(sim.model, status.groups.map(group => group.state));
	const singleField = sim.model.describeState(status.groups[0]!.state).length === 1;
	const shown = status.groups.map((group, i) => {
		const value = singleField ? sim.model.describeState(group.state)[0]![1] : values[i]!;
		return `${group.members.join('+')} ${value}`;
	});
	const byValue = `quorum #${status.index} ✗ no majority: ${shown.join(' · ')}`;
	if (fits(byValue, width)) return byValue;
	const terse = sim.model.terseValues?.(status.groups.map(group => group.state));
	const byTerseValue = terse && `quorum #${status.index} ✗ no majority: ${status.groups.map((group, i) => `${group.members.join('+')} ${terse[i]}`).join(' · ')}`;
	if (byTerseValue && fits(byTerseValue, width)) return byTerseValue;
	const digests = `no majority, digests ${status.groups.map(group => `${group.members.join('+')} ${shortDigest(group.digest)}`).join(', ')}`;
	const forms = [`quorum #${status.index} ✗ ${digests}`, `#${status.index} ✗ ${digests}`];
	return forms.find(form => fits(form, width)) ?? forms.at(-1);
}

/**
 * Shorter forms of the out-of-line line, every replica kept: "⚠ cannot tell
 * who is right · ○ R3 crashed" for the no-majority line; then the replicas
 * grouped by what is wrong: "○ crashed R1, R2 · ✗ diverged R3 #1, R4 #5".
 */
function compactOutOfLine({status, outOfLine}: VoteVerdict): string[] {
	const noMajority = status.kind === 'no-majority';
	const forms: string[] = [];
	if (noMajority && status.groups.length > 1) forms.push(['⚠ cannot tell who is right', ...outOfLine.text.split(' · ').slice(1)].join(' · '));
	const entries: Entry[] = [
		...(noMajority ? status.cannotReport.map(entry => (entry.reason === 'crashed' ? {what: '○ crashed', name: entry.name, detail: ''} : {what: '◐ holds back', name: entry.name, detail: ` #${status.index}`})) : []),
		...status.outOfLine.map(entry => ({what: groupWords[entry.reason], name: entry.name, detail: entryDetail(entry)})),
	];
	if (entries.length === 0) return forms;
	const grouped = groupedEntries(entries);
	const head = noMajority ? (status.groups.length > 1 ? '⚠ cannot tell who is right' : '⚠ this vote cannot complete') : 'out of line:';
	forms.push(noMajority ? `${head} · ${grouped}` : `${head} ${grouped}`, grouped);
	return forms;
}

/** One replica the line names: what is wrong with it, and a detail (since when, how far behind). */
type Entry = {readonly what: string; readonly name: string; readonly detail: string};

const groupWords: Readonly<Record<OutOfLine['reason'], string>> = {diverged: '✗ diverged', crashed: '○ crashed', lagging: '◐ lag', holding: '◐ holds back', behind: '◐ behind'};

function entryDetail(entry: OutOfLine): string {
	switch (entry.reason) {
		case 'diverged':
			return ` #${entry.divergedSince}`;
		case 'lagging':
		case 'behind':
			return ` ${entry.behind}`;
		case 'holding':
			return ` #${entry.applied + 1}`;
		case 'crashed':
			return '';
	}
}

/** "○ crashed R1, R2 · ✗ diverged R3 #1": the entries grouped by what is wrong, each replica once. */
function groupedEntries(entries: readonly Entry[]): string {
	const seen = new Set<string>();
	const groups = new Map<string, string[]>();
	for (const {what, name, detail} of entries) {
		if (seen.has(name)) continue;
		seen.add(name);
		groups.set(what, [...(groups.get(what) ?? []), `${name}${detail}`]);
	}

	return [...groups].map(([what, names]) => `${what} ${names.join(', ')}`).join(' · ');
}
