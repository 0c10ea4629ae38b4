import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {run} from './run.js';

const folder = mkdtempSync(path.join(tmpdir(), 'replica-tui-e2e-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

/** Each bad command line, with a word its one-line error must contain. */
const cases: Array<[args: string[], mentions: RegExp]> = [
	[['--replicas', '0'], /--replicas.*1 to 9/],
	[['--replicas', '10'], /--replicas.*1 to 9/],
	[['--replicas', 'abc'], /--replicas.*"abc"/],
	[['--seed', '-1'], /--seed/],
	[['--seed', 'x'], /--seed.*"x"/],
	[['--rate', '0'], /--rate/],
	[['--rate', 'abc'], /--rate.*"abc"/],
	[['--model', 'nope'], /nope.*bank, chain, kv/],
	[['--fault', '4:skip'], /R4.*3 replicas/],
	[['--fault', '2:explode'], /explode.*skip/],
	[['--fault', 'garbage'], /garbage/],
	[['--bogus'], /unknown flag --bogus/],
	[['frobnicate'], /unknown command "frobnicate"/],
	[['--json'], /--json needs --steps/],
	[['--trace', path.join(folder, 't.jsonl')], /--trace needs --steps/],
	[['--steps', '5', '--trace', '/nonexistent/dir/t.jsonl'], /\/nonexistent\/dir\/t\.jsonl.*folder does not exist/],
	[['--steps', '5', '--trace', folder], /is a folder/],
	[['--steps', '-3'], /--steps/],
	[['--steps', '2.5'], /--steps/],
	[['--seed', '1', '--seed', '2'], /--seed.*once/],
	[['-x'], /unknown flag -x/],
	// --rate has one range, the +/- ladder's: 0.25 to 10,000 inputs/s.
	[['--rate', '0.1'], /--rate must be a number of inputs per second from 0.25 to 10,000, not "0.1"/],
	[['--rate', '20000'], /--rate .*from 0.25 to 10,000, not "20000"/],
	// Number() reads hexadecimal and exponents; a rate is written in decimals.
	[['--rate', '0x10'], /--rate must be a number of inputs per second from 0.25 to 10,000, not "0x10"/],
	[['--rate', '1e3'], /--rate .*not "1e3"/],
	[['--theme', 'neon'], /unknown --theme "neon": choose one of dark, light, high-contrast/],
	[['--steps', '3', '-o', 'x.gif'], /--output only applies to "record"/],
	[['--steps', '3', '--size', '80x24'], /--size only applies to "record"/],
	[['--steps', '3', '--font-size', '20'], /--font-size only applies to "record"/],
	[['--steps', '3', '--record', 'x.cast'], /--record records a live session; it cannot be combined with --steps/],
	[['voting', 'extra'], /unexpected "extra" after the voting mode/],
	[['sourcing', '--rate', '0.1'], /--rate must be a number of commands per second from 0.25 to 1,000, not "0.1"/],
	// A switch takes no value but true or false: "maybe" is not read as off.
	[['order', '--heartbeats=maybe'], /--heartbeats is a switch: give it alone, or as --heartbeats=true or =false, not "maybe"/],
	[['--paused=maybe'], /--paused is a switch/],
];

describe('bad values exit 2 with one line on stderr and no stack trace', () => {
	test.each(cases)('%j', (args, mentions) => {
		// --steps makes the run headless, so a line that were accepted would not wait for a terminal.
		const {code, stdout, stderr} = run(args.includes('--steps') || args.includes('--json') || args.includes('--trace') ? args : [...args, '--steps', '3']);
		expect(stderr).toMatch(/^replica-tui: [^\n]+\n$/);
		expect(stderr).toMatch(mentions);
		expect(stderr).not.toMatch(/^\s+at /m);
		expect(stdout).toBe('');
		expect(code).toBe(2);
	});

	test.each<[string[], RegExp]>([
		[['scenarios', 'quantum'], /unknown mode "quantum"/],
		[['scenarios', 'voting', 'raft'], /"scenarios" takes at most one mode/],
		[['scenarios', '--seed', '3'], /--seed does not apply to "scenarios"/],
		[['quantum'], /unknown command "quantum": use a mode \(voting[^)]*\), course or scenarios, play, record, run, check/],
	])('%j', (args, mentions) => {
		const {code, stdout, stderr} = run(args);
		expect(stderr).toMatch(/^replica-tui: [^\n]+\n$/);
		expect(stderr).toMatch(mentions);
		expect(stdout).toBe('');
		expect(code).toBe(2);
	});

	test('bad values are refused before the terminal check too', () => {
		const {code, stderr} = run(['--replicas', '0']);
		expect(code).toBe(2);
		expect(stderr).toMatch(/^replica-tui: --replicas[^\n]*\n$/);
	});
});
