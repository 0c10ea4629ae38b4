import path from 'node:path';
import {parseFaultSpec, type ScheduledFault} from '../core/fault.js';
import type {KeyPress} from '../core/keymap.js';
import {maxReplicas} from '../core/limits.js';
import {modelNames} from '../core/models/index.js';
import {maxRate} from '../core/session.js';
import {keyNames, keyPressFor} from './key-names.js';
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

type Header = {-readonly [K in Exclude<keyof Scenario, 'name' | 'file' | 'steps' | 'faults'>]: Scenario[K]};

const headerDirectives = new Set(['description', 'model', 'replicas', 'seed', 'rate', 'paused', 'size', 'fault']);
const stepDirectives = new Set(['keys', 'wait', 'pause', 'caption']);

/** Parses a duration: "2s", "1.5s", "500ms", or a bare number of seconds. */
export function parseDuration(text: string): number | undefined {
	const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text);
	if (!match) return undefined;
	const value = Number(match[1]);
	return match[2] === 'ms' ? value : value * 1000;
}

function wholeNumber(text: string, min: number, max: number): number | undefined {
	if (!/^\d+$/.test(text)) return undefined;
	const value = Number(text);
	return value >= min && value <= max ? value : undefined;
}

/** Parses a scenario: a header that sets up the run, then a timeline, one step a line, # comments. */
export function parseScenario(text: string, file: string): Scenario {
	const header: Header = {description: '', model: 'bank', replicas: 3, seed: 1, rate: 2, paused: false, columns: 80, rows: 24};
	const faultSpecs: Array<{spec: string; line: number}> = [];
	const steps: ScenarioStep[] = [];
	let previousWasCaption = false;
	for (const [i, raw] of text.split(/\r?\n/).entries()) {
		const line = i + 1;
		const fail = (reason: string): never => {
			throw new ScenarioError(file, line, reason);
		};

		// A comment is a # at the start or after a space, followed by a space or the end: "#3" in a caption stays.
		const content = raw.replace(/(^|\s)#(\s.*)?$/, '').trim();
		if (content === '') continue;
		const [directive = '', ...words] = content.split(/\s+/);
		const rest = content.slice(directive.length).trim();
		const isCaption = directive === 'caption';
		if (headerDirectives.has(directive)) {
			if (steps.length > 0) fail(`"${directive}" sets up the run, so it must come before the first step (keys, wait, pause, caption)`);
			parseHeaderLine(header, directive, words, rest, fail, faultSpecs, line);
		} else if (stepDirectives.has(directive)) {
			const step = parseStep(directive, words, rest, line, fail);
			if (isCaption && previousWasCaption && step.kind === 'caption' && rest !== '') {
				const last = steps.at(-1) as Extract<ScenarioStep, {kind: 'caption'}>;
				if (last.lines.length >= maxCaptionLines) fail(`a caption has at most ${maxCaptionLines} lines`);
				steps[steps.length - 1] = {...last, lines: [...last.lines, rest]};
			} else {
				steps.push(step);
			}
		} else {
			fail(`unknown directive "${directive}": expected one of ${[...headerDirectives, ...stepDirectives].join(', ')}`);
		}

		previousWasCaption = isCaption && rest !== '';
	}

	if (header.description === '') throw new ScenarioError(file, 1, 'the scenario needs a "description" line (one line saying what it shows)');
	if (steps.length === 0) throw new ScenarioError(file, 1, 'the scenario has no steps (keys, wait, pause, caption)');
	const faults: ScheduledFault[] = faultSpecs.map(({spec, line}) => {
		const fault = parseFaultSpec(spec, header.replicas);
		if (typeof fault === 'string') throw new ScenarioError(file, line, fault.replace('--fault', 'fault'));
		return fault;
	});
	return {...header, name: path.basename(file).replace(/\.scenario$/, ''), file, faults, steps};
}

function parseHeaderLine(
	header: Header,
	directive: string,
	words: string[],
	rest: string,
	fail: (reason: string) => never,
	faultSpecs: Array<{spec: string; line: number}>,
	line: number,
): void {
	const one = () => (words.length === 1 ? words[0]! : fail(`"${directive}" takes one value`));
	switch (directive) {
		case 'description':
			header.description = rest || fail('"description" needs text');
			break;
		case 'model':
			header.model = modelNames.includes(one()) ? one() : fail(`unknown model "${one()}": choose one of ${modelNames.join(', ')}`);
			break;
		case 'replicas':
			header.replicas = wholeNumber(one(), 1, maxReplicas) ?? fail(`replicas must be a whole number from 1 to ${maxReplicas}, not "${one()}"`);
			break;
		case 'seed':
			header.seed = wholeNumber(one(), 0, 4_294_967_295) ?? fail(`seed must be a whole number from 0 to 4294967295, not "${one()}"`);
			break;
		case 'rate': {
			const rate = Number(one());
			header.rate = Number.isFinite(rate) && rate > 0 && rate <= maxRate ? rate : fail(`rate must be inputs per second above 0 and at most ${maxRate}, not "${one()}"`);
			break;
		}

		case 'paused':
			if (words.length > 0) fail('"paused" takes no value');
			header.paused = true;
			break;
		case 'size': {
			const size = parseTerminalSize(one()) ?? fail(`size must be ${sizeRule}, not "${one()}"`);
			header.columns = size.columns;
			header.rows = size.rows;
			break;
		}

		case 'fault':
			faultSpecs.push({spec: one(), line});
			break;
	}
}

function parseStep(directive: string, words: string[], rest: string, line: number, fail: (reason: string) => never): ScenarioStep {
	switch (directive) {
		case 'keys': {
			if (words.length === 0) fail('"keys" needs at least one key');
			const keys: KeyPress[] = words.map(
				token => keyPressFor(token) ?? fail(`unknown key "${token}": use a single character or one of ${keyNames.join(', ')}`),
			);
			return {line, kind: 'keys', keys, tokens: words};
		}

		case 'wait':
		case 'pause': {
			if (directive === 'pause' && words.length === 0) return {line, kind: 'pause', ms: defaultPauseMs};
			const ms = words.length === 1 ? parseDuration(words[0]!) : undefined;
			if (ms === undefined || ms > 600_000) fail(`"${directive}" needs a duration such as 2s, 1.5s or 500ms (at most 600s), not "${rest}"`);
			return {line, kind: directive, ms: ms!};
		}

		default:
			return {line, kind: 'caption', lines: rest === '' ? [] : [rest]};
	}
}
