import {createEtcdState} from './core/etcd/observe.js';
import {etcdMode} from './core/etcd/mode.js';
import {modeNamed} from './core/modes.js';
import {modeHelpText} from './mode-help.js';

/** `replica-tui <mode> --help`: the mode's own help, or undefined for the general one (no mode named). */
export function modeHelpFor(command: string | undefined): string | undefined {
	if (command === 'etcd') {
		// The help of a cluster this app starts (an attached one is read-only); no cluster is needed to print it.
		const state = createEtcdState({members: [], version: '', owned: true, writes: true, seed: 1, rate: 5, preVote: false, prefix: ''});
		return modeHelpText(etcdMode, state);
	}

	const mode = command === undefined ? undefined : modeNamed(command);
	return mode ? modeHelpText(mode, mode.create(mode.parseConfig({}))) : undefined;
}
