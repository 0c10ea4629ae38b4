/**
 * `replica-tui raft fuzz`: many seeded runs with random fault schedules
 * through the Raft core, progress on stderr, and at the first violation the
 * seed, the event, the counterexample and a scenario file that replays it.
 */
import {writeFileSync} from 'node:fs';
import type {RawFlags} from '../core/engine/mode.js';
import {UsageError} from '../core/engine/usage-error.js';
import {bugInfo, isSafetyBug} from '../core/raft/bugs.js';
import {search, shrinkFinding, type FuzzProgress, type FuzzResult} from '../core/raft/fuzz/fuzz.js';
import {parseFuzzOptions, type FuzzOptions} from '../core/raft/fuzz/options.js';
import {findingFileName, findingScenario} from '../core/raft/fuzz/scenario-text.js';
import {propertyNames} from '../core/raft/safety/properties.js';
import {serverList} from '../core/raft/names.js';

const count = (value: number) => value.toLocaleString('en-US');

/** Progress on stderr: rewritten in place on a terminal, a line every tenth of the budget otherwise. */
function progressReporter(options: FuzzOptions, started: number): (progress: FuzzProgress) => void {
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

function setupText(options: FuzzOptions): string {
	const bugs = options.bugs.length === 0 ? 'no bug' : `bug ${options.bugs.join(', ')}`;
	return `${options.servers} servers · ${bugs} · seeds ${options.firstSeed}–${options.firstSeed + options.seeds - 1} · up to ${count(options.events)} events a run`;
}

function report(result: FuzzResult, seconds: number, output: string | undefined): {text: string; code: number} {
	const {options, finding} = result;
	const rate = `${seconds.toFixed(2)} s, ${count(Math.round(result.runs / Math.max(seconds, 1e-3)))} runs/s`;
	if (finding === undefined) {
		const liveness = options.bugs.filter(bug => !isSafetyBug(bug));
		const lines = [
			`✓ ${count(result.runs)} runs, ${count(result.events)} events (${setupText(options)}): every safety property held at every event (${rate})`,
			`  liveness: the longest time without a leader was ${count(result.longestLeaderless.ms)} ms (seed ${result.longestLeaderless.seed}); that is never called a violation`,
		];
		for (const bug of liveness) lines.push(`  ${bug} is a liveness bug (${bugInfo[bug].does}): it cannot break safety; see the ${bugInfo[bug].scenario} scenario`);
		return {text: lines.join('\n'), code: 0};
	}

	const {violation, shrunk, found, seed} = finding;
	const file = output ?? findingFileName(finding);
	writeFileSync(file, findingScenario(finding));
	const lines = [
		`✗ ${propertyNames[violation.property]} (${violation.property}) broke in run ${count(result.runs)}, seed ${seed}: found after ${count(result.events)} events in ${rate}`,
		`  at event ${violation.event}, t=${violation.time}ms: ${violation.cause}`,
		`  counterexample: ${violation.text}`,
		`  servers ${serverList(violation.servers)}${violation.index === undefined ? '' : ` · index ${violation.index}`}${violation.term === undefined ? '' : ` · term ${violation.term}`}`,
		`  the scenario replays it with ${shrunk.actions.length} fault${shrunk.actions.length === 1 ? '' : 's'} (the run had ${found.actions.length}; the rest were not needed)`,
		`  wrote ${file}: replica-tui play ${file}   (replica-tui check ${file} verifies it)`,
	];
	return {text: lines.join('\n'), code: 1};
}

/** Runs the fuzzer; returns the exit code (1: a violation was found). */
export function runFuzz(args: readonly string[], flags: RawFlags): number {
	if (args.length > 0) throw new UsageError(`unexpected "${args[0]}" after "raft fuzz" (see replica-tui --help)`);
	const options = parseFuzzOptions(flags);
	const output = typeof flags['output'] === 'string' ? flags['output'] : undefined;
	if (output !== undefined && !output.endsWith('.scenario')) throw new UsageError(`-o names the scenario file to write: end it in .scenario, not "${output}"`);
	process.stderr.write(`fuzz: ${setupText(options)}\n`);
	const started = performance.now();
	const searched = search(options, progressReporter(options, started));
	const seconds = (performance.now() - started) / 1000;
	if (process.stderr.isTTY) process.stderr.write('\n');
	if (searched.finding !== undefined) process.stderr.write(`fuzz: found in ${seconds.toFixed(2)} s; shrinking the run to the faults it needs…\n`);
	const result = shrinkFinding(searched);
	const {text, code} = report(result, seconds, output);
	process.stdout.write(`${text}\n`);
	return code;
}
