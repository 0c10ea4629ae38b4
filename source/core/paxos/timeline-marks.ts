/** Paxos's marks on the shell's timeline: a value chosen (per instance), a proposer taking the lead. */
import {ballotText} from './ballot.js';
import {chosenValue} from './safety.js';
import type {PaxosState} from './types.js';

/**
 * "x chosen (1.P1)" / "#3 chosen: c3" when a value was chosen between the two
 * states, "P2 takes the lead" when a proposer took it (compared by counts, so
 * a change a later event undid is seen too).
 */
export function paxosMarkOf(before: PaxosState, after: PaxosState): string | undefined {
	const marks: string[] = [];
	if (after.leads !== before.leads) {
		marks.push(`P${after.lastLead + 1} takes the lead`);
	}

	if (after.lamps.chosenCount !== before.lamps.chosenCount) {
		for (let instance = 1; instance <= after.lamps.chosen.length; instance++) {
			if (chosenValue(before.lamps, instance) !== undefined) continue;
			const chosen = chosenValue(after.lamps, instance);
			if (chosen === undefined) continue;
			marks.push(after.config.multi ? `#${instance} chosen: ${chosen.value.text}` : `${chosen.value.text} chosen (${ballotText(chosen.ballot)})`);
		}
	}

	return marks.length === 0 ? undefined : marks.join(' · ');
}
