import type {ModeCondition} from '../engine/mode.js';
import {quorumStatus} from '../quorum.js';
import {replicaStatus} from '../replica-status.js';
import type {SimState} from '../types.js';

/** A claim about the voting board, e.g. "R3 diverged", "no majority", "input 12". */
export function votingExpectation(words: readonly string[]): ModeCondition<SimState> | string {
	const text = words.join(' ');
	const input = /^(?:input|#)\s*(\d+)$/.exec(text);
	if (input) {
		const index = Number(input[1]);
		return {text, check: sim => (sim.index === index ? undefined : `the last input is #${sim.index}, not #${index}`)};
	}

	if (text === 'no majority') {
		return {text, check: sim => (quorumStatus(sim).kind === 'split' ? undefined : `the vote at #${sim.index} is ${quorumStatus(sim).kind}, not split`)};
	}

	const replica = /^R(\d) (.+)$/.exec(text);
	if (replica) {
		const id = Number(replica[1]) - 1;
		const word = replica[2]!;
		return {
			text,
			check(sim) {
				const target = sim.replicas[id];
				if (!target) return `there is no R${id + 1}`;
				const status = replicaStatus(sim, target).word;
				return status.split(' ')[0] === word ? undefined : `R${id + 1} is "${status}", not "${word}"`;
			},
		};
	}

	return `unknown claim "${text}": expected "R2 diverged", "no majority" or "input 12"`;
}
