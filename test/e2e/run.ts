import {spawnSync, type SpawnSyncOptions} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = path.join(root, 'dist', 'cli.js');

if (!existsSync(cli)) throw new Error(`${cli} is missing: build first with \`npx tsc -p .\` (npm test does it)`);

export type Result = {code: number | null; stdout: string; stderr: string};

/**
 * The environment of the test process minus the variables that change Ink's output, and minus NODE_ENV, which vitest
 * sets to "test": the binary then loads React's production build, as it does when a user starts it (see cli.tsx).
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env = {...process.env, ...extra};
	delete env.CI;
	delete env.CONTINUOUS_INTEGRATION;
	if (!('NODE_ENV' in extra)) delete env.NODE_ENV;
	return env;
}

/** Runs `node dist/cli.js ...args` with stdin, stdout and stderr piped (so never a terminal). */
export function run(args: readonly string[], options: SpawnSyncOptions = {}): Result {
	const result = spawnSync(process.execPath, [cli, ...args], {
		cwd: root,
		encoding: 'utf8',
		input: '',
		timeout: 20_000,
		maxBuffer: 64 * 1024 * 1024,
		...options,
		env: cleanEnv(options.env),
	});
	if (result.error) throw result.error;
	return {code: result.status, stdout: String(result.stdout), stderr: String(result.stderr)};
}

/** Runs a headless `--json` report and parses it. */
export function runJson(args: readonly string[]): Report {
	const result = run([...args, '--json']);
	if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.stderr}`);
	return JSON.parse(result.stdout) as Report;
}

export type ReplicaReport = {
	name: string;
	status: string;
	glyph: string;
	word: string;
	detail: string;
	applied: number;
	behind: number;
	crashed: boolean;
	armed: string[];
	state: unknown;
	summary: string;
	digest: string;
	faults: Array<{type: string; beforeInput: number}>;
	checkedAt: number | null;
	agrees: boolean | null;
	agreesSince: number | null;
	divergedSince: number | null;
	firstDivergence: number | null;
	lastDivergence: {from: number; to: number} | null;
};

export type Report = {
	seed: number;
	model: string;
	replicaCount: number;
	inputs: number;
	replicas: ReplicaReport[];
	quorum: {
		index: number;
		outcome: string;
		decided: boolean;
		agree: number;
		needed: number;
		tolerates: number;
		value: string | null;
		digest: string | null;
		values: Array<{replicas: string[]; value: string; digest: string}>;
		cannotReport: Array<{name: string; reason: string}>;
		flagged: Array<{name: string; reason: string; divergedSince: number | null; applied: number; behind: number}>;
		decisionLine: string;
		outOfLineLine: string;
	};
};
