/**
 * The Aeron Cluster mode: a log addressed by byte position, the commit
 * position as heartbeat, time and timers in the log, snapshots and replay,
 * one event at a time (facts: Aeron's own source, see docs/aeron.md).
 */
import {millisecondSpeeds, type Mode} from '../engine/mode.js';
import {applyAction} from './actions.js';
import {aeronFlags, defaultSpeed, parseAeronConfig, speedLadder} from './config.js';
import {inFlightCountIn} from '../net/message.js';
import {advance, createAeron, nextTime, runUntil} from './engine.js';
import {aeronHelp, aeronHints, aeronKeyAction, aeronLegend, aeronMenu} from './keys.js';
import {aeronReport, aeronSummary, aeronTraceAction, aeronTraceLine, aeronTraceStart} from './report.js';
import {aeronMarkOf} from './timeline-marks.js';
import {aeronVerbs, parseClaim, parseVerb} from './scenario.js';
import {lampNames, type AeronAction, type AeronConfig, type AeronState} from './types.js';
import {aeronView, decisionRows, eventRows} from './view/view.js';

export const aeronMode: Mode<AeronState, AeronAction, AeronConfig> = {
	name: 'aeron',
	teaches: 'Aeron Cluster: a log addressed by byte position, the commit position as heartbeat, canvass and ballot elections, timers and snapshots in the log',
	parseConfig: parseAeronConfig,
	flags: aeronFlags,
	create: createAeron,

	speeds: millisecondSpeeds(speedLadder, defaultSpeed),
	speedOf: config => config.speed,
	now: state => state.time,
	nextTime,
	advance,
	runUntil,
	haltReason(state) {
		const broken = lampNames.find(name => state.lamps[name] !== undefined);
		return broken === undefined ? undefined : `✗ ${state.lamps[broken]}`;
	},

	apply: applyAction,

	selectable: state => state.members.length,
	cursorCount: state => inFlightCountIn(state.queue.items),
	markOf: aeronMarkOf,
	keyAction: aeronKeyAction,
	menu: aeronMenu,
	hints: aeronHints,
	help: aeronHelp,
	legend: aeronLegend,

	eventRows,
	decisionRows,
	view: aeronView,

	report: aeronReport,
	summary: aeronSummary,
	traceLine: aeronTraceLine,
	traceStart: aeronTraceStart,
	traceAction: aeronTraceAction,

	scenario: {
		verb: parseVerb,
		verbs: aeronVerbs,
		condition: parseClaim,
		expectation: parseClaim,
	},
};
