/**
 * Plays a sourcing scenario file through the Mode alone, as the shell will:
 * the header becomes flags, and the timeline's step / until / expect lines and
 * verbs are applied in order. Keys, waits, pauses and captions are skipped
 * (captions are collected, each with the expect lines that follow it).
 */
import {readFileSync} from 'node:fs';
import {sourcingMode} from '../../../source/core/sourcing/mode.js';
import type {SourcingState} from '../../../source/core/sourcing/state.js';

export const untilLimit = 10_000;
const headerWords = new Set(['description', 'mode', 'seed', 'size', 'paused', 'rate', 'journal']);
const skipped = new Set(['keys', 'wait', 'pause']);

export type Played = {
	readonly file: string;
	readonly description: string;
	readonly flags: Record<string, string>;
	readonly state: SourcingState;
	readonly failures: string[];
	/** Each caption (its lines joined) with the claims expected after it, before the next caption. */
	readonly captions: Array<{line: number; text: string; expects: string[]}>;
	/** The state after each line, by line number. */
	readonly states: Map<number, SourcingState>;
};

export function playScenario(file: string): Played {
	const text = readFileSync(file, 'utf8');
	const flags: Record<string, string> = {};
	let description = '';
	let state: SourcingState | undefined;
	const failures: string[] = [];
	const captions: Played['captions'] = [];
	const states = new Map<number, SourcingState>();
	let previousWasCaption = false;
	for (const [i, raw] of text.split(/\r?\n/).entries()) {
		const line = i + 1;
		const content = raw.replace(/(^|\s)#(\s.*)?$/, '').trim();
		if (content === '') continue;
		const [word = '', ...words] = content.split(/\s+/);
		const rest = content.slice(word.length).trim();
		if (state === undefined && headerWords.has(word)) {
			if (word === 'description') description = rest;
			else if (word !== 'paused') flags[word] = rest;
			continue;
		}

		state ??= sourcingMode.create(sourcingMode.parseConfig(Object.fromEntries(Object.entries(flags).filter(([key]) => key in sourcingMode.flags))));
		const fail = (reason: string) => failures.push(`${file}:${line}: ${content}: ${reason}`);
		if (word === 'caption') {
			if (previousWasCaption) captions.at(-1)!.text += ` ${rest}`;
			else captions.push({line, text: rest, expects: []});
			previousWasCaption = true;
			continue;
		}

		previousWasCaption = false;
		if (skipped.has(word)) continue;
		if (word === 'step') {
			const count = words.length === 0 ? 1 : Number(words[0]);
			state = sourcingMode.advance(state, count);
		} else if (word === 'until') {
			const condition = sourcingMode.scenario.condition(words);
			if (typeof condition === 'string') {
				fail(condition);
			} else {
				let handled = 0;
				while (condition.check(state) !== undefined && handled < untilLimit) {
					state = sourcingMode.advance(state, 1);
					handled++;
				}

				if (condition.check(state) !== undefined) fail(`still not true after ${untilLimit} events: ${condition.check(state)}`);
			}
		} else if (word === 'expect') {
			const claim = sourcingMode.scenario.expectation(words);
			if (typeof claim === 'string') fail(claim);
			else {
				const wrong = claim.check(state);
				if (wrong !== undefined) fail(wrong);
			}

			captions.at(-1)?.expects.push(rest);
		} else {
			const action = sourcingMode.scenario.verb([word, ...words]);
			if (typeof action === 'string') fail(action);
			else {
				state = sourcingMode.apply(state, action);
				if (state.note.kind === 'refused') fail(`refused: ${state.note.text}`);
			}
		}

		states.set(line, state);
	}

	if (!state) throw new Error(`${file} has no timeline`);
	return {file, description, flags, state, failures, captions, states};
}
