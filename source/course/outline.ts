/**
 * The module as a path: its topics in the order of the course text (module 2,
 * "Replicated state machines & distributed consensus"), each with the mode
 * that teaches it and its scenarios in teaching order. Pure: it places a list
 * of scenarios, it reads no files.
 */

export type Topic = {
	/** For `course --record DIR --topic ID`. */
	readonly id: string;
	readonly title: string;
	/** The mode that teaches it (`replica-tui MODE`); it may not exist yet (then the course says it is coming). */
	readonly mode: string;
	/** The bundled scenarios it knows, in teaching order (a mode being built lists the names its branch uses; a name it does not list joins by prefix). */
	readonly known: readonly string[];
	/** Scenarios it does not know by name join it, after the known ones, when their name starts with this. */
	readonly prefix?: string;
};

export const topics: readonly Topic[] = [
	{id: 'state-machines', title: 'State machines and replication', mode: 'voting', known: ['faulty-machine', 'two-disagree', 'majority-vote', 'too-many-faults', 'crash-catch-up']},
	{id: 'total-order', title: 'Total ordering', mode: 'order', prefix: 'order-', known: ['no-total-order', 'order-no-order-diverges', 'order-sequencer-dies', 'order-lamport-waits', 'order-consensus-survives']},
	{
		id: 'consensus',
		title: 'Consensus: Paxos',
		mode: 'paxos',
		prefix: 'paxos-',
		known: ['paxos-one-value', 'paxos-key-rule', 'paxos-two-chosen', 'paxos-acceptor-crash', 'paxos-livelock', 'paxos-multi-noop', 'paxos-and-raft'],
	},
	{id: 'log-replication', title: 'Log replication', mode: 'raft', known: ['raft-replication', 'raft-loss-duplication', 'raft-figure-7']},
	{
		id: 'raft',
		title: 'Raft',
		mode: 'raft',
		prefix: 'raft-',
		known: ['raft-first-election', 'raft-split-vote', 'raft-leader-crash', 'raft-minority-leader', 'raft-uncommitted-entry', 'raft-figure-8', 'raft-disruptive-rejoin', 'raft-vote-not-saved', 'etcd-leader-crash', 'etcd-partition'],
	},
	{
		id: 'aeron',
		title: 'Aeron Cluster',
		mode: 'aeron',
		prefix: 'aeron-',
		known: [
			'aeron-request-path',
			'aeron-timer',
			'aeron-determinism',
			'aeron-leader-crash',
			'aeron-split-vote',
			'aeron-catch-up',
			'aeron-old-leader-returns',
			'aeron-partitioned-leader',
			'aeron-slow-archive',
			'aeron-snapshot-restart',
			'aeron-vs-raft',
		],
	},
	{id: 'sourcing', title: 'Command vs event sourcing', mode: 'sourcing', prefix: 'sourcing-', known: ['sourcing-code-upgrade', 'sourcing-clock', 'sourcing-bug-fix', 'sourcing-schema', 'sourcing-snapshots']},
];

/** Where a scenario no topic names or prefixes goes, by its mode (etcd: a real Raft cluster). */
const topicOfMode: Readonly<Record<string, string>> = {voting: 'state-machines', order: 'total-order', paxos: 'consensus', raft: 'raft', etcd: 'raft', aeron: 'aeron', sourcing: 'sourcing'};

/** What the course needs to know of a scenario. */
export type CourseScenario = {
	readonly name: string;
	readonly description: string;
	/** The scenario's mode (`mode` in its header; voting without one). */
	readonly mode: string;
	/** Something it needs that a simulation does not: a real etcd cluster. */
	readonly needs?: 'etcd';
};

export type CourseTopic = Topic & {readonly scenarios: readonly CourseScenario[]};

export type Course = {
	readonly topics: readonly CourseTopic[];
	/** Scenarios no topic takes (a mode the course does not know): shown last, so nothing is hidden. */
	readonly unplaced: readonly CourseScenario[];
};

function topicFor(scenario: CourseScenario): string | undefined {
	const named = topics.find(topic => topic.known.includes(scenario.name));
	if (named) return named.id;
	const prefixed = topics.find(topic => topic.prefix !== undefined && scenario.name.startsWith(topic.prefix));
	return prefixed?.id ?? topicOfMode[scenario.mode];
}

/**
 * Places every scenario in exactly one topic: by name where a topic knows it
 * (in the topic's order), else by its name's prefix, else by its mode (those
 * after the known ones, by name).
 */
export function placeScenarios(scenarios: readonly CourseScenario[]): Course {
	const byTopic = new Map<string, CourseScenario[]>(topics.map(topic => [topic.id, []]));
	const unplaced: CourseScenario[] = [];
	for (const scenario of [...scenarios].sort((a, b) => a.name.localeCompare(b.name))) {
		const id = topicFor(scenario);
		if (id === undefined) unplaced.push(scenario);
		else byTopic.get(id)!.push(scenario);
	}

	const rank = (topic: Topic, name: string) => {
		const index = topic.known.indexOf(name);
		return index === -1 ? topic.known.length : index;
	};

	return {
		topics: topics.map(topic => ({...topic, scenarios: byTopic.get(topic.id)!.sort((a, b) => rank(topic, a.name) - rank(topic, b.name) || a.name.localeCompare(b.name))})),
		unplaced,
	};
}

/** Every scenario of the course in course order (the unplaced last). */
export function courseOrder(course: Course): CourseScenario[] {
	return [...course.topics.flatMap(topic => topic.scenarios), ...course.unplaced];
}

/** The topics' ids, for a message that lists them. */
export const topicIds = topics.map(topic => topic.id);
