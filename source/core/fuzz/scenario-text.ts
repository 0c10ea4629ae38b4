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

export function findingScenario<P, C, S, A, V extends FuzzViolation>(target: FuzzTarget<P, C, S, A, V>, finding: FuzzFinding<C, S, A, V>): string {
	const {config, shrunk, violation} = finding;
	const name = target.propertyName(violation);
	const bugs = target.bugWords(config).words;
	const lines = [
		`description Found by replica-tui ${target.mode} fuzz: ${name} breaks with ${bugs} (seed ${finding.seed}, event ${violation.event})`,
		`mode ${target.mode}`,
		...target.scenarioHeader(config),
		'size 80x24',
		'paused',
		'',
		...captionLines(`Replaying fuzz run ${finding.seed} with ${bugs}: ${shrunk.actions.length} faults, then ${violation.property} ${name} breaks at event ${violation.event}.`),
		'pause 2s',
	];
	let events = 0;
	for (const {action, after} of shrunk.actions) {
		if (after > events) lines.push(`step ${after - events}`);
		events = after;
		lines.push(target.verbText(action)!);
	}

	if (shrunk.events > events) lines.push(`step ${shrunk.events - events}`);
	lines.push(...target.violationScenario(violation), 'pause');
	return lines.join('\n') + '\n';
}
