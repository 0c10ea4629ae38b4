/** `replica-tui course --record DIR`: every simulated scenario of the course to a GIF, and an index in course order. */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {prepareFolder, recordScenario} from '../commands/record.js';
import {modeNamed} from '../core/modes.js';
import {UsageError} from '../options.js';
import {loadScenario} from '../scenario/bundled.js';
import type {Scenario} from '../scenario/types.js';
import type {ThemeName} from '../theme-names.js';
import {bundledCourse} from './bundled-course.js';
import {courseIndex, type IndexedTopic} from './course-index.js';
import {courseOrder, topicIds, topics as outlineTopics, type Course} from './outline.js';

export type CourseRecordOptions = {
	readonly folder: string;
	/** Only this topic's scenarios (its id), or only these scenarios; neither: the whole course. */
	readonly topic?: string;
	readonly names?: readonly string[];
	readonly fontSize: number;
	readonly theme: ThemeName | false;
	readonly progress: (text: string) => void;
};

export const indexFile = 'index.md';

/** The course cut to what was asked for: a topic, or named scenarios (each checked), in course order. */
export function selectCourse(course: Course, topic: string | undefined, names: readonly string[]): Course {
	if (topic !== undefined && names.length > 0) throw new UsageError('give --topic or scenario names, not both');
	if (topic !== undefined) {
		if (!topicIds.includes(topic)) throw new UsageError(`unknown --topic "${topic}": choose one of ${topicIds.join(', ')}`);
		return {topics: course.topics.filter(candidate => candidate.id === topic), unplaced: []};
	}

	if (names.length === 0) return course;
	const known = new Map(courseOrder(course).map(scenario => [scenario.name, scenario]));
	for (const name of names) {
		const scenario = known.get(name);
		if (!scenario) throw new UsageError(`no scenario named "${name}" in the course (see replica-tui scenarios)`);
		if (scenario.needs) throw new UsageError(`${name} runs a real etcd cluster in real time, so it cannot be recorded on a virtual clock: record it live with "replica-tui play ${name} --record ${name}.cast"`);
	}

	const wanted = new Set(names);
	return {
		topics: course.topics.map(candidate => ({...candidate, scenarios: candidate.scenarios.filter(scenario => wanted.has(scenario.name))})).filter(candidate => candidate.scenarios.length > 0),
		unplaced: course.unplaced.filter(scenario => wanted.has(scenario.name)),
	};
}

const captionsOf = (scenario: Scenario) => scenario.steps.flatMap(step => (step.kind === 'caption' && step.lines.length > 0 ? [step.lines] : []));

/** Records the chosen scenarios one by one (progress on stderr), then writes the index; returns how many GIFs were written. */
export async function recordCourse(options: CourseRecordOptions): Promise<number> {
	const course = selectCourse(bundledCourse(), options.topic, options.names ?? []);
	prepareFolder(options.folder, '--record');
	const toRecord = courseOrder(course).filter(scenario => !scenario.needs);
	let done = 0;
	const topics: IndexedTopic[] = [];
	const sections = [...course.topics.map((topic, index) => ({...topic, number: index + 1})), ...(course.unplaced.length > 0 ? [{id: 'other', title: 'Other scenarios', mode: 'voting', number: course.topics.length + 1, scenarios: course.unplaced}] : [])];
	const numbered = new Map(outlineTopics.map((topic, index) => [topic.id, index + 1]));
	for (const topic of sections) {
		const scenarios = [];
		for (const entry of topic.scenarios) {
			const scenario = loadScenario(entry.name);
			let gif: string | undefined;
			if (!entry.needs) {
				gif = `${entry.name}.gif`;
				const output = path.join(options.folder, gif);
				options.progress(`recording ${++done} of ${toRecord.length}: ${entry.name} …`);
				// eslint-disable-next-line no-await-in-loop
				const result = await recordScenario(scenario, {output, fontSize: options.fontSize, theme: options.theme});
				options.progress(`  ${result.frames} frames, ${result.seconds.toFixed(1)} s, ${result.bytes} bytes → ${output}`);
			}

			scenarios.push({...entry, captions: captionsOf(scenario), gif});
		}

		topics.push({id: topic.id, title: topic.title, mode: topic.mode, number: numbered.get(topic.id) ?? topic.number, modeReady: modeNamed(topic.mode) !== undefined, scenarios});
	}

	const index = path.join(options.folder, indexFile);
	try {
		writeFileSync(index, courseIndex(topics));
	} catch (error) {
		throw new UsageError(`cannot write "${index}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
	}

	options.progress(`recorded ${done} scenario${done === 1 ? '' : 's'} → ${options.folder}; the index is ${index}`);
	return done;
}
