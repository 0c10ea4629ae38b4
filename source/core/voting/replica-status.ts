import {fitFirst} from '../engine/text.js';
import type {ReplicaState, SimState} from './types.js';
import {replicaVerdict, type Tone} from './verdict.js';

export {armedFaults, shortDigest, type Tone} from './verdict.js';

export type ReplicaStatus = {readonly glyph: string; readonly word: string; readonly tone: Tone};

/** A replica's status as a glyph and a word (colour is only ever an extra): replicaVerdict without the detail. */
export function replicaStatus(sim: SimState, replica: ReplicaState): ReplicaStatus {
	const {glyph, word, tone} = replicaVerdict(sim, replica);
	return {glyph, word, tone};
}

/** The status as a column shows it in `width` cells: glyph and word, else a narrower word, never cut while one fits. */
export function statusText(sim: SimState, replica: ReplicaState, width: number): string {
	const {glyph, word, narrower} = replicaVerdict(sim, replica);
	return fitFirst([word, ...narrower].map(form => `${glyph} ${form}`), width);
}
