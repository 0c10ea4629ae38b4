/**
 * A fuzz finding as a scenario file: the run's set-up as header lines, its
 * plan as `step N` lines and verbs, captions that say what is being replayed
 * and what broke, and `expect` lines that check the replay reaches the same
 * violation at the same event (so `replica-tui check FILE` proves it).
 */
import {wrapLines} from '../../engine/text.js';
import {propertyNames} from '../safety/properties.js';
import type {FuzzFinding} from './fuzz.js';
import {fuzzRequests, fuzzWorkload} from './options.js';
import {verbText} from './verb-text.js';

/** A caption line fits an 80-column terminal (the shell indents it by one cell). */
const captionWidth = 78;

function caption(text: string): string[] {
	return wrapLines(text, captionWidth, 2).map(line => `caption ${line}`);
}

/** A file name for the finding: raft-fuzz-<bugs>-seed<N>.scenario. */
export function findingFileName(finding: FuzzFinding): string {
	const bugs = finding.config.bugs.length === 0 ? 'no-bug' : finding.config.bugs.join('+');
	return `raft-fuzz-${bugs}-seed${finding.seed}.scenario`;
}

export function findingScenario(finding: FuzzFinding): string {
	const {config, shrunk, violation} = finding;
	const name = propertyNames[violation.property];
	const bugs = config.bugs.length === 0 ? 'no bug' : `the ${config.bugs.join(' and ')} bug${config.bugs.length === 1 ? '' : 's'}`;
	const lines = [
		`description Found by replica-tui raft fuzz: ${name} breaks with ${bugs} (seed ${finding.seed}, event ${violation.event})`,
		'mode raft',
		`servers ${config.servers}`,
		`seed ${config.seed}`,
		`workload ${fuzzWorkload}`,
		`requests ${fuzzRequests}`,
		...config.bugs.map(bug => `bug ${bug}`),
		'size 80x24',
		'paused',
		'',
		...caption(`Replaying fuzz run ${finding.seed} with ${bugs}: ${shrunk.actions.length} faults, then ${violation.property} ${name} breaks at event ${violation.event}.`),
		'pause 2s',
	];
	let events = 0;
	for (const {action, after} of shrunk.actions) {
		if (after > events) lines.push(`step ${after - events}`);
		events = after;
		lines.push(verbText(action)!);
	}

	if (shrunk.events > events) lines.push(`step ${shrunk.events - events}`);
	lines.push(
		`# ✗ ${violation.property} ${name}: ${violation.text}`,
		`# the event: ${violation.cause}`,
		...caption(`✗ ${violation.property} at event ${violation.event}: ${violation.text}`),
		`expect lamp ${violation.property} red at ${violation.event}`,
		'expect halted',
		...caption('b steps back through the events that led here; the lamp turns green again.'),
		`expect lamp ${violation.property} red`,
		'pause',
	);
	return lines.join('\n') + '\n';
}
