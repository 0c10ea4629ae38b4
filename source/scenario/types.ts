import type {ScheduledFault} from '../core/fault.js';
import type {KeyPress} from '../core/keymap.js';

export type ScenarioStep = {readonly line: number} & (
	| {readonly kind: 'keys'; readonly keys: readonly KeyPress[]; readonly tokens: readonly string[]}
	| {readonly kind: 'wait'; readonly ms: number}
	/** Live: wait for the presenter. Recorded: hold for `ms`. */
	| {readonly kind: 'pause'; readonly ms: number}
	| {readonly kind: 'caption'; readonly lines: readonly string[]}
);

export type Scenario = {
	readonly name: string;
	readonly file: string;
	readonly description: string;
	readonly model: string;
	readonly replicas: number;
	readonly seed: number;
	readonly rate: number;
	readonly paused: boolean;
	readonly columns: number;
	readonly rows: number;
	readonly faults: readonly ScheduledFault[];
	readonly steps: readonly ScenarioStep[];
};
