import {describe, expect, it} from 'vitest';
import {raftMode} from '../../../source/core/raft/mode.js';
import {act, claim, raft, until} from './helpers.js';

const verb = (line: string) => raftMode.scenario.verb(line.split(' '), {servers: 5});

describe('the safety lab\'s scenario lines', () => {
	it('verbs switch a bug, PreVote and the back-off rule; bad ones say what is wrong', () => {
		expect(verb('bug old-term-commit on')).toEqual({type: 'bug', bug: 'old-term-commit', on: true});
		expect(verb('bug forget-vote off')).toEqual({type: 'bug', bug: 'forget-vote', on: false});
		expect(verb('bug forget-vote')).toEqual({type: 'bug', bug: 'forget-vote', on: true});
		expect(verb('prevote on')).toEqual({type: 'prevote', on: true});
		expect(verb('backoff term')).toEqual({type: 'backoff', backoff: 'term'});
		expect(verb('bug nonsense on')).toMatch(/^"bug" needs a bug and on or off/);
		expect(verb('prevote maybe')).toMatch(/needs on or off/);
		expect(verb('backoff two')).toMatch(/needs one \(Figure 2\) or term/);
	});

	it('claims about the lamps, halting, liveness, and the leader\'s view of a follower', () => {
		let state = until(raft({servers: '3', seed: '7'}), 'leader S3');
		expect(claim(state, 'lamps green')).toBeUndefined();
		expect(claim(state, 'lamp ES green')).toBeUndefined();
		expect(claim(state, 'lamp ES red')).toBe('ES Election Safety holds (✓ES)');
		expect(claim(state, 'halted')).toMatch(/^event \d+ broke no property$/);
		expect(claim(state, 'next S3 S1 1')).toBeUndefined();
		expect(claim(state, 'match S3 S1 0')).toBeUndefined();
		expect(claim(state, 'next S1 S3 1')).toBe('S1 is not leading');
		state = until(state, 'match S3 S1 0');
		state = act(state, {type: 'request', server: 2});
		state = until(state, 'match S3 S1 1');
		expect(claim(state, 'match S3 S1 1')).toBeUndefined();
		const sent = state.servers[2]!.appendsSent[0]!;
		expect(sent).toBeGreaterThanOrEqual(2);
		expect(claim(state, `appends S3->S1 ${sent}`)).toBeUndefined();
		expect(claim(state, `appends S3->S1 ${sent + 1}`)).toBe(`S3 has sent S1 ${sent} AppendEntries in term 1`);
		expect(claim(state, 'no leader for 100ms')).toBe('a leader leads the highest term');
		const stuck = until(raft({seed: '3', bug: ['fixed-timeout']}), 'time 1000');
		expect(claim(stuck, 'no leader for 900ms')).toBeUndefined();
		expect(claim(stuck, 'no leader for 5s')).toMatch(/^no leader for \d+ ms$/);
		expect(claim(stuck, 'elections 20 in 2s')).toBeUndefined();
		expect(claim(stuck, 'elections 500 in 2s')).toMatch(/elections started in the last 2000 ms$/);
	});

	it('claims that cannot be parsed say how to write them', () => {
		expect(raftMode.scenario.expectation(['lamp', 'XX', 'red'])).toMatch(/^say "lamp SM red"/);
		expect(raftMode.scenario.expectation(['lamps', 'red'])).toMatch(/^say "lamps green"/);
		expect(raftMode.scenario.expectation(['appends', 'S1', '3'])).toMatch(/^say "appends S1->S3 7"/);
		expect(raftMode.scenario.expectation(['no', 'leader', 'for', 'ever'])).toMatch(/^say "no leader for 900ms"/);
		expect(raftMode.scenario.condition(['no', 'leader'])).not.toBeTypeOf('string');
	});
});
