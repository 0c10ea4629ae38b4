/**
 * What a mode gives the fuzzer: the generic machinery (the search over seeds,
 * the replay of a plan, the shrinking, the scenario writer, the command and
 * the bench) drives any mode that implements this. A mode brings its
 * simulation (create, step, apply), an adversary that picks actions as the
 * run goes, a violation detector, verbs for its actions, and the words of
 * its report and of the scenario it writes.
 *
 * `P` is the mode's own part of the options (bugs, servers…); `C` its config
 * for one seed; `S` its state; `A` its user actions; `V` its violations.
 */
import type {RawFlags} from '../engine/mode.js';

/** A safety violation, as far as the machinery needs it: which property, and the event that broke it. */
export type FuzzViolation = {readonly property: string; readonly event: number};

/** Picks actions as a run goes (a pure function of its seed and the states it is shown). */
export type FuzzAdversary<S, A> = {
	/** When the next planned action (a repair) is due, if one is (the run may have nothing else to do). */
	nextRepair(): number | undefined;
	/** Actions to take before the next event, due at `nextTime`. */
	before(state: S, nextTime: number): readonly A[];
	/** Actions to take right after the event that produced `state`. */
	after(state: S): readonly A[];
};

/** A budget: runs with seeds firstSeed, firstSeed + 1, …, at most `events` events each. */
export type FuzzBudget = {readonly seeds: number; readonly firstSeed: number; readonly events: number};

export type FuzzOptions<P> = P & FuzzBudget;

export type FuzzTarget<P, C, S, A, V extends FuzzViolation = FuzzViolation> = {
	/** The mode's name, as in `replica-tui <mode> fuzz`. */
	readonly mode: string;
	/** The mode's flags the fuzz command takes besides --seeds, --events, --seed and -o (e.g. bug, servers). */
	readonly flags: readonly string[];
	/** The default options: enough to find every bug. */
	readonly defaults: FuzzOptions<P>;
	/** The mode's part of the options from the flags (throws UsageError with one plain line). */
	parseSetup(flags: RawFlags): P;
	/** The set-up in a few words: "5 servers · bug old-term-commit". */
	setupText(setup: P): string;
	/** The config a run with `seed` uses. */
	config(setup: P, seed: number): C;
	/** The bugs the fuzzer must find (the bench times each), as the setup that turns each on. */
	readonly bugs: ReadonlyArray<{readonly name: string; readonly setup: P}>;

	// The simulation, the same core as the live mode.
	create(config: C): S;
	/** The virtual time of the next event, or undefined if none. */
	nextTime(state: S): number | undefined;
	/** Handles exactly one event. */
	step(state: S): S;
	apply(state: S, action: A): S;
	/** Events handled so far, and the virtual time. */
	events(state: S): number;
	time(state: S): number;
	/** The first violation the last event or action caused, if any (the run stops there). */
	violation(state: S): V | undefined;
	/** The adversary of a run with `config`, made from `setup` (which may choose its tactics). */
	adversary(config: C, setup: P): FuzzAdversary<S, A>;

	// Shrinking.
	/** The config's size in words, for the bench: "3 servers". */
	sizeText?(config: C): string;
	/**
	 * Searches for a small counterexample once the bug is found, most preferred
	 * first (e.g. 3 servers before 5, a lean adversary with few faults and
	 * requests, short runs): the first that finds any is used, its few best
	 * runs shrunk and the smallest kept; if none finds one, the first finding is shrunk.
	 */
	smallSearches?(setup: P): ReadonlyArray<{readonly setup: P; readonly events: number; readonly seeds: number}>;

	// What the fuzzer says and writes.
	/** A number worth reporting when nothing broke (e.g. the longest time without a leader), with its words. */
	readonly watch?: {measure(state: S): number; text(value: number, seed: number): string};
	/** Lines after "✓ N runs…" when nothing broke (e.g. why a liveness bug cannot break safety). */
	noFindingLines?(setup: P): readonly string[];
	/** The property's name ("Leader Completeness"). */
	propertyName(violation: V): string;
	/** Report lines on the violation after the first (where, what, which servers). */
	violationLines(violation: V): readonly string[];
	/** The scenario line for an action (undefined: no verb says it; the plan cannot be written). */
	verbText(action: A): string | undefined;
	/** The scenario's header lines after `mode` (servers, seed, bugs…), without size and paused. */
	scenarioHeader(config: C): readonly string[];
	/** Words for the bugs in the config: "the old-term-commit bug" or "no bug"; and the file name's part: "old-term-commit". */
	bugWords(config: C): {readonly words: string; readonly file: string};
	/** The scenario's closing lines once the violation has happened: comments, captions (captionLines), `expect` lines that prove it. */
	violationScenario(violation: V): readonly string[];
};

/** Any target (the registry and the command take every mode's). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFuzzTarget = FuzzTarget<any, any, any, any, any>;
