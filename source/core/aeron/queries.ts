/** Questions about the cluster that the screen, scenarios and reports share. */
import {quorumOf} from './config.js';
import {quorumPosition} from './commit.js';
import {leaderOf} from './actions.js';
import {recordedEnd} from './stream.js';
import type {AeronState, Member} from './types.js';

export {leaderOf};

/** The active leader (election complete), if any. */
export function activeLeader(state: AeronState): Member | undefined {
	const id = leaderOf(state);
	const m = id === undefined ? undefined : state.members[id];
	return m?.election === 'closed' ? m : undefined;
}

/** The leader's view: each member's position as it knows it, the quorum position (k-th highest) and its own recorded position. */
export function leaderView(state: AeronState, m: Member) {
	const quorum = quorumPosition(m.positions);
	return {positions: m.positions, quorum, k: quorumOf(state.members.length), own: recordedEnd(m), commit: m.commit};
}

export const isUp = (m: Member): boolean => m.role !== 'down';

/** The invariant every member keeps: service ≤ commit ≤ appended. */
export function invariantHolds(m: Member): boolean {
	return m.service.position <= m.commit && m.commit <= recordedEnd(m);
}
