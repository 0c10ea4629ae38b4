/**
 * The shell's state: a mode's simulation plus how the user is watching it
 * (running or paused, speed, selection, what is open, the caption) and the
 * history that makes step back exact. Every mode shares it.
 */
import {actionsSinceLastAdvance, canStepBack, createHistory, historyAt, isPrefixOf, reachesEnd, recordAction, recordAdvance, snapshotEvery, stepBack, type History} from './history.js';
import type {AnyMode} from './mode.js';
import {captionAt, placeOf, settledAt, withCaption, type CaptionAt} from './caption-log.js';
import {allMarks, neighbourMark, parseGoto, withMark, type TimelineMark} from './timeline.js';
import {firstEventWhere, nextActionAfter, prefixEntries} from './history.js';

/** At most this many events are handled for one tick, so a stalled clock cannot freeze the screen. */
export const maxEventsPerTick = 50_000;

export type Overlay =
	| {readonly kind: 'none'}
	/** `resume`: the run was going when help opened, and goes on when it closes; `page`: which page of it shows. */
	| {readonly kind: 'help'; readonly resume: boolean; readonly page: number}
	/** `scripted`: a scenario's own keys opened it (a menu the presenter opened holds a playing scenario). */
	| {readonly kind: 'menu'; readonly name: string; readonly scripted?: boolean}
	/** The go-to prompt (`:`) and what has been typed in it. */
	| {readonly kind: 'goto'; readonly text: string};

export type Session<S = any, A = any> = {
	readonly mode: AnyMode;
	readonly sim: S;
	readonly history: History<S, A>;
	/**
	 * The run so far, when the session stands behind its end (after a jump or a
	 * step back along it): `history` is then a prefix of it. Stepping and running
	 * go along it (its actions taken again where they were); an action of the
	 * user's, step back at the end, or a restart leaves it behind.
	 */
	readonly run: History<S, A> | undefined;
	/** The timeline's marks the history does not hold: pause points, violations, the mode's (elections), in event order. */
	readonly marks: readonly TimelineMark[];
	readonly paused: boolean;
	/** Virtual time units per real second (inputs/s in the voting mode, virtual ms/s in network modes). */
	readonly speed: number;
	/** The virtual time reached while running (at or after the simulation's own time). */
	readonly clock: number;
	readonly selected: number;
	readonly cursor: number;
	/** The body shows the space-time diagram instead of the columns (network modes, v). */
	readonly diagram: boolean;
	readonly overlay: Overlay;
	readonly caption: readonly string[];
	/** A playing scenario's captions by where on the run each appeared: a board taken back shows the one in force there. */
	readonly captions: readonly CaptionAt[];
	/** A scenario is holding at a pause point until the presenter continues. */
	readonly awaitingPresenter: boolean;
	/** The scenario has played to its end; the stream is stopped. */
	readonly ended: boolean;
	/** A scenario's timeline is playing (from its start to its end): its script, not the presenter, moves the board. */
	readonly playing: boolean;
	/**
	 * The board holds still for a playing scenario: at a pause point (`by: 'pause'`), or because the presenter
	 * pressed space (`by: 'presenter'`, the timeline waits too). `resume`: the stream ran before, and runs again on release.
	 */
	readonly holding: {readonly by: 'pause' | 'presenter'; readonly resume: boolean} | undefined;
	/** The scenario's timeline has ended: once the board changes after that, its last caption no longer describes it. */
	readonly scenarioOver: boolean;
	/** One line of feedback from the shell itself ("already at the start"), cleared by the next key. */
	readonly notice: string | undefined;
	/**
	 * A scenario's `until` while the stream runs: time goes on, events are handled
	 * one at a time, and the run pauses at the first one after which `until` holds
	 * (or after `remaining` more events). Any pause ends it.
	 */
	readonly watch: {readonly until: (state: any) => boolean; readonly remaining: number} | undefined;
};

export type SessionAction =
	| {readonly type: 'tick'; readonly ms: number}
	| {readonly type: 'toggle-pause'}
	| {readonly type: 'pause'}
	| {readonly type: 'step'; readonly count?: number}
	| {readonly type: 'back'}
	| {readonly type: 'restart'}
	/** Along the timeline: to event N, to virtual time T, to the previous or next mark, to the first violation. */
	| {readonly type: 'jump'; readonly event: number}
	| {readonly type: 'jump-time'; readonly time: number}
	| {readonly type: 'jump-mark'; readonly delta: -1 | 1}
	| {readonly type: 'jump-violation'}
	/** The go-to prompt: open it, change what is typed, go there. */
	| {readonly type: 'goto-open'}
	| {readonly type: 'goto-text'; readonly text: string}
	| {readonly type: 'goto-submit'}
	| {readonly type: 'select'; readonly column: number}
	| {readonly type: 'select-by'; readonly delta: number}
	| {readonly type: 'cursor-by'; readonly delta: number}
	| {readonly type: 'toggle-diagram'}
	| {readonly type: 'open-menu'; readonly name: string}
	| {readonly type: 'mode'; readonly action: unknown}
	| {readonly type: 'faster'}
	| {readonly type: 'slower'}
	| {readonly type: 'toggle-help'}
	| {readonly type: 'help-page'; readonly delta: number}
	| {readonly type: 'close-overlay'}
	| {readonly type: 'caption'; readonly lines: readonly string[]}
	| {readonly type: 'notice'; readonly text: string | undefined}
	| {readonly type: 'await-presenter'}
	| {readonly type: 'continue'}
	| {readonly type: 'end'}
	/** A scenario's timeline starts. */
	| {readonly type: 'play'}
	/** The board holds still for a playing scenario (a pause point, or the presenter's space); `release` lets it go on as before. */
	| {readonly type: 'hold'; readonly by: 'pause' | 'presenter'}
	| {readonly type: 'release'}
	/**
	 * Handles events until `until` holds or `limit` events have been handled (a scenario's `until`):
	 * at once while paused; while running, as time passes (see Session.watch).
	 */
	| {readonly type: 'run-until'; readonly until: (state: any) => boolean; readonly limit: number};

export function createSession<S>(mode: AnyMode, sim: S, options: {paused?: boolean; speed?: number} = {}): Session<S> {
	return {
		mode,
		sim,
		history: createHistory(sim),
		run: undefined,
		marks: [],
		paused: options.paused ?? false,
		speed: options.speed ?? mode.speeds.initial,
		clock: mode.now(sim),
		selected: 0,
		cursor: 0,
		diagram: false,
		overlay: {kind: 'none'},
		caption: [],
		captions: [],
		awaitingPresenter: false,
		watch: undefined,
		ended: false,
		playing: false,
		holding: undefined,
		scenarioOver: false,
		notice: undefined,
	};
}

/** What the notice line says while the presenter holds a playing scenario. */
export const presenterHoldNotice = 'the scenario waits for you: space goes on';

/** What replaces a scenario's last caption once the board has moved on after its end. */
export const afterEndCaption = ['The scenario has ended: the board runs on and is no longer described.'];

/**
 * The presenter has taken a playing scenario's board back along its run (b, {, :): the board shows an earlier
 * place, the script stands where it was, and its claims are not judged against that board.
 */
export function rewound(session: Session): boolean {
	return session.playing && session.run !== undefined;
}

/** The presenter has put a playing scenario on hold: its timeline waits (space held it, or help, the go-to prompt or a menu the presenter opened is open, or the board is taken back). */
export function timelineHeld(session: Session): boolean {
	const {overlay} = session;
	return session.holding?.by === 'presenter' || rewound(session) || overlay.kind === 'help' || overlay.kind === 'goto' || (overlay.kind === 'menu' && !overlay.scripted);
}

export function sessionStep<S>(session: Session<S>, action: SessionAction): Session<S> {
	const next = captionInForce(settleRun(stepSession(session, action)));
	// After a scenario's end its last caption describes the board where the scenario left it, and no other.
	if (next.scenarioOver && next.sim !== session.sim && next.caption !== afterEndCaption) return {...next, caption: afterEndCaption};
	return next;
}

function stepSession<S>(session: Session<S>, action: SessionAction): Session<S> {
	const {mode} = session;
	switch (action.type) {
		case 'tick':
			return tick(session, action.ms);
		case 'toggle-pause':
			return session.paused ? {...session, paused: false, ended: false, notice: undefined, clock: mode.now(session.sim)} : pause(session);
		case 'pause':
			return pause(session);
		case 'step':
			return advance(pause(session), action.count ?? 1);
		case 'back':
			return session.run && session.history.events > 0 ? jumpTo(pause(session), session.history.events - 1) : back(pause(session));
		case 'restart': {
			const {initial} = session.history;
			mode.rewound?.(initial, 'restart');
			return {...pause(session), sim: initial, history: createHistory(initial), run: undefined, clock: mode.now(initial), ended: false, notice: 'restarted from the beginning (same seed)'};
		}

		case 'jump':
			return jumpTo(pause(session), action.event);
		case 'jump-time':
			return jumpToTime(pause(session), action.time);
		case 'jump-mark': {
			const here = session.history.events;
			const event = neighbourMark(timelineMarks(session), here, action.delta);
			if (event === undefined) return {...pause(session), notice: action.delta < 0 ? `no mark before event ${here}` : `no mark after event ${here} in the run so far`};
			return jumpTo(pause(session), event);
		}

		case 'jump-violation': {
			const first = timelineMarks(session).find(mark => mark.kind === 'violation');
			return first ? jumpTo(pause(session), first.event) : {...pause(session), notice: 'no violation in the run so far'};
		}

		case 'goto-open':
			return {...pause(session), overlay: {kind: 'goto', text: ''}, notice: undefined};
		case 'goto-text':
			return session.overlay.kind === 'goto' ? {...session, overlay: {kind: 'goto', text: action.text}, notice: undefined} : session;
		case 'goto-submit': {
			if (session.overlay.kind !== 'goto') return session;
			const target = parseGoto(session.overlay.text, mode);
			if (typeof target === 'string') return {...session, notice: target};
			const closed = {...session, overlay: {kind: 'none'} as const};
			return 'event' in target ? jumpTo(closed, target.event) : jumpToTime(closed, target.time);
		}

		case 'select':
			return action.column >= 0 && action.column < mode.selectable(session.sim) ? {...session, selected: action.column} : session;
		case 'select-by': {
			const count = mode.selectable(session.sim);
			return count === 0 ? session : {...session, selected: wrap(session.selected + action.delta, count)};
		}

		case 'cursor-by': {
			const count = mode.cursorCount?.(session.sim) ?? 0;
			return count === 0 ? session : {...session, cursor: wrap(session.cursor + action.delta, count)};
		}

		case 'toggle-diagram':
			return {...session, diagram: !session.diagram};
		case 'open-menu':
			return {...session, overlay: {kind: 'menu', name: action.name}};
		case 'mode':
			return applyModeAction(session, action.action);
		case 'faster':
			return {...session, speed: mode.speeds.ladder.find((speed: number) => speed > session.speed) ?? session.speed};
		case 'slower':
			return {...session, speed: mode.speeds.ladder.findLast((speed: number) => speed < session.speed) ?? session.speed};
		case 'toggle-help':
			if (session.overlay.kind === 'help') return closeOverlay(session);
			return {...pause(session), overlay: {kind: 'help', resume: !session.paused, page: 0}};
		case 'help-page':
			return session.overlay.kind === 'help' ? {...session, overlay: {...session.overlay, page: Math.max(0, session.overlay.page + action.delta)}} : session;
		case 'close-overlay':
			return closeOverlay(session);
		case 'caption':
			return {...session, caption: action.lines, captions: session.playing ? withCaption(session.captions, placeOf(session.history), action.lines) : session.captions};
		case 'notice':
			return session.notice === action.text ? session : {...session, notice: action.text};
		case 'await-presenter':
			return {...session, awaitingPresenter: true, marks: withMark(session.marks, pausePoint(session))};
		case 'continue':
			// A board taken back goes to the pause point first: the scenario goes on from where it left the board.
			return {...(rewound(session) ? jumpTo(session, timelineEnd(session)) : session), awaitingPresenter: false};
		case 'end':
			return {...pause(session), awaitingPresenter: false, ended: true, playing: false, holding: undefined, scenarioOver: true};
		case 'play':
			return {...session, playing: true, scenarioOver: false, captions: []};
		case 'hold':
			// Unlike a pause, a hold keeps a running `until` (session.watch): it goes on from where it was on release.
			// The presenter's space right after continuing from a pause point keeps the board held: now by the presenter.
			if (session.holding) return session.holding.by === action.by ? session : {...session, holding: {...session.holding, by: action.by}};
			return {
				...session,
				...(action.by === 'pause' ? {marks: withMark(session.marks, pausePoint(session))} : {}),
				paused: true,
				clock: mode.now(session.sim),
				holding: {by: action.by, resume: !session.paused},
				...(action.by === 'presenter' ? {notice: presenterHoldNotice} : {}),
			};
		case 'release': {
			if (!session.holding) return session;
			const {resume} = session.holding;
			return {...session, holding: undefined, paused: !resume, clock: mode.now(session.sim), notice: session.notice === presenterHoldNotice ? undefined : session.notice};
		}

		case 'run-until':
			if (session.paused || action.until(session.sim)) return runUntilCondition(session, action.until, action.limit);
			return {...session, watch: {until: action.until, remaining: action.limit}};
	}
}

/** While a scenario plays, the caption shown is the one in force where the board stands on its run. */
function captionInForce<S>(session: Session<S>): Session<S> {
	if (!session.playing || session.captions.length === 0) return session;
	const place = placeOf(session.history);
	const captions = session.run ? session.captions : settledAt(session.captions, place);
	const caption = session.run ? captionAt(captions, place) : captions.at(-1)!.lines;
	return caption === session.caption && captions === session.captions ? session : {...session, caption, captions};
}

function wrap(value: number, count: number): number {
	return ((value % count) + count) % count;
}

function pause<S>(session: Session<S>): Session<S> {
	return session.paused ? session : {...session, paused: true, clock: session.mode.now(session.sim), watch: undefined};
}

function closeOverlay<S>(session: Session<S>): Session<S> {
	if (session.overlay.kind === 'none') return session;
	const resume = session.overlay.kind === 'help' && session.overlay.resume;
	return {...session, overlay: {kind: 'none'}, ...(resume ? {paused: false, clock: session.mode.now(session.sim)} : {})};
}

/**
 * Handles `count` events: along the run when the session stands behind its
 * end (its actions taken again where they were), else new ones.
 */
function advance<S>(session: Session<S>, count: number): Session<S> {
	return session.run ? jumpTo(session, session.history.events + count) : extend(session, count);
}

/** Handles `count` new events now and records them, a snapshot's worth at a time, so that stepping back from anywhere in them is quick. */
function extend<S>(session: Session<S>, count: number): Session<S> {
	const {mode} = session;
	if (mode.nextTime(session.sim) === undefined) return {...session, notice: 'nothing more will happen: no event is pending'};
	let {sim, history, marks} = session;
	// A mode that marks its timeline (violations, elections) is watched event by event, so that each mark lands on its event.
	const watched = mode.haltReason !== undefined || mode.markOf !== undefined;
	for (let done = 0; done < count; ) {
		const chunk = Math.min(count - done, snapshotEvery);
		if (watched) {
			for (let i = 1; i <= chunk; i++) {
				const next = mode.advance(sim, 1) as S;
				marks = markEvent(mode, marks, sim, next, history.events + i);
				sim = next;
			}
		} else {
			sim = mode.advance(sim, chunk) as S;
		}

		history = recordAdvance(history, chunk, sim);
		done += chunk;
	}

	return {...session, sim, history, marks, clock: mode.now(sim), notice: undefined};
}

/** `marks` with what event `event` (from `before` to `after`) brought: a violation, a mark of the mode's. */
function markEvent<S>(mode: AnyMode, marks: readonly TimelineMark[], before: S, after: S, event: number): readonly TimelineMark[] {
	let next = marks;
	const violation = mode.haltReason?.(after);
	if (violation !== undefined && mode.haltReason?.(before) === undefined) next = withMark(next, {event, kind: 'violation', label: violation});
	const change = mode.markOf?.(before, after);
	if (change !== undefined) next = withMark(next, {event, kind: 'leader', label: change});
	return next;
}

/**
 * `marks` with what `count` events from `before` (at event `from`) to `after`
 * brought. A run stops where a violation appears, so it is the last event's;
 * a mode's change is placed by handling the events again one at a time.
 */
function markEvents<S>(mode: AnyMode, marks: readonly TimelineMark[], before: S, after: S, from: number, count: number): readonly TimelineMark[] {
	if (count === 0) return marks;
	if (count === 1) return markEvent(mode, marks, before, after, from + 1);
	let next = marks;
	const violation = mode.haltReason?.(after);
	if (violation !== undefined && mode.haltReason?.(before) === undefined) next = withMark(next, {event: from + count, kind: 'violation', label: violation});
	if (mode.markOf?.(before, after) === undefined) return next;
	// Handled again without tracing: they are not new events.
	const inner = mode.inner ?? mode;
	let state = before;
	for (let i = 1; i <= count; i++) {
		const stepped = inner.advance(state, 1) as S;
		const change = mode.markOf(state, stepped);
		if (change !== undefined) next = withMark(next, {event: from + i, kind: 'leader', label: change});
		state = stepped;
	}

	return next;
}

/** Every mark on the session's timeline (its own and its run's actions), in event order. */
export function timelineMarks(session: Session): TimelineMark[] {
	return allMarks(session.marks, session.run ?? session.history);
}

/** The last event of the run so far. */
export function timelineEnd(session: Session): number {
	return (session.run ?? session.history).events;
}

function pausePoint(session: Session): TimelineMark {
	return {event: session.history.events, kind: 'pause', label: 'a pause point'};
}

/**
 * Goes to event `event` of the run, exactly as stepping there does: back or
 * forward along the run so far through its snapshots, then on into new events
 * if it lies beyond the run's end.
 */
function jumpTo<S>(session: Session<S>, event: number): Session<S> {
	const {mode} = session;
	const run = session.run ?? session.history;
	const target = Math.max(0, event);
	if (target === session.history.events && reachesEnd(session.history, run)) return session;
	if (target > run.events) {
		const atEnd = session.run ? jumpTo(session, run.events) : session;
		return extend(atEnd, target - atEnd.history.events);
	}

	const moved = historyAt(run, target, mode, {history: session.history, state: session.sim});
	mode.rewound?.(moved.state, target < session.history.events ? 'step-back' : 'jump');
	return {...session, sim: moved.state, history: moved.history, run: moved.run, clock: mode.now(moved.state), ended: false, notice: undefined};
}

/** Goes to virtual time `time`: every event due at or before it handled (along the run, then new ones), none after. */
function jumpToTime<S>(session: Session<S>, time: number): Session<S> {
	const {mode} = session;
	const run = session.run ?? session.history;
	const after = (state: unknown) => {
		const next = mode.nextTime(state);
		return next === undefined || next > time;
	};

	const event = firstEventWhere(run, mode, state => mode.now(state) <= time, after);
	const there = jumpTo(session, event);
	if (event < run.events || after(there.sim)) return there;
	// Beyond the run so far: new events, as running to that time would handle them (stopping at a violation).
	let {sim, history, marks} = there;
	for (let handled = 0; handled < maxJumpEvents; ) {
		const result = mode.runUntil(sim, time, snapshotEvery);
		if (result.count === 0) break;
		marks = markEvents(mode, marks, sim, result.state as S, history.events, result.count);
		sim = result.state as S;
		history = recordAdvance(history, result.count, sim);
		handled += result.count;
		if (mode.haltReason?.(sim) !== undefined) break;
	}

	return {...there, sim, history, marks, clock: mode.now(sim)};
}

/** A jump to a time goes at most this many events beyond the run so far (a typo cannot freeze the screen for long). */
const maxJumpEvents = 2_000_000;

/**
 * Keeps the run only while the session stands behind its end: once the history
 * has left it (an action, step back at the end, a restart) or reached its end,
 * the history is the run, and marks past it are gone.
 */
function settleRun<S>(session: Session<S>): Session<S> {
	const {run, history} = session;
	if (run && isPrefixOf(history, run) && !reachesEnd(history, run)) return session;
	const next = run ? {...session, run: undefined} : session;
	const last = next.marks.at(-1);
	return last && last.event > history.events ? {...next, marks: next.marks.filter(mark => mark.event <= history.events)} : next;
}

function back<S>(session: Session<S>): Session<S> {
	if (!canStepBack(session.history)) return {...session, notice: 'already at the start: nothing to step back to'};
	const undone = actionsSinceLastAdvance(session.history);
	const {history, state} = stepBack(session.history, session.mode);
	session.mode.rewound?.(state, 'step-back');
	// A plain step back shows exactly the earlier screen; when it also undid the user's actions, one line says so.
	const stepped = history.events < session.history.events;
	const plural = (count: number) => (count === 1 ? 'action' : `${count} actions`);
	const notice = undone === 0 ? undefined : stepped ? `↶ stepped back one event, and undid the ${plural(undone)} after it` : `↶ undid ${undone} action${undone === 1 ? '' : 's'}`;
	return {...session, sim: state, history, clock: session.mode.now(state), ended: false, notice};
}

function applyModeAction<S>(session: Session<S>, action: unknown): Session<S> {
	const sim = session.mode.apply(session.sim, action) as S;
	const closed = session.overlay.kind === 'menu' ? {overlay: {kind: 'none'} as const} : {};
	if (sim === session.sim) return {...session, ...closed};
	const violation = session.mode.haltReason?.(sim);
	const fresh = violation !== undefined && session.mode.haltReason?.(session.sim) === undefined;
	const marks = fresh ? withMark(session.marks, {event: session.history.events, kind: 'violation', label: violation}) : session.marks;
	const next = {...session, ...closed, sim, marks, history: recordAction(session.history, action), notice: undefined};
	// An action can break a property too (a safety violation): a running stream stops there, as after an event.
	return !next.paused && session.mode.haltReason?.(sim) !== undefined && session.mode.haltReason?.(session.sim) === undefined ? {...next, paused: true, clock: session.mode.now(sim)} : next;
}

/** Time passing: while running, handles every event due by the new virtual time, as one update. */
function tick<S>(session: Session<S>, ms: number): Session<S> {
	if (session.paused || ms <= 0) return session;
	const {mode} = session;
	const clock = session.clock + (ms * session.speed) / 1000;
	const next = mode.nextTime(session.sim);
	// A little slack, so a clock that reaches an event's time by adding fractions never falls just short of it.
	if (next === undefined || next > clock + 1e-9) return {...session, clock};
	let {sim, history, watch, run, marks} = session;
	let count = 0;
	let stop = false;
	while (count < maxEventsPerTick && !stop) {
		// Under a watch, one event at a time: the run must stop at the first state where the condition holds.
		let cap = watch ? 1 : Math.min(snapshotEvery, maxEventsPerTick - count);
		// Behind the run's end, running goes along it: up to its next action, which is taken again there.
		if (run && isPrefixOf(history, run) && !reachesEnd(history, run)) {
			if (prefixEntries(run, history.events).length > history.entries.length) {
				({state: sim, history, run} = historyAt(run, history.events, mode, {history, state: sim}));
				continue;
			}

			cap = Math.min(cap, nextActionAfter(run, history.events) - history.events);
		} else {
			run = undefined;
		}

		const before = sim;
		const result = mode.runUntil(sim, clock + 1e-9, cap);
		sim = result.state as S;
		marks = markEvents(mode, marks, before, sim, history.events, result.count);
		count += result.count;
		history = recordAdvance(history, result.count, sim);
		if (watch && result.count > 0) {
			watch = {...watch, remaining: watch.remaining - result.count};
			stop = watch.until(sim) || watch.remaining <= 0;
		}

		stop ||= mode.haltReason?.(sim) !== undefined;
		if (result.count < cap) break;
	}

	const capped = count >= maxEventsPerTick;
	const result = {...session, sim, history, run, marks, watch, clock: capped ? mode.now(sim) : clock};
	return stop ? {...result, paused: true, watch: undefined, clock: mode.now(sim)} : result;
}

function runUntilCondition<S>(session: Session<S>, until: (state: S) => boolean, limit: number): Session<S> {
	let current = pause(session);
	for (let handled = 0; handled < limit && !until(current.sim); handled++) {
		if (current.mode.nextTime(current.sim) === undefined) break;
		current = advance(current, 1);
		if (current.mode.haltReason?.(current.sim)) break;
	}

	return current;
}

/** How long until the next event is due at the current speed, in real ms (undefined: nothing is pending). */
export function msUntilNextEvent(session: Session): number | undefined {
	const next = session.mode.nextTime(session.sim);
	if (next === undefined) return undefined;
	return Math.max(0, ((next - session.clock) * 1000) / session.speed);
}
