import {quorumStatus, type OutOfLine, type QuorumStatus} from '../quorum.js';
import {shortDigest} from '../replica-status.js';
import type {SimState} from '../types.js';
import type {Line, Tone} from '../engine/screen.js';
import {seg} from '../engine/screen.js';

/** The vote in words: what the majority decided, or why nothing is decided. */
export function decisionText(sim: SimState, status: QuorumStatus): {text: string; tone: Tone} {
	const {model} = sim;
	const faults = `tolerates ${status.tolerates} fault${status.tolerates === 1 ? '' : 's'}`;
	switch (status.kind) {
		case 'idle':
			return {text: ` quorum — no inputs yet · ${status.replicas} replica${status.replicas === 1 ? '' : 's'}, majority ${status.needed}, ${faults}`, tone: 'muted'};
		case 'decided': {
			const decided = status.decision!.decided!;
			return {
				text: ` quorum #${status.index} ✓ ${decided.count} of ${status.replicas} agree on ${shortDigest(decided.digest)} (${model.summary(decided.state)}) · ${faults}`,
				tone: 'good',
			};
		}

		case 'split': {
			const values = status.groups.map(group => `${group.members.join('+')} ${model.summary(group.state)}`).join(' vs ');
			return {text: ` quorum #${status.index} ✗ no majority (need ${status.needed} of ${status.replicas}): ${values}`, tone: 'bad'};
		}

		case 'waiting': {
			const last = status.decision;
			const before = last?.decided ? ` · last decided #${last.index}: ${model.summary(last.decided.state)}` : '';
			return {text: ` quorum #${status.index} … waiting: ${status.reported} of ${status.replicas} reported, need ${status.needed}${before}`, tone: 'warn'};
		}
	}
}

export function outOfLineText(entry: OutOfLine): string {
	switch (entry.reason) {
		case 'diverged':
			return `✗ ${entry.name} diverged at #${entry.at}`;
		case 'crashed':
			return `○ ${entry.name} crashed (${entry.at} behind)`;
		case 'behind':
			return `◐ ${entry.name} ${entry.at} behind`;
	}
}

function secondLine(status: QuorumStatus, flagged: string): string {
	if (status.kind === 'split') {
		const why = status.groups.length > 1 ? 'cannot tell which replica is right' : 'too few replicas reported to decide';
		// Without a decision nobody can be called wrong; only crashed or late replicas are worth naming.
		const absent = status.outOfLine.filter(entry => entry.reason !== 'diverged').map(entry => outOfLineText(entry)).join(' · ');
		return ` ⚠ ${why}: nothing decided, nobody can be flagged${absent ? ` · ${absent}` : ''}`;
	}

	if (flagged) return ` out of line: ${flagged}`;
	if (status.kind === 'idle') return '';
	return ' ✓ all replicas in line';
}

/** The quorum line and the out-of-line line. */
export function decisionLines(sim: SimState): Line[] {
	const status = quorumStatus(sim);
	const decision = decisionText(sim, status);
	const flagged = status.outOfLine.map(entry => outOfLineText(entry)).join(' · ');
	const diverged = status.outOfLine.some(entry => entry.reason === 'diverged');
	const second = secondLine(status, flagged);
	return [[seg(decision.text, decision.tone, true)], [seg(second, diverged || status.kind === 'split' ? 'bad' : flagged ? 'warn' : 'muted')]];
}
