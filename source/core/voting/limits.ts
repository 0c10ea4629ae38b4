/** Transitions kept per replica for display. */
export const recentLimit = 40;
/** Fault and repair records kept per replica. */
export const historyLimit = 32;
/** Events kept for display. */
export const eventLimit = 32;
/** Votes kept open for late replicas. */
export const voteWindow = 64;
/**
 * Repair replays at most this many inputs: a replica further behind copies the
 * majority's state instead, and with no majority a log longer than this is not
 * replayed from #1 (the repair says so).
 */
export const replayLimit = 1_000_000;
export const maxReplicas = 9;
