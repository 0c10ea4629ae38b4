/**
 * A fuzz finding as a scenario file: the run's set-up as header lines, its
 * plan as `step N` lines and verbs, captions that say what is being replayed
 * and what broke, and `expect` lines that check the replay reaches the same
 * violation at the same event (so `replica-tui check FILE` proves it).
 */
import {wrapLines} from '../engine/text.js';
import type {FuzzFinding} from './search.js';
import type {FuzzTarget, FuzzViolation} from './target.js';

/** A caption line fits an 80-column terminal (the shell indents it by one cell). */
export const captionWidth = 78;

export function captionLines(text: string): string[] {
	return wrapLines(text, captionWidth, 2).map(line => `caption ${line}`);
}

/** A file name for the finding: <mode>-fuzz-<bugs>-seed<N>.scenario. */
export function findingFileName<P, C, S, A, V extends FuzzViolation>(target: FuzzTarget<P, C, S, A, V>, finding: FuzzFinding<C, S, A, V>): string {
	return `${target.mode}-fuzz-${target.bugWords(finding.config).file}-seed${finding.seed}.scenario`;
}

/** The first caption: the whole of it if it fits, else its parts that do. */
function introCaption(parts: readonly string[]): string {
	const whole = parts.join(' ');
	return captionFits(whole) ? whole : parts.filter(part => captionFits(part)).join(' ').slice(0, 2 * captionWidth);
}

/** The states the shrunk plan passes through: before and after each action, and at the end of each action's stretch. */
function planStates<P, C, S, A, V extends FuzzViolation>(target: FuzzTarget<P, C, S, A, V>, finding: FuzzFinding<C, S, A, V>): Array<{before: S; after: S; end: S}> {
	const {config, shrunk} = finding;
	let state = target.create(config);
	const stepTo = (events: number) => {
		while (target.events(state) < events && target.nextTime(state) !== undefined) state = target.step(state);
	};

	const states: Array<{before: S; after: S; end: S}> = [];
	for (const {action, after} of shrunk.actions) {
		stepTo(after);
		if (states.length > 0) states.at(-1)!.end = state;
		const before = state;
		state = target.apply(state, action);
		states.push({before, after: state, end: state});
	}

	stepTo(shrunk.events);
	if (states.length > 0) states.at(-1)!.end = state;
	return states;
}

export function findingScenario<P, C, S, A, V extends FuzzViolation>(target: FuzzTarget<P, C, S, A, V>, finding: FuzzFinding<C, S, A, V>): string {
	const {config, shrunk, violation, first} = finding;
	const name = target.propertyName(violation);
	const bugs = target.bugWords(config).words;
	const size = target.sizeText?.(config);
	const found = first === undefined ? `seed ${finding.seed}` : `seed ${first.seed}, run ${first.runs}${target.sizeText ? ` with ${target.sizeText(first.config)}` : ''}; shrunk from seed ${finding.seed}`;
	const actions = `${shrunk.actions.length} action${shrunk.actions.length === 1 ? '' : 's'}`;
	const lines = [
		`description Found by replica-tui ${target.mode} fuzz: ${name} breaks with ${bugs} (${found}, event ${violation.event})`,
		`mode ${target.mode}`,
		...target.scenarioHeader(config),
		'size 80x24',
		'paused',
		'',
		...captionLines(introCaption([`Found by the fuzzer and shrunk${size === undefined ? '' : ` to ${size}`}, with ${bugs}: ${actions},`, `then ${violation.property} ${name} breaks at event ${violation.event}.`])),
		'pause',
	];
	const states = target.actionCaption === undefined ? [] : planStates(target, finding);
	const last = states.at(-1)?.end;
	let events = 0;
	for (const [index, {action, after}] of shrunk.actions.entries()) {
		if (after > events) lines.push(`step ${after - events}`);
		events = after;
		const around = states[index];
		const caption = around === undefined ? undefined : target.actionCaption!({number: index + 1, count: shrunk.actions.length, action, ...around, last: last!, violation});
		if (caption !== undefined) lines.push(...captionLines(caption.text));
		lines.push(target.verbText(action)!);
		if (caption === undefined) continue;
		lines.push(...(caption.now ?? []).map(claim => `expect ${claim}`));
		const next = shrunk.actions[index + 1]?.after ?? shrunk.events;
		if (next > events) lines.push(`step ${next - events}`);
		events = next;
		lines.push(...caption.expects.map(claim => `expect ${claim}`));
		if (index + 1 < shrunk.actions.length) lines.push('pause');
	}

	if (shrunk.events > events) lines.push(`step ${shrunk.events - events}`);
	lines.push(...target.violationScenario(violation), 'pause');
	return lines.join('\n') + '\n';
}

/** Whether `text` fits a caption (two lines of captionWidth) without being cut. */
export function captionFits(text: string): boolean {
	const lines = wrapLines(text, captionWidth, 3);
	return lines.length <= 2 && lines.join(' ').length >= text.length - 2;
}
