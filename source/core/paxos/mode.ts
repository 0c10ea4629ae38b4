/**
 * The Paxos mode: consensus on one value (Lamport, "Paxos Made Simple"),
 * dueling proposers and FLP, then Multi-Paxos as a replicated log, one event
 * at a time on the discrete-event engine.
 */
import {millisecondSpeeds, type Mode} from '../engine/mode.js';
import {applyAction} from './actions.js';
import {defaultSpeed, paxosFlags, parsePaxosConfig, speedLadder} from './config.js';
import {advance, createPaxos, nextTime, runUntil} from './engine.js';
import {paxosHelp, paxosHints, paxosKeyAction, paxosLegend, paxosMenu} from './keys.js';
import {inFlightCount} from './queries.js';
import {paxosReport, paxosSummary, paxosTraceLine, paxosTraceStart} from './report.js';
import {lampText} from './safety.js';
import {paxosMarkOf} from './timeline-marks.js';
import {parseCondition, parseExpectation, parseVerb, paxosVerbs} from './scenario.js';
import type {PaxosAction, PaxosConfig, PaxosState} from './types.js';
import {decisionRows, eventRows, paxosView} from './view/view.js';

export const paxosMode: Mode<PaxosState, PaxosAction, PaxosConfig> = {
	name: 'paxos',
	teaches: 'Paxos: consensus on one value, dueling proposers and FLP, then Multi-Paxos as a replicated log',
	parseConfig: parsePaxosConfig,
	flags: paxosFlags,
	create: createPaxos,

	speeds: millisecondSpeeds(speedLadder, defaultSpeed),
	speedOf: config => config.speed,
	now: state => state.time,
	nextTime,
	advance,
	runUntil,
	haltReason(state) {
		const fresh = state.lamps.fresh[0];
		return fresh === undefined ? undefined : `✗ ${lampText[fresh.lamp]}: ${fresh.text}`;
	},

	apply: applyAction,
	markOf: paxosMarkOf,
	timeUnit: 'ms',

	selectable: state => state.acceptors.length + state.proposers.length,
	cursorCount: inFlightCount,
	keyAction: paxosKeyAction,
	menu: paxosMenu,
	hints: paxosHints,
	help: paxosHelp,
	legend: paxosLegend,

	eventRows,
	decisionRows,
	view: paxosView,

	report: paxosReport,
	summary: paxosSummary,
	traceLine: paxosTraceLine,
	traceStart: paxosTraceStart,

	scenario: {
		verb: parseVerb,
		verbs: paxosVerbs,
		condition: parseCondition,
		expectation: parseExpectation,
	},
};
