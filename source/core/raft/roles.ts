/**
 * Role changes every rule needs (Figure 2, "All Servers" and the leader's
 * stepping back): a file of their own, so that election and replication both
 * use them without importing each other.
 */
import {serverName} from './names.js';
import type {ServerDraft, Tx} from './tx.js';

/** All servers: a message with a higher term makes the receiver a follower of that term (and it has voted for nobody in it yet). */
export function stepDown(tx: Tx, server: ServerDraft, term: number): void {
	const wasLeader = server.role === 'leader';
	if (term > server.currentTerm) {
		server.currentTerm = term;
		server.votedFor = null;
		server.leaderId = null;
	}

	becomeFollower(tx, server);
	tx.say(`${serverName(server.id)} sees term ${term}${wasLeader ? ', stops leading' : ''} and is a follower`);
}

/** Stop being a candidate or leader (keeping the term); make sure an election timer runs. */
export function becomeFollower(tx: Tx, server: ServerDraft): void {
	if (server.role === 'leader') {
		tx.stopHeartbeatTimer(server);
		tx.stopElectionTimer(server);
		server.nextIndex = [];
		server.matchIndex = [];
		server.appendsSent = [];
	}

	server.role = 'follower';
	server.votes = 0;
	if (server.electionDeadline === null) tx.resetElectionTimer(server);
}
