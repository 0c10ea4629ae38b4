import type {Model} from '../model.js';
import type {Transition} from '../types.js';

import {fitFirst} from '../engine/text.js';
import {transitionSuffix} from '../verdict.js';


/** How much a history line says: "#42 deposit 15 → 130 (late · commutes)", "#42 +15 →130 (late =)", or "+15 →130 ⇅=". */
export type LineForm = 'long' | 'short' | 'tiny';

/** One line of a replica's history in the given form (a short or tiny one fits `width` where it can). */
export function transitionLine(model: Model, transition: Transition, form: LineForm = 'long', width = Number.POSITIVE_INFINITY): string {
	const short = form !== 'long';
	const {index, input, before, after, note} = transition;
	if (note === 'corrupted') {
		const forms = changedValues(model, before, after).map(text => `↯ ${text}`);
		return short ? fitFirst(forms, width) : forms[0]!;
	}

	if (note === 'transfer') return `⇐ copied majority #${index}`;
	if (note === 'rebuilt') return `⇐ log replayed to #${index}`;
	const described = short && model.shortInput ? model.shortInput(input) : model.describeInput(input);
	// In the tiny form the index goes (the "at" line has it); a model whose inputs all read the same (chain's "next") may leave the input out of short lines.
	const head = [form === 'tiny' ? '' : `#${index}`, described];
	if (note === 'skipped') return words(...head, '✗ skip');
	const result = short && model.shortResult ? model.shortResult(before, input, after) : model.describeResult(before, input, after);
	return words(...head, result) + transitionSuffix(transition, form);
}

/** The non-empty parts, a space apart. */
function words(...parts: string[]): string {
	return parts.filter(Boolean).join(' ');
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
