import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import {playScenario} from './scenario-runner.js';

const folder = path.resolve('scenarios');
const files = readdirSync(folder)
	.filter(file => file.startsWith('sourcing-') && file.endsWith('.scenario'))
	.map(file => path.join(folder, file));

describe('the sourcing scenarios', () => {
	test('there are at least four: code upgrade, clock, snapshots, bug fix', () => {
		const names = files.map(file => path.basename(file, '.scenario'));
		expect(names).toEqual(expect.arrayContaining(['sourcing-code-upgrade', 'sourcing-clock', 'sourcing-snapshots', 'sourcing-bug-fix']));
	});

	test.each(files)('%s plays through the mode, and every claim it expects holds', file => {
		const played = playScenario(file);
		expect(played.failures).toEqual([]);
		expect(played.flags.mode).toBe('sourcing');
		expect(played.description).not.toBe('');
	});

	test.each(files)('%s: every caption is followed by expect lines checking it, and fits 78 columns', file => {
		const played = playScenario(file);
		expect(played.captions.length).toBeGreaterThan(0);
		for (const caption of played.captions) {
			expect(caption.expects, `caption at line ${caption.line}: ${caption.text}`).not.toEqual([]);
		}

		const lines = readFileSync(file, 'utf8').split('\n').filter(line => line.startsWith('caption '));
		for (const line of lines) expect(stringWidth(line.slice('caption '.length)), line).toBeLessThanOrEqual(78);
	});

	test('a false claim fails: the runner really checks expectations', () => {
		const original = files.find(file => file.endsWith('sourcing-code-upgrade.scenario'))!;
		const text = readFileSync(original, 'utf8').replace('expect cmd balance B 42', 'expect cmd balance B 43');
		const copy = path.join(mkdtempSync(path.join(tmpdir(), 'sourcing-')), 'false-claim.scenario');
		writeFileSync(copy, text);
		const played = playScenario(copy);
		expect(played.failures).toHaveLength(1);
		expect(played.failures[0]).toContain('cmd balance of B is 42');
	});
});
