/**
 * The Aeron mode as the generic fuzzer drives it: the cluster a seed makes,
 * the core's event and action functions, the lamps as the violation detector,
 * the adversary of ./adversary.ts, and the words of the report and scenario.
 */
import type {MessagePick} from '../../net/message.js';
import {messageTypeWords} from '../scenario.js';
import type {RawFlags} from '../../engine/mode.js';
import {UsageError} from '../../engine/usage-error.js';
import {listFlag} from '../../engine/flags.js';
import {captionLines} from '../../fuzz/scenario-text.js';
import {wholeFlag} from '../../fuzz/options.js';
import type {FuzzOptions, FuzzTarget} from '../../fuzz/target.js';
import {applyAction} from '../actions.js';
import {parseAeronConfig} from '../config.js';
import {createAeron, handleNextEvent, nextTime} from '../engine.js';
import {memberName} from '../names.js';
import {bugNames, type AeronAction, type AeronConfig, type AeronState, type BugName, type LampName, type MessageType} from '../types.js';
import {AeronAdversary} from './adversary.js';

type Setup = {readonly bugs: readonly BugName[]; readonly members: number};
type Violation = NonNullable<AeronState['fresh']>;

const lampWords: Readonly<Record<LampName, string>> = {
	'one-leader': 'one leader per term',
	'commit-kept': 'a committed position is never lost',
	'same-records': 'same records at the same positions in every service',
	'service-commit': 'service ≤ commit ≤ appended on every member (no service passes its commit, no commit passes its member\'s recorded position)',
};

const defaults: FuzzOptions<Setup> = {bugs: [], members: 3, seeds: 200, firstSeed: 1, events: 6000};

function parseSetup(flags: RawFlags): Setup {
	const bugs = listFlag(flags, 'bug').map(value => {
		if (!(bugNames as readonly string[]).includes(value)) throw new UsageError(`unknown --bug "${value}": choose among ${bugNames.join(', ')}`);
		return value as BugName;
	});
	return {bugs, members: wholeFlag(flags, 'members', defaults.members, 1, 7)};
}

/** The scenario line for an action (the inverse of the scenario's verb parser). */
export function verbText(action: AeronAction): string | undefined {
	const who = (member: number | 'leader') => (member === 'leader' ? 'leader' : memberName(member));
	switch (action.type) {
		case 'kill':
		case 'restart':
		case 'lose-disk':
			return `${action.type} ${memberName(action.member)}`;
		case 'isolate':
			return `isolate ${who(action.member)}`;
		case 'partition':
			return `partition ${action.groups.map(group => group.map(memberName).join(' ')).join(' | ')}`;
		case 'cut':
			return `cut ${memberName(action.from)}->${memberName(action.to)}`;
		case 'loss':
			return `loss ${links(action.from, action.to)}${action.probability}`;
		case 'slow':
			return `slow ${links(action.from, action.to)}${action.ms}`;
		case 'drop':
		case 'duplicate':
		case 'deliver':
			return `${action.type} ${pickText(action.pick)}`;
		case 'delay':
			return `delay ${pickText(action.pick)} ${action.ms}ms`;
		case 'heal':
		case 'snapshot':
		case 'request':
			return action.type;
		case 'slow-archive':
			return `slow-archive ${who(action.member)}${action.on ? '' : ' off'}`;
		case 'timer':
			return `timer ${action.delay}ms`;
		case 'impurity':
			return `impurity ${action.impurity ?? 'off'}`;
		case 'bug':
			return `bug ${action.bug}${action.on ? '' : ' off'}`;
	}
}

function links(from: number | undefined, to: number | undefined): string {
	if (from !== undefined && to !== undefined) return `${memberName(from)}->${memberName(to)} `;
	return from === undefined ? '' : `${memberName(from)} `;
}

function pickText(pick: MessagePick<MessageType>): string {
	const end = (node: number | 'any') => (node === 'any' ? '*' : memberName(node));
	switch (pick.by) {
		case 'id':
			return `#${pick.id}`;
		case 'next':
			return 'next';
		case 'match': {
			const word = Object.entries(messageTypeWords).find(([, type]) => type === pick.type)?.[0];
			return `${end(pick.from)}->${end(pick.to)}${word === undefined ? '' : ` ${word}`}`;
		}
	}
}

export const aeronFuzz: FuzzTarget<Setup, AeronConfig, AeronState, AeronAction, Violation> = {
	mode: 'aeron',
	flags: ['bug', 'members'],
	defaults,
	parseSetup,
	setupText: setup => `${setup.members} members · ${setup.bugs.length === 0 ? 'no bug' : `bug ${setup.bugs.join(', ')}`}`,
	config: (setup, seed) => ({...parseAeronConfig({members: String(setup.members), seed: String(seed), workload: '150', requests: '400'}), bugs: setup.bugs}),
	bugs: bugNames.map(bug => ({name: bug, setup: {bugs: [bug], members: 3}})),

	create: createAeron,
	nextTime,
	step: handleNextEvent,
	apply: applyAction,
	events: state => state.events,
	time: state => state.time,
	violation: state => state.fresh,
	adversary: config => new AeronAdversary(config.seed, config.members),

	sizeText: config => `${config.members} members`,
	propertyName: violation => lampWords[violation.property],
	violationLines: violation => [`at event ${violation.event}, t=${violation.time}ms`, `counterexample: ${violation.text}`],
	verbText,
	scenarioHeader: config => [`members ${config.members}`, `seed ${config.seed}`, 'workload 150', 'requests 400', ...config.bugs.map(bug => `bug ${bug}`)],
	bugWords: config => ({
		words: config.bugs.length === 0 ? 'no bug' : `the ${config.bugs.join(' and ')} bug${config.bugs.length === 1 ? '' : 's'}`,
		file: config.bugs.length === 0 ? 'no-bug' : config.bugs.join('+'),
	}),
	violationScenario: violation => [
		`# ✗ ${violation.property} (${lampWords[violation.property]}): ${violation.text}`,
		...captionLines(`✗ ${violation.property} at event ${violation.event}: ${violation.text}`),
		`expect lamp ${violation.property} broken`,
	],
};
