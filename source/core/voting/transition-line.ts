import type {Model} from '../model.js';
import type {Transition} from '../types.js';

import {cellWidth} from '../engine/text.js';
import {transitionSuffix} from '../verdict.js';


/** One line of a replica's history, e.g. "#42 deposit 15 → 130", or "#42 +15 → 130" in the short form. */
export function transitionLine(model: Model, transition: Transition, short = false): string {
	const describeInput = short && model.shortInput ? model.shortInput.bind(model) : model.describeInput.bind(model);
	const describeResult = short && model.shortResult ? model.shortResult.bind(model) : model.describeResult.bind(model);
	return describe(model, transition, describeInput, describeResult, short);
}

/** History lines for a column: all in the long form if they fit `width`, else all in the short form. */
export function transitionLines(model: Model, transitions: readonly Transition[], width: number): string[] {
	const lines = transitions.map(transition => transitionLine(model, transition));
	if (lines.every(line => cellWidth(line) <= width)) return lines;
	return transitions.map(transition => transitionLine(model, transition, true));
}

function describe(model: Model, transition: Transition, describeInput: (input: unknown) => string, describeResult: Model['describeResult'], short: boolean): string {
	const {index, input, before, after, note} = transition;
	if (note === 'corrupted') return `↯ ${changedValues(model, before, after)}`;
	if (note === 'transfer') return `⇐ copied majority #${index}`;
	if (note === 'rebuilt') return `⇐ log replayed to #${index}`;
	const head = `#${index} ${describeInput(input)}`;
	if (note === 'skipped') return `${head} ✗ skip`;
	return `${head} ${describeResult(before, input, after)}${transitionSuffix(transition, short)}`;
}

/** What a corruption changed, value by value: "balance 225→260", "a 83→12". */
function changedValues(model: Model, before: unknown, after: unknown): string {
	const old = new Map(model.describeState(before));
	const changed = model.describeState(after).filter(([label, value]) => old.get(label) !== value);
	return changed.length === 0 ? `corrupted → ${model.summary(after)}` : changed.map(([label, value]) => `${label} ${old.get(label)}→${value}`).join(' ');
}
