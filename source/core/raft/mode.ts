/**
 * The Raft mode: consensus and log replication, one event at a time, on the
 * discrete-event engine (Ongaro & Ousterhout, Figure 2).
 */
import {millisecondSpeeds, type Mode} from '../engine/mode.js';
import {applyAction} from './actions.js';
import {defaultSpeed, heartbeatWarning, parseRaftConfig, raftFlags, speedLadder} from './config.js';
import {advance, createRaft, nextTime, runUntil} from './engine.js';
import {violationLine} from './safety/properties.js';
import {raftMarkOf} from './timeline-marks.js';
import {raftHelp, raftLegend, raftHints, raftKeyAction, raftMenu} from './keys.js';
import {inFlightCount} from './queries.js';
import {raftReport, raftSummary, raftTraceLine, raftTraceStart} from './report.js';
import {parseCondition, parseExpectation, parseVerb, raftVerbs} from './scenario.js';
import type {RaftAction, RaftConfig, RaftState} from './types.js';
import {decisionRows, eventRows, raftView} from './view/view.js';

export const raftMode: Mode<RaftState, RaftAction, RaftConfig> = {
	name: 'raft',
	teaches: 'Raft: leader election, log replication and commit, one event at a time, with crashes, partitions and lost messages',
	parseConfig: parseRaftConfig,
	flags: raftFlags,
	create: createRaft,
	warnings: config => [heartbeatWarning(config)?.text].filter(text => text !== undefined),

	speeds: millisecondSpeeds(speedLadder, defaultSpeed),
	speedOf: config => config.speed,
	now: state => state.time,
	nextTime,
	advance,
	runUntil,
	haltReason: state => (state.safety.fresh.length > 0 ? violationLine(state.safety.fresh[0]!, true) : undefined),
	markOf: raftMarkOf,
	timeUnit: 'ms',

	apply: applyAction,

	selectable: state => state.servers.length,
	cursorCount: inFlightCount,
	keyAction: raftKeyAction,
	menu: raftMenu,
	hints: raftHints,
	help: raftHelp,
	legend: raftLegend,

	eventRows,
	decisionRows,
	view: raftView,

	report: raftReport,
	summary: raftSummary,
	traceLine: raftTraceLine,
	traceStart: raftTraceStart,

	scenario: {
		verb: parseVerb,
		verbs: raftVerbs,
		condition: parseCondition,
		expectation: parseExpectation,
	},
};
