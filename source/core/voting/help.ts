import type {HelpEntry} from '../engine/mode.js';
import {faultInfo, faultTypes} from './fault.js';
import {toleratedFaults} from './quorum.js';
import type {SimState} from './types.js';

export function votingHelp(sim: SimState): HelpEntry[] {
	const n = sim.replicas.length;
	return [
		['f', 'fault menu for the selected replica:'],
		...faultTypes.map((type): HelpEntry => [`  ${faultInfo[type].key}  ${type}`, faultInfo[type].teaches]),
		['r', 'repair the selected replica'],
		'',
		'Every replica applies the same inputs in the same order; a deterministic machine then ends in the same state.',
		`The voter decides a value when more than half of all ${n} replicas agree, so ${n} replica${n === 1 ? '' : 's'} tolerate${n === 1 ? 's' : ''} ${toleratedFaults(n)} faulty one${toleratedFaults(n) === 1 ? '' : 's'}.`,
		`Model ${sim.config.model}: ${sim.model.teaches}.`,
	];
}

/** Every glyph and abbreviation the voting screen draws (test/ui/legend.test.tsx checks the screens against it). */
export function votingLegend(): HelpEntry[] {
	return [
		['▸  double border', 'the selected replica'],
		['● ok', 'it agrees with the latest decided value it reported for'],
		['✗ diverged', 'the latest decided vote on its state disagreed with it'],
		['◐ lag 3', 'the lag fault: it applies inputs 3 late (late is not wrong)'],
		['◐ 2 behind', 'it has not applied the latest input for another reason'],
		['? no majority', 'the vote on its latest input can never be decided'],
		['? split', 'that vote is still open and the reports so far differ'],
		['⚠ skip', 'a fault is armed, but the replica is still in line'],
		['○ crashed', 'it applies nothing until repaired'],
		'',
		['applied #4  (at)', 'the last input it applied'],
		['digest 5e09  (dig)', 'a short hash of the state, to compare states by eye'],
		['#7 deposit 40 → 165', 'a history line: input 7, what it asked, the state after; narrower: #7 +40 →165'],
		['(late · commutes)', 'the reorder fault applied it late or early; commutes (=) or not (≠): whether the swap gave the same result'],
		['⇅= ⇅≠', 'the narrowest history: a swapped input, same or different result'],
		['↺', 'a replayed input'],
		['c347', 'a clock read (the nondet fault)'],
		['✗ skip', 'the input was skipped'],
		['↯ balance 125→175', 'the state was corrupted (↯ 125→175 where narrow)'],
		['⇐ copied majority #N', 'a repair copied the majority\'s state at input N'],
		['⇐ log replayed to #N', 'a repair re-applied the inputs it missed'],
		'',
		['quorum #4 ✓ 2 of 3', 'the vote on input 4: more than half of all replicas reported the same state'],
		['tolerates 1 fault', 'how many faulty replicas the vote outvotes: ⌊(N−1)/2⌋'],
		['out of line:', 'the replicas that are not ok, and why; "since #3": out of line since input 3'],
		['inputs … [#4 …] next', 'the recent inputs, the current one in brackets, the next one'],
	];
}
