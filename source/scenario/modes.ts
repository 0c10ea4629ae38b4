import {defaultLiveRate, parseEtcdConfig, type EtcdConfig} from '../core/etcd/config.js';
import {etcdMode} from '../core/etcd/mode.js';
import type {AnyMode, RawFlags} from '../core/engine/mode.js';
import {UsageError} from '../core/engine/usage-error.js';
import {modeNamed, modeNames} from '../core/modes.js';
import {asShellMode, type ShellLiveMode} from '../live/shell-mode.js';

/**
 * The etcd mode as a scenario's header sees it: the cluster to start
 * (members, seed, rate, pre-vote; `paused` starts with writes off). A
 * scenario's verbs are faults, and faults need a cluster this app starts, so
 * attaching (endpoints) is refused, and so are the headless run's flags.
 */
export const etcdScenarioMode: ShellLiveMode = {
	...asShellMode(etcdMode, defaultLiveRate),
	flags: {
		members: {type: 'string'},
		seed: {type: 'string'},
		rate: {type: 'string'},
		'pre-vote': {type: 'boolean'},
		endpoints: {type: 'string'},
		steps: {type: 'string'},
		json: {type: 'boolean'},
		fault: {type: 'string', isMultiple: true},
	},
	parseConfig(flags: RawFlags): EtcdConfig {
		if (flags['endpoints'] !== undefined) throw new UsageError('--endpoints attaches to a cluster this app does not own, and a scenario\'s faults need one it starts: leave it out (--members N sets the size)');
		if (flags['steps'] !== undefined || flags['json'] !== undefined) throw new UsageError(`--${flags['steps'] === undefined ? 'json' : 'steps'} belongs to a headless run (replica-tui etcd --steps N); a scenario writes with "writes on", "writes off" and "write"`);
		if (flags['fault'] !== undefined) throw new UsageError('--fault schedules a fault by input number; in a scenario put it on the timeline instead (crash leader, isolate m2, …)');
		return parseEtcdConfig(flags);
	},
	speedOf: (config: EtcdConfig) => config.rate ?? defaultLiveRate,
	scenario: {
		verbs: etcdMode.scenario.verbs,
		verb(words: readonly string[], config: EtcdConfig) {
			const action = etcdMode.scenario.verb(words, config);
			if (typeof action === 'string') return action;
			const named = [
				'member' in action ? action.member : undefined,
				...('groups' in action ? action.groups.flat() : []),
				...('a' in action ? [action.a, action.b] : []),
			];
			return beyond(named, config) ?? action;
		},
		condition: (words: readonly string[], config: EtcdConfig) => checkedCondition(etcdMode.scenario.condition, words, config),
		expectation: (words: readonly string[], config: EtcdConfig) => checkedCondition(etcdMode.scenario.expectation, words, config),
	},
} as ShellLiveMode;

/** A member past the cluster's size, said plainly (the header's members sets it, 3 by default). */
function beyond(named: ReadonlyArray<number | string | undefined>, config: EtcdConfig): string | undefined {
	const member = named.find((ref): ref is number => typeof ref === 'number' && ref >= config.members);
	return member === undefined ? undefined : `there is no m${member + 1}: the cluster has ${config.members} members (set with "members N" before the timeline)`;
}

function checkedCondition<C>(parse: (words: readonly string[], config: EtcdConfig) => C | string, words: readonly string[], config: EtcdConfig): C | string {
	const condition = parse(words, config);
	if (typeof condition === 'string') return condition;
	const refs = words.map(word => /^m(\d)$/i.exec(word)).map(match => (match ? Number(match[1]) - 1 : undefined));
	return beyond(refs, config) ?? condition;
}

/** Every mode a scenario can name: the simulated ones and the etcd mode (a real cluster). */
export const scenarioModeNames = [...modeNames, 'etcd'];

export function scenarioModeNamed(name: string): AnyMode | undefined {
	return name === 'etcd' ? etcdScenarioMode : modeNamed(name);
}
