/** Raft's marks on the shell's timeline: each election won (a new leader and its term). */
import {serverName} from './names.js';
import {currentLeader} from './queries.js';
import type {RaftState} from './types.js';

/** "S3 leads term 4" when a leader was elected between the two states (compared by count, so a leader that fell again is seen too). */
export function raftMarkOf(before: RaftState, after: RaftState): string | undefined {
	if (after.stats.leadersElected === before.stats.leadersElected) return undefined;
	const leader = currentLeader(after);
	return leader === undefined ? 'a leader was elected' : `${serverName(leader)} leads term ${after.servers[leader]!.currentTerm}`;
}
