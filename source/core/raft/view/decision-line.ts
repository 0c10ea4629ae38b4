/**
 * The decision line: who leads (the all-knowing truth, beside the columns'
 * beliefs), what is committed, what a quorum is, and the network. Fitted to
 * one row by shortening its least telling parts first (the highest term, the
 * majority's words, the stale leaders' words), so that the network's state is
 * never the part that is cut when it is not whole.
 */
import {lineWidth, seg, type Line, type Segment, type Tone} from '../../engine/screen.js';
import {heartbeatWarning, majorityOf} from '../config.js';
import {serverList, serverName} from '../names.js';
import {cutLinks, networkText, partitionGroups} from '../network.js';
import {clusterCommit, currentLeader, highestTerm, staleLeaders} from '../queries.js';
import {electionsText, leaderlessFor, leaderlessNoticeMs} from '../safety/liveness.js';
import {quorumOf} from '../tx.js';
import type {RaftState} from '../types.js';

/** One part of the line: its texts, widest first ('' drops it), a tone, bold. */
type Part = {readonly options: readonly string[]; readonly tone?: Tone; readonly bold?: boolean};

/** The network in fewer words: "S1 S2|S3 S4 S5" for a partition, "loss 20%" without "on every link". */
function shortNetworkText(state: RaftState): string {
	return networkText(state.network, state.servers.length)
		.replaceAll(' | ', '|')
		.replaceAll(' on every link', '')
		.replace('network whole', 'net whole');
}

function parts(state: RaftState): Record<string, Part> {
	const size = state.servers.length;
	const leader = currentLeader(state);
	const result: Record<string, Part> = {};
	if (leader === undefined) {
		const leaderless = leaderlessFor(state);
		const elections = electionsText(state);
		const long = leaderless >= leaderlessNoticeMs;
		result['lead'] = {options: [`○ no leader${long ? ` for ${leaderless} ms` : ''}`, `○ no leader${long ? ` ${leaderless} ms` : ''}`, '○ no leader'], tone: 'warn', bold: true};
		if (elections !== undefined) result['elections'] = {options: [` ⚠ ${elections}`, ` ⚠ ${elections.replace(' elections in ', ' elections/')}`], tone: 'warn'};
		result['term'] = {options: [` (highest term ${highestTerm(state)})`, ` (T${highestTerm(state)})`, '']};
	} else {
		const term = state.servers[leader]!.currentTerm;
		result['lead'] = {options: [`★ ${serverName(leader)} leads term ${term}`, `★ ${serverName(leader)} leads T${term}`], tone: 'good', bold: true};
		const stale = staleLeaders(state);
		if (stale.length > 0) {
			const verb = stale.length === 1 ? 'leads' : 'lead';
			const terms = [...new Set(stale.map(id => state.servers[id]!.currentTerm))].map(t => `T${t}`).join(' ');
			result['stale'] = {options: [` (${serverList(stale)} still ${verb} an older term)`, ` (${serverList(stale)} still ${verb} ${terms})`, ` (+${serverList(stale)} ${terms})`], tone: 'warn'};
		}
	}

	const warning = heartbeatWarning(state.config);
	if (warning !== undefined) result['heartbeat'] = {options: [` ⚠ ${warning.short}`, ` ⚠ heartbeat ${state.config.heartbeat} ms too slow`, ''], tone: 'warn'};
	result['commit'] = {options: [` · commit ${clusterCommit(state)}`]};
	const quorum = quorumOf(state.config, size);
	result['quorum'] =
		quorum === majorityOf(size)
			? {options: [` · majority ${quorum} of ${size}`, ` · majority ${quorum}/${size}`, '']}
			: {options: [` · quorum ${quorum} of ${size} (half-quorum bug)`, ` · quorum ${quorum}/${size} (bug)`], tone: 'bad'};
	const network = networkText(state.network, size);
	const short = shortNetworkText(state);
	const links = cutLinks(state.network, size).length;
	const fewest = partitionGroups(state.network, size) === undefined && links > 0 ? `cut ${links} links` : short.split(' · ')[0]!;
	result['network'] = {options: [` · ${network}`, ` · ${short}`, ` · ${short.split(' · ')[0]!}`, ` · ${fewest}`]};
	return result;
}

/** Which part gives way first. */
const shortening = ['term', 'quorum', 'stale', 'network', 'heartbeat', 'term', 'quorum', 'lead', 'stale', 'heartbeat', 'elections', 'lead', 'network', 'network'] as const;
const order = ['lead', 'elections', 'term', 'stale', 'heartbeat', 'commit', 'quorum', 'network'] as const;

function render(all: Record<string, Part>, chosen: Record<string, number>): Segment[] {
	const segments: Segment[] = [];
	for (const name of order) {
		const part = all[name];
		if (part === undefined) continue;
		const text = part.options[Math.min(chosen[name] ?? 0, part.options.length - 1)]!;
		if (text !== '') segments.push(seg(text, part.tone, part.bold));
	}

	return segments;
}

/** The decision line in `width` cells (the shortest form, cut, if even that does not fit). */
export function decisionText(state: RaftState, width = Number.POSITIVE_INFINITY): Line {
	const all = parts(state);
	const chosen: Record<string, number> = {};
	let line = render(all, chosen);
	for (const name of shortening) {
		if (lineWidth(line) <= width) break;
		if (all[name] === undefined) continue;
		chosen[name] = (chosen[name] ?? 0) + 1;
		line = render(all, chosen);
	}

	return line;
}
