import type {Tone} from '../engine/screen.js';
import type {MemberView} from './state.js';
import {seconds} from './text.js';

export type EventText = {readonly text: string; readonly tone?: Tone};


/**
 * What changed in one member between two polls, in plain words: "m2 became
 * leader in term 4", "m1 is down", "m3 is back: follower in term 5".
 * `leaderlessMs`: how long no leader had been seen, if none was.
 */
export function memberTransitionEvents(previous: MemberView, next: MemberView, members: readonly MemberView[], leaderlessMs: number | undefined): EventText[] {
	const name = next.name;
	const term = next.term === undefined ? '' : ` term ${next.term}`;
	const leaderName = next.leader === undefined ? undefined : members[next.leader]?.name;
	const wasAway = previous.role === 'down' || previous.role === 'paused' || previous.role === 'no answer' || previous.role === 'starting';

	if (next.role === previous.role) {
		if (next.role === 'candidate' && next.term !== previous.term) return [{text: `${name} is a candidate again, in${term}`, tone: 'warn'}];
		if (next.role === 'leader' && next.term !== previous.term) return [{text: `${name} leads${term} now (was term ${previous.term ?? '?'})`, tone: 'good'}];
		return [];
	}

	switch (next.role) {
		case 'leader': {
			const gap = leaderlessMs === undefined ? '' : ` (no leader seen for ${seconds(leaderlessMs)})`;
			return [{text: `${name} became leader in${term}${gap}`, tone: 'good'}];
		}

		case 'follower': {
			if (previous.role === 'starting') return [{text: `${name} is up: follower in${term}${leaderName ? `, leader ${leaderName}` : ''}`}];
			if (wasAway) return [{text: `${name} is back: follower in${term}, applied ${next.applied ?? '?'}`, tone: 'good'}];
			if (previous.role === 'leader') return [{text: `${name} stepped down in${term}${leaderName ? `: follows ${leaderName}` : ''}`, tone: 'warn'}];
			return leaderName ? [{text: `${name} follows ${leaderName} in${term}`}] : [];
		}

		case 'candidate':
			return [{text: `${name} is a candidate in${term}: it asks for votes`, tone: 'warn'}];
		case 'pre-candidate':
			return [{text: `${name} is a pre-candidate in${term}: it asks whether it could win before raising its term`, tone: 'warn'}];
		case 'paused':
			return [{text: `${name} is paused (SIGSTOP): it answers nobody`, tone: 'warn'}];
		case 'down':
			return [{text: `${name} is down`, tone: 'bad'}];
		case 'no answer':
			return [{text: `${name} does not answer${next.error ? ` (${next.error})` : ''}`, tone: 'warn'}];
		case 'starting':
			return [{text: `${name} is starting`}];
	}
}
