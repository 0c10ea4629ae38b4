/**
 * `replica-tui <mode> --help`: the mode's usage, its flags with their
 * meanings, and its keys (the shell's and the mode's, as its `?` help lists
 * them). test/e2e/help-version.test.ts checks that every flag a mode takes
 * has a line here.
 */
import type {AnyMode, HelpEntry} from './core/engine/mode.js';
import {wrapWords} from './core/engine/text.js';
import {entryLines, helpSections, keyColumn} from './help-pages.js';
import {faultInfo, faultTypes} from './core/voting/fault.js';
import {models} from './core/models/index.js';
import {bugNames} from './core/raft/types.js';
import {bugNames as paxosBugNames} from './core/paxos/bugs.js';
import {bugNames as aeronBugNames} from './core/aeron/types.js';

type FlagLine = readonly [flag: string, meaning: string];

const modelNames = Object.keys(models).join(', ');

/** Flags every simulated mode takes (the etcd mode lists its own). */
const commonFlags: readonly FlagLine[] = [
	['--seed S', 'seed of every random stream, 0 to 4294967295 (default 1): same seed and keys, same run'],
	['--paused', 'start paused; step with s, back with b'],
	['--steps N', 'run N events headless (no terminal), print a summary and exit'],
	['--json', 'with --steps: print the report as JSON'],
	['--trace FILE', 'with --steps: write every event as one JSON line'],
	['--record FILE.cast', 'record the live session as you drive it (asciicast v2)'],
	['--theme NAME', 'dark (default), light or high-contrast; NO_COLOR=1 turns colour off'],
];

const modeFlags: Readonly<Record<string, readonly FlagLine[]>> = {
	voting: [
		['--replicas N', '1 to 9 replicas (default 3); five fit 80 columns, nine 120'],
		['--model NAME', `${modelNames} (default bank)`],
		['--rate R', 'inputs per second while running, 0.25 to 10000 (default 2)'],
		['--fault R:TYPE[@I]', `inject a fault into replica R just before input I (without @I: before input 1); repeatable, e.g. --fault 2:skip@10. TYPE: ${faultTypes.join(', ')}`],
	],
	raft: [
		['--servers N', '1 to 7 servers (default 5; 7 need 84 columns)'],
		['--model NAME', `${modelNames} (default bank)`],
		['--election LOW-HIGH', 'election timeouts drawn from LOW to HIGH ms (default 150-300)'],
		['--heartbeat MS', 'a leader sends AppendEntries this often (default 50)'],
		['--latency LOW-HIGH', 'one-way message latency in ms (default 2-6)'],
		['--loss P', 'probability that a message between servers is lost, 0.1 or 10% (default 0)'],
		['--workload MS', 'mean ms between automatic client requests; 0: only the requests you send (default 500)'],
		['--requests N', 'at most N automatic requests in a run (default 1000)'],
		['--batch N', 'at most N entries in one AppendEntries (default 8)'],
		['--prevote', 'PreVote and CheckQuorum (Ongaro\'s thesis, §9.6)'],
		['--backoff one|term', 'after a refused AppendEntries, nextIndex steps back one entry (default) or past the whole term'],
		['--bug NAME', `break one rule on purpose (repeatable): ${bugNames.join(', ')}`],
		['--labels ,a,b,…', 'a label after each server\'s name in its column title, by position (e.g. Figure 7\'s (a)–(f)); empty for none'],
		['--speed MS', 'virtual ms per real second at start, 10 to 5000 (default 100)'],
	],
	order: [
		['--model NAME', `${modelNames} (default bank)`],
		['--clients N', '2 to 4 clients (default 3)'],
		['--workload MS', 'mean ms between one client\'s inputs; 0: only inputs sent by hand (default 120)'],
		['--inputs N', 'the clients stop after this many inputs in all, at most 10000 (default 1000)'],
		['--latency LOW-HIGH', 'one-way latency of every message in ms (default 5-80)'],
		['--heartbeats', 'start with null messages (heartbeats) on'],
		['--null-every MS', 'a client silent for this long sends a null message (default 150)'],
		['--stall-after MS', 'when a waiting replica is called stalled (default 1000)'],
		['--client-fifo on|off', 'consensus replicas keep each client\'s order, holding back an input committed ahead of an earlier one (default on)'],
		['--speed MS', 'virtual ms per real second while running, 10 to 5000 (default 50)'],
	],
	paxos: [
		['--proposers N', '1 to 4 proposers P1… (default 2); P1 proposes x, P2 y, P3 z'],
		['--acceptors N', '1 to 7 acceptors A1… (default 3)'],
		['--learners N', '1 to 3 learners L1… (default 2)'],
		['--stagger MS', 'single-decree: proposer Pi first tries at (i − 1) × MS ms (default 200)'],
		['--latency LOW-HIGH', 'one-way message latency in ms (default 5-30)'],
		['--adversary', 'start with the adversary on: it holds every Accept until a higher Prepare overtakes it (at most 250 ms)'],
		['--leader', 'a distinguished proposer: heartbeats, and only the lowest-numbered proposer heard from proposes'],
		['--multi', 'Multi-Paxos: a log of instances, a stable leader (--leader is implied), client commands applied to --model'],
		['--model NAME', `Multi-Paxos: ${modelNames} (default kv)`],
		['--workload MS', 'Multi-Paxos: mean ms between client commands; 0: only those you send with r (default 150)'],
		['--requests N', 'Multi-Paxos: at most N automatic commands, up to 200 (default 12)'],
		['--bug NAME', `break one rule on purpose (repeatable): ${paxosBugNames.join(', ')}`],
		['--speed MS', 'virtual ms per real second at start, 10 to 5000 (default 100)'],
	],
	aeron: [
		['--members N', '1, 2, 3, 5 or 7 members (default 3; 5 fit 80 columns, read best at 120)'],
		['--model NAME', `${modelNames} (default bank)`],
		['--aeron-defaults', 'Aeron\'s own timings (10 s heartbeat timeout, 200 ms heartbeat, 1 s election) instead of the scaled ones (1 s, 100 ms, 400 ms)'],
		['--workload MS', 'mean ms between automatic client requests; 0: only the requests you send (default 600)'],
		['--requests N', 'at most N automatic requests in a run (default 1000)'],
		['--archive MS', 'ms an archive takes to record one frame (default 3; a slow archive: 40 times that)'],
		['--bug NAME', `break one rule on purpose (repeatable): ${aeronBugNames.join(', ')}`],
		['--speed MS', 'virtual ms per real second at start, 10 to 10000 (default 200)'],
	],
	sourcing: [
		['--rate R', 'commands per second while running, up to 1000 (default 2)'],
		['--journal N', 'commands each journal keeps in memory, 20 to 100000 (default 500)'],
	],
};

const etcdFlags: readonly FlagLine[] = [
	['--members N', '1 to 7 etcd members to start on loopback (default 3)'],
	['--seed S', 'seed of the kv inputs written, 0 to 4294967295 (default 1)'],
	['--rate R', 'writes per second while running, up to 1000 (default 5)'],
	['--pre-vote', 'start the members with etcd\'s PreVote'],
	['--paused', 'start with the writes off (space turns them on)'],
	['--endpoints URLS', 'attach to a running cluster (comma-separated http://host:port), read-only'],
	['--steps N', 'write N inputs headless, act out the faults, check the cluster and exit'],
	['--json', 'with --steps: print the report as JSON'],
	['--fault SPEC', 'with --steps: [MEMBER:]WHAT[@INDEX], e.g. leader:crash@20; repeatable (docs/etcd.md: "Headless")'],
	['--theme NAME', 'dark (default), light or high-contrast; NO_COLOR=1 turns colour off'],
];

const usage: Readonly<Record<string, readonly string[]>> = {
	voting: ['replica-tui [voting] [options]', 'replica-tui [voting] --steps N [--json] [--trace FILE]'],
	raft: ['replica-tui raft [options]', 'replica-tui raft --steps N [--json] [--trace FILE]', 'replica-tui raft fuzz [--bug NAME]... [--seeds N] [--events M] [-o FILE]'],
	order: ['replica-tui order [options]', 'replica-tui order --steps N [--json] [--trace FILE]'],
	paxos: ['replica-tui paxos [options]', 'replica-tui paxos --multi [options]', 'replica-tui paxos --steps N [--json] [--trace FILE]', 'replica-tui paxos fuzz [--bug NAME]... [--seeds N] [--events M] [-o FILE]'],
	aeron: ['replica-tui aeron [options]', 'replica-tui aeron --steps N [--json] [--trace FILE]', 'replica-tui aeron fuzz [--bug NAME]... [--seeds N] [--events M] [-o FILE]'],
	sourcing: ['replica-tui sourcing [options]', 'replica-tui sourcing --steps N [--json] [--trace FILE]'],
	etcd: ['replica-tui etcd [options]', 'replica-tui etcd --endpoints URLS', 'replica-tui etcd --steps N [--json] [--fault SPEC]...'],
};

/** The flags a mode's --help lists, by the name meow gives them (every mode's flags must have a line). */
export function helpedFlags(modeName: string): string[] {
	const lines = modeName === 'etcd' ? etcdFlags : [...(modeFlags[modeName] ?? []), ...commonFlags];
	return lines.map(([flag]) => flag.split(' ')[0]!.slice(2));
}

/** The width --help is laid out for: an 80-column terminal, less the indent. */
const textWidth = 76;

/** Entries as indented lines, keys aligned, meanings wrapped under themselves. */
function block(entries: readonly HelpEntry[]): string {
	const column = keyColumn(entries, textWidth);
	return entries.flatMap(entry => entryLines(entry, textWidth, column)).map(line => (line === '' ? '' : `    ${line}`)).join('\n');
}

type HelpMode = Pick<AnyMode, 'name' | 'teaches' | 'help' | 'legend'>;

/** The whole `replica-tui <mode> --help` text, for the mode in `state`: usage, flags, keys and the legend, at 80 columns. */
export function modeHelpText(mode: HelpMode, state: unknown): string {
	const flags = mode.name === 'etcd' ? etcdFlags : [...(modeFlags[mode.name] ?? []), ...commonFlags];
	const faults = mode.name === 'voting' ? `\n\n  Faults (--fault R:TYPE, or f on a replica)\n${block(faultTypes.map(type => [type, faultInfo[type].teaches]))}` : '';
	const sections = helpSections({mode: mode as AnyMode, sim: state});
	const heading = wrapWords(`replica-tui ${mode.name}: ${mode.teaches}`, textWidth + 2, Number.POSITIVE_INFINITY).join('\n  ');
	return `
  ${heading}

  Usage
${usage[mode.name]!.map(line => `    $ ${line}`).join('\n')}
    $ replica-tui scenarios ${mode.name}    its lecture scenarios

  Options
${block(flags)}${faults}
${sections.map(section => `\n  ${section.title}\n${block(section.entries)}\n`).join('')}`;
}
