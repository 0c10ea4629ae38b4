import {describe, expect, it} from 'vitest';
import {UsageError} from '../../../source/core/engine/usage-error.js';
import {parseRaftConfig} from '../../../source/core/raft/config.js';
import {raftMode} from '../../../source/core/raft/mode.js';
import {inFlight} from '../../../source/core/raft/queries.js';
import {act, raft, until} from './helpers.js';

const key = (input: string) => ({input});

describe('keys and menus', () => {
	const state = until(until(raft({seed: '7'}), 'leader S3'), 'in-flight S3->S1');
	const ui = {selected: 1, cursor: 1};

	it('act on the selected server: crash or restart, timeout, request', () => {
		expect(raftMode.keyAction(state, key('x'), ui)).toEqual({action: {type: 'crash', server: 1}});
		expect(raftMode.keyAction(act(state, {type: 'crash', server: 1}), key('x'), ui)).toEqual({action: {type: 'restart', server: 1}});
		expect(raftMode.keyAction(state, key('t'), ui)).toEqual({action: {type: 'timeout', server: 1}});
		expect(raftMode.keyAction(state, key('r'), ui)).toEqual({action: {type: 'request'}});
		expect(raftMode.keyAction(state, key('R'), ui)).toEqual({action: {type: 'request', server: 1}});
		expect(raftMode.keyAction(state, key('Q'), ui)).toBeUndefined();
	});

	it('move the message cursor and act on the message under it', () => {
		expect(raftMode.keyAction(state, key(']'), ui)).toEqual({cursor: 1});
		expect(raftMode.keyAction(state, key('['), ui)).toEqual({cursor: -1});
		const id = inFlight(state)[1]!.message.id;
		expect(raftMode.keyAction(state, key('d'), ui)).toEqual({action: {type: 'drop', pick: {by: 'id', id}}});
		expect(raftMode.keyAction(state, key('g'), ui)).toEqual({action: {type: 'deliver', pick: {by: 'id', id}}});
		expect(raftMode.keyAction(state, key('m'), ui)).toEqual({menu: 'message'});
		const menu = raftMode.menu(state, 'message', ui);
		expect(menu.title).toMatch(new RegExp(`^message #${id}: `));
		expect(menu.items.map(item => item.key)).toEqual(['d', 'u', 'y', 'g']);
		expect(menu.items.find(item => item.key === 'y')!.action).toEqual({type: 'delay', pick: {by: 'id', id}, ms: 100});
		const empty = raftMode.menu(act(raft({servers: '3'}), {type: 'crash', server: 0}), 'message', ui);
		expect(empty.items.every(item => item.action === undefined && item.disabled)).toBe(true);
	});

	it('the network menu isolates, splits, heals and cuts one way from the selected server', () => {
		expect(raftMode.keyAction(state, key('p'), ui)).toEqual({menu: 'network'});
		const menu = raftMode.menu(state, 'network', ui);
		const byKey = Object.fromEntries(menu.items.map(item => [item.key, item]));
		expect(byKey.i!.action).toEqual({type: 'isolate', server: 1});
		expect(byKey.l!.label).toContain('(S3)');
		expect(byKey.n!.action).toEqual({type: 'split', leaderSide: 'minority'});
		expect(byKey.h!.action).toEqual({type: 'heal'});
		expect(byKey['1']!.action).toEqual({type: 'cut', from: 1, to: 0});
		expect(byKey['2']).toBeUndefined();
		const leaderless = raftMode.menu(raft(), 'network', ui);
		expect(leaderless.items.find(item => item.key === 'l')!.disabled).toBe('there is no leader');
	});

	it('hints and help name the mode\'s keys; the cursor counts the messages in flight', () => {
		expect(raftMode.hints(state, ui).map(hint => hint.keys)).toEqual(['x', 'r', 'v', 'p', '[ ]', 'm', 'B', 't', 'l']);
		expect(raftMode.help(state).map(entry => (typeof entry === 'string' ? entry : entry.join('  '))).join('\n')).toMatch(/x +crash the selected server/);
		expect(raftMode.cursorCount!(state)).toBe(inFlight(state).length);
		expect(raftMode.selectable(state)).toBe(5);
		const reserved = [' ', 's', '.', ',', 'b', '0', '+', '-', '?', 'q', ...'123456789'];
		for (const input of reserved) expect(raftMode.keyAction(state, key(input), ui)).toBeUndefined();
	});
});

describe('flags', () => {
	it('defaults: 5 servers, bank, 150–300 ms elections, 50 ms heartbeats, a few ms of latency', () => {
		expect(parseRaftConfig({})).toMatchObject({servers: 5, seed: 1, model: 'bank', electionMin: 150, electionMax: 300, heartbeat: 50, latencyMin: 2, latencyMax: 6, loss: 0, prevote: false, bugs: []});
		expect(raftMode.speedOf!(parseRaftConfig({}))).toBeUndefined();
		expect(raftMode.speeds.initial).toBe(100);
	});

	it('parses every flag', () => {
		const config = parseRaftConfig({servers: '7', seed: '9', model: 'kv', election: '200-400', heartbeat: '20', latency: '1-3', loss: '10%', workload: '0', requests: '9', batch: '2', prevote: true, backoff: 'term', bug: ['old-term-commit', 'forget-vote'], speed: '500'});
		expect(config).toEqual({servers: 7, seed: 9, model: 'kv', electionMin: 200, electionMax: 400, heartbeat: 20, latencyMin: 1, latencyMax: 3, loss: 0.1, workload: 0, requests: 9, batch: 2, prevote: true, backoff: 'term', bugs: ['old-term-commit', 'forget-vote'], speed: 500});
	});

	it('refuses bad values with one plain line', () => {
		const refuse = (flags: Record<string, string | string[]>, message: RegExp) => {
			expect(() => parseRaftConfig(flags)).toThrow(UsageError);
			expect(() => parseRaftConfig(flags)).toThrow(message);
		};

		refuse({servers: '9'}, /^--servers must be from 1 to 7, not 9$/);
		refuse({servers: 'five'}, /whole number/);
		refuse({model: 'abacus'}, /unknown --model "abacus"/);
		refuse({election: '300-150'}, /LOW ≤ HIGH/);
		refuse({loss: '2'}, /probability/);
		refuse({bug: ['typo']}, /unknown --bug "typo": choose from old-term-commit/);
		refuse({backoff: 'two'}, /--backoff/);
		refuse({seed: ['1', '2']}, /can only be given once/);
	});
});
