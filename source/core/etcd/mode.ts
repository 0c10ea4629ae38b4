import type {Mode} from '../engine/mode.js';
import {etcdFlags, parseEtcdConfig, type EtcdConfig} from './config.js';
import {etcdHelp, etcdHints, etcdLegend, etcdKeyAction, etcdMenu} from './keys.js';
import {createEtcdState, observe} from './observe.js';
import {etcdCondition, etcdVerb, etcdVerbs} from './scenario.js';
import type {EtcdState} from './state.js';
import type {ClusterInfo, EtcdAction, Poll} from './types.js';
import {etcdDecisionRows, etcdEventRows, etcdView} from './view.js';

/**
 * The etcd mode for the shared shell. It is live, not simulated: there is no
 * virtual time to advance or step back. The state is built from what the
 * controller (source/etcd/controller.ts) observes: `initial(info)` once the
 * cluster is up, then `observe(state, poll)` on every polling round. Actions
 * go to the controller's `perform`. Keys, menus, hints, help, the view and
 * the scenario words have the Mode interface's shapes.
 */
export type LiveMode<S, A, C> = Pick<
	Mode<S, A, C>,
	'name' | 'teaches' | 'parseConfig' | 'flags' | 'selectable' | 'keyAction' | 'menu' | 'hints' | 'help' | 'legend' | 'eventRows' | 'decisionRows' | 'view' | 'scenario'
> & {
	readonly live: true;
	initial(info: ClusterInfo): S;
	observe(state: S, poll: Poll): S;
};

export const etcdMode: LiveMode<EtcdState, EtcdAction, EtcdConfig> = {
	name: 'etcd',
	live: true,
	teaches: 'a real etcd cluster (Raft in production) in the same columns: crash, pause and partition real processes',
	flags: etcdFlags,
	parseConfig: parseEtcdConfig,
	initial: createEtcdState,
	observe,
	selectable: state => state.members.length,
	keyAction: etcdKeyAction,
	menu: etcdMenu,
	hints: etcdHints,
	help: etcdHelp,
	legend: etcdLegend,
	eventRows: etcdEventRows,
	decisionRows: etcdDecisionRows,
	view: etcdView,
	scenario: {verb: etcdVerb, verbs: etcdVerbs, condition: etcdCondition, expectation: etcdCondition},
};
