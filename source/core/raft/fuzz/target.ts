/**
 * The Raft mode as the generic fuzzer drives it: the cluster a seed makes,
 * the core's own event and action functions, the live safety checker as the
 * violation detector, the adversary of ./adversary.ts, and the words of the
 * report and of the scenario file.
 */
import {captionLines} from '../../fuzz/scenario-text.js';
import type {FuzzTarget} from '../../fuzz/target.js';
import {applyAction} from '../actions.js';
import {bugInfo, isSafetyBug} from '../bugs.js';
import {createRaft, handleNextEvent, nextTime} from '../engine.js';
import {serverList} from '../names.js';
import {longestLeaderless} from '../safety/liveness.js';
import {propertyNames, type Violation} from '../safety/properties.js';
import {bugNames, type RaftAction, type RaftConfig, type RaftState} from '../types.js';
import {Adversary, defaultTactics} from './adversary.js';
import {defaultFuzzOptions, fuzzConfig, parseRaftFuzzSetup, raftSmallSearches, type RaftFuzzSetup} from './options.js';
import {verbText} from './verb-text.js';

const count = (value: number) => value.toLocaleString('en-US');

export const raftFuzz: FuzzTarget<RaftFuzzSetup, RaftConfig, RaftState, RaftAction, Violation> = {
	mode: 'raft',
	flags: ['bug', 'servers'],
	defaults: defaultFuzzOptions,
	parseSetup: parseRaftFuzzSetup,
	setupText: setup => `${setup.servers} servers · ${setup.bugs.length === 0 ? 'no bug' : `bug ${setup.bugs.join(', ')}`}`,
	config: fuzzConfig,
	bugs: bugNames.filter(bug => isSafetyBug(bug)).map(bug => ({name: bug, setup: {bugs: [bug], servers: defaultFuzzOptions.servers}})),

	create: createRaft,
	nextTime,
	step: handleNextEvent,
	apply: applyAction,
	events: state => state.events,
	time: state => state.time,
	violation: state => state.safety.fresh[0],
	adversary: (config, setup) => new Adversary(config.seed, config.servers, {...defaultTactics, ...setup.tactics}),

	sizeText: config => `${config.servers} servers`,
	smallSearches: raftSmallSearches,
	watch: {
		measure: longestLeaderless,
		text: (ms, seed) => `liveness: the longest time without a leader was ${count(ms)} ms (seed ${seed}); that is never called a violation`,
	},
	noFindingLines: setup =>
		setup.bugs.filter(bug => !isSafetyBug(bug)).map(bug => `${bug} is a liveness bug (${bugInfo[bug].does}): it cannot break safety; see the ${bugInfo[bug].scenario} scenario`),
	propertyName: violation => propertyNames[violation.property],
	violationLines: violation => [
		`at event ${violation.event}, t=${violation.time}ms: ${violation.cause}`,
		`counterexample: ${violation.text}`,
		`servers ${serverList(violation.servers)}${violation.index === undefined ? '' : ` · index ${violation.index}`}${violation.term === undefined ? '' : ` · term ${violation.term}`}`,
	],
	verbText,
	scenarioHeader: config => [`servers ${config.servers}`, `seed ${config.seed}`, `workload ${config.workload}`, `requests ${config.requests}`, ...config.bugs.map(bug => `bug ${bug}`)],
	bugWords: config => ({
		words: config.bugs.length === 0 ? 'no bug' : `the ${config.bugs.join(' and ')} bug${config.bugs.length === 1 ? '' : 's'}`,
		file: config.bugs.length === 0 ? 'no-bug' : config.bugs.join('+'),
	}),
	violationScenario: violation => [
		`# ✗ ${violation.property} ${propertyNames[violation.property]}: ${violation.text}`,
		`# the event: ${violation.cause}`,
		...captionLines(`✗ ${violation.property} at event ${violation.event}: ${violation.text}`),
		`expect lamp ${violation.property} red at ${violation.event}`,
		'expect halted',
		...captionLines('b steps back through the events that led here; the lamp turns green again.'),
		`expect lamp ${violation.property} red`,
	],
};
