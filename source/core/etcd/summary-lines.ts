import {kvKeys} from '../models/kv.js';
import {line, seg, type Line, type Tone} from '../engine/screen.js';
import {shortDigest} from './digest.js';
import {describeInput, expectedDigestAt, inputFor} from './expected.js';
import type {EtcdState, MemberView} from './state.js';
import {cellWidth, cut} from '../engine/text.js';
import {plural, seconds} from './text.js';

const answering = (member: MemberView) => member.role === 'leader' || member.role === 'follower' || member.role === 'candidate' || member.role === 'pre-candidate';

export const majorityOf = (members: number) => Math.floor(members / 2) + 1;

function partitionText(state: EtcdState): string | undefined {
	const {partition} = state.faults;
	if (partition.length === 0) return undefined;
	return partition.map(group => group.map(i => state.members[i]!.name).join(' ')).join(' | ');
}

function delayText(state: EtcdState): string | undefined {
	if (state.faults.delays.length === 0) return undefined;
	return state.faults.delays.map(delay => `${state.members[delay.a]!.name}${delay.b === undefined ? '' : `↔${state.members[delay.b]!.name}`} +${delay.ms} ms`).join(', ');
}

/**
 * The decision line: who leads in which term, the commit index, the majority
 * needed and how many members answer ("up"), the partition; then whether the
 * members' keys agree with one another and with the model.
 */
export function decisionLines(state: EtcdState, width: number): [Line, Line] {
	const n = state.members.length;
	// Each part in a long and a short form: at 80 columns with five members the short forms keep every part whole.
	const parts: Part[] = [];
	const {leader} = state;
	if (leader) {
		const member = state.members[leader.member]!;
		const commit = member.commit ?? '—';
		parts.push({text: `★ ${member.name} leads term ${leader.term} · commit ${commit}`, short: `★ ${member.name} leads T${leader.term} · commit ${commit}`, rank: 2, tone: 'accent'});
	} else {
		const highest = Math.max(0, ...state.members.map(member => member.term ?? 0));
		const since = state.leaderlessSince === undefined ? '' : ` for ${seconds(state.at - state.leaderlessSince)}`;
		parts.push({text: `✗ no leader${since}${highest > 0 ? ` · highest term ${highest}` : ''}`, short: `✗ no leader${since}${highest > 0 ? ` · T${highest}` : ''}`, rank: 2, tone: 'bad'});
	}

	const up = state.members.filter(answering).length;
	const majority = majorityOf(n);
	parts.push({text: `majority ${majority}/${n} (${up} up)`, short: `${up}/${n} up, need ${majority}`, rank: 1, tone: up >= majority ? undefined : 'warn'});
	// The partition before the rest: the columns say who is cut off, but only this line says how.
	const partition = partitionText(state);
	// Attached, the app sees only its own proxies, and it has none: another app's partition is invisible to it.
	if (!state.info.owned) parts.push({text: 'partitions unknown', short: 'partitions ?', rank: 5, tone: 'muted'});
	else parts.push({text: partition ? `cut ${partition}` : 'no partition', short: partition ? `cut ${partition.replaceAll(' | ', '|')}` : 'no cut', rank: 5, tone: partition ? 'warn' : undefined});
	const stale = state.members.filter((member, i) => member.role === 'leader' && i !== leader?.member);
	for (const member of stale) parts.push({text: `${member.name} still leads term ${member.term ?? '?'}`, short: `${member.name} still leads T${member.term ?? '?'}`, rank: 6, tone: 'warn'});
	const delays = delayText(state);
	if (delays) parts.push({text: `slow ${delays}`, short: `slow ${delays.replaceAll(' ms', 'ms')}`, rank: 3, tone: 'warn'});
	return [joinParts(parts, width), keysLine(state, width)];
}

/** `rank`: the order in which parts take their short form (1 first). */
type Part = {readonly text: string; readonly short?: string; readonly rank?: number; readonly tone?: Tone};

const joinedWidth = (texts: readonly string[]) => 1 + texts.reduce((sum, text, i) => sum + cellWidth(text) + (i === 0 ? 0 : 3), 0);

/**
 * The parts joined by " · ": in their long forms where they fit, else with
 * short forms taken in rank order until they fit, else leaving out whole parts
 * in that order (parts without a short form last, from the end) and saying
 * "+N more". A part is never cut in the middle.
 */
function joinParts(parts: readonly Part[], width: number): Line {
	let texts = parts.map(part => part.text);
	const byRank = parts.map((part, i) => ({part, i})).filter(({part}) => part.short !== undefined).sort((a, b) => (a.part.rank ?? 0) - (b.part.rank ?? 0));
	for (const {part, i} of byRank) {
		if (joinedWidth(texts) <= width) break;
		texts = texts.map((text, j) => (j === i ? part.short! : text));
	}

	// Still too wide: parts give way whole, the first-shortened first (the first part stays).
	const kept = parts.map((_, i) => i);
	const dropOrder = [...byRank.map(({i}) => i).filter(i => i > 0), ...kept.filter(i => i > 0 && parts[i]!.short === undefined).reverse()];
	let dropped = 0;
	const shown = () => kept.map(i => texts[i]!);
	while (dropOrder.length > 0 && joinedWidth(dropped > 0 ? [...shown(), `+${dropped} more`] : shown()) > width) {
		kept.splice(kept.indexOf(dropOrder.shift()!), 1);
		dropped++;
	}

	const segments = [seg(' ')];
	for (const [n, i] of kept.entries()) segments.push(seg((n === 0 ? '' : ' · ') + (joinedWidth([texts[i]!]) > width ? cut(texts[i]!, width - 1) : texts[i]!), parts[i]!.tone));
	if (dropped > 0) segments.push(seg(` · +${dropped} more`, 'muted'));
	return segments;
}

/** Members grouped by the input they applied last and their digest, each group checked against the model. */
function keysLine(state: EtcdState, width: number): Line {
	type Group = {lastInput: number; digest: number; names: string[]; values: readonly number[]};
	const groups: Group[] = [];
	const missing: string[] = [];
	for (const member of state.members) {
		if (!member.keys || member.role === 'down' || member.role === 'paused') {
			missing.push(`${member.name} ${member.role === 'down' || member.role === 'paused' ? member.role : 'unread'}`);
			continue;
		}

		const {lastInput, digest, values} = member.keys;
		const group = groups.find(candidate => candidate.lastInput === lastInput && candidate.digest === digest);
		if (group) group.names.push(member.name);
		else groups.push({lastInput, digest, names: [member.name], values});
	}

	groups.sort((a, b) => b.lastInput - a.lastInput);
	const parts: Array<{text: string; tone?: Tone}> = [];
	for (const [i, group] of groups.entries()) {
		const modelDigest = state.expected ? expectedDigestAt(state.expected, group.lastInput) : undefined;
		const who = groups.length === 1 && missing.length === 0 ? `all ${state.members.length}` : group.names.join(' ');
		const verdict = modelDigest === undefined ? '' : modelDigest === group.digest ? ' = model ✓' : ` ✗ model has ${shortDigest(modelDigest)}`;
		const tone: Tone | undefined = modelDigest === undefined ? undefined : modelDigest === group.digest ? 'good' : 'bad';
		parts.push({text: `${i === 0 ? 'keys ' : ''}${who} at #${group.lastInput} ${shortDigest(group.digest)}${verdict}`, tone});
	}

	if (groups.length === 0) parts.push({text: 'keys not read yet', tone: 'muted'});
	for (const text of missing) parts.push({text, tone: 'muted'});
	// Who agrees with whom comes first; the values of the most advanced group only where there is room.
	const lead = groups[0];
	if (lead) {
		const values = kvKeys.map((key, k) => `${key} ${lead.values[k] === 0 ? '—' : Number.isNaN(lead.values[k]) ? '?' : lead.values[k]}`).join(' ');
		const text = `#${lead.lastInput}: ${values}`;
		const used = 1 + parts.reduce((sum, part, i) => sum + part.text.length + (i === 0 ? 0 : 3), 0);
		if (used + 3 + text.length <= width) parts.push({text, tone: 'muted'});
	}

	return joinParts(parts, width);
}

/**
 * The event rows: the writer (what is being written where, what is
 * acknowledged) and the latest thing polling observed, in plain words.
 */
export function eventLines(state: EtcdState, width: number): [Line, Line] {
	return [writerLine(state, width), latestEventLine(state, width)];
}

function writerLine(state: EtcdState, width: number): Line {
	const {writer, info} = state;
	if (!info.writes) return line(seg(cut(' read-only: attached to a cluster this app did not start (no writes, no faults)', width), 'muted'));
	const parts: Array<{text: string; tone?: Tone}> = [];
	const inFlight = writer.issued > writer.acked;
	const shown = inFlight ? writer.issued : writer.acked;
	if (shown > 0) {
		const target = writer.target === undefined ? '' : ` → ${state.members[writer.target]?.name ?? '?'}`;
		const status = inFlight ? ' …' : writer.latencyMs === undefined ? ' ✓' : ` ✓ ${writer.latencyMs.toFixed(1)} ms`;
		parts.push({text: `writes #${shown} ${describeInput(inputFor(info.seed, shown))}${target}${status}`, tone: inFlight ? 'warn' : undefined});
	} else {
		parts.push({text: 'writes none yet'});
	}

	parts.push({text: `acked ${writer.acked}`});
	if (writer.enabled) parts.push({text: `${writer.perSecond.toFixed(1)}/s`});
	else parts.push({text: 'writes off', tone: 'muted'});
	if (writer.retries > 0) parts.push({text: plural(writer.retries, 'retry').replace('retrys', 'retries'), tone: 'warn'});
	return joinParts(parts, width);
}

function latestEventLine(state: EtcdState, width: number): Line {
	const event = state.events.at(-1);
	if (!event) return line(seg(cut(' nothing has happened yet', width), 'muted'));
	const stamp = ` ${seconds(event.at).padStart(7)}  `;
	return line(seg(stamp, 'dim'), seg(cut(event.text, width - stamp.length), event.tone));
}

/** Recent events, newest first, for tall terminals. */
export function recentEventLines(state: EtcdState, width: number, rows: number): Line[] {
	if (rows <= 1) return [];
	const lines: Line[] = [line(seg(cut(' recent events (newest first)', width), 'dim'))];
	const findings = state.violationCount > 0 ? [line(seg(cut(` ⚠ ${plural(state.violationCount, 'safety finding')}: ${state.violations.at(-1)!.text.replace(/^⚠ /, '')}`, width), 'bad'))] : [];
	lines.push(...findings);
	for (const event of [...state.events].reverse().slice(1)) {
		if (lines.length >= rows) break;
		const stamp = ` ${seconds(event.at).padStart(7)}  `;
		lines.push(line(seg(stamp, 'dim'), seg(cut(event.text, width - stamp.length), event.tone)));
	}

	return lines;
}
