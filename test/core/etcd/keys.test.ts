import {describe, expect, it} from 'vitest';
import {etcdHints, etcdKeyAction, etcdMenu} from '../../../source/core/etcd/keys.js';
import {etcdCondition, etcdVerb} from '../../../source/core/etcd/scenario.js';
import {createEtcdState, observe} from '../../../source/core/etcd/observe.js';
import {clusterInfo, healthy, member, poll} from './fixtures.js';

const state = observe(createEtcdState(clusterInfo(3)), healthy(100, 0, 2, 5));
const ui = (selected: number) => ({selected, cursor: 0});
const key = (input: string) => ({input});

describe('etcd keys (the Raft mode\'s where they mean the same)', () => {
	it('act on the selected member', () => {
		expect(etcdKeyAction(state, key('x'), ui(2))).toEqual({action: {type: 'crash', member: 2}});
		expect(etcdKeyAction(state, key('z'), ui(1))).toEqual({action: {type: 'pause', member: 1}});
		expect(etcdKeyAction(state, key('v'), ui(0))).toEqual({action: {type: 'stale-read', member: 0}});
		expect(etcdKeyAction(state, key('r'), ui(0))).toEqual({action: {type: 'write-one'}});
		expect(etcdKeyAction(state, key('w'), ui(0))).toEqual({action: {type: 'writes', on: false}});
		expect(etcdKeyAction(state, key('p'), ui(0))).toEqual({menu: 'network'});
		expect(etcdKeyAction(state, key('l'), ui(0))).toEqual({menu: 'links'});
		expect(etcdKeyAction(state, key('f'), ui(0))).toEqual({menu: 'faults'});
		expect(etcdKeyAction(state, key('q'), ui(0))).toBeUndefined();
		expect(etcdKeyAction(state, {input: 'x', ctrl: true}, ui(0))).toBeUndefined();
	});

	it('the network menu isolates the selected member or the leader, splits around the leader, heals', () => {
		const menu = etcdMenu(state, 'network', ui(2));
		const item = (k: string) => menu.items.find(entry => entry.key === k)!;
		expect(item('i').action).toEqual({type: 'isolate', member: 2});
		expect(item('l')).toMatchObject({label: 'isolate the leader (m1)', action: {type: 'isolate', member: 'leader'}});
		expect(item('m')).toMatchObject({label: 'split: m1 m2 | m3', action: {type: 'split', leaderSide: 'majority'}});
		expect(item('n')).toMatchObject({label: 'split: m1 | m2 m3', action: {type: 'split', leaderSide: 'minority'}});
		expect(item('h').disabled).toBe('no partition or delay to heal');
	});

	it('the links menu slows the selected member\'s links, or its link to the leader', () => {
		const menu = etcdMenu(state, 'links', ui(1));
		expect(menu.items.map(entry => entry.action)).toEqual([
			{type: 'delay', a: 1, ms: 100},
			{type: 'delay', a: 1, ms: 300},
			{type: 'delay', a: 1, b: 0, ms: 300},
			{type: 'delay', a: 1, ms: 0},
		]);
		expect(etcdMenu(state, 'links', ui(0)).items.find(entry => entry.key === 'l')!.disabled).toBe('m1 is the leader');
	});

	it('crash becomes restart on a down member, pause becomes resume on a paused one', () => {
		const down = observe(state, poll(200, [member(0, {role: 'leader', input: 5}), member(1, {process: 'down'}), member(2, {process: 'paused'})]));
		expect(etcdKeyAction(down, key('x'), ui(1))).toEqual({action: {type: 'restart', member: 1}});
		expect(etcdKeyAction(down, key('z'), ui(2))).toEqual({action: {type: 'resume', member: 2}});
		expect(etcdHints(down, ui(1))[0]).toEqual({keys: 'x', label: 'restart'});
		expect(etcdHints(down, ui(2))[1]).toEqual({keys: 'z', label: 'resume'});
		// A key that cannot act now opens the menu, which says why.
		expect(etcdKeyAction(down, key('z'), ui(1))).toEqual({menu: 'faults'});
		expect(etcdMenu(down, 'faults', ui(1)).items.find(entry => entry.key === 'z')!.disabled).toBe('m2 is down');
	});

	it('an attached cluster refuses every fault and write with the reason, and still reads', () => {
		const attached = observe(createEtcdState(clusterInfo(3, {owned: false, writes: false})), healthy(100, 0, 2, 0));
		expect(etcdKeyAction(attached, key('x'), ui(0))).toEqual({menu: 'faults'});
		expect(etcdKeyAction(attached, key('v'), ui(0))).toEqual({action: {type: 'stale-read', member: 0}});
		for (const name of ['faults', 'network', 'links']) {
			for (const item of etcdMenu(attached, name, ui(0)).items.filter(entry => entry.key !== 'v' || name !== 'faults')) expect(item.disabled).toContain('attached');
		}

		expect(etcdHints(attached).map(hint => hint.keys)).toEqual(['v']);
	});
});

describe('etcd scenario words', () => {
	it('verbs', () => {
		expect(etcdVerb(['crash', 'leader'])).toEqual({type: 'crash', member: 'leader'});
		expect(etcdVerb(['restart', 'm2'])).toEqual({type: 'restart', member: 1});
		expect(etcdVerb(['partition', 'm1', 'm2', '|', 'm3'])).toEqual({type: 'partition', groups: [[0, 1], [2]]});
		expect(etcdVerb(['delay', 'm1', 'm2', '200'])).toEqual({type: 'delay', a: 0, b: 1, ms: 200});
		expect(etcdVerb(['writes', 'off'])).toEqual({type: 'writes', on: false});
		expect(etcdVerb(['split', 'minority'])).toEqual({type: 'split', leaderSide: 'minority'});
		expect(etcdVerb(['slow', 'm1->m2', '100ms'])).toEqual({type: 'delay', a: 0, b: 1, ms: 100});
		expect(etcdVerb(['slow', 'leader', '50ms'])).toEqual({type: 'delay', a: 'leader', ms: 50});
		expect(etcdVerb(['request'])).toEqual({type: 'write-one'});
		expect(etcdVerb(['split'])).toContain('majority or minority');
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
