/**
 * The sourcing mode: one seeded stream of bank commands feeds a
 * command-sourced and an event-sourced pipeline side by side. One event is
 * one command through both pipelines, or one step of a running replay.
 */
import type {Mode} from '../engine/mode.js';
import {applyAction, type SourcingAction} from './actions.js';
import {flags, maxSpeed, minSpeed, parseConfig} from './config.js';
import {report, summary, traceLine, traceStart} from './headless.js';
import {help, hints, keyAction, legend, menu} from './keys.js';
import {createState} from './pipelines.js';
import {condition, expectation, verb, verbs} from './scenario.js';
import type {SourcingConfig, SourcingState} from './state.js';
import {sourcingRows} from './rows.js';
import {step} from './step.js';
import {view} from './view.js';

export const speedLadder = [minSpeed, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, maxSpeed] as const;

export const sourcingMode: Mode<SourcingState, SourcingAction, SourcingConfig> = {
	name: 'sourcing',
	teaches: 'command sourcing vs event sourcing: replay across a code upgrade, a clock read, a bug fix and a schema change',
	parseConfig,
	flags,
	create: createState,
	speeds: {ladder: speedLadder, initial: 2, min: speedLadder[0], max: maxSpeed, format: speed => `${speed} cmd/s`},
	speedOf: config => config.rate,
	now: state => state.time,
	nextTime: state => state.time + 1,
	advance(state, count) {
		let current = state;
		for (let i = 0; i < count; i++) current = step(current);
		return current;
	},
	runUntil(state, time, cap) {
		let current = state;
		let count = 0;
		while (count < cap && current.time + 1 <= time) {
			current = step(current);
			count++;
		}

		return {state: current, count};
	},
	apply: applyAction,
	selectable: () => 2,
	keyAction: (state, key) => keyAction(state, key),
	menu: state => menu(state),
	hints: state => hints(state),
	help: () => help(),
	legend: () => legend(),
	eventRows: sourcingRows.event,
	decisionRows: sourcingRows.decision,
	view,
	report,
	summary,
	traceLine,
	traceStart,
	scenario: {verb, verbs, condition, expectation},
};
