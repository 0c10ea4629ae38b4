/**
 * The Paxos mode as the generic fuzzer drives it: a cluster per seed, the
 * core's own event and action functions, the live lamps as the violation
 * detector, the adversary of ./adversary.ts, and the words of the report and
 * of the scenario it writes.
 */
import {listFlag} from '../../engine/flags.js';
import type {RawFlags} from '../../engine/mode.js';
import {captionLines} from '../../fuzz/scenario-text.js';
import type {FuzzTarget} from '../../fuzz/target.js';
import {applyAction} from '../actions.js';
import {bugNames, type BugName} from '../bugs.js';
import {parseBugs, parsePaxosConfig} from '../config.js';
import {createPaxos, handleNextEvent, nextTime} from '../engine.js';
import {nodeName} from '../names.js';
import {lampText, type LampName, type Violation} from '../safety.js';
import type {MessagePick, PaxosAction, PaxosConfig, PaxosState} from '../types.js';
import {PaxosAdversary} from './adversary.js';

export type PaxosFuzzSetup = {readonly bugs: readonly BugName[]};
export type PaxosViolation = Violation & {readonly property: LampName; readonly time: number};

const multiBugs: readonly BugName[] = ['skip-phase1'];

export function fuzzConfig(setup: PaxosFuzzSetup, seed: number): PaxosConfig {
	const multi = setup.bugs.some(bug => multiBugs.includes(bug));
	return parsePaxosConfig({seed: String(seed), stagger: String(seed % 60), ...(multi ? {multi: true, workload: '60', requests: '30'} : {}), bug: [...setup.bugs]});
}

function pickText(config: PaxosConfig, pick: MessagePick): string {
	if (pick.by === 'id') return `#${pick.id}`;
	if (pick.by === 'next') return 'next';
	const end = (node: number | 'any') => (node === 'any' ? '*' : nodeName(config, node));
	const type = pick.type === 'Nack' ? 'Refuse' : pick.type;
	return `${end(pick.from)}->${end(pick.to)}${type === undefined ? '' : ` ${type}`}`;
}

/** The scenario verb of an action (the inverse of parseVerb). */
export function paxosVerbText(config: PaxosConfig, action: PaxosAction): string | undefined {
	switch (action.type) {
		case 'crash':
		case 'restart':
			return `${action.type} ${nodeName(config, action.node)}`;
		case 'propose':
			return `propose ${nodeName(config, action.proposer)}`;
		case 'adversary':
		case 'leader':
			return `${action.type} ${action.on ? 'on' : 'off'}`;
		case 'bug':
			return `bug ${action.bug} ${action.on ? 'on' : 'off'}`;
		case 'drop':
		case 'duplicate':
		case 'deliver':
			return `${action.type} ${pickText(config, action.pick)}`;
		case 'delay':
			return `delay ${pickText(config, action.pick)} ${action.ms}ms`;
		case 'request':
			return 'request';
		default:
			return undefined;
	}
}

let lastConfig: PaxosConfig | undefined;

export const paxosFuzz: FuzzTarget<PaxosFuzzSetup, PaxosConfig, PaxosState, PaxosAction, PaxosViolation> = {
	mode: 'paxos',
	flags: ['bug'],
	defaults: {bugs: [], seeds: 200, firstSeed: 1, events: 1500},
	parseSetup: (flags: RawFlags) => ({bugs: parseBugs(listFlag(flags, 'bug'))}),
	setupText: setup => (setup.bugs.length === 0 ? 'no bug' : `bug ${setup.bugs.join(', ')}`),
	config(setup, seed) {
		lastConfig = fuzzConfig(setup, seed);
		return lastConfig;
	},
	bugs: bugNames.map(bug => ({name: bug, setup: {bugs: [bug]}})),

	create: createPaxos,
	nextTime,
	step: handleNextEvent,
	apply: applyAction,
	events: state => state.events,
	time: state => state.time,
	violation(state) {
		const fresh = state.lamps.fresh[0];
		return fresh === undefined ? undefined : {...fresh, property: fresh.lamp, time: state.time};
	},
	adversary: config => new PaxosAdversary(config),

	sizeText: config => `${config.proposers} proposers, ${config.acceptors} acceptors`,
	propertyName: violation => lampText[violation.property],
	violationLines: violation => [`at event ${violation.event}, t=${violation.time}ms`, `counterexample: ${violation.text}`],
	verbText: action => paxosVerbText(lastConfig ?? fuzzConfig({bugs: []}, 1), action),
	scenarioHeader: config => [`seed ${config.seed}`, `stagger ${config.stagger}`, ...(config.multi ? ['multi', `workload ${config.workload}`, `requests ${config.requests}`] : []), ...config.bugs.map(bug => `bug ${bug}`)],
	bugWords: config => ({
		words: config.bugs.length === 0 ? 'no bug' : `the ${config.bugs.join(' and ')} bug${config.bugs.length === 1 ? '' : 's'}`,
		file: config.bugs.length === 0 ? 'no-bug' : config.bugs.join('+'),
	}),
	violationScenario: violation => [
		`# ✗ ${violation.property}: ${violation.text}`,
		...captionLines(`✗ ${lampText[violation.property]}: ${violation.text}`),
		`expect lamp ${violation.property} red at ${violation.event}`,
		...captionLines('b steps back through the events that led here; the lamp turns green again.'),
		`expect lamp ${violation.property} red`,
	],
};
