/**
 * The course as the lines of a list: each topic's heading (with its mode),
 * its scenarios, or a line saying its scenarios are coming. Pure.
 */
import type {Course, CourseScenario, CourseTopic} from './outline.js';

export type CourseRow =
	| {readonly kind: 'topic'; readonly topic: CourseTopic; readonly number: number; readonly modeReady: boolean}
	| {readonly kind: 'scenario'; readonly scenario: CourseScenario; readonly topic: CourseTopic | undefined}
	| {readonly kind: 'coming'; readonly topic: CourseTopic};

/** What the course knows of its surroundings: which modes exist, whether etcd is installed. */
export type CourseEnvironment = {readonly modeReady: (mode: string) => boolean; readonly etcd: boolean};

export function courseRows(course: Course, environment: CourseEnvironment): CourseRow[] {
	const rows: CourseRow[] = [];
	for (const [index, topic] of course.topics.entries()) {
		rows.push({kind: 'topic', topic, number: index + 1, modeReady: environment.modeReady(topic.mode)});
		if (topic.scenarios.length === 0) rows.push({kind: 'coming', topic});
		for (const scenario of topic.scenarios) rows.push({kind: 'scenario', scenario, topic});
	}

	for (const scenario of course.unplaced) rows.push({kind: 'scenario', scenario, topic: undefined});
	return rows;
}

/** A topic heading opens its mode to explore freely; a scenario plays. The "coming" line is not chosen. */
export function isChoosable(row: CourseRow): boolean {
	return row.kind !== 'coming';
}

/** Why a row cannot be played here, in a few words (undefined when it can). */
export function missingFor(row: CourseRow, environment: CourseEnvironment): string | undefined {
	if (row.kind === 'topic') return row.modeReady ? undefined : `the ${row.topic.mode} mode is coming`;
	if (row.kind === 'coming') return `${row.topic.title}: its scenarios are coming`;
	if (row.scenario.needs === 'etcd' && !environment.etcd) return 'needs etcd, which is not installed';
	return undefined;
}

/** The next scenario after row `index`, in course order (headings skipped), or undefined at the end of the course. */
export function nextScenarioRow(rows: readonly CourseRow[], index: number): number | undefined {
	for (let i = index + 1; i < rows.length; i++) if (rows[i]!.kind === 'scenario') return i;
	return undefined;
}

/** The choosable row `delta` steps from `index` (clamped at either end). */
export function moveChoice(rows: readonly CourseRow[], index: number, delta: number): number {
	let at = index;
	const step = Math.sign(delta);
	for (let left = Math.abs(delta); left > 0; left--) {
		let next = at + step;
		while (next >= 0 && next < rows.length && !isChoosable(rows[next]!)) next += step;
		if (next < 0 || next >= rows.length) break;
		at = next;
	}

	return at;
}

/** The first row shown, so that `selected` is in a window of `height` rows, moving as little as possible from `offset`. */
export function scrollTo(offset: number, selected: number, height: number, total: number): number {
	const window = Math.max(1, height);
	let top = Math.min(offset, selected);
	if (selected >= top + window) top = selected - window + 1;
	// A topic's heading shows with its first scenario.
	if (top === selected && top > 0 && selected - 1 >= 0) top = Math.max(0, top - 1);
	return Math.max(0, Math.min(top, Math.max(0, total - window)));
}
