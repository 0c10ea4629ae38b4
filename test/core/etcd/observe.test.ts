import {describe, expect, it} from 'vitest';
import {createEtcdState, observe} from '../../../source/core/etcd/observe.js';
import {eventLimit, type EtcdState} from '../../../source/core/etcd/state.js';
import type {Poll} from '../../../source/core/etcd/types.js';
import {clusterInfo, healthy, keysAt, member, poll, seed} from './fixtures.js';

const run = (polls: readonly Poll[], state: EtcdState = createEtcdState(clusterInfo())) => polls.reduce(observe, state);
const texts = (state: EtcdState) => state.events.map(event => event.text);

describe('observe: roles and events in plain words', () => {
	it('names the first leader and the followers as they come up', () => {
		const state = run([healthy(400, 1, 2, 0)]);
		expect(state.members.map(entry => entry.role)).toEqual(['follower', 'leader', 'follower']);
		expect(state.leader).toMatchObject({member: 1, term: 2});
		expect(texts(state)).toContain('m2 became leader in term 2');
		expect(texts(state)).toContain('m1 is up: follower in term 2, leader m2');
	});

	it('a killed leader is down; the next leader says how long no leader was seen', () => {
		const after = run([
			healthy(100, 0, 2, 5),
			poll(200, [member(0, {process: 'down'}), member(1, {role: 'follower', term: 2, input: 5}), member(2, {role: 'follower', term: 2, input: 5})]),
			poll(300, [member(0, {process: 'down'}), member(1, {role: 'candidate', term: 3, input: 5}), member(2, {role: 'follower', term: 2, input: 5})]),
			poll(450, [member(0, {process: 'down'}), member(1, {role: 'leader', term: 3, input: 5}), member(2, {role: 'follower', term: 3, lead: 1, input: 5})]),
		]);
		expect(texts(after)).toEqual(expect.arrayContaining(['m1 is down', 'm2 is a candidate in term 3: it asks for votes', 'm2 became leader in term 3 (no leader seen for 0.25 s)']));
		expect(after.members[0]!.role).toBe('down');
		// A down member keeps what it showed last, so the column can say where it stopped.
		expect(after.members[0]!.term).toBe(2);
		expect(after.leader).toMatchObject({member: 1, term: 3, since: 450});
		expect(after.leaderlessSince).toBeUndefined();
	});

	it('says when a member is paused, does not answer, or comes back', () => {
		const after = run([
			healthy(100, 0, 2, 5),
			poll(200, [member(0, {role: 'leader', term: 2, input: 6}), member(1, {process: 'paused'}), member(2, {error: 'timed out after 250 ms'})]),
			healthy(300, 0, 2, 7),
		]);
		expect(texts(after)).toEqual(expect.arrayContaining(['m2 is paused (SIGSTOP): it answers nobody', 'm3 does not answer (timed out after 250 ms)', 'm2 is back: follower in term 2, applied 15']));
	});

	it('an isolated old leader still leading a lower term is not a second leader of the same term', () => {
		const after = run([
			healthy(100, 0, 2, 5),
			poll(500, [member(0, {role: 'leader', term: 2, input: 5}), member(1, {role: 'leader', term: 3, input: 6}), member(2, {role: 'follower', term: 3, lead: 1, input: 6})]),
		]);
		expect(after.violationCount).toBe(0);
		expect(after.leader).toMatchObject({member: 1, term: 3});
	});

	it('reports the leader\'s view of a follower falling behind and catching up', () => {
		const lagging = (at: number, match: number) =>
			poll(at, [
				member(0, {role: 'leader', term: 2, commit: 150, input: 40, progress: [{match: 150, next: 151, state: 'replicate'}, {match: 150, next: 151, state: 'replicate'}, {match, next: match + 1, state: 'probe'}]}),
				member(1, {role: 'follower', term: 2, lead: 0, commit: 150, input: 40}),
				member(2, {role: 'follower', term: 2, lead: 0, commit: match, input: 30}),
			]);
		const behind = run([healthy(100, 0, 2, 30), lagging(200, 30)]);
		expect(texts(behind)).toContain('m1 sees m3 120 entries behind (match 30 of 150)');
		expect(behind.members[2]!.reportedBehind).toBe(true);
		const caughtUp = observe(behind, lagging(300, 150));
		expect(caughtUp.events.at(-1)!.text).toBe('m1 sees m3 caught up (match 150)');
	});

	it('controller notes become events in the order they came', () => {
		const after = run([poll(100, [member(0, {role: 'leader'}), member(1, {}), member(2, {})], {notes: [{text: 'killed m2 (SIGKILL to pid 42)', tone: 'bad'}, {text: 'restarted m2'}]})]);
		expect(texts(after).slice(0, 2)).toEqual(['killed m2 (SIGKILL to pid 42)', 'restarted m2']);
	});

	it('keeps a bounded number of events', () => {
		const polls = Array.from({length: 3 * eventLimit}, (_, i) => poll(100 * (i + 1), [member(0, {role: 'leader'}), member(1, {}), member(2, {})], {notes: [{text: `note ${i}`}]}));
		const after = run(polls);
		expect(after.events.length).toBe(eventLimit);
		expect(after.events.at(-1)!.text).toBe(`note ${3 * eventLimit - 1}`);
	});

	it('with only the status API, takes the role from the leader it names and marks the term as the applied entry\'s', () => {
		const after = run([poll(100, [member(0, {role: 'leader', statusOnly: true, term: 4}), member(1, {statusOnly: true, lead: 0, term: 4}), member(2, {statusOnly: true, lead: 0, term: 4})])]);
		expect(after.members.map(entry => entry.role)).toEqual(['leader', 'follower', 'follower']);
		expect(after.members[0]!.termIsCurrent).toBe(false);
	});

	it('is a pure function of the polls', () => {
		const polls = [healthy(100, 0, 2, 3), poll(200, [member(0, {process: 'down'}), member(1, {role: 'candidate', term: 3, input: 3}), member(2, {input: 3})]), healthy(300, 1, 3, 4)];
		expect(run(polls)).toEqual(run(polls));
	});
});

describe('observe: the safety checks', () => {
	it('two leaders in one term is a finding', () => {
		const after = run([healthy(100, 0, 2, 1), poll(200, [member(0, {role: 'leader', term: 2, input: 1}), member(1, {role: 'leader', term: 2, input: 1}), member(2, {term: 2, input: 1})])]);
		expect(after.violationCount).toBe(1);
		expect(after.violations[0]!.text).toBe('⚠ two leaders in term 2: m1 and m2');
		expect(after.leadersByTerm).toEqual([{term: 2, members: [0, 1]}]);
	});

	it('a term or applied index going down is a finding; staying or rising is not', () => {
		const ok = run([healthy(100, 0, 3, 5), healthy(200, 0, 3, 5), healthy(300, 0, 4, 6)]);
		expect(ok.violationCount).toBe(0);
		const termDown = observe(ok, healthy(400, 0, 3, 6));
		expect(termDown.violations.map(finding => finding.text)).toEqual(expect.arrayContaining(['⚠ m1\'s term went down from 4 to 3']));
		const appliedDown = observe(ok, healthy(400, 0, 4, 2));
		expect(appliedDown.violations.map(finding => finding.text)).toContain('⚠ m2\'s applied index went down from 14 to 10');
	});

	it('keys unlike the model after the same input are a finding, reported once, and agreeing again is news', () => {
		const wrong = {values: [1, 2, 3, 4, 5], lastInput: 6};
		const bad = (at: number) => poll(at, [member(0, {role: 'leader', input: 6}), member(1, {input: 6, kv: wrong}), member(2, {input: 6})]);
		const once = run([healthy(100, 0, 2, 6), bad(200), bad(300)]);
		expect(once.violationCount).toBe(1);
		expect(once.violations[0]!.text).toBe('⚠ m2\'s keys differ from the model after input #6');
		const fixed = observe(once, healthy(400, 0, 2, 6));
		expect(fixed.events.at(-1)!.text).toBe('m2\'s keys agree with the model again (#6)');
	});

	it('a member behind the others but equal to the model at its own input is fine', () => {
		const after = run([poll(100, [member(0, {role: 'leader', input: 9}), member(1, {input: 9}), member(2, {input: 4, kv: keysAt(4)})])]);
		expect(after.violationCount).toBe(0);
		expect(after.expected?.index).toBe(9);
	});

	it('the model follows the writer, from the seed', () => {
		const after = run([healthy(100, 0, 2, 12)]);
		expect(after.expected).toMatchObject({seed, index: 12});
	});
});
