/** The etcd mode's scenario conditions that never name the leader, and the live reducer at a scenario's end; no etcd here. */
import {describe, expect, test} from 'vitest';
import {reduce, type AppState} from '../../../source/app-state.js';
import {createSession} from '../../../source/core/engine/session.js';
import {etcdMode} from '../../../source/core/etcd/mode.js';
import {createEtcdState, observe} from '../../../source/core/etcd/observe.js';
import {etcdCondition} from '../../../source/core/etcd/scenario.js';
import type {EtcdState} from '../../../source/core/etcd/state.js';
import type {ModeCondition} from '../../../source/core/engine/mode.js';
import {asShellMode} from '../../../source/live/shell-mode.js';
import {clusterInfo, healthy, member, poll, writer} from './fixtures.js';

const condition = (text: string) => etcdCondition(text.split(' ')) as ModeCondition<EtcdState>;
const holds = (text: string, state: EtcdState) => condition(text).check(state);

/** m1 leads term 2 with writes up to #5; then m1 is killed, and m2 leads term 3, first seen at #7, then at #9. */
function history(): EtcdState[] {
	let state = createEtcdState(clusterInfo());
	const states: EtcdState[] = [];
	const step = (next: Parameters<typeof observe>[1]) => {
		state = observe(state, next);
		states.push(state);
	};

	step(healthy(100, 0, 2, 5));
	step(poll(200, [member(0, {process: 'down'}), member(1, {role: 'leader', term: 3, input: 7}), member(2, {term: 3, lead: 1, input: 7})]));
	step(poll(300, [member(0, {process: 'down'}), member(1, {role: 'leader', term: 3, input: 9}), member(2, {term: 3, lead: 1, input: 9})]));
	return states;
}

describe('etcd conditions that never name the leader', () => {
	const [first, elected, writing] = history();
	test('one leader, new leader (a higher term than the first leader seen)', () => {
		expect(holds('one leader', first!)).toBeUndefined();
		expect(holds('new leader', first!)).toBe('m1 leads term 2, the first leader\'s term');
		expect(holds('new leader', elected!)).toBeUndefined();
	});

	test('leader takes writes: writes acknowledged since the current leader was first seen', () => {
		expect(holds('leader takes writes', elected!)).toBe('no write acknowledged since m2 took the lead (at #7)');
		expect(holds('leader takes writes', writing!)).toBeUndefined();
	});

	test('N members down counts without naming them', () => {
		expect(holds('1 member down', elected!)).toBeUndefined();
		expect(holds('0 members down', first!)).toBeUndefined();
		expect(holds('2 members down', elected!)).toBe('m1 is down');
		expect(holds('1 member paused', elected!)).toBe('no member is paused');
	});

	test('isolated: the member last cut off on its own, even after healing', () => {
		let state = observe(createEtcdState(clusterInfo()), healthy(100, 0, 2, 5));
		expect(holds('isolated', state)).toBe('no member is cut off on its own');
		expect(holds('isolated follower', state)).toBe('no member has been cut off on its own');
		state = observe(state, {...poll(200, [member(0, {term: 2, input: 5}), member(1, {role: 'leader', term: 3, input: 6}), member(2, {term: 3, lead: 1, input: 6})]), faults: {partition: [[0], [1, 2]], delays: []}});
		expect(holds('isolated', state)).toBeUndefined();
		expect(holds('isolated not leader', state)).toBeUndefined();
		expect(holds('isolated leader', state)).toBe('m1 (the member cut off) is follower');
		state = observe(state, healthy(300, 1, 3, 7));
		expect(holds('isolated', state)).toBe('no member is cut off on its own');
		expect(holds('isolated follower', state)).toBeUndefined();
	});
});

describe('the live reducer at the end of a scenario', () => {
	const state = observe(createEtcdState(clusterInfo()), {...healthy(100, 0, 2, 5), writer: writer(5)});
	const start: AppState = {session: createSession(asShellMode(etcdMode, 5), state, {paused: false}), quit: false, outbox: []};
	test('stops the writes (nothing runs on under the last caption), and space starts them again', () => {
		const ended = reduce(start, {action: {type: 'end'}});
		expect(ended.session.ended).toBe(true);
		expect(ended.outbox).toEqual([{type: 'writes', on: false}]);
		const resumed = reduce({...ended, session: {...ended.session, paused: true}}, {key: {input: ' '}});
		expect(resumed.outbox.at(-1)).toEqual({type: 'writes', on: true});
		expect(resumed.session.ended).toBe(false);
	});

	test('sends nothing when the writes are already off', () => {
		expect(reduce({...start, session: {...start.session, paused: true}}, {action: {type: 'end'}}).outbox).toEqual([]);
	});
});
