#!/usr/bin/env node
// First: the terminal stops echoing keys before anything else loads.
import './take-terminal.js';
import meow from 'meow';
import {helpText} from './help-text.js';
import {shellFlags, UsageError} from './options.js';
import {modes} from './core/modes.js';
import {etcdMode} from './core/etcd/mode.js';
import {fuzzFlags} from './core/fuzz/options.js';
import {main} from './main.js';
import {refuseSwitchValues} from './core/engine/flags.js';
import {restoreTerminal} from './terminal-guard.js';

// React's development build is several times slower and keeps more memory; Ink
// and React are imported later, by the commands that draw, so this takes effect.
process.env['NODE_ENV'] ??= 'production';

const camelCase = (name: string) => name.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Every flag of every mode, for meow (which wants camelCase keys); each command then refuses the ones that do not apply to it. */
const flagSpec = {
	...Object.fromEntries([...Object.values(modes), etcdMode].flatMap(mode => Object.entries(mode.flags).map(([name, spec]) => [camelCase(name), spec]))),
	...shellFlags,
	...fuzzFlags,
	seed: {type: 'string'},
} as Record<string, {type: 'string' | 'boolean'; isMultiple?: boolean; shortFlag?: string}>;

function fail(message: string): never {
	process.stderr.write(`replica-tui: ${message}\n`);
	process.exit(2);
}

/** The reader went away (e.g. `replica-tui --steps N --trace /dev/stdout | head`): stop quietly. */
function isBrokenPipe(error: unknown): boolean {
	return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

process.on('uncaughtException', error => {
	restoreTerminal();
	process.stderr.write(`\nreplica-tui: internal error: ${error.message}\n`);
	process.exit(1);
});

process.stdout.on('error', error => {
	if (isBrokenPipe(error)) process.exit(0);
	throw error;
});

function parseArguments() {
	try {
		return meow(helpText, {importMeta: import.meta, flags: flagSpec, allowUnknownFlags: true, booleanDefault: undefined});
	} catch (error) {
		// Meow throws plain Errors for usage mistakes, e.g. "The flag --seed can only be set once."
		const message = error instanceof Error ? error.message : String(error);
		fail(`${message.replace(/^The flag/, 'the flag').replace(/\.$/, '')} (see replica-tui --help)`);
	}
}

try {
	const cli = parseArguments();
	refuseSwitchValues(process.argv.slice(2), Object.entries(flagSpec).flatMap(([name, spec]) => (spec.type === 'boolean' ? [name] : [])));
	const known = new Set([...Object.keys(flagSpec), 'o', 'font-size', 'help', 'version']);
	const unknown = Object.keys(cli.unnormalizedFlags).find(flag => !known.has(flag));
	if (unknown) fail(`unknown flag ${unknown.length === 1 ? '-' : '--'}${unknown} (see replica-tui --help)`);
	// Meow only acts on --help and --version when they are the sole argument.
	if (cli.unnormalizedFlags['help'] === true) {
		const {modeHelpFor} = await import('./mode-help-for.js');
		const text = modeHelpFor(cli.input[0]);
		if (text === undefined) cli.showHelp(0);
		process.stdout.write(text!);
		process.exit(0);
	}

	if (cli.unnormalizedFlags['version'] === true) cli.showVersion();
	process.exitCode = await main(cli.input, cli.flags as Record<string, string | string[] | boolean | undefined>);
} catch (error) {
	if (error instanceof UsageError) fail(error.message);
	if (isBrokenPipe(error)) process.exit(0);
	restoreTerminal();
	process.stderr.write(`replica-tui: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
}
