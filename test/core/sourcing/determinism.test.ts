import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {requestAt} from '../../../source/core/sourcing/commands.js';
import type {SourcingAction} from '../../../source/core/sourcing/actions.js';
import type {SourcingState} from '../../../source/core/sourcing/state.js';
import {mode, start} from './helpers.js';

const script: Array<SourcingAction | number> = [
	25,
	{type: 'snapshot'},
	10,
	{type: 'deploy', version: 2},
	{type: 'clock', read: true},
	{type: 'random', read: true},
	{type: 'replay', from: 'empty'},
	12,
	{type: 'finish'},
	{type: 'replay', from: 'snapshot'},
	40,
	{type: 'fix'},
	{type: 'schema', version: 2},
	{type: 'clock', read: false},
	20,
];

function play(seed: number): {state: SourcingState; traces: string[]; screens: string[]} {
	let state = start(seed);
	const traces: string[] = [];
	const screens: string[] = [];
	for (const item of script) {
		if (typeof item === 'number') {
			for (let i = 0; i < item; i++) {
				state = mode.advance(state, 1);
				traces.push(JSON.stringify(mode.traceLine(state)));
			}
		} else {
			state = mode.apply(state, item);
		}

		screens.push(JSON.stringify(mode.view(state, {columns: 80, bodyRows: 17, selected: 0, cursor: 0})));
	}

	return {state, traces, screens};
}

describe('determinism', () => {
	test('the same seed and the same actions give the same states, trace lines and screens, byte for byte', () => {
		const a = play(5);
		const b = play(5);
		expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
		expect(a.traces).toEqual(b.traces);
		expect(a.screens).toEqual(b.screens);
	});

	test('another seed gives another run', () => {
		expect(JSON.stringify(play(6).state.cmd.ledger)).not.toBe(JSON.stringify(play(5).state.cmd.ledger));
	});

	test('client requests are a pure function of the seed and their number', () => {
		for (let n = 0; n < 50; n++) expect(requestAt(9, n)).toEqual(requestAt(9, n));
		expect(Array.from({length: 20}, (_, n) => requestAt(9, n))).not.toEqual(Array.from({length: 20}, (_, n) => requestAt(10, n)));
	});

	test('advance(n) equals n single steps, and runUntil stops at the time asked for or at the cap', () => {
		const base = start(3);
		let stepwise = base;
		for (let i = 0; i < 30; i++) stepwise = mode.advance(stepwise, 1);
		expect(mode.advance(base, 30)).toEqual(stepwise);
		const until = mode.runUntil(base, 30, 1000);
		expect(until.count).toBe(30);
		expect(until.state).toEqual(stepwise);
		const capped = mode.runUntil(base, 30, 7);
		expect(capped.count).toBe(7);
		expect(mode.now(capped.state)).toBe(7);
		expect(mode.nextTime(capped.state)).toBe(8);
	});

	test('replay steps are events too: a replay of 30 commands takes 30 steps of virtual time', () => {
		const replaying = mode.apply(mode.advance(start(3), 30), {type: 'replay', from: 'empty'});
		const done = mode.runUntil(replaying, 60, 1000).state;
		expect(done.replay).toBeUndefined();
		expect(mode.now(done)).toBe(60);
	});

	test('the sourcing core reads no clock and no ambient randomness, and imports neither React nor Ink', () => {
		const folder = path.resolve('source/core/sourcing');
		for (const file of readdirSync(folder)) {
			const text = readFileSync(path.join(folder, file), 'utf8');
			expect(text, file).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now|process\.hrtime/);
			expect(text, file).not.toMatch(/from ['"](react|ink)['"]/);
			expect(text, file).not.toMatch(/from ['"]node:/);
		}
	});
});
