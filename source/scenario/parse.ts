import path from 'node:path';
import type {KeyPress} from '../core/engine/key-press.js';
import type {AnyMode, RawFlags} from '../core/engine/mode.js';
import {UsageError} from '../core/engine/usage-error.js';
import {isLive} from '../live/shell-mode.js';
import {keyNames, keyPressFor} from './key-names.js';
import {scenarioModeNamed, scenarioModeNames} from './modes.js';
import {parseTerminalSize, sizeRule} from './terminal-size.js';
import type {Scenario, ScenarioStep} from './types.js';

/** A scenario file that cannot be played, with where and why. */
export class ScenarioError extends Error {
	constructor(
		readonly file: string,
		readonly line: number,
		readonly reason: string,
	) {
		super(`${file}:${line}: ${reason}`);
	}
}

export const defaultPauseMs = 2000;
export const maxCaptionLines = 2;
/** `until` gives up after this many events unless told otherwise ("until leader within 5000"). */
export const defaultUntilLimit = 10_000;
/** In a live mode (a real cluster) `until` waits in real time: at most this long unless told otherwise ("until leader within 5s"). */
export const defaultLiveUntilMs = 10_000;

const shellHeader = new Set(['description', 'mode', 'paused', 'size']);
const shellSteps = new Set(['keys', 'wait', 'pause', 'caption', 'step', 'until', 'expect']);

/** Parses a duration: "2s", "1.5s", "500ms", or a bare number of seconds. */
export function parseDuration(text: string): number | undefined {
	const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text);
	if (!match) return undefined;
	const value = Number(match[1]);
	return match[2] === 'ms' ? value : value * 1000;
}

type Content = {readonly line: number; readonly directive: string; readonly words: string[]; readonly rest: string};

/** The lines that say something: comments (a # at the start or after a space, then a space or the end) removed. */
function contentLines(text: string): Content[] {
	const lines: Content[] = [];
	for (const [i, raw] of text.split(/\r?\n/).entries()) {
		const content = raw.replace(/(^|\s)#(\s.*)?$/, '').trim();
		if (content === '') continue;
		const [directive = '', ...words] = content.split(/\s+/);
		lines.push({line: i + 1, directive, words, rest: content.slice(directive.length).trim()});
	}

	return lines;
}

/** Parses a scenario: a header that sets up the run, then a timeline, one step a line, # comments. */
export function parseScenario(text: string, file: string): Scenario {
	const lines = contentLines(text);
	const fail = (line: number, reason: string): never => {
		throw new ScenarioError(file, line, reason);
	};

	const modeLine = lines.find(content => content.directive === 'mode');
	const mode = modeLine ? (scenarioModeNamed(modeLine.words[0] ?? '') ?? fail(modeLine.line, `unknown mode "${modeLine.rest}": choose one of ${scenarioModeNames.join(', ')}`)) : scenarioModeNamed('voting')!;
	// A name can be both a flag and a verb: before the timeline one word is the flag (`fault 2:skip@4`, `loss 0.1`),
	// more is the verb (`fault R2 skip`) and starts the timeline; once it has started, it is the verb (`loss 0.2`).
	// A switch takes no word: alone it is the flag (`adversary`), with words the verb (`adversary on`).
	const flagWords = (directive: string) => (mode.flags[directive]?.type === 'boolean' ? 0 : 1);
	const isHeader = ({directive, words}: Content) =>
		shellHeader.has(directive) || (Object.hasOwn(mode.flags, directive) && (!mode.scenario.verbs.includes(directive) || (!timelineStarted && words.length === flagWords(directive))));
	const header = {description: '', paused: false, columns: 80, rows: 24};
	const flags: Record<string, string | string[]> = {};
	const flagLines: Record<string, Array<{line: number; value: string}>> = {};
	let timelineStarted = false;
	const timeline: Content[] = [];
	for (const content of lines) {
		const {directive, words, rest, line} = content;
		if (!isHeader(content)) {
			timelineStarted = true;
			timeline.push(content);
			continue;
		}

		if (timelineStarted) fail(line, `"${directive}" sets up the run, so it must come before the first step of the timeline`);
		const one = () => (words.length === 1 ? words[0]! : fail(line, `"${directive}" takes one value`));
		switch (directive) {
			case 'description':
				header.description = rest || fail(line, '"description" needs text');
				break;
			case 'mode':
				one();
				if (content !== modeLine) fail(line, '"mode" can only be given once');
				break;
			case 'paused':
				if (words.length > 0) fail(line, '"paused" takes no value');
				header.paused = true;
				break;
			case 'size': {
				const size = parseTerminalSize(one()) ?? fail(line, `size must be ${sizeRule}, not "${one()}"`);
				header.columns = size.columns;
				header.rows = size.rows;
				break;
			}

			default: {
				const spec = mode.flags[directive]!;
				(flagLines[directive] ??= []).push({line, value: words.join(' ')});
				if (spec.type === 'boolean') {
					if (words.length > 0) fail(line, `"${directive}" takes no value`);
					flags[directive] = 'true';
				} else if (spec.isMultiple) {
					flags[directive] = [...((flags[directive] as string[] | undefined) ?? []), one()];
				} else {
					if (flags[directive] !== undefined) fail(line, `"${directive}" can only be given once`);
					flags[directive] = one();
				}
			}
		}
	}

	const config = parseConfig(mode, flags, flagLines, fail);
	if (header.description === '') fail(1, 'the scenario needs a "description" line (one line saying what it shows)');
	const steps = parseTimeline(timeline, mode, config, fail);
	if (steps.length === 0) fail(1, 'the scenario has no steps (keys, wait, pause, caption, …)');
	return {
		...header,
		name: path.basename(file).replace(/\.scenario$/, ''),
		file,
		mode,
		config,
		speed: mode.speedOf?.(config) ?? mode.speeds.initial,
		steps,
	};
}

/** The mode's config from the header's flags; a bad value is reported at the line that set it. */
function parseConfig(
	mode: AnyMode,
	flags: Record<string, string | string[]>,
	flagLines: Record<string, ReadonlyArray<{line: number; value: string}>>,
	fail: (line: number, reason: string) => never,
): unknown {
	const raw: RawFlags = Object.fromEntries(Object.entries(flags).map(([name, value]) => [name, mode.flags[name]?.type === 'boolean' ? true : value]));
	try {
		return mode.parseConfig(raw);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		const named = Object.keys(flagLines).find(name => error.message.includes(`--${name}`));
		// Of a repeated flag (two faults), the line whose value the message quotes.
		const lines = named ? flagLines[named]! : [];
		const at = lines.find(entry => error.message.includes(`"${entry.value}"`)) ?? lines[0];
		return fail(at?.line ?? 1, error.message.replaceAll(/--([a-z-]+)/g, '$1'));
	}
}

function parseTimeline(timeline: readonly Content[], mode: AnyMode, config: unknown, fail: (line: number, reason: string) => never): ScenarioStep[] {
	const steps: ScenarioStep[] = [];
	let previousWasCaption = false;
	for (const {line, directive, words, rest} of timeline) {
		const isCaption = directive === 'caption' && rest !== '';
		if (isCaption && previousWasCaption) {
			const last = steps.at(-1) as Extract<ScenarioStep, {kind: 'caption'}>;
			if (last.lines.length >= maxCaptionLines) fail(line, `a caption has at most ${maxCaptionLines} lines`);
			steps[steps.length - 1] = {...last, lines: [...last.lines, rest]};
		} else {
			steps.push(parseStep(line, directive, words, rest, mode, config, fail));
		}

		previousWasCaption = isCaption;
	}

	return steps;
}

function parseStep(line: number, directive: string, words: string[], rest: string, mode: AnyMode, config: unknown, fail: (line: number, reason: string) => never): ScenarioStep {
	switch (directive) {
		case 'keys': {
			if (words.length === 0) fail(line, '"keys" needs at least one key');
			const keys: KeyPress[] = words.map(
				token => keyPressFor(token) ?? fail(line, `unknown key "${token}": use a single character or one of ${keyNames.join(', ')}`),
			);
			return {line, kind: 'keys', keys, tokens: words};
		}

		case 'wait':
		case 'pause': {
			// A mode may have a pause verb too (the etcd mode's SIGSTOP): `pause m2` is the verb, `pause` and `pause 2s` the presenter's.
			if (directive === 'pause' && words.length > 0 && parseDuration(words[0]!) === undefined && mode.scenario.verbs.includes('pause')) return verbStep(line, directive, words, mode, config, fail);
			if (directive === 'pause' && words.length === 0) return {line, kind: 'pause', ms: defaultPauseMs};
			const ms = words.length === 1 ? parseDuration(words[0]!) : undefined;
			if (ms === undefined || ms > 600_000) fail(line, `"${directive}" needs a duration such as 2s, 1.5s or 500ms (at most 600s), not "${rest}"`);
			return {line, kind: directive, ms: ms!};
		}

		case 'caption':
			return {line, kind: 'caption', lines: rest === '' ? [] : [rest]};
		case 'step': {
			const count = words.length === 0 ? 1 : /^\d+$/.test(words[0]!) && words.length === 1 ? Number(words[0]) : 0;
			if (count < 1 || count > 1_000_000) fail(line, `"step" takes a number of events from 1 to 1000000, not "${rest}"`);
			return {line, kind: 'step', count};
		}

		case 'until': {
			const within = words.indexOf('within');
			const live = isLive(mode);
			const given = within < 0 ? undefined : words.length === within + 2 ? words[within + 1]! : '';
			const limit = live ? (given === undefined ? defaultLiveUntilMs : (parseDuration(given) ?? Number.NaN)) : given === undefined ? defaultUntilLimit : Number(given);
			if (live && (!(limit >= 1) || limit > 600_000)) fail(line, '"until … within T" needs a duration after "within", such as 5s or 500ms (at most 600s): a real cluster is waited for in real time');
			if (!live && (!Number.isInteger(limit) || limit < 1)) fail(line, '"until … within N" needs a whole number of events after "within"');
			const condition = mode.scenario.condition(within < 0 ? words : words.slice(0, within), config);
			if (typeof condition === 'string') fail(line, condition);
			return {line, kind: 'until', condition: condition as Exclude<typeof condition, string>, limit};
		}

		case 'expect': {
			const condition = mode.scenario.expectation(words, config);
			if (typeof condition === 'string') fail(line, condition);
			return {line, kind: 'expect', condition: condition as Exclude<typeof condition, string>};
		}

		default: {
			if (!mode.scenario.verbs.includes(directive)) {
				fail(line, `unknown directive "${directive}": expected one of ${[...new Set([...shellSteps, ...mode.scenario.verbs])].join(', ')} (or, before the timeline, ${[...shellHeader, ...Object.keys(mode.flags)].join(', ')})`);
			}

			return verbStep(line, directive, words, mode, config, fail);
		}
	}
}

function verbStep(line: number, directive: string, words: string[], mode: AnyMode, config: unknown, fail: (line: number, reason: string) => never): ScenarioStep {
	const action = mode.scenario.verb([directive, ...words], config);
	if (typeof action === 'string') fail(line, action);
	return {line, kind: 'action', action, text: [directive, ...words].join(' ')};
}
