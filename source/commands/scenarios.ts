import {loadBundled} from '../scenario/bundled.js';

/** One line per bundled scenario: its name, then what it shows. */
export function scenarioList(): string {
	const scenarios = loadBundled();
	const width = Math.max(...scenarios.map(scenario => scenario.name.length));
	return scenarios.map(scenario => `${scenario.name.padEnd(width)}  ${scenario.description}`).join('\n');
}
