/** Aeron's marks on the shell's timeline: each election won (a new leader and its term). */
import {memberName} from './names.js';
import type {AeronState} from './types.js';

/** "M1 wins term 2" when a member won an election between the two states (a new entry in what the run has seen). */
export function aeronMarkOf(before: AeronState, after: AeronState): string | undefined {
	if (after.seen.leaders === before.seen.leaders) return undefined;
	const won = after.seen.leaders.at(-1);
	return won === undefined ? undefined : `${memberName(won.member)} wins term ${won.term}`;
}
