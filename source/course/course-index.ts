/**
 * The Markdown index of a recorded course: topics in course order, each
 * scenario with its description, its GIF and its captions in the order they
 * appear. Pure: the same scenarios give the same bytes.
 */
import type {CourseScenario, CourseTopic} from './outline.js';

export type IndexedScenario = CourseScenario & {
	/** Each caption of the timeline, its lines as shown (an empty caption, which clears the last, is left out). */
	readonly captions: ReadonlyArray<readonly string[]>;
	/** The GIF's file name, or undefined when it was not recorded (a real cluster). */
	readonly gif: string | undefined;
};

export type IndexedTopic = Pick<CourseTopic, 'id' | 'title' | 'mode'> & {readonly number: number; readonly modeReady: boolean; readonly scenarios: readonly IndexedScenario[]};

function scenarioSection(scenario: IndexedScenario): string[] {
	const lines = [`### ${scenario.name}`, '', `${scenario.description}.`.replace(/\.\.$/, '.'), ''];
	if (scenario.gif === undefined) {
		lines.push(`Runs a real etcd cluster in real time, so it is not recorded on a virtual clock: play it with \`replica-tui play ${scenario.name}\` (add \`--record ${scenario.name}.cast\`, then \`replica-tui record ${scenario.name}.cast -o ${scenario.name}.gif\`).`, '');
	} else {
		lines.push(`![${scenario.name}](${scenario.gif})`, '');
	}

	if (scenario.captions.length > 0) {
		lines.push('Captions, in order:', '');
		for (const [index, caption] of scenario.captions.entries()) lines.push(`${index + 1}. ${caption.join(' ')}`);
		lines.push('');
	}

	lines.push(`Live: \`replica-tui play ${scenario.name}\``, '');
	return lines;
}

export function courseIndex(topics: readonly IndexedTopic[]): string {
	const recorded = topics.flatMap(topic => topic.scenarios).filter(scenario => scenario.gif !== undefined).length;
	const lines = [
		'# Module 2: replicated state machines and consensus',
		'',
		`The course of replica-tui, in the order of the module: ${recorded} scenario${recorded === 1 ? '' : 's'} recorded by \`replica-tui course --record\`. Each plays live with \`replica-tui play NAME\`, or all in order with \`replica-tui course\`.`,
		'',
	];
	for (const topic of topics) {
		lines.push(`## ${topic.number}. ${topic.title}`, '', topic.modeReady ? `Its mode: \`replica-tui ${topic.mode}\`.` : `Its mode (${topic.mode}) is coming.`, '');
		if (topic.scenarios.length === 0) lines.push('Scenarios coming.', '');
		for (const scenario of topic.scenarios) lines.push(...scenarioSection(scenario));
	}

	return lines.join('\n').replace(/\n+$/, '\n');
}
