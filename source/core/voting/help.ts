import {faultInfo, faultTypes} from '../fault.js';
import {toleratedFaults} from '../quorum.js';
import type {SimState} from '../types.js';

export function votingHelp(sim: SimState): string[] {
	const n = sim.replicas.length;
	return [
		'f                  fault menu for the selected replica:',
		...faultTypes.map(type => `  ${faultInfo[type].key}  ${type.padEnd(8)} ${faultInfo[type].teaches}`),
		'r                  repair the selected replica',
		'',
		'Every replica applies the same inputs in the same order; a deterministic machine then ends in the same state.',
		`The voter decides a value when more than half of all ${n} replicas agree, so ${n} replica${n === 1 ? '' : 's'} tolerate${n === 1 ? 's' : ''} ${toleratedFaults(n)} faulty one${toleratedFaults(n) === 1 ? '' : 's'}.`,
		`Model ${sim.config.model}: ${sim.model.teaches}.`,
	];
}
