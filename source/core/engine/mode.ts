/**
 * A mode is one lesson of the module (voting, raft, order, sourcing, …) as a
 * pure simulation: create it from a config, advance it one event at a time,
 * apply the user's actions, and describe the screen. No React, Ink, clock or
 * I/O. The shell (session, keys, screen, scenarios, recording, headless runs,
 * step back) is shared by every mode and knows nothing of their insides.
 *
 * Time is the mode's own virtual unit (the voting mode counts inputs; network
 * modes count milliseconds). Running plays `speed` units per real second.
 */
import type {KeyPress} from './key-press.js';
import type {Screen, ShownScreen} from './screen.js';

/** Flags as meow parses them (and as a scenario header spells them: `servers 5` is `--servers 5`). */
export type RawFlags = Readonly<Record<string, string | readonly string[] | boolean | undefined>>;

/**
 * Where the user is looking: the selected column, a second cursor (e.g. over
 * the messages in flight), and whether the body shows the space-time diagram
 * instead of the columns (network modes, the v key).
 */
export type UiState = {readonly selected: number; readonly cursor: number; readonly diagram?: boolean};

export type MenuItem<A> = {
	readonly key: string;
	readonly label: string;
	/** What the item does; without one it is shown, and `disabled` says why it cannot be chosen now. */
	readonly action?: A;
	readonly disabled?: string;
};

export type Menu<A> = {readonly title: string; readonly items: ReadonlyArray<MenuItem<A>>};

/** What a key means to a mode, when it is not one of the shell's own keys. */
export type KeyResult<A> =
	| {readonly action: A}
	| {readonly menu: string}
	/** Move the second cursor by `delta` (the shell wraps it within cursorCount). */
	| {readonly cursor: number}
	/** Switch the body between the columns and the space-time diagram. */
	| {readonly toggle: 'diagram'};

export type KeyHint = {readonly keys: string; readonly label: string};

/**
 * One entry of a mode's help or legend: a sentence (or a few), a key or glyph
 * with what it means, or '' for a gap. The help pager wraps an entry to the
 * width (a pair's meaning hangs under itself) and never splits one across pages.
 */
export type HelpEntry = string | readonly [keys: string, what: string];

export type ViewContext = UiState & {
	readonly columns: number;
	/** Rows for the body (columns and extra lines), after the shell's header, event, caption, decision and hint rows. */
	readonly bodyRows: number;
};

/** The speeds of a mode whose virtual unit is the millisecond: a ladder of ms per real second. */
export function millisecondSpeeds(ladder: readonly number[], initial: number): Mode<unknown, unknown>['speeds'] {
	return {ladder, initial, min: ladder[0]!, max: ladder.at(-1)!, format: speed => `${speed} ms/s`};
}

/** The result of running until a virtual time. */
export type RunResult<S> = {
	readonly state: S;
	/** Events (inputs) handled. */
	readonly count: number;
};

export type Mode<S, A, C = unknown> = {
	/** As typed on the command line: "raft" in `replica-tui raft`; the voting mode is "voting". */
	readonly name: string;
	/** One line on what the mode teaches (for `--help` and `scenarios`). */
	readonly teaches: string;

	/** Builds the config from flags (CLI or scenario header). Throws UsageError with one plain line on a bad value. */
	parseConfig(flags: RawFlags): C;
	/** The flags parseConfig understands, for meow and for refusing unknown ones. */
	readonly flags: Readonly<Record<string, {readonly type: 'string' | 'boolean'; readonly isMultiple?: boolean}>>;
	create(config: C): S;
	/** Settings that are allowed but unwise (e.g. a heartbeat as slow as the election timeout), one plain line each: the CLI prints them on stderr. */
	warnings?(config: C): readonly string[];

	// Time.
	readonly speeds: {readonly ladder: readonly number[]; readonly initial: number; readonly min: number; readonly max: number; format(speed: number): string};
	/** The config's --rate/--speed, if it sets one (else speeds.initial). */
	speedOf?(config: C): number | undefined;
	/** The virtual time of the current state. */
	now(state: S): number;
	/** The virtual time of the next event, or undefined if nothing will ever happen. */
	nextTime(state: S): number | undefined;
	/** Handles exactly `count` events (inputs), as `count` single steps would. */
	advance(state: S, count: number): S;
	/**
	 * Handles every event due at or before virtual time `time`, at most `cap` of
	 * them; stops early (with fewer events) where haltReason becomes set.
	 */
	runUntil(state: S, time: number, cap: number): RunResult<S>;
	/** Set when running must stop (e.g. a safety violation): the run pauses and the screen says why. */
	haltReason?(state: S): string | undefined;
	/**
	 * A change worth a mark on the timeline (an election, a new leader) between
	 * two states, one event or more apart, else undefined. The shell asks it
	 * between single events to place the mark, so it must be cheap and must
	 * see a change that a later event undid (e.g. compare counters).
	 */
	markOf?(before: S, after: S): string | undefined;
	/** The unit of virtual time, when it is milliseconds ('ms'): the go-to prompt then takes seconds too (`:5.2s`). */
	readonly timeUnit?: 'ms';
	/**
	 * Set by a wrapper (a mode that traces another): the mode it wraps. Step back
	 * replays through it, so a replay is not reported as new events.
	 */
	readonly inner?: Mode<S, A, C>;

	/** A user action: a fault, a repair, a partition… (never an advance of time). */
	apply(state: S, action: A): S;

	// Keys (the shell's own keys come first: space s . , b 0 ←→ ↑↓ 1-9 + - ? q PgUp PgDn Enter Esc).
	/** How many columns ←→ and 1-9 select among. */
	selectable(state: S): number;
	/** How many items the second cursor moves over (0: none). */
	cursorCount?(state: S): number;
	keyAction(state: S, key: KeyPress, ui: UiState): KeyResult<A> | undefined;
	menu(state: S, name: string, ui: UiState): Menu<A>;
	/** The mode's keys for the hint line, most important first (the shell adds its own and cuts to fit). */
	hints(state: S, ui: UiState): readonly KeyHint[];
	/** The help: the mode's keys and a few sentences on what it teaches. */
	help(state: S): readonly HelpEntry[];
	/** What every glyph and abbreviation the mode draws means: the help's last pages ("What the screen shows"). */
	legend?(state: S): readonly HelpEntry[];
	/**
	 * Columns below which the shell says "too small" instead of drawing (default
	 * 80: every screen is laid out for 80×24). The voting mode sets 1: fewer
	 * replicas fit fewer columns, and its view says what its count needs.
	 */
	readonly narrowest?: number;

	// The screen.
	/** Rows of the event line and of the decision line (fixed per mode). */
	readonly eventRows: number;
	readonly decisionRows: number;
	view(state: S, context: ViewContext): Screen;

	// Headless runs.
	/** The end-of-run report for --json. */
	report(state: S): unknown;
	/** A short plain-text summary for a headless run without --json. */
	summary(state: S): string;
	/** One JSON-able line for --trace, describing the event just handled. */
	traceLine(state: S): unknown;
	/**
	 * The trace's first line, and the body of a step back's or restart's marker:
	 * every server or replica as it stands (default: traceLine).
	 */
	traceStart?(state: S): unknown;
	/** The trace line of a user action that changed the state (default: traceLine of the state after it). */
	traceAction?(before: S, after: S, action: A): unknown;
	/** Set by a tracing wrapper: the session calls it after a step back or a restart, with the state it went back to. */
	rewound?(state: S, how: TraceMarker): void;

	// Scenarios. Each returns the parsed thing, or a string saying what is wrong.
	scenario: {
		/** A timeline verb, e.g. ["crash", "S2"]; the shell handles keys, wait, pause, caption, until, expect. */
		verb(words: readonly string[], config: C): A | string;
		readonly verbs: readonly string[];
		/** A condition for `until`, e.g. ["leader"], ["commit", "3"]. */
		condition(words: readonly string[], config: C): ModeCondition<S> | string;
		/** A claim for `expect`, checked against the state: undefined when true, else what is wrong. */
		expectation(words: readonly string[], config: C): ModeCondition<S> | string;
	};
};

/** Why event numbers jump in a trace: the presenter (or a scenario's keys) stepped back, restarted from the seed, or jumped along the timeline. */
export type TraceMarker = 'step-back' | 'restart' | 'jump';

/**
 * A parsed condition: `check` returns undefined when it holds, else why it
 * does not. A claim about what the screen shows is judged on `shown` (the
 * scenario's size and its caption's rows), or on 80×24 under a two-row
 * caption when the caller does not say.
 */
export type ModeCondition<S> = {readonly text: string; check(state: S, shown?: ShownScreen): string | undefined};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMode = Mode<any, any, any>;
