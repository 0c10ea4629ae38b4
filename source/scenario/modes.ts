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
} as ShellLiveMode;

/** Every mode a scenario can name: the simulated ones and the etcd mode (a real cluster). */
export const scenarioModeNames = [...modeNames, 'etcd'];

export function scenarioModeNamed(name: string): AnyMode | undefined {
	return name === 'etcd' ? etcdScenarioMode : modeNamed(name);
}
