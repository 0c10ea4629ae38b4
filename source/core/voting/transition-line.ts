import type {Model} from '../model.js';
import type {Transition} from '../types.js';

import {fitFirst} from '../engine/text.js';
import {transitionSuffix} from '../verdict.js';


/** One line of a replica's history, e.g. "#42 deposit 15 → 130", or "#42 +15 → 130" in the short form (which fits `width` where it can). */
export function transitionLine(model: Model, transition: Transition, short = false, width = Number.POSITIVE_INFINITY): string {
	const describeInput = short && model.shortInput ? model.shortInput.bind(model) : model.describeInput.bind(model);
	const describeResult = short && model.shortResult ? model.shortResult.bind(model) : model.describeResult.bind(model);
	return describe(model, transition, describeInput, describeResult, short, width);
}

function describe(
	model: Model,
	transition: Transition,
	describeInput: (input: unknown) => string,
	describeResult: Model['describeResult'],
	short: boolean,
	width: number,
): string {
	const {index, input, before, after, note} = transition;
	if (note === 'corrupted') {
		const forms = changedValues(model, before, after).map(form => `↯ ${form}`);
		return short ? fitFirst(forms, width) : forms[0]!;
	}

	if (note === 'transfer') return `⇐ copied majority #${index}`;
	if (note === 'rebuilt') return `⇐ log replayed to #${index}`;
	const head = `#${index} ${describeInput(input)}`;
	if (note === 'skipped') return `${head} ✗ skip`;
	return `${head} ${describeResult(before, input, after)}${transitionSuffix(transition, short)}`;
}

/**
 * What a corruption changed, value by value, longest form first: "balance
 * 225→260" or "a 83→12 e —→28"; then, for a narrow column, without the name
 * of a model's only value ("225→260"), then the new values only ("state→STATE3":
 * the old one is on the history line above).
 */
function changedValues(model: Model, before: unknown, after: unknown): string[] {
	const described = model.describeState(after);
	const old = new Map(model.describeState(before));
	const changed = described.filter(([label, value]) => old.get(label) !== value);
	if (changed.length === 0) return [`corrupted → ${model.summary(after)}`];
	const forms = [changed.map(([label, value]) => `${label} ${old.get(label)}→${value}`).join(' ')];
	if (described.length === 1) forms.push(`${old.get(changed[0]![0])}→${changed[0]![1]}`);
	forms.push(changed.map(([label, value]) => `${label}→${value}`).join(' '));
	return forms;
}
