/**
 * The voting mode: replicas of a deterministic state machine fed the same
 * inputs, a majority vote over their states, faults and repair. Its time is
 * counted in inputs: one event is one input issued to every replica.
 */
import {faultInfo, faultTypes, isFaultType, type FaultType} from './fault.js';
import {formatRate} from '../engine/text.js';
import type {Mode} from '../engine/mode.js';
import {report, traceLine} from './report.js';
import {createSimulation, step} from './simulation.js';
import type {SimState} from './types.js';
import {headlessSummary} from './summary.js';
import {maxRate, minRate, parseVotingConfig, rateLadder, votingFlags, type VotingConfig} from './config.js';
import {votingExpectation} from './expectations.js';
import {votingHelp, votingLegend} from './help.js';
import {votingView} from './view.js';

export type VotingAction = {readonly type: 'inject'; readonly replica: number; readonly fault: FaultType} | {readonly type: 'repair'; readonly replica: number};

/** "R2" or "2" as a replica id, or what is wrong with it. */
function replicaNamed(config: VotingConfig, word: string | undefined): number | string {
	const match = /^R?(\d+)$/i.exec(word ?? '');
	const id = match ? Number(match[1]) - 1 : -1;
	return id >= 0 && id < config.replicas ? id : `no replica "${word ?? ''}": name one of R1…R${config.replicas}`;
}

export const votingMode: Mode<SimState, VotingAction, VotingConfig> = {
	name: 'voting',
	teaches: 'replicas of a deterministic state machine, a majority vote, faults and repair',
	narrowest: 1,
	flags: votingFlags,
	parseConfig: parseVotingConfig,
	create: config => createSimulation({model: config.model, replicas: config.replicas, seed: config.seed, faults: config.faults}),
	speeds: {ladder: rateLadder, initial: 2, min: minRate, max: maxRate, format: formatRate},
	speedOf: config => config.rate,
	now: sim => sim.index,
	nextTime: sim => sim.index + 1,
	advance: (sim, count) => (count > 0 ? step(sim, {type: 'input', count}) : sim),
	runUntil(sim, time, cap) {
		const count = Math.min(cap, Math.floor(time) - sim.index);
		return count > 0 ? {state: step(sim, {type: 'input', count}), count} : {state: sim, count: 0};
	},
	apply(sim, action) {
		if (action.replica < 0 || action.replica >= sim.replicas.length) return sim;
		return action.type === 'inject' ? step(sim, {type: 'inject', replica: action.replica, fault: action.fault}) : step(sim, {type: 'repair', replica: action.replica});
	},
	selectable: sim => sim.replicas.length,
	keyAction(_sim, key, ui) {
		if (key.input === 'f') return {menu: 'fault'};
		if (key.input === 'r') return {action: {type: 'repair', replica: ui.selected}};
		return undefined;
	},
	menu(sim, _name, ui) {
		const name = sim.replicas[ui.selected]?.name ?? 'R1';
		return {
			title: `fault for ${name}`,
			items: faultTypes.map(fault => ({key: faultInfo[fault].key, label: fault, action: {type: 'inject', replica: ui.selected, fault}})),
		};
	},
	hints: () => [
		{keys: 'f', label: 'fault'},
		{keys: 'r', label: 'repair'},
		{keys: '←→', label: 'select'},
	],
	help: votingHelp,
	legend: votingLegend,
	eventRows: 2,
	decisionRows: 2,
	view: votingView,
	report,
	summary: headlessSummary,
	traceLine: sim => traceLine(sim),
	traceStart: sim => traceLine(sim, 'start'),
	traceAction: (_before, after, action) => ({...traceLine(after, 'action'), action: action.type === 'inject' ? `fault ${after.replicas[action.replica]!.name} ${action.fault}` : `repair ${after.replicas[action.replica]!.name}`}),
	scenario: {
		verbs: ['fault', 'repair'],
		verb(words, config) {
			const [verb, target, fault] = words;
			const usage = `expected "fault R2 skip" (skip, ${faultTypes.slice(1).join(', ')}) or "repair R2"`;
			if (!((verb === 'repair' && words.length === 2) || (verb === 'fault' && words.length === 3))) return usage;
			const replica = replicaNamed(config, target);
			if (typeof replica === 'string') return replica;
			if (verb === 'repair') return {type: 'repair', replica};
			return fault && isFaultType(fault) ? {type: 'inject', replica, fault} : `unknown fault "${fault}": ${usage}`;
		},
		condition: votingExpectation,
		expectation: votingExpectation,
	},
};
