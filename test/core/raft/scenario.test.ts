import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {raftMode} from '../../../source/core/raft/mode.js';
import {isSafe} from '../../../source/core/raft/safety/state.js';
import type {RaftState} from '../../../source/core/raft/types.js';
import {loadScenario} from '../../../source/scenario/bundled.js';
import {driveScenario} from '../../../source/scenario/drive.js';
import {parseRaftScenario} from './play.js';
import {act, claim, raft, until} from './helpers.js';

const directory = path.resolve('scenarios');
const files = readdirSync(directory).filter(name => name.startsWith('raft-') && name.endsWith('.scenario'));

describe('bundled Raft scenarios', () => {
	it('there are at least five', () => {
		expect(files.length).toBeGreaterThanOrEqual(5);
	});

	for (const name of files) {
		it(`${name}: plays to the end through the shell, every claim its captions make holds, and every lamp is green at the end`, async () => {
			const text = readFileSync(path.join(directory, name), 'utf8');
			const parsed = parseRaftScenario(text);
			expect(parsed.description).not.toBe('');
			expect(text).toMatch(/^mode raft$/m);
			// Each caption (one or two lines) is followed by expect lines that check it, before the next caption.
			let captionLine: number | undefined;
			let checked = true;
			for (const step of parsed.steps) {
				const directive = step.words[0];
				if (directive === 'caption') {
					if (captionLine !== undefined && captionLine !== step.line - 1) expect(checked, `caption before line ${step.line} has no expect`).toBe(true);
					if (captionLine === undefined || captionLine !== step.line - 1) checked = false;
					captionLine = step.line;
				} else if (directive === 'expect') {
					checked = true;
				}
			}

			expect(checked, 'the last caption has no expect').toBe(true);
			// A caption line fits an 80-column terminal (the shell indents it by one cell).
			for (const step of parsed.steps) if (step.words[0] === 'caption') expect([...step.text.slice('caption '.length)].length, step.text).toBeLessThanOrEqual(78);
			const {claims, session} = await driveScenario(loadScenario(name.replace(/\.scenario$/, '')));
			expect(claims.filter(item => item.failure !== undefined).map(item => `line ${item.line}: ${item.kind} ${item.text}: ${item.failure}`)).toEqual([]);
			expect(claims.filter(item => item.kind === 'expect').length).toBeGreaterThanOrEqual(5);
			expect(parsed.steps.filter(step => step.words[0] === 'caption').length).toBeGreaterThanOrEqual(4);
			// Every bundled Raft scenario ends with all lamps green (those about a bug step back before the end), and says so.
			expect(isSafe((session.sim as RaftState).safety)).toBe(true);
			expect(claims.at(-1)?.text === 'lamps green' || claims.slice(-6).some(item => item.text === 'lamps green')).toBe(true);
		});
	}
});

describe('scenario verbs', () => {
	const verb = (line: string) => raftMode.scenario.verb(line.split(' '));

	it('parse into actions', () => {
		expect(verb('crash S2')).toEqual({type: 'crash', server: 1});
		expect(verb('crash leader')).toEqual({type: 'crash', server: 'leader'});
		expect(verb('restart S5')).toEqual({type: 'restart', server: 4});
		expect(verb('timeout S1')).toEqual({type: 'timeout', server: 0});
		expect(verb('request')).toEqual({type: 'request'});
		expect(verb('request S3')).toEqual({type: 'request', server: 2});
		expect(verb('request leader')).toEqual({type: 'request', server: 'leader'});
		expect(verb('partition S1 S2 | S3 S4 S5')).toEqual({type: 'partition', groups: [[0, 1], [2, 3, 4]]});
		expect(verb('isolate leader')).toEqual({type: 'isolate', server: 'leader'});
		expect(verb('split minority')).toEqual({type: 'split', leaderSide: 'minority'});
		expect(verb('cut S1 S2')).toEqual({type: 'cut', from: 0, to: 1});
		expect(verb('cut S1->S2')).toEqual({type: 'cut', from: 0, to: 1});
		expect(verb('heal')).toEqual({type: 'heal'});
		expect(verb('drop next')).toEqual({type: 'drop', pick: {by: 'next'}});
		expect(verb('drop #12')).toEqual({type: 'drop', pick: {by: 'id', id: 12}});
		expect(verb('duplicate S1->* ae')).toEqual({type: 'duplicate', pick: {by: 'match', from: 0, to: 'any', type: 'AppendEntries'}});
		expect(verb('deliver client->S2')).toEqual({type: 'deliver', pick: {by: 'match', from: -1, to: 1}});
		expect(verb('delay S3->S1 vote 250ms')).toEqual({type: 'delay', pick: {by: 'match', from: 2, to: 0, type: 'RequestVote'}, ms: 250});
		expect(verb('loss 30%')).toEqual({type: 'loss', probability: 0.3});
		expect(verb('loss S2 0.5')).toEqual({type: 'loss', from: 1, probability: 0.5});
		expect(verb('loss S1->S2 1')).toEqual({type: 'loss', from: 0, to: 1, probability: 1});
		expect(verb('slow S2 100')).toEqual({type: 'slow', from: 1, ms: 100});
		expect(verb('set-log S2 1 1 4')).toEqual({type: 'set-log', server: 1, terms: [1, 1, 4]});
		expect(verb('set-term S1 8')).toEqual({type: 'set-term', server: 0, term: 8});
		expect(raftMode.scenario.verbs).toContain('partition');
	});

	it('refuse bad lines with a plain reason', () => {
		expect(verb('crash')).toBe('"crash" needs one server or "leader"');
		expect(verb('crash S9')).toMatch(/needs a server \(S1…S7\)/);
		expect(verb('partition S1 | S1 S2')).toBe('"partition": a server can be in one group only');
		expect(verb('split sideways')).toMatch(/majority or minority/);
		expect(verb('loss 140%')).toMatch(/probability/);
		expect(verb('drop S1->S2 gossip')).toMatch(/unknown message type "gossip"/);
		expect(verb('set-log S1 2 1')).toMatch(/never go down/);
		expect(verb('dance S1')).toMatch(/^unknown verb "dance"/);
	});

	it('know the cluster\'s size when given the config', () => {
		const config = raftMode.parseConfig({servers: '3'});
		expect(raftMode.scenario.verb(['crash', 'S5'], config)).toBe('"crash" needs a server (S1…S3) or "leader"');
		expect(raftMode.scenario.verb(['crash', 'S3'], config)).toEqual({type: 'crash', server: 2});
		expect(raftMode.scenario.condition(['leader', 'S4'], config)).toMatch(/not a server/);
		expect(raftMode.scenario.expectation(['log', 'S4', '1'], config)).toMatch(/say "log S2/);
	});
});

describe('scenario conditions and claims', () => {
	it('conditions wait for what they say', () => {
		let state = raft({seed: '7'});
		expect(claim(state, 'no leader')).toBeUndefined();
		state = until(state, 'leader');
		expect(claim(state, 'leader S3 term 1')).toBeUndefined();
		state = act(state, {type: 'request'});
		state = until(state, 'commit 1');
		state = until(state, 'applied 1 on S5');
		expect(state.servers[4]!.lastApplied).toBe(1);
		state = until(state, 'time 2000');
		expect(state.time).toBeGreaterThanOrEqual(2000);
	});

	it('claims check the state and say what is wrong', () => {
		let state = until(raft({seed: '7'}), 'leader S3');
		state = act(state, {type: 'request'});
		state = until(state, 'applied 1');
		expect(claim(state, 'leader S1')).toBe('S3 leads term 1, not S1');
		expect(claim(state, 'term S2 1')).toBeUndefined();
		expect(claim(state, 'term S2 4')).toBe("S2's term is 1");
		expect(claim(state, 'role S4 follower')).toBeUndefined();
		expect(claim(state, 'voted S4 S3')).toBeUndefined();
		expect(claim(state, 'voted S4 none')).toBe('S4 voted for S3');
		expect(claim(state, 'commit 1')).toBeUndefined();
		expect(claim(state, 'commit S1 1')).toBeUndefined();
		expect(claim(state, 'committed 1')).toBeUndefined();
		expect(claim(state, 'uncommitted 1')).toBe('index 1 is committed (commit index 1)');
		expect(claim(state, 'log S1 1')).toBeUndefined();
		expect(claim(state, 'log S1 1 1')).toBe("S1's log is 1");
		expect(claim(state, 'entry 1 term 1 on 5')).toBeUndefined();
		expect(claim(state, 'entry 1 term 2 on S1')).toBe('S1 has term 1 at 1');
		expect(claim(state, 'logs equal')).toBeUndefined();
		expect(claim(state, 'logs match')).toBeUndefined();
		expect(claim(state, 'machines agree')).toBeUndefined();
		expect(claim(state, 'acked 1')).toBeUndefined();
		expect(claim(state, 'elections 1')).toBeUndefined();
		expect(claim(act(state, {type: 'crash', server: 0}), 'role S1 crashed')).toBeUndefined();
		expect(claim(raft({servers: '3'}), 'term S5 0')).toBe('there is no S5 in a cluster of 3');
	});

	it('refuse what they cannot parse', () => {
		expect(raftMode.scenario.condition(['leader', 'S9'])).toMatch(/not a server/);
		expect(raftMode.scenario.condition(['sunrise'])).toMatch(/^unknown condition "sunrise"/);
		expect(raftMode.scenario.expectation(['log', 'S1', 'x'])).toMatch(/say "log S2 1 1 2"/);
		expect(raftMode.scenario.expectation(['entry', '3'])).toMatch(/entry 3 term 2 on/);
	});
});
