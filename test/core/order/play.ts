/**
 * Plays a scenario file's timeline through the order mode, without a shell:
 * the header's flags make the config; `step N`, `until` and `expect` lines
 * and the mode's verbs run; keys, wait, pause and caption are skipped. Each
 * expectation's result is collected, so a test can assert every caption's claims.
 */
import {readFileSync} from 'node:fs';
import type {RawFlags} from '../../../source/core/engine/mode.js';
import {orderMode} from '../../../source/core/order/mode.js';
import type {OrderState} from '../../../source/core/order/types.js';

const headerWords = new Set(['description', 'mode', 'size', 'paused']);
const skipped = new Set(['keys', 'wait', 'pause', 'caption']);
/** An `until` gives up after this many events. */
export const untilBudget = 100_000;

export type Played = {
	readonly state: OrderState;
	readonly expectations: ReadonlyArray<{readonly line: number; readonly text: string; readonly failure: string | undefined}>;
	readonly captions: readonly string[];
	/** Each caption (its lines joined) with the state it is shown over and the claims that follow it. */
	readonly moments: ReadonlyArray<{readonly line: number; readonly caption: string; readonly state: OrderState; readonly claims: readonly string[]}>;
};

function words(line: string): string[] {
	return line.replace(/#.*$/, '').trim().split(/\s+/).filter(word => word !== '');
}

export function parseHeader(text: string): {flags: RawFlags; timeline: Array<{line: number; words: string[]}>} {
	const flags: Record<string, string | boolean> = {};
	const timeline: Array<{line: number; words: string[]}> = [];
	let inTimeline = false;
	for (const [index, raw] of text.split('\n').entries()) {
		const parts = words(raw);
		if (parts.length === 0) continue;
		const [first = ''] = parts;
		if (!inTimeline && (headerWords.has(first) || first in orderMode.flags)) {
			if (first in orderMode.flags) flags[first] = orderMode.flags[first as keyof typeof orderMode.flags]!.type === 'boolean' ? true : parts.slice(1).join(' ');
			continue;
		}

		inTimeline = true;
		timeline.push({line: index + 1, words: first === 'caption' ? [first, raw.replace(/^\s*caption\s*/, '')] : parts});
	}

	return {flags, timeline};
}

export function playScenario(path: string): Played {
	const {flags, timeline} = parseHeader(readFileSync(path, 'utf8'));
	let state = orderMode.create(orderMode.parseConfig(flags));
	const expectations: Array<Played['expectations'][number]> = [];
	const captions: string[] = [];
	const moments: Array<{line: number; caption: string; state: OrderState; claims: string[]}> = [];
	let previous = '';
	for (const {line, words: parts} of timeline) {
		const [first = '', ...rest] = parts;
		const where = `${path}:${line}`;
		if (first === 'caption') {
			captions.push(rest.join(' '));
			if (previous === 'caption') moments.at(-1)!.caption += ` ${rest.join(' ')}`;
			else moments.push({line, caption: rest.join(' '), state, claims: []});
		}

		if (first === 'expect' && moments.length > 0 && (previous === 'caption' || previous === 'expect')) moments.at(-1)!.claims.push(rest.join(' '));
		if (first !== 'keys') previous = first;
		if (skipped.has(first)) continue;
		if (first === 'step') {
			const count = rest.length === 0 ? 1 : Number(rest[0]);
			if (!Number.isInteger(count) || count < 1) throw new Error(`${where}: step needs a count`);
			state = orderMode.advance(state, count);
			continue;
		}

		if (first === 'until') {
			const condition = orderMode.scenario.condition(rest);
			if (typeof condition === 'string') throw new Error(`${where}: ${condition}`);
			let spent = 0;
			while (condition.check(state) !== undefined) {
				if (spent++ >= untilBudget) throw new Error(`${where}: "until ${condition.text}" did not hold after ${untilBudget} events: ${condition.check(state)}`);
				state = orderMode.advance(state, 1);
			}

			continue;
		}

		if (first === 'expect') {
			const claim = orderMode.scenario.expectation(rest);
			if (typeof claim === 'string') throw new Error(`${where}: ${claim}`);
			expectations.push({line, text: claim.text, failure: claim.check(state)});
			continue;
		}

		const action = orderMode.scenario.verb(parts);
		if (typeof action === 'string') throw new Error(`${where}: ${action}`);
		state = orderMode.apply(state, action);
	}

	return {state, expectations, captions, moments};
}
