import type {KeyPress} from '../core/engine/key-press.js';
import type {AnyMode, ModeCondition} from '../core/engine/mode.js';

export type ScenarioStep = {readonly line: number} & (
	| {readonly kind: 'keys'; readonly keys: readonly KeyPress[]; readonly tokens: readonly string[]}
	| {readonly kind: 'wait'; readonly ms: number}
	/** Live: wait for the presenter. Recorded: hold for `ms`. */
	| {readonly kind: 'pause'; readonly ms: number}
	| {readonly kind: 'caption'; readonly lines: readonly string[]}
	/** Handle `count` events now. */
	| {readonly kind: 'step'; readonly count: number}
	/** Handle events until the condition holds, at most `limit` of them (in a live mode: wait at most `limit` ms of real time). */
	| {readonly kind: 'until'; readonly condition: ModeCondition<any>; readonly limit: number}
	/** A claim about the state now, checked by the test suite and `replica-tui check`. */
	| {readonly kind: 'expect'; readonly condition: ModeCondition<any>}
	/** One of the mode's verbs (crash S2, fault R2 skip, …). */
	| {readonly kind: 'action'; readonly action: unknown; readonly text: string}
);

export type Scenario = {
	readonly name: string;
	readonly file: string;
	readonly description: string;
	readonly mode: AnyMode;
	/** The mode's config, from the header's flags. */
	readonly config: unknown;
	/** Running speed at the start (the mode's unit per second). */
	readonly speed: number;
	readonly paused: boolean;
	readonly columns: number;
	readonly rows: number;
	readonly steps: readonly ScenarioStep[];
};
