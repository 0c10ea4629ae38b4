import type {Model} from '../core/model.js';
import type {Transition} from '../core/types.js';
import {transitionSuffix} from '../core/verdict.js';

import {cellWidth} from './text.js';

/** One line of a replica's history, e.g. "#42 deposit 15 → 130", or "#42 +15 → 130" in the short form. */
export function transitionLine(model: Model, transition: Transition, short = false): string {
	return describe(model, transition, short && model.shortInput ? model.shortInput.bind(model) : model.describeInput.bind(model));
}

/** History lines for a column: all in the long form if they fit `width`, else all in the short form. */
export function transitionLines(model: Model, transitions: readonly Transition[], width: number): string[] {
	const lines = transitions.map(transition => transitionLine(model, transition));
	if (lines.every(line => cellWidth(line) <= width)) return lines;
	return transitions.map(transition => transitionLine(model, transition, true));
}

function describe(model: Model, transition: Transition, describeInput: (input: unknown) => string): string {
	const {index, input, before, after, note} = transition;
	if (note === 'corrupted') return `↯ corrupted → ${model.summary(after)}`;
	if (note === 'transfer') return `⇐ copied majority #${index}`;
	if (note === 'rebuilt') return `⇐ log replayed to #${index}`;
	const head = `#${index} ${describeInput(input)}`;
	if (note === 'skipped') return `${head} ✗ skip`;
	return `${head} ${model.describeResult(before, input, after)}${transitionSuffix(transition)}`;
}
