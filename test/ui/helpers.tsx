/**
 * Shared helpers for the UI tests: render the real <App> with ink-testing-library,
 * send keys one write at a time, and poll for frames (ink-testing-library only
 * shows a key's effect after the next render).
 */
import {render as inkRender} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import stringWidth from 'string-width';
import {afterEach} from 'vitest';
import {App} from '../../source/app.js';
import type {ThemeName} from '../../source/components/theme.js';
import type {ScheduledFault} from '../../source/core/voting/fault.js';
import {createSession, type Session} from '../../source/core/engine/session.js';
import {votingMode} from '../../source/core/voting/mode.js';
import type {ScenarioStep} from '../../source/scenario/types.js';

export type AppOptions = {
	readonly model?: string;
	readonly replicas?: number;
	readonly seed?: number;
	readonly faults?: readonly ScheduledFault[];
	/** Tests start paused unless they say otherwise: stepping is deterministic, the ticker is not. */
	readonly paused?: boolean;
	/** Inputs per second (the session's speed). */
	readonly rate?: number;
	/** The colour theme, or false for NO_COLOR; dark unless given. */
	readonly theme?: ThemeName | false;
	/** A scenario timeline to play live, as `replica-tui play` does. */
	readonly scenario?: readonly ScenarioStep[];
	/** The session to start from, instead of one made from the options above. */
	readonly session?: Session;
	/** Terminal size, 80×24 unless given (ink-testing-library's own stdout is 100 columns with no rows). */
	readonly columns?: number;
	readonly rows?: number;
};

export type Rendered = ReturnType<typeof render> & {
	readonly session: Session;
	/** The Ink instance's waitUntilExit, taken at render time (it only resolves if asked for before the exit). */
	readonly waitUntilExit: () => Promise<unknown>;
	/** The last frame, never undefined. */
	readonly frame: () => string;
};

// Every test gets a fresh instance; unmount them all afterwards so no ticker outlives its test.
afterEach(() => {
	cleanup();
});

/** Sets the fake terminal's size and tells Ink and the app about it, as a real terminal does on resize. */
export function resize(stdout: NodeJS.EventEmitter, columns: number, rows: number): void {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true, writable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true, writable: true});
	stdout.emit('resize');
}

export async function renderApp(options: AppOptions = {}): Promise<Rendered> {
	const sim = votingMode.create({model: options.model ?? 'bank', replicas: options.replicas ?? 3, seed: options.seed ?? 7, faults: options.faults ?? [], rate: undefined});
	const session = options.session ?? createSession(votingMode, sim, {paused: options.paused ?? true, speed: options.rate ?? 2});
	// One playback object for the whole render: the timeline starts once.
	const scenario = options.scenario ? {steps: options.scenario} : undefined;
	const element: ReactElement = <App initial={session} theme={options.theme ?? 'dark'} scenario={scenario} />;
	const rendered = render(element);
	// ink-testing-library does not hand out waitUntilExit. Ink keeps one instance per stdout, so rendering the
	// same element into the same streams again returns that instance's handle (React keeps the App's state).
	const handle = inkRender(element, {
		stdout: rendered.stdout as unknown as NodeJS.WriteStream,
		stderr: rendered.stderr as unknown as NodeJS.WriteStream,
		stdin: rendered.stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const exitPromise = handle.waitUntilExit();
	// Keep an unobserved exit from being reported as an unhandled rejection; tests that care await it.
	exitPromise.catch(() => undefined);
	const columns = options.columns ?? 80;
	resize(rendered.stdout, columns, options.rows ?? 24);

	// useInput attaches its stdin listener in an effect; a key written before that is lost.
	await waitFor(() => rendered.stdin.listenerCount('readable') > 0, 'the app to listen to stdin');
	const frame = () => rendered.lastFrame() ?? '';
	// Ink redraws the old tree at the new width first; then the app's own resize listener re-lays it out.
	await sleep(20);
	await waitForFrame(frame, text => text !== '' && maxLineWidth(text) <= columns, `a first frame at most ${columns} wide`);
	return {...rendered, session, waitUntilExit: async () => exitPromise, frame};
}

/** Named keys as a terminal sends them. */
export const keys = {
	escape: '\u001B',
	left: '\u001B[D',
	right: '\u001B[C',
	up: '\u001B[A',
	down: '\u001B[B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	ctrlC: '\u0003',
	enter: '\r',
} as const;

/** Sends keys, one write each (several keys in one write would arrive as one input). */
export async function press(stdin: {write: (data: string) => void}, ...sequence: string[]): Promise<void> {
	for (const key of sequence) {
		stdin.write(key);
		// Let Ink parse the key (a lone Esc is flushed on setImmediate) and React commit the update.
		// eslint-disable-next-line no-await-in-loop
		await sleep(5);
	}
}

export async function sleep(ms: number): Promise<void> {
	await new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
	const deadline = performance.now() + timeoutMs;
	while (!condition()) {
		if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		// eslint-disable-next-line no-await-in-loop
		await sleep(5);
	}
}

/**
 * Polls until the last frame satisfies `predicate` (a string is "the frame contains it") and returns that
 * frame; on timeout, fails with the last frame in the message so the failure shows the screen.
 */
export async function waitForFrame(
	lastFrame: () => string | undefined,
	predicate: string | RegExp | ((frame: string) => boolean),
	what?: string,
	timeoutMs = 3000,
): Promise<string> {
	const test =
		typeof predicate === 'string' ? (text: string) => text.includes(predicate) : predicate instanceof RegExp ? (text: string) => predicate.test(text) : predicate;
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		const text = lastFrame() ?? '';
		if (test(text)) return text;
		if (performance.now() > deadline) {
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what ?? String(predicate)}; last frame:\n${text}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await sleep(5);
	}
}

// eslint-disable-next-line no-control-regex
const ansiPattern = /\u001B\[[0-9;?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

export function stripAnsi(text: string): string {
	return text.replaceAll(ansiPattern, '');
}

export function lines(frame: string): string[] {
	return stripAnsi(frame).split('\n');
}

export function maxLineWidth(frame: string): number {
	return Math.max(0, ...lines(frame).map(line => stringWidth(line)));
}

/** The header line (the first line of the frame). */
export function header(frame: string): string {
	return lines(frame)[0] ?? '';
}

/** The quorum lines: the decision and who is out of line (above the timeline bar and the key hints). */
export function quorumLines(frame: string): string {
	return lines(frame).slice(-4, -2).join('\n');
}

/** The key-hint bar (the last line). */
export function hintBar(frame: string): string {
	return lines(frame).at(-1) ?? '';
}

/**
 * The replica columns as text: one array of rows per column, the rows between the borders, trimmed.
 * Column borders are │ (a plain column) or ║ (the selected one); each row of the box splits into
 * "", column 1, "", column 2, … "".
 */
export function replicaColumns(frame: string): string[][] {
	const rows = lines(frame).filter(line => /^[│║]/.test(line));
	const columns: string[][] = [];
	for (const row of rows) {
		const cells = row.split(/[│║]/).filter((_, i) => i % 2 === 1);
		for (const [i, cell] of cells.entries()) (columns[i] ??= []).push(cell.trim());
	}

	return columns;
}

/** One replica's column (R1 is 1), its rows joined with newlines. */
export function column(frame: string, replica: number): string {
	return (replicaColumns(frame)[replica - 1] ?? []).join('\n');
}

/** One replica's title row, e.g. "▸R2 ✗ diverged" (▸ marks the selected replica). */
export function columnTitle(frame: string, replica: number): string {
	return replicaColumns(frame)[replica - 1]?.[0] ?? '';
}

/** The name of the selected replica, from the ▸ in the column titles. */
export function selectedReplica(frame: string): string | undefined {
	const marked = replicaColumns(frame)
		.map(rows => /^▸(R\d)/.exec(rows[0] ?? '')?.[1])
		.filter(Boolean);
	if (marked.length > 1) throw new Error(`more than one replica marked ▸: ${marked.join(', ')}`);
	return marked[0];
}

/** The current input index shown in the header, e.g. 12 for "… #12". */
export function headerIndex(frame: string): number {
	const match = /#(\d+)\s*$/.exec(header(frame));
	if (!match) throw new Error(`no input index in header: ${header(frame)}`);
	return Number(match[1]);
}
