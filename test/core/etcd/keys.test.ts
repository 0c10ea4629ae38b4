import {describe, expect, it} from 'vitest';
import {etcdHints, etcdKeyAction, etcdMenu} from '../../../source/core/etcd/keys.js';
import {etcdCondition, etcdVerb} from '../../../source/core/etcd/scenario.js';
import {createEtcdState, observe} from '../../../source/core/etcd/observe.js';
import {clusterInfo, healthy, member, poll} from './fixtures.js';

const state = observe(createEtcdState(clusterInfo(3)), healthy(100, 0, 2, 5));
const ui = (selected: number) => ({selected, cursor: 0});
const key = (input: string) => ({input});

describe('etcd keys', () => {
	it('act on the selected member, or on the leader', () => {
		expect(etcdKeyAction(state, key('x'), ui(2))).toEqual({action: {type: 'crash', member: 2}});
		expect(etcdKeyAction(state, key('p'), ui(1))).toEqual({action: {type: 'pause', member: 1}});
		expect(etcdKeyAction(state, key('i'), ui(1))).toEqual({action: {type: 'isolate', member: 1}});
		expect(etcdKeyAction(state, key('l'), ui(2))).toEqual({action: {type: 'isolate', member: 'leader'}});
		expect(etcdKeyAction(state, key('m'), ui(2))).toEqual({action: {type: 'split'}});
		expect(etcdKeyAction(state, key('v'), ui(0))).toEqual({action: {type: 'stale-read', member: 0}});
		expect(etcdKeyAction(state, key('w'), ui(0))).toEqual({action: {type: 'writes', on: false}});
		expect(etcdKeyAction(state, key('d'), ui(0))).toEqual({menu: 'delay'});
		expect(etcdKeyAction(state, key('z'), ui(0))).toBeUndefined();
	});

	it('a key that cannot act now opens the menu, which says why', () => {
		expect(etcdKeyAction(state, key('r'), ui(1))).toEqual({menu: 'faults'});
		const menu = etcdMenu(state, 'faults', ui(1));
		expect(menu.items.find(item => item.key === 'r')).toMatchObject({disabled: 'm2 is running'});
		expect(menu.items.find(item => item.key === 'h')).toMatchObject({disabled: 'no partition or delay to heal'});
	});

	it('restart and resume follow what the member is', () => {
		const down = observe(state, poll(200, [member(0, {role: 'leader', input: 5}), member(1, {process: 'down'}), member(2, {process: 'paused'})]));
		expect(etcdKeyAction(down, key('r'), ui(1))).toEqual({action: {type: 'restart', member: 1}});
		expect(etcdKeyAction(down, key('r'), ui(2))).toEqual({action: {type: 'resume', member: 2}});
		expect(etcdKeyAction(down, key('p'), ui(2))).toEqual({action: {type: 'resume', member: 2}});
		expect(etcdKeyAction(down, key('x'), ui(1))).toEqual({menu: 'faults'});
	});

	it('an attached cluster refuses every fault with the reason', () => {
		const attached = observe(createEtcdState(clusterInfo(3, {owned: false, writes: false})), healthy(100, 0, 2, 0));
		expect(etcdKeyAction(attached, key('x'), ui(0))).toEqual({menu: 'faults'});
		const menu = etcdMenu(attached, 'faults', ui(0));
		for (const item of menu.items.filter(entry => entry.key !== 'v')) expect(item.disabled).toContain('attached');
		expect(etcdHints(attached).map(hint => hint.keys)).toEqual(['v']);
	});

	it('hints lead with the faults', () => {
		expect(etcdHints(state).slice(0, 3).map(hint => hint.label)).toEqual(['crash', 'restart', 'pause']);
	});
});

describe('etcd scenario words', () => {
	it('verbs', () => {
		expect(etcdVerb(['crash', 'leader'])).toEqual({type: 'crash', member: 'leader'});
		expect(etcdVerb(['restart', 'm2'])).toEqual({type: 'restart', member: 1});
		expect(etcdVerb(['partition', 'm1', 'm2', '|', 'm3'])).toEqual({type: 'partition', groups: [[0, 1], [2]]});
		expect(etcdVerb(['delay', 'm1', 'm2', '200'])).toEqual({type: 'delay', a: 0, b: 1, ms: 200});
		expect(etcdVerb(['writes', 'off'])).toEqual({type: 'writes', on: false});
		expect(etcdVerb(['partition', 'm1', '|', 'm1'])).toContain('twice');
		expect(etcdVerb(['crash'])).toContain('one member');
		expect(etcdVerb(['fly'])).toContain('unknown etcd verb');
	});

	it('conditions are checked against the observed state', () => {
		const check = (words: string[], at = state) => {
			const condition = etcdCondition(words);
			if (typeof condition === 'string') throw new Error(condition);
			return condition.check(at);
		};

		expect(check(['leader'])).toBeUndefined();
		expect(check(['leader', 'm1'])).toBeUndefined();
		expect(check(['leader', 'm2'])).toBe('m1 leads');
		expect(check(['term', '2'])).toBeUndefined();
		expect(check(['term', '3'])).toBe('the leader is in term 2');
		expect(check(['converged'])).toBeUndefined();
		expect(check(['m2', 'follower'])).toBeUndefined();
		expect(check(['checks', 'hold'])).toBeUndefined();
		const behind = observe(state, poll(200, [member(0, {role: 'leader', input: 7}), member(1, {input: 7}), member(2, {input: 6})]));
		expect(check(['converged'], behind)).toBe('m3 is at #6, the writer at #7');
		expect(etcdCondition(['sideways'])).toContain('unknown etcd condition');
	});
});
