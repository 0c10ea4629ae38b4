import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {root, run} from './run.js';

const {version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string};

describe('--help and --version', () => {
	test('--help prints the usage with every flag, model and fault, and exits 0', () => {
		const {code, stdout, stderr} = run(['--help']);
		expect(code).toBe(0);
		expect(stderr).toBe('');
		for (const flag of ['--replicas', '--model', '--seed', '--rate', '--paused', '--fault', '--steps', '--json', '--trace', '--help', '--version']) {
			expect(stdout).toContain(flag);
		}

		for (const model of ['bank', 'chain', 'kv']) expect(stdout).toMatch(new RegExp(`^ +${model} +\\S`, 'm'));
		for (const fault of ['skip', 'flaky', 'corrupt', 'crash', 'lag', 'reorder']) expect(stdout).toMatch(new RegExp(`^ +${fault} +\\S`, 'm'));
	});

	test('--version prints the package version and exits 0', () => {
		const {code, stdout, stderr} = run(['--version']);
		expect(code).toBe(0);
		expect(stderr).toBe('');
		expect(stdout.trim()).toBe(version);
	});

	test('--help and --version win even with other flags', () => {
		const help = run(['--seed', '7', '--steps', '3', '--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('--replicas');
		const shown = run(['--steps', '3', '--version']);
		expect(shown.code).toBe(0);
		expect(shown.stdout.trim()).toBe(version);
	});
});
