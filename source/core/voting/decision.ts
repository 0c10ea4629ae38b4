import {seg, type Line} from '../engine/screen.js';
import {quorumLines} from '../verdict.js';
import type {SimState} from '../types.js';

/** The quorum line and the out-of-line line, as the core says them (source/core/verdict.ts). */
export function decisionLines(sim: SimState): Line[] {
	const [decision, second] = quorumLines(sim);
	return [[seg(` ${decision.text}`, decision.tone, true)], [seg(second.text ? ` ${second.text}` : '', second.tone)]];
}
