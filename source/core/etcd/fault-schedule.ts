import type {EtcdAction, MemberRef} from './types.js';

export const scheduledFaultKinds = ['crash', 'restart', 'pause', 'resume', 'isolate', 'split', 'heal', 'delay', 'stale-read'] as const;
export type ScheduledFaultKind = (typeof scheduledFaultKinds)[number];

/** Who a scheduled fault acts on: a member position, the leader at that moment, or every member it can apply to. */
export type FaultTarget = number | 'leader' | 'all';

/** A fault to act just before input `atIndex` is written (0: before the first write). */
export type ScheduledEtcdFault = {
	readonly atIndex: number;
	readonly target: FaultTarget;
	readonly kind: ScheduledFaultKind;
	/** For delay: milliseconds. */
	readonly ms?: number;
	/** As written, for the report. */
	readonly spec: string;
};

const needsNoTarget = new Set<ScheduledFaultKind>(['heal', 'split']);

/**
 * Parses `[WHO:]WHAT[@INDEX]`: WHO is a member number (1…N, or m2), `leader`
 * or `all`; WHAT is crash, restart, pause, resume, isolate, split (the leader
 * and, with 5 or more members, one follower cut off from the rest), heal,
 * delay=MS or stale-read. `restart`, `resume` without WHO act on every
 * member that needs it. Returns a message for a bad spec.
 */
export function parseEtcdFaultSpec(spec: string, members: number): ScheduledEtcdFault | string {
	const match = /^(?:(m?\d+|leader|all):)?([a-z-]+)(?:=(\d+))?(?:@(\d+))?$/i.exec(spec.trim());
	const example = 'e.g. leader:crash@20, restart@40, 2:pause@10, heal@60, 3:delay=200@5';
	if (!match) return `bad --fault "${spec}": expected [MEMBER:]WHAT[@INDEX], ${example}`;
	const [, whoText, whatText, msText, indexText] = match;
	const kind = whatText!.toLowerCase() as ScheduledFaultKind;
	if (!(scheduledFaultKinds as readonly string[]).includes(kind)) return `unknown fault "${whatText}" in --fault "${spec}": choose one of ${scheduledFaultKinds.join(', ')}`;
	if ((kind === 'delay') !== (msText !== undefined)) return kind === 'delay' ? `--fault "${spec}": say how long, e.g. 2:delay=200@10` : `--fault "${spec}": only delay takes =MS`;
	let target: FaultTarget;
	const who = whoText?.toLowerCase();
	if (who === undefined) {
		if (kind === 'restart' || kind === 'resume') target = 'all';
		else if (needsNoTarget.has(kind)) target = 'all';
		else return `--fault "${spec}": say which member, e.g. 2:${kind} or leader:${kind}`;
	} else if (who === 'leader' || who === 'all') {
		target = who;
	} else {
		const number = Number(who.replace(/^m/, ''));
		if (number < 1 || number > members) return `--fault "${spec}" names m${number}, but there ${members === 1 ? 'is only m1' : `are ${members} members (m1…m${members})`}`;
		target = number - 1;
	}

	if (target === 'all' && !['restart', 'resume', 'heal', 'split'].includes(kind)) return `--fault "${spec}": ${kind} needs one member (a number or leader)`;
	const atIndex = indexText === undefined ? 0 : Number(indexText);
	if (indexText !== undefined && atIndex < 1) return `--fault "${spec}": the input index starts at 1`;
	return {atIndex, target, kind, ...(msText === undefined ? {} : {ms: Number(msText)}), spec};
}

/** What the cluster looks like to the schedule: which members are down or paused (for restart and resume without a member). */
export type FaultContext = {readonly down: readonly number[]; readonly paused: readonly number[]};

/**
 * The actions a scheduled fault becomes now, or a reason it cannot act
 * (e.g. "nothing to restart"): the schedule goes on either way. `leader`
 * stays a reference, resolved by the controller when the action runs.
 */
export function resolveScheduledFault(fault: ScheduledEtcdFault, context: FaultContext): EtcdAction[] | string {
	const member: MemberRef | undefined = fault.target === 'all' ? undefined : fault.target;
	switch (fault.kind) {
		case 'heal':
			return [{type: 'heal'}];
		case 'split':
			return [{type: 'split', leaderSide: 'minority'}];
		case 'restart':
		case 'resume': {
			if (member !== undefined) return [{type: fault.kind, member}];
			const candidates = fault.kind === 'restart' ? context.down : context.paused;
			return candidates.length === 0 ? `nothing to ${fault.kind}` : candidates.map(position => ({type: fault.kind as 'restart' | 'resume', member: position}));
		}

		case 'crash':
		case 'pause':
		case 'stale-read':
		case 'isolate':
			return member === undefined ? `${fault.kind} needs one member` : [{type: fault.kind, member}];
		case 'delay':
			return member === undefined ? 'delay needs one member' : [{type: 'delay', a: member, ms: fault.ms ?? 0}];
	}
}

/** The groups that cut `member` off from every other member. */
export function isolationGroups(member: number, members: number): number[][] {
	return [[member], Array.from({length: members}, (_, i) => i).filter(i => i !== member)];
}

/**
 * Majority | minority, with the leader on `leaderSide`: the leader and the
 * members after it fill its side (alone in a minority of 3 members), the rest
 * form the other side. The leader's group comes first.
 */
export function splitGroups(leader: number, members: number, leaderSide: 'majority' | 'minority' = 'minority'): number[][] {
	const majoritySize = Math.floor(members / 2) + 1;
	const size = leaderSide === 'majority' ? majoritySize : Math.max(1, members - majoritySize);
	const side = [leader];
	for (let step = 1; side.length < size; step++) side.push((leader + step) % members);
	const rest = Array.from({length: members}, (_, i) => i).filter(i => !side.includes(i));
	return [side.sort((a, b) => a - b), rest];
}
