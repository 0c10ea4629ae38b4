/**
 * `replica-tui <mode> fuzz`: many seeded runs with random fault schedules
 * through a mode's core, progress on stderr, and at the first violation the
 * seed, the event, the counterexample and a scenario file that replays it.
 * Any mode with a fuzz target (source/core/fuzz/targets.ts) gets it.
 */
import {writeFileSync} from 'node:fs';
import type {RawFlags} from '../core/engine/mode.js';
import {UsageError} from '../core/engine/usage-error.js';
import {parseFuzzOptions} from '../core/fuzz/options.js';
import {findingFileName, findingScenario} from '../core/fuzz/scenario-text.js';
import {search, shrinkFinding, type FuzzProgress, type FuzzResult} from '../core/fuzz/search.js';
import type {AnyFuzzTarget, FuzzBudget, FuzzOptions} from '../core/fuzz/target.js';

const count = (value: number) => value.toLocaleString('en-US');

/** Progress on stderr: rewritten in place on a terminal, a line every tenth of the budget otherwise. */
function progressReporter(options: FuzzBudget, started: number): (progress: FuzzProgress) => void {
	const tty = process.stderr.isTTY === true;
	let shown = 0;
	return ({runs, events, seed}) => {
		const now = performance.now();
		const tenth = Math.max(1, Math.floor(options.seeds / 10));
		if (tty ? now - shown < 100 && runs < options.seeds : runs % tenth !== 0) return;
		shown = now;
		const seconds = (now - started) / 1000;
		const text = `fuzz: run ${count(runs)} of ${count(options.seeds)} (seed ${seed}) · ${count(events)} events · ${count(Math.round(runs / Math.max(seconds, 1e-3)))} runs/s`;
		process.stderr.write(tty ? `\r${text}\u001B[K` : `${text}\n`);
	};
}

function setupText(target: AnyFuzzTarget, options: FuzzOptions<unknown>): string {
	return `${target.setupText(options)} · seeds ${options.firstSeed}–${options.firstSeed + options.seeds - 1} · up to ${count(options.events)} events a run`;
}

function report(target: AnyFuzzTarget, result: FuzzResult<unknown, unknown, unknown, unknown>, seconds: number, output: string | undefined): {text: string; code: number} {
	const {options, finding} = result;
	const rate = `${seconds.toFixed(2)} s, ${count(Math.round(result.runs / Math.max(seconds, 1e-3)))} runs/s`;
	if (finding === undefined) {
		const lines = [`✓ ${count(result.runs)} runs, ${count(result.events)} events (${setupText(target, options)}): every safety property held at every event (${rate})`];
		if (target.watch !== undefined) lines.push(`  ${target.watch.text(result.watched.value, result.watched.seed)}`);
		for (const line of target.noFindingLines?.(options) ?? []) lines.push(`  ${line}`);
		return {text: lines.join('\n'), code: 0};
	}

	const {violation, shrunk, found, seed} = finding;
	const file = output ?? findingFileName(target, finding);
	writeFileSync(file, findingScenario(target, finding));
	const lines = [
		`✗ ${target.propertyName(violation)} (${violation.property}) broke in run ${count(result.runs)}, seed ${seed}: found after ${count(result.events)} events in ${rate}`,
		...target.violationLines(violation).map(line => `  ${line}`),
		`  the scenario replays it with ${shrunk.actions.length} fault${shrunk.actions.length === 1 ? '' : 's'} (the run had ${found.actions.length}; the rest were not needed)`,
		`  wrote ${file}: replica-tui play ${file}   (replica-tui check ${file} verifies it)`,
	];
	return {text: lines.join('\n'), code: 1};
}

/** Runs the mode's fuzzer; returns the exit code (1: a violation was found). */
export function runFuzz(target: AnyFuzzTarget, args: readonly string[], flags: RawFlags): number {
	if (args.length > 0) throw new UsageError(`unexpected "${args[0]}" after "${target.mode} fuzz" (see replica-tui --help)`);
	const options = parseFuzzOptions(flags, target.defaults, target.parseSetup);
	const output = typeof flags['output'] === 'string' ? flags['output'] : undefined;
	if (output !== undefined && !output.endsWith('.scenario')) throw new UsageError(`-o names the scenario file to write: end it in .scenario, not "${output}"`);
	process.stderr.write(`fuzz: ${setupText(target, options)}\n`);
	const started = performance.now();
	const searched = search(target, options, progressReporter(options, started));
	const seconds = (performance.now() - started) / 1000;
	if (process.stderr.isTTY) process.stderr.write('\n');
	if (searched.finding !== undefined) process.stderr.write(`fuzz: found in ${seconds.toFixed(2)} s; shrinking the run to the faults it needs…\n`);
	const result = shrinkFinding(target, searched);
	const {text, code} = report(target, result, seconds, output);
	process.stdout.write(`${text}\n`);
	return code;
}
