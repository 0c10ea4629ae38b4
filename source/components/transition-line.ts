import type {Model} from '../core/model.js';
import type {Transition} from '../core/types.js';

const noteSuffix: Partial<Record<NonNullable<Transition['note']>, string>> = {late: ' (late)', early: ' (early)', replayed: ' (replay)'};

/** One line of a replica's history, e.g. "#42 deposit 15 → 130". */
export function transitionLine(model: Model, transition: Transition): string {
	const {index, input, before, after, note} = transition;
	if (note === 'corrupted') return `⚡ corrupted → ${model.summary(after)}`;
	if (note === 'transfer') return `⇐ copied majority #${index}`;
	const head = `#${index} ${model.describeInput(input)}`;
	if (note === 'skipped') return `${head} ✗ skip`;
	return `${head} ${model.describeResult(before, input, after)}${noteSuffix[note!] ?? ''}`;
}
