/**
 * The order mode: who decides the order? The same client inputs, at the same
 * virtual times, through no ordering, a fixed sequencer, Lamport timestamps
 * and a consensus log (the Raft core), side by side, one event at a time.
 */
import {millisecondSpeeds, type Mode} from '../engine/mode.js';
import {applyOrderAction} from './actions.js';
import {defaultSpeed, orderFlags, parseOrderConfig, speedLadder} from './config.js';
import {advance, createOrder, nextTime, runUntil} from './engine.js';
import {raftMarkOf} from '../raft/timeline-marks.js';
import {orderHelp, orderLegend, orderHints, orderKeyAction, orderMenu} from './keys.js';
import {orderReport, orderSummary, orderTraceLine, orderTraceStart} from './report.js';
import {orderVerbs, parseCondition, parseExpectation, parseVerb} from './scenario.js';
import {archIds, replicasPerArch, type OrderAction, type OrderConfig, type OrderState} from './types.js';
import {decisionRows, eventRows, orderView} from './view/view.js';

export const orderMode: Mode<OrderState, OrderAction, OrderConfig> = {
	name: 'order',
	teaches: 'total order: the same inputs through no ordering, a fixed sequencer, Lamport timestamps and a consensus log, side by side',
	parseConfig: parseOrderConfig,
	flags: orderFlags,
	create: createOrder,

	speeds: millisecondSpeeds(speedLadder, defaultSpeed),
	speedOf: config => config.speed,
	now: state => state.time,
	nextTime,
	advance,
	runUntil,
	haltReason: () => undefined,
	markOf: (before, after) => raftMarkOf(before.raft, after.raft),
	timeUnit: 'ms',

	apply: applyOrderAction,

	selectable: () => archIds.length,
	cursorCount: () => replicasPerArch,
	keyAction: orderKeyAction,
	menu: orderMenu,
	hints: orderHints,
	help: orderHelp,
	legend: orderLegend,

	eventRows,
	decisionRows,
	view: orderView,

	report: orderReport,
	summary: orderSummary,
	traceLine: orderTraceLine,
	traceStart: orderTraceStart,

	scenario: {
		verb: parseVerb,
		verbs: orderVerbs,
		condition: parseCondition,
		expectation: parseExpectation,
	},
};
