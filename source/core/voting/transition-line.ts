import type {Model} from '../models/model.js';
import type {Transition} from './types.js';

import {fitFirst} from '../engine/text.js';
import {transitionSuffix} from './verdict.js';


/** How much a history line says: "#42 deposit 15 → 130 (late · commutes)", "#42 +15 →130 (late =)", or "#42 +15 →130 ⇅=" (else "#42 →130 ⇅="). */
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
	// A model whose inputs all read the same (chain's "next") may leave the input out of short lines.
	const head = [`#${index}`, described];
	if (note === 'skipped') return form === 'tiny' ? fitFirst([words(...head, '✗ skip'), words(head[0], '✗ skip')], width) : words(...head, '✗ skip');
	const result = short && model.shortResult ? model.shortResult(before, input, after) : model.describeResult(before, input, after);
	const suffix = transitionSuffix(transition, form);
	// The tiny form keeps the index, so that rows side by side can be told apart, and gives up the input (the inputs line has it) where it must.
	// A clock reading shows as "c" alone where its digits do not fit, then the input goes; the index goes only where nothing else does (chain's long state names in 11 cells).
	if (form === 'tiny') {
		const clock = suffix.replace(/ c\d+/, ' c');
		return fitFirst(
			[words(...head, result) + suffix, words(...head, result) + clock, words(head[0], result) + suffix, words(head[0], result) + clock, words(head[0], result.replace(/^→ ?/, '')) + clock, result + clock],
			width,
		);
	}

	return words(...head, result) + suffix;
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
