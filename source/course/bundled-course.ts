import {isLive} from '../live/shell-mode.js';
import {loadBundled} from '../scenario/bundled.js';
import type {Scenario} from '../scenario/types.js';
import {placeScenarios, type Course, type CourseScenario} from './outline.js';

/** What the course shows of a scenario: its name, its description, its mode, and etcd if it runs a real cluster. */
export function courseScenario(scenario: Scenario): CourseScenario {
	return {name: scenario.name, description: scenario.description, mode: scenario.mode.name, ...(isLive(scenario.mode) ? {needs: 'etcd' as const} : {})};
}

/** The course over the scenarios bundled with replica-tui. */
export function bundledCourse(): Course {
	return placeScenarios(loadBundled().map(scenario => courseScenario(scenario)));
}
