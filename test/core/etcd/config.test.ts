import {describe, expect, it} from 'vitest';
import {UsageError} from '../../../source/core/engine/usage-error.js';
import {parseEtcdConfig} from '../../../source/core/etcd/config.js';
import {parseEtcdFaultSpec, resolveScheduledFault, splitGroups} from '../../../source/core/etcd/fault-schedule.js';

const error = (flags: Record<string, string | string[] | boolean>) => {
	try {
		parseEtcdConfig(flags);
	} catch (caught) {
		expect(caught).toBeInstanceOf(UsageError);
		return (caught as Error).message;
	}

	throw new Error('no error');
};

describe('etcd flags', () => {
	it('defaults to a fresh 3-member cluster, seed 1', () => {
		expect(parseEtcdConfig({})).toEqual({members: 3, seed: 1, rate: undefined, preVote: false, endpoints: undefined, paused: false, steps: undefined, json: false, faults: []});
	});

	it('reads members, seed, rate, pre-vote, steps, json and faults', () => {
		const config = parseEtcdConfig({members: '5', seed: '9', rate: '20', preVote: true, steps: '100', json: true, fault: ['leader:crash@10', 'restart@20']});
		expect(config).toMatchObject({members: 5, seed: 9, rate: 20, preVote: true, steps: 100, json: true});
		expect(config.faults.map(fault => fault.spec)).toEqual(['leader:crash@10', 'restart@20']);
	});

	it('attaches to endpoints, named as URLs', () => {
		const config = parseEtcdConfig({endpoints: '127.0.0.1:2379, http://localhost:22379'});
		expect(config.endpoints).toEqual(['http://127.0.0.1:2379', 'http://localhost:22379']);
		expect(config.members).toBe(2);
	});

	it('refuses bad values in one plain line', () => {
		expect(error({members: '0'})).toBe('--members must be from 1 to 7, not 0');
		expect(error({members: 'three'})).toContain('whole number');
		expect(error({rate: '-1'})).toContain('--rate must be');
		expect(error({json: true})).toContain('--json needs --steps');
		expect(error({endpoints: 'https://127.0.0.1:2379'})).toContain('only http://');
		expect(error({endpoints: 'http://127.0.0.1'})).toContain('host:port');
		expect(error({endpoints: '127.0.0.1:2379', fault: ['2:crash']})).toContain('read-only');
		expect(error({endpoints: '127.0.0.1:2379', members: '3'})).toContain('--members');
		expect(error({fault: ['9:crash']})).toContain('names m9, but there are 3 members');
		expect(error({fault: ['crash']})).toContain('say which member');
		expect(error({fault: ['2:explode']})).toContain('unknown fault "explode"');
		expect(error({fault: ['2:delay@4']})).toContain('say how long');
	});
});

describe('fault schedule', () => {
	it('parses member, leader and all targets', () => {
		expect(parseEtcdFaultSpec('m2:pause@7', 3)).toMatchObject({target: 1, kind: 'pause', atIndex: 7});
		expect(parseEtcdFaultSpec('leader:isolate', 3)).toMatchObject({target: 'leader', kind: 'isolate', atIndex: 0});
		expect(parseEtcdFaultSpec('restart@40', 3)).toMatchObject({target: 'all', kind: 'restart', atIndex: 40});
		expect(parseEtcdFaultSpec('3:delay=250@5', 3)).toMatchObject({target: 2, kind: 'delay', ms: 250});
	});

	it('resolves to controller actions; the leader stays a reference', () => {
		const context = {down: [0, 2], paused: []};
		expect(resolveScheduledFault(parseEtcdFaultSpec('leader:crash@3', 3) as never, context)).toEqual([{type: 'crash', member: 'leader'}]);
		expect(resolveScheduledFault(parseEtcdFaultSpec('restart@3', 3) as never, context)).toEqual([{type: 'restart', member: 0}, {type: 'restart', member: 2}]);
		expect(resolveScheduledFault(parseEtcdFaultSpec('resume@3', 3) as never, context)).toBe('nothing to resume');
		expect(resolveScheduledFault(parseEtcdFaultSpec('split@3', 5) as never, context)).toEqual([{type: 'split', leaderSide: 'minority'}]);
	});

	it('a split puts the leader in a minority or a majority', () => {
		expect(splitGroups(1, 3)).toEqual([[1], [0, 2]]);
		expect(splitGroups(4, 5)).toEqual([[0, 4], [1, 2, 3]]);
		expect(splitGroups(0, 7)).toEqual([[0, 1, 2], [3, 4, 5, 6]]);
		expect(splitGroups(1, 3, 'majority')).toEqual([[1, 2], [0]]);
		expect(splitGroups(4, 5, 'majority')).toEqual([[0, 1, 4], [2, 3]]);
	});
});
