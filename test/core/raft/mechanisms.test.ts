/**
 * Claims that a mechanism happened (issue 16, items 5–7): a refused
 * AppendEntries, nextIndex stepped back, a duplicate's copy delivered after
 * its delivered original, messages in flight that will be lost (↯). The old
 * timelines of raft-replication and raft-loss-duplication, whose captions
 * named these mechanisms, fail them; the bundled scenarios assert them.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {raftMode} from '../../../source/core/raft/mode.js';
import {watchedCopies} from '../../../source/core/raft/mechanisms.js';
import {driveScenario} from '../../../source/scenario/drive.js';
import {parseScenario} from '../../../source/scenario/parse.js';
import {handleNextEvent} from '../../../source/core/raft/engine.js';
import type {RaftState} from '../../../source/core/raft/types.js';
import {act, raft, until} from './helpers.js';

const header = ['description a timeline', 'mode raft', 'servers 5', 'seed 7', 'workload 0', 'paused'];

async function failures(lines: readonly string[]): Promise<string[]> {
	const {claims} = await driveScenario(parseScenario([...header, ...lines, ''].join('\n'), 'test.scenario'));
	return claims.filter(claim => claim.failure !== undefined).map(claim => `${claim.kind} ${claim.text}: ${claim.failure}`);
}

describe('the words', () => {
	const claim = (line: string) => raftMode.scenario.expectation(line.split(' '), {servers: 5} as never);
	it('parse, and say what is wrong otherwise', () => {
		for (const line of ['refused AppendEntries S3->S5', 'refused ae S3→S5 2', 'nextIndex stepped back S3->S5', 'nextIndex stepped back S3->S5 3', 'copy delivered after original', 'in-flight lost 1']) expect(typeof claim(line), line).toBe('object');
		expect(claim('refused vote S3->S5')).toMatch(/^say "refused AppendEntries S3->S5"/);
		expect(claim('refused AppendEntries S3->S3')).toMatch(/^say "refused AppendEntries/);
		expect(claim('nextIndex stepped back S3')).toMatch(/^say "nextIndex stepped back S3->S5"/);
		expect(claim('copy delivered')).toMatch(/^say "copy delivered after original"/);
		expect(claim('in-flight lost many')).toMatch(/^say "in-flight lost 1"/);
		// The old words still mean what they meant.
		expect(typeof claim('in-flight 3')).toBe('object');
		expect(typeof raftMode.scenario.condition('in-flight S1->S3 ae'.split(' '), {servers: 5} as never)).toBe('object');
	});
});

describe('item 5: raft-replication\'s "AppendEntries fail its consistency check, so S3 steps nextIndex back"', () => {
	it('the old timeline refused nothing and never stepped nextIndex back: the claims say so', async () => {
		const old = ['until leader', 'crash S5', 'request', 'until length S3 1', 'until commit 1', 'until acked 1', 'request', 'request', 'until commit 3', 'until applied 3', 'restart S5', 'until applied 3 on S5'];
		expect(await failures([...old, 'expect refused AppendEntries S3->S5', 'expect nextIndex stepped back S3->S5'])).toEqual([
			'expect refused AppendEntries S3->S5: S5 has refused no AppendEntries from S3',
			'expect nextIndex stepped back S3->S5: S3 never stepped nextIndex back for S5',
		]);
	});

	it('the bundled scenario asserts the refusal and the back-off, and they hold', async () => {
		const text = readFileSync(path.resolve('scenarios/raft-replication.scenario'), 'utf8');
		expect(text).toMatch(/^expect refused AppendEntries S2->S5 3$/m);
		expect(text).toMatch(/^expect nextIndex stepped back S2->S5 3$/m);
		expect(text).toMatch(/^caption .*refuses prev 3/m);
		const {claims} = await driveScenario(parseScenario(text, 'raft-replication.scenario'));
		expect(claims.filter(claim => claim.failure !== undefined)).toEqual([]);
	});
});

describe('items 6 and 7: raft-loss-duplication', () => {
	it('the old timeline: no ↯ in flight at the loss pause, and the copy did the work of a lost original', async () => {
		const old = ['until leader', 'loss 20%', 'request', 'request', 'request', 'until commit 3', 'expect in-flight lost 1', 'request', 'until in-flight *->S1 AppendEntries', 'duplicate *->S1 AppendEntries', 'until copies-delivered 1', 'until commit 4', 'expect copy delivered after original'];
		expect(await failures(old)).toEqual([
			'expect in-flight lost 1: 0 messages in flight will be lost (↯)',
			'expect copy delivered after original: the copies delivered arrived without a delivered original before them (it was lost, dropped or still on the way)',
		]);
	});

	it('the bundled scenario asserts a ↯ at the loss pause and the copy after its delivered original, and they hold', async () => {
		const text = readFileSync(path.resolve('scenarios/raft-loss-duplication.scenario'), 'utf8');
		const loss = text.indexOf('are lost (↯)');
		expect(text.indexOf('expect in-flight lost 1', loss)).toBeLessThan(text.indexOf('\npause', loss));
		const copy = text.indexOf('the copy arrives');
		expect(text.indexOf('expect copy delivered after original', copy)).toBeLessThan(text.indexOf('\npause', copy));
		const {claims} = await driveScenario(parseScenario(text, 'raft-loss-duplication.scenario'));
		expect(claims.filter(claim => claim.failure !== undefined)).toEqual([]);
	});
});

/** A run with a leader and an AppendEntries carrying an entry in flight: the state and that message's id. */
function withEntryInFlight(): {state: RaftState; id: number} {
	let state = until(raft({servers: '3', seed: '4'}), 'leader');
	state = act(state, {type: 'request', server: 'leader'});
	for (let i = 0; i < 100; i++) {
		const item = state.queue.items.find(entry => entry.event.kind === 'deliver' && entry.event.message.body.type === 'AppendEntries' && entry.event.message.body.entries.length > 0);
		if (item && item.event.kind === 'deliver') return {state, id: item.event.message.id};
		state = handleNextEvent(state);
	}

	throw new Error('no AppendEntries with an entry');
}

function untilCopyDelivered(start: RaftState): RaftState {
	let state = start;
	for (let i = 0; i < 1000 && state.stats.copiesDelivered === 0; i++) state = handleNextEvent(state);
	expect(state.stats.copiesDelivered).toBe(1);
	return state;
}

describe('the record stays bounded and exact', () => {
	it('a copy delivered after its delivered original counts', () => {
		const {state, id} = withEntryInFlight();
		const after = untilCopyDelivered(act(state, {type: 'duplicate', pick: {by: 'id', id}}));
		expect(after.mechanisms.copiesAfterOriginal).toBe(1);
		expect(after.mechanisms.duplicated).toEqual([]);
	});

	it('a copy that arrives before its original (delayed) does not, nor does one whose original was dropped', () => {
		const {state, id} = withEntryInFlight();
		const duplicated = act(state, {type: 'duplicate', pick: {by: 'id', id}});
		expect(untilCopyDelivered(act(duplicated, {type: 'delay', pick: {by: 'id', id}, ms: 500})).mechanisms.copiesAfterOriginal).toBe(0);
		expect(untilCopyDelivered(act(duplicated, {type: 'drop', pick: {by: 'id', id}})).mechanisms.copiesAfterOriginal).toBe(0);
	});

	it(`follows at most ${watchedCopies} duplicated originals`, () => {
		let state = until(raft({servers: '3', seed: '4'}), 'leader');
		for (let i = 0; i < 3 * watchedCopies; i++) state = act(state, {type: 'duplicate', pick: {by: 'next'}});
		expect(state.mechanisms.duplicated.length).toBe(watchedCopies);
	});
});
