/**
 * Plays a scenario file through the Raft mode alone, as the shell will:
 * header flags go to parseConfig; then `step`, `until`, `expect` and the
 * mode's verbs run in order. Keys, waits, pauses and captions are skipped
 * (they are the shell's). A failed `expect` or an `until` that never holds is
 * reported with its line number.
 */
import {readFileSync} from 'node:fs';
import type {RawFlags} from '../../../source/core/engine/mode.js';
import {raftMode} from '../../../source/core/raft/mode.js';
import type {RaftState} from '../../../source/core/raft/types.js';

const shellHeader = new Set(['description', 'mode', 'size', 'paused']);
const shellSteps = new Set(['caption', 'pause', 'keys', 'wait']);
/** Events an `until` may handle before it fails, unless it says "within N" (as the shell's default). */
export const untilLimit = 10_000;

export type Step = {readonly line: number; readonly words: readonly string[]; readonly text: string};
export type ParsedScenario = {readonly flags: RawFlags; readonly description: string; readonly steps: readonly Step[]};

export function parseRaftScenario(text: string): ParsedScenario {
	const flags: Record<string, string | string[] | boolean> = {};
	let description = '';
	const steps: Step[] = [];
	for (const [i, raw] of text.split(/\r?\n/).entries()) {
		const content = raw.replace(/(^|\s)#(\s.*)?$/, '').trim();
		if (content === '') continue;
		const words = content.split(/\s+/);
		const [directive = ''] = words;
		const rest = content.slice(directive.length).trim();
		if (steps.length === 0 && shellHeader.has(directive)) {
			if (directive === 'description') description = rest;
			continue;
		}

		const flag = (raftMode.flags as Record<string, {type: string; isMultiple?: boolean}>)[directive];
		if (steps.length === 0 && flag !== undefined) {
			if (flag.type === 'boolean') flags[directive] = true;
			else if (flag.isMultiple) flags[directive] = [...((flags[directive] as string[] | undefined) ?? []), rest];
			else flags[directive] = rest;
			continue;
		}

		steps.push({line: i + 1, words, text: content});
	}

	return {flags, description, steps};
}

export type PlayResult = {readonly state: RaftState; readonly failures: readonly string[]; readonly expectations: number; readonly captions: readonly string[]};

export function playRaftScenario(text: string, name = 'scenario'): PlayResult {
	const {flags, steps} = parseRaftScenario(text);
	const config = raftMode.parseConfig(flags);
	let state = raftMode.create(config);
	const failures: string[] = [];
	const captions: string[] = [];
	let expectations = 0;
	for (const step of steps) {
		const [directive = '', ...args] = step.words;
		const where = `${name}:${step.line}`;
		if (shellSteps.has(directive)) {
			if (directive === 'caption') captions.push(step.text.slice('caption'.length).trim());
			continue;
		}

		if (directive === 'step') {
			state = raftMode.advance(state, args.length === 0 ? 1 : Number(args[0]));
			continue;
		}

		if (directive === 'until') {
			const within = args.indexOf('within');
			const limit = within < 0 ? untilLimit : Number(args[within + 1]);
			const condition = raftMode.scenario.condition(within < 0 ? args : args.slice(0, within), config);
			if (typeof condition === 'string') throw new Error(`${where}: ${condition}`);
			let handled = 0;
			while (condition.check(state) !== undefined) {
				if (handled++ >= limit || raftMode.nextTime(state) === undefined) {
					failures.push(`${where}: until ${condition.text}: not reached (${condition.check(state)})`);
					break;
				}

				state = raftMode.advance(state, 1);
			}

			continue;
		}

		if (directive === 'expect') {
			const claim = raftMode.scenario.expectation(args, config);
			if (typeof claim === 'string') throw new Error(`${where}: ${claim}`);
			expectations++;
			const wrong = claim.check(state);
			if (wrong !== undefined) failures.push(`${where}: expect ${claim.text}: ${wrong}`);
			continue;
		}

		const action = raftMode.scenario.verb(step.words, config);
		if (typeof action === 'string') throw new Error(`${where}: ${action}`);
		state = raftMode.apply(state, action);
	}

	return {state, failures, expectations, captions};
}

export function playRaftScenarioFile(file: string): PlayResult {
	return playRaftScenario(readFileSync(file, 'utf8'), file.split('/').pop());
}
