import {isLive} from '../live/shell-mode.js';
import {loadBundled} from '../scenario/bundled.js';

/**
 * One line per bundled scenario (of one mode, if named): its name, its mode,
 * then what it shows; one that runs a real cluster ends with "(needs etcd)".
 */
export function scenarioList(mode?: string): string {
	const scenarios = loadBundled().filter(scenario => mode === undefined || scenario.mode.name === mode);
	if (scenarios.length === 0) return `no bundled scenarios for the ${mode} mode`;
	const width = Math.max(...scenarios.map(scenario => scenario.name.length));
	const modeWidth = Math.max(...scenarios.map(scenario => scenario.mode.name.length));
	return scenarios
		.map(scenario => `${scenario.name.padEnd(width)}  ${scenario.mode.name.padEnd(modeWidth)}  ${scenario.description}${isLive(scenario.mode) ? ' (needs etcd)' : ''}`)
		.join('\n');
}
