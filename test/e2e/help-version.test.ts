import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {cellMetrics} from '../../source/record/draw-frame.js';
import {root, run} from './run.js';

const {version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string};

describe('--help and --version', () => {
	test('--help prints the usage with every flag, model and fault, and exits 0', () => {
		const {code, stdout, stderr} = run(['--help']);
		expect(code).toBe(0);
		expect(stderr).toBe('');
		for (const flag of ['--replicas', '--model', '--seed', '--rate', '--paused', '--fault', '--steps', '--json', '--trace', '--record', '--theme', '--output', '--size', '--font-size', '--help', '--version']) {
			expect(stdout).toContain(flag);
		}

		// The commands, and the limits and defaults a user needs before trying them.
		for (const command of ['scenarios [mode]', 'play <name|file>', 'record <name|file> -o OUT.gif', 'record FILE.cast -o OUT.gif', 'run <name|file>', 'check <name|file>...', 'course [--pace N]', 'course --record DIR [--topic ID | <name>...]']) expect(stdout).toContain(command);
		expect(stdout).toMatch(/--rate R +inputs per second, 0\.25 to 10000/);
		expect(stdout).toMatch(/--font-size PX +the GIF's font size \(default 20/);
		// The width it states is the width a recording has.
		const stated = Number(/an 80×24 GIF is ([\d,]+) px wide/.exec(stdout)?.[1]?.replace(',', ''));
		expect(stated).toBe(80 * cellMetrics(20).cellWidth);
		expect(stdout).toMatch(/dark \(default\), light or high-contrast; NO_COLOR=1 turns colour off/);
		expect(stdout).toMatch(/space run\/pause · s step · b back · 0 restart/);
		// Every registered mode is listed with what it teaches.
		expect(stdout).toMatch(/^ +voting +replicas of a deterministic state machine/m);

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
