import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import {shownText} from '../../../source/core/sourcing/scenario.js';
import type {SourcingState} from '../../../source/core/sourcing/state.js';
import {playScenario, type Played} from './scenario-runner.js';

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

describe('what a caption says is on the 80×24 screen it stands over, under its two rows', () => {
	const file = (name: string) => files.find(each => each.endsWith(`${name}.scenario`))!;
	/** The state a caption is shown over: the one its first claim is checked on. */
	const under = (played: Played, words: string): SourcingState => {
		const caption = played.captions.find(each => each.text.includes(words));
		expect(caption, `a caption says "${words}"`).toBeDefined();
		const line = [...played.states.keys()].find(each => each > caption!.line)!;
		return played.states.get(line)!;
	};

	test('sourcing-code-upgrade: "the replay sent nothing" stands over the suppressed messages that no longer match', () => {
		const shown = shownText(under(playScenario(file('sourcing-code-upgrade')), 'the replay sent nothing'));
		expect(shown).toContain('⊘ suppressed 50 cmd / 52 evt messages; 11 sent earlier no longer match');
		expect(shown).toContain('re-decided 8 of 30');
	});

	test('sourcing-schema: "neither pipeline changed" stands over a replay that changed nothing (no code upgrade mixed in)', () => {
		const played = playScenario(file('sourcing-schema'));
		const shown = shownText(under(played, 'five upcast'));
		expect(shown).toContain('5 upcast');
		expect(shown).toContain('cmd unchanged');
		expect(shown).toContain('pipelines agree');
		expect(shown).not.toContain('✎');
		expect(shown).not.toContain('disagree');
	});

	test('sourcing-snapshots: "only #21–#30 re-ran under v2" and C\'s change are on the screen, not only in the caption', () => {
		const shown = shownText(under(playScenario(file('sourcing-snapshots')), 'only #21–#30'));
		expect(shown).toContain('only #21–#30 re-ran under v2');
		expect(shown).toContain('cmd c 71 → 36: v2\'s overdraft limit accepted a transfer v1 rejected (#21)');
	});
});
