/**
 * One server as a column: role, term and vote, the election timer as a bar,
 * commit and applied index, the state machine, the leader's view of it, and
 * its log, one row per log index (the same rows in every column, so Log
 * Matching can be read across a row).
 */
import {seg, type Column, type Line, type Segment, type Tone} from '../../engine/screen.js';
import {quorumOf} from '../tx.js';
import {countText, shortInputText} from '../describe.js';
import {bitCount, roleGlyph, roleWord, serverName} from '../names.js';
import type {RaftState, Role, Server} from '../types.js';
import {cut, fitFirst, padEnd, padStart} from '../../engine/text.js';

export type ColumnLayout = {
	readonly width: number;
	/** The first log index shown, and how many rows of log. */
	readonly logFirst: number;
	readonly logRows: number;
	/** A "── log ──" row above the log. */
	readonly separator: boolean;
};

/** Rows above the log: term and vote, timer, commit, state machine, the leader's view. */
export const infoRows = 5;

const roleTone: Readonly<Record<Role, Tone | undefined>> = {
	leader: 'good',
	candidate: 'warn',
	precandidate: 'warn',
	follower: undefined,
	crashed: 'bad',
};

const shortRoleWord: Readonly<Record<Role, string>> = {...roleWord, precandidate: 'pre-cand', candidate: 'cand.'};

function text(value: string, tone?: Tone): Line {
	return [tone === undefined ? {text: value} : {text: value, tone}];
}

/** The title: the name (and its label, e.g. "(a)"), then the role's glyph and word; where the word does not fit whole, the glyph alone. */
function title(server: Server, inner: number, selected: boolean, violated: boolean, label: string): Line {
	const mark = selected ? '▸' : ' ';
	const labelled = `${serverName(server.id)}${label === '' ? '' : ` (${label})`}`;
	const fixed = mark.length + (violated ? 1 : 0) + 2;
	// The label gives way before the role's glyph does.
	const name = fixed + labelled.length <= inner ? labelled : serverName(server.id);
	const room = inner - fixed - name.length;
	const word = [roleWord[server.role], shortRoleWord[server.role]].find(option => option.length + 1 <= room);
	const role = word === undefined ? roleGlyph[server.role] : `${roleGlyph[server.role]} ${word}`;
	return [seg(`${mark}${name}`, selected ? 'accent' : undefined, true), ...(violated ? [seg('✗', 'bad', true)] : []), seg(' '), seg(role, roleTone[server.role], server.role === 'leader')];
}

function termLine(server: Server, inner: number): Line {
	const vote = server.votedFor === null ? '—' : serverName(server.votedFor);
	return text(fitFirst([`term ${server.currentTerm} · voted ${vote}`, `term ${server.currentTerm} voted ${vote}`, `T${server.currentTerm} voted ${vote}`, `T${server.currentTerm} v ${vote}`], inner));
}

function timerLine(state: RaftState, server: Server, inner: number): Line {
	if (server.role === 'crashed') return text(fitFirst(['timers lost in the crash', 'timers lost'], inner), 'muted');
	if (server.role === 'leader') {
		if (server.heartbeatDue === null) return text('');
		const ms = server.heartbeatDue - state.time;
		return [seg('♥', 'good'), seg(fitFirst([` heartbeat in ${ms} ms`, ` beat in ${ms} ms`, ` beat ${ms}ms`, ` ${ms}ms`], inner - 1))];
	}

	if (server.electionDeadline === null) return text('no timer', 'muted');
	const remaining = Math.max(0, server.electionDeadline - state.time);
	const label = inner >= 22 ? 'timer ' : '';
	const ms = ` ${remaining}ms`;
	const barWidth = Math.max(1, inner - label.length - ms.length);
	const fraction = server.electionTimeout > 0 ? remaining / server.electionTimeout : 0;
	const filled = Math.min(barWidth, Math.ceil(barWidth * fraction));
	const tone: Tone | undefined = fraction < 0.25 ? 'warn' : undefined;
	return [seg(label), seg('█'.repeat(filled), tone), seg('░'.repeat(barWidth - filled), 'dim'), seg(ms)];
}

function commitLine(server: Server, inner: number): Line {
	if (server.role === 'crashed') return text(fitFirst(['commit, applied: lost', 'commit lost'], inner), 'muted');
	const c = server.commitIndex;
	const a = server.lastApplied;
	return text(fitFirst([`commit ${c} · applied ${a}`, `commit ${c} applied ${a}`, `commit ${c} app ${a}`, `cmt ${c} app ${a}`, `c${c} a${a}`], inner));
}

function machineLine(state: RaftState, server: Server, inner: number): Line {
	if (server.role === 'crashed') return text(fitFirst(['state machine lost', 'machine lost'], inner), 'muted');
	return text(cut(state.model.summary(server.machine), inner));
}

function peerLine(state: RaftState, server: Server, inner: number): Line {
	const size = state.servers.length;
	const majority = quorumOf(state.config, size);
	switch (server.role) {
		case 'crashed':
			return text(fitFirst([`on disk: ${countText(server.log.length, 'entry', 'entries')}`, `disk: ${countText(server.log.length, 'entry', 'entries')}`, `disk ${server.log.length}`], inner), 'muted');
		case 'leader':
			return text(fitFirst([`commits on ${majority} of ${size}`, `needs ${majority} of ${size}`, `${majority}/${size}`], inner));
		case 'candidate':
		case 'precandidate': {
			const votes = bitCount(server.votes);
			const word = server.role === 'candidate' ? 'votes' : 'pre-votes';
			return text(fitFirst([`${word} ${votes}, needs ${majority}`, `${word} ${votes}/${majority}`, `${votes}/${majority}`], inner), 'warn');
		}

		case 'follower': {
			// The follower's own belief (it may still follow a leader that crashed until its timer fires); the truth is on the decision line.
			const believed = server.leaderId;
			if (believed === null || believed === server.id) return text(fitFirst(['no leader known', 'no leader'], inner), 'muted');
			const by = serverName(believed);
			const view = state.servers[believed]!;
			const next = view.nextIndex[server.id];
			const match = view.matchIndex[server.id];
			if (view.role !== 'leader' || view.currentTerm !== server.currentTerm || next === undefined || match === undefined) {
				return text(fitFirst([`follows ${by} (term ${server.currentTerm})`, `follows ${by} T${server.currentTerm}`, `follows ${by}`, `→${by}`], inner));
			}

			const sent = view.appendsSent[server.id] ?? 0;
			return text(fitFirst([`${by}: next ${next} match ${match} · ${sent} AE`, `${by}: next ${next} match ${match}`, `${by} next ${next} match ${match}`, `${by}: nx ${next} mt ${match}`, `nx ${next} mt ${match}`, `${next}/${match}`], inner));
		}
	}
}

/** How many servers the leader knows hold its entry at `index`: itself, and every follower whose matchIndex reached it. */
function knownHolders(leader: Server, index: number): number {
	let count = 1;
	for (const [id, match] of leader.matchIndex.entries()) if (id !== leader.id && match >= index) count++;
	return count;
}

function logRow(state: RaftState, server: Server, index: number, inner: number, indexWidth: number, leader: number | undefined, violated: boolean): Line {
	const entry = server.log.entryAt(index);
	if (entry === undefined) return violated ? [seg(`${padStart(String(index), indexWidth)} ✗ no entry`, 'bad', true)] : text('');
	const committed = index <= server.commitIndex;
	const leaderTerm = leader === undefined ? undefined : state.servers[leader]!.log.termAt(index);
	const differs = leader !== undefined && leader !== server.id && leaderTerm !== entry.term;
	const mark = `${violated ? '✗' : ''}${committed ? '✓' : ''}${differs ? '≠' : ''}`;
	const isLeader = leader === server.id;
	// What the leader knows: its own log and each follower's matchIndex (what its commit rule counts), not the other logs.
	// A new leader knows no follower's matchIndex yet: on an entry it already knows is committed, a count below a majority would read as a contradiction (`✓ 1/5`), so it is left out.
	const held = isLeader ? knownHolders(server, index) : 0;
	const quorum = quorumOf(state.config, state.servers.length);
	const count = isLeader && (!committed || held >= quorum) ? `${held}/${state.servers.length}` : '';
	const tail = [mark, count].filter(part => part !== '').join(' ');
	const head = `${padStart(String(index), indexWidth)} t${entry.term} `;
	const room = inner - head.length - (tail === '' ? 0 : tail.length + 1);
	const command = room >= 3 ? padEnd(cut(shortInputText(state.model, entry.input), room), room) : ' '.repeat(Math.max(0, room));
	const segments: Segment[] = [violated ? seg(head, 'bad', true) : seg(head, 'dim'), seg(command)];
	if (tail !== '') {
		segments.push(seg(' '));
		if (mark !== '') segments.push(violated ? seg(mark, 'bad', true) : seg(mark, differs ? 'warn' : 'good'));
		if (count !== '') segments.push(seg(mark === '' ? count : ` ${count}`, held >= quorum ? 'good' : undefined));
	}

	return segments;
}

/** A column a safety violation names: its border turns red, its title says ✗, and the row at `index` (if any) is marked. */
export type ViolationMark = {readonly index?: number};

export function serverColumn(state: RaftState, id: number, layout: ColumnLayout, selected: boolean, leader: number | undefined, mark?: ViolationMark): Column {
	const server = state.servers[id]!;
	const inner = layout.width - 2;
	const lines: Line[] = [termLine(server, inner), timerLine(state, server, inner), commitLine(server, inner), machineLine(state, server, inner), peerLine(state, server, inner)];
	if (layout.separator) {
		const label = ' log ';
		const left = Math.floor((inner - label.length) / 2);
		lines.push(text(`${'─'.repeat(Math.max(0, left))}${label}${'─'.repeat(Math.max(0, inner - left - label.length))}`, 'dim'));
	}

	const lastIndex = layout.logFirst + layout.logRows - 1;
	const indexWidth = String(Math.max(1, lastIndex)).length;
	if (server.log.length === 0 && layout.logRows > 0) {
		lines.push(text(layout.logFirst === 1 ? '(empty log)' : '', 'dim'));
		for (let row = 1; row < layout.logRows; row++) lines.push(text(''));
	} else {
		for (let index = layout.logFirst; index <= lastIndex; index++) lines.push(logRow(state, server, index, inner, indexWidth, leader, mark?.index === index));
	}

	const heading = title(server, inner, selected, mark !== undefined, state.config.labels?.[id] ?? '');
	return {id: serverName(id), width: layout.width, title: heading, lines, selected, ...(mark === undefined ? {} : {borderTone: 'bad' as const})};
}
