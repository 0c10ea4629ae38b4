import type {Draw} from '../engine/random.js';

/**
 * A deterministic state machine. States are immutable: `apply` returns a new
 * state (or the same object when the input changes nothing).
 */
export type Model<S = any, I = any> = {
	readonly name: string;
	/** One line on what this model teaches. */
	readonly teaches: string;
	initial(): S;
	/** A plausible input, drawn from the seeded generator. */
	generate(draw: Draw): I;
	apply(state: S, input: I): S;
	/**
	 * `apply` as a non-deterministic replica does it: reading a simulated clock
	 * (`clock`, 0–999 ms) while applying `input`. Deterministic given `clock`.
	 */
	applyReadingClock(state: S, input: I, clock: number): S;
	/** What the non-deterministic replica does with the clock, in a few words. */
	readonly readsClock: string;
	describeInput(input: I): string;
	/** A shorter form for narrow columns, e.g. "+15" for "deposit 15". */
	shortInput?(input: I): string;
	/** What applying `input` to `before` gave, e.g. "→ 130" or "rejected". */
	describeResult(before: S, input: I, after: S): string;
	/** A shorter form for narrow columns, e.g. "=" for "no change". */
	shortResult?(before: S, input: I, after: S): string;
	/** A few short lines describing the state, label then value. */
	describeState(state: S): Array<[label: string, value: string]>;
	/** The state in a few words, for the quorum line. */
	summary(state: S): string;
	/** The summary cut to the describeState labels in `labels` (to show only what differs), where that is shorter. */
	summaryOf?(state: S, labels: ReadonlySet<string>): string;
	/** Each of several states in the fewest characters that tell it from the others, for a quorum line with many groups ("START r3", "END"). */
	terseValues?(states: readonly S[]): string[];
	digest(state: S): number;
	/** The state silently altered: always different from `state`. */
	corrupt(state: S, draw: Draw): S;
};
