/** Transitions kept per replica for display. */
export const recentLimit = 40;
/** Fault and repair records kept per replica. */
export const historyLimit = 32;
/** Events kept for display. */
export const eventLimit = 32;
/** Votes kept open for late replicas. */
export const voteWindow = 64;
/** Beyond this many missed inputs, repair copies the majority's state instead of replaying. */
export const replayLimit = 100_000;
export const maxReplicas = 9;
