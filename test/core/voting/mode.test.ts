/** The voting mode through the Mode interface the shell uses: time, actions, keys, menu, config, scenario verbs and claims, the view. */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {faultInfo, faultTypes} from '../../../source/core/voting/fault.js';
import {UsageError} from '../../../source/core/engine/usage-error.js';
import {lineText} from '../../../source/core/engine/screen.js';
import type {SimState} from '../../../source/core/voting/types.js';
import {parseVotingConfig, type VotingConfig} from '../../../source/core/voting/config.js';
import {votingMode} from '../../../source/core/voting/mode.js';
import {anyConfig} from '../arbitraries.js';
import {projection, sim} from '../helpers.js';

const bytes = (state: SimState) => JSON.stringify(projection(state));
const config = (flags: Record<string, string | string[]> = {}): VotingConfig => parseVotingConfig(flags);
const ui = (selected = 0) => ({selected, cursor: 0});

describe('time: one event is one input', () => {
	it('advance(n) is n single advances, byte for byte, with any faults scheduled', () => {
		fc.assert(
			fc.property(anyConfig, fc.integer({min: 0, max: 60}), (simConfig, count) => {
				const start = votingMode.create({...simConfig, rate: undefined});
				let single = start;
				for (let i = 0; i < count; i++) single = votingMode.advance(single, 1);
				expect(bytes(votingMode.advance(start, count))).toBe(bytes(single));
				expect(single.index).toBe(count);
			}),
			{numRuns: 80},
		);
	});

	it('advance(0) changes nothing', () => {
		const start = sim();
		expect(votingMode.advance(start, 0)).toBe(start);
	});

	it('now is the input index, and the next input is always one later', () => {
		const later = votingMode.advance(sim(), 5);
		expect(votingMode.now(later)).toBe(5);
		expect(votingMode.nextTime(later)).toBe(6);
	});

	it('runUntil handles the inputs due by a virtual time, at most `cap` of them', () => {
		const start = sim();
		expect(votingMode.runUntil(start, 5.5, 100)).toMatchObject({count: 5, state: {index: 5}});
		expect(bytes(votingMode.runUntil(start, 5.5, 100).state)).toBe(bytes(votingMode.advance(start, 5)));
		expect(votingMode.runUntil(start, 5.5, 3)).toMatchObject({count: 3, state: {index: 3}});
		expect(votingMode.runUntil(start, 0.99, 100)).toEqual({state: start, count: 0});
		const at5 = votingMode.advance(start, 5);
		expect(votingMode.runUntil(at5, 4, 100)).toEqual({state: at5, count: 0});
		expect(votingMode.haltReason).toBeUndefined();
	});
});

describe('actions', () => {
	it('inject puts a fault into the replica it names; repair repairs it', () => {
		const start = votingMode.advance(sim(), 2);
		const crashed = votingMode.apply(start, {type: 'inject', replica: 1, fault: 'crash'});
		expect(crashed.replicas.map(replica => replica.crashed)).toEqual([false, true, false]);
		const behind = votingMode.advance(crashed, 3);
		expect(behind.replicas[1]!.applied).toBe(2);
		const repaired = votingMode.apply(behind, {type: 'repair', replica: 1});
		expect(repaired.replicas[1]).toMatchObject({crashed: false, applied: 5});
	});

	it('an action on a replica that does not exist changes nothing (the same state, so nothing is recorded)', () => {
		const start = sim({replicas: 3});
		for (const replica of [-1, 3, 9]) {
			expect(votingMode.apply(start, {type: 'inject', replica, fault: 'skip'})).toBe(start);
			expect(votingMode.apply(start, {type: 'repair', replica})).toBe(start);
		}
	});

	it('actions do not advance time', () => {
		const start = votingMode.advance(sim(), 4);
		for (const fault of faultTypes) expect(votingMode.now(votingMode.apply(start, {type: 'inject', replica: 0, fault}))).toBe(4);
	});
});

describe('keys and the fault menu', () => {
	it('f opens the fault menu, r repairs the selected replica, other keys are not the mode’s', () => {
		const state = sim();
		expect(votingMode.keyAction(state, {input: 'f'}, ui(2))).toEqual({menu: 'fault'});
		expect(votingMode.keyAction(state, {input: 'r'}, ui(2))).toEqual({action: {type: 'repair', replica: 2}});
		for (const input of ['z', 'x', 'c', 'n']) expect(votingMode.keyAction(state, {input}, ui())).toBeUndefined();
	});

	it('the menu is for the selected replica: one item per fault, its letter and its name, each injecting it there', () => {
		const menu = votingMode.menu(sim(), 'fault', ui(1));
		expect(menu.title).toBe('fault for R2');
		expect(menu.items.map(item => [item.key, item.label])).toEqual(faultTypes.map(fault => [faultInfo[fault].key, fault]));
		for (const item of menu.items) expect(item.action).toEqual({type: 'inject', replica: 1, fault: item.label});
		expect(new Set(menu.items.map(item => item.key)).size).toBe(faultTypes.length);
	});

	it('selects among the replicas; has no second cursor', () => {
		expect(votingMode.selectable(sim({replicas: 5}))).toBe(5);
		expect(votingMode.cursorCount).toBeUndefined();
	});

	it('its hints name its keys; its help names every fault letter', () => {
		expect(votingMode.hints(sim(), ui()).map(hint => hint.keys)).toEqual(['f', 'r', '←→']);
		const help = votingMode.help(sim()).map(entry => (typeof entry === 'string' ? entry : entry.join('  '))).join('\n');
		for (const fault of faultTypes) expect(help).toMatch(new RegExp(`^ +${faultInfo[fault].key} +${fault} `, 'm'));
	});
});

describe('config from flags', () => {
	it('defaults: bank, 3 replicas, seed 1, no faults, no rate (the shell starts at 2 inputs/s)', () => {
		expect(config()).toEqual({model: 'bank', replicas: 3, seed: 1, faults: [], rate: undefined});
		expect(votingMode.speedOf?.(config())).toBeUndefined();
		expect(votingMode.speeds.initial).toBe(2);
	});

	it('reads every flag', () => {
		expect(config({model: 'kv', replicas: '5', seed: '42', rate: '0.25', fault: ['2:skip@10', '5:crash']})).toEqual({
			model: 'kv',
			replicas: 5,
			seed: 42,
			rate: 0.25,
			faults: [
				{replica: 1, type: 'skip', atIndex: 10},
				{replica: 4, type: 'crash', atIndex: 0},
			],
		});
		expect(votingMode.speedOf?.(config({rate: '10000'}))).toBe(10_000);
	});

	it.each<[Record<string, string | string[]>, RegExp]>([
		[{replicas: '0'}, /--replicas must be from 1 to 9, not 0/],
		[{replicas: '10'}, /--replicas must be from 1 to 9/],
		[{replicas: 'three'}, /--replicas must be a whole number from 1 to 9, not "three"/],
		[{seed: '-1'}, /--seed must be a whole number/],
		[{seed: '4294967296'}, /--seed must be from 0 to 4294967295/],
		[{rate: '0.1'}, /--rate must be a number of inputs per second from 0.25 to 10,000, not "0.1"/],
		[{rate: '10001'}, /--rate .* to 10,000, not "10001"/],
		[{rate: ''}, /--rate/],
		[{model: 'abacus'}, /unknown --model "abacus": choose one of bank, chain, kv/],
		[{fault: ['4:skip']}, /names R4, but there are 3 replicas/],
		[{seed: ['1', '2']}, /--seed can only be given once/],
	])('%j is refused in one plain line', (flags, message) => {
		let caught: unknown;
		try {
			config(flags);
		} catch (error) {
			caught = error;
		}

		expect(caught).toBeInstanceOf(UsageError);
		expect((caught as Error).message).toMatch(message);
		expect((caught as Error).message).not.toContain('\n');
	});

	it('the speed ladder goes from 0.25 to 10,000 inputs/s and reads as the header shows it', () => {
		const {ladder, min, max, format} = votingMode.speeds;
		expect([ladder[0], ladder.at(-1), min, max]).toEqual([0.25, 10_000, 0.25, 10_000]);
		expect(format(1)).toBe('1 input/s');
		expect(format(0.25)).toBe('0.25 inputs/s');
		expect(format(10_000)).toBe('10,000 inputs/s');
	});
});

describe('scenario verbs and claims', () => {
	const three = config();
	it('verbs: "fault R2 skip", "fault 3 crash", "repair R1"', () => {
		expect(votingMode.scenario.verb(['fault', 'R2', 'skip'], three)).toEqual({type: 'inject', replica: 1, fault: 'skip'});
		expect(votingMode.scenario.verb(['fault', '3', 'crash'], three)).toEqual({type: 'inject', replica: 2, fault: 'crash'});
		expect(votingMode.scenario.verb(['repair', 'r1'], three)).toEqual({type: 'repair', replica: 0});
		expect(votingMode.scenario.verbs).toEqual(['fault', 'repair']);
	});

	it.each<[string[], RegExp]>([
		[['fault', 'R4', 'skip'], /no replica "R4": name one of R1…R3/],
		[['fault', 'R2', 'explode'], /unknown fault "explode"/],
		[['fault', 'R2'], /expected "fault R2 skip"/],
		[['repair'], /expected .*"repair R2"/],
		[['repair', 'R1', 'now'], /expected .*"repair R2"/],
		[['fault', 'X', 'skip'], /no replica "X"/],
	])('%j is refused with a reason', (words, reason) => {
		const result = votingMode.scenario.verb(words, three);
		expect(typeof result).toBe('string');
		expect(result as string).toMatch(reason);
	});

	it('its claims and conditions are the voting claims, checked against the state (the claims themselves: expectations.test.ts)', () => {
		const claim = (text: string, kind: 'expectation' | 'condition' = 'expectation') => {
			const condition = votingMode.scenario[kind](text.split(' '), three);
			if (typeof condition === 'string') throw new Error(condition);
			return condition;
		};

		const skipped = votingMode.advance(votingMode.apply(votingMode.advance(sim({seed: 7}), 2), {type: 'inject', replica: 1, fault: 'skip'}), 2);
		expect(claim('at #4').check(skipped)).toBeUndefined();
		expect(claim('at #5').check(skipped)).toMatch(/#4/);
		expect(claim('R2 diverged').check(skipped)).toBeUndefined();
		expect(claim('R1 ok').check(skipped)).toBeUndefined();
		expect(claim('R1 diverged').check(skipped)).toMatch(/^R1 shows ● ok/);
		expect(claim('R2 diverged', 'condition').check(skipped)).toBeUndefined();
		expect(claim('R2 diverged').text).toBe('R2 diverged');
	});

	it('a claim it cannot check is refused with the claims it knows', () => {
		expect(votingMode.scenario.expectation(['leader', 'S1'], three)).toMatch(/cannot check "leader s1": say R1 ok, R2 diverged, no majority/);
		expect(votingMode.scenario.condition(['leader'], three)).toMatch(/cannot check "leader"/);
		expect(votingMode.scenario.expectation([], three)).toMatch(/expect what\?/);
	});
});

describe('the view, as plain data', () => {
	const view = (state: SimState, columns: number, bodyRows: number, selected = 0) => votingMode.view(state, {columns, bodyRows, selected, cursor: 0});

	it('header fields, position, exactly eventRows event lines and decisionRows decision lines, one column per replica', () => {
		const screen = view(votingMode.advance(sim({replicas: 3}), 4), 80, 17, 1);
		if (screen.kind !== 'screen') throw new Error(screen.reason);
		expect(screen.header).toEqual(['model bank', 'seed 7', '3 replicas']);
		expect(screen.position).toBe('#4');
		expect(screen.events).toHaveLength(votingMode.eventRows);
		expect(screen.decision).toHaveLength(votingMode.decisionRows);
		expect(screen.panels.flatMap(panel => panel.columns.map(column => column.id))).toEqual(['R1', 'R2', 'R3']);
		expect(screen.panels[0]!.columns.map(column => Boolean(column.selected))).toEqual([false, true, false]);
		expect(screen.columnHeight).toBe(17);
		expect(lineText(screen.events[0]!)).toContain('[#4 ');
	});

	it.each([
		[3, 80],
		[5, 80],
		[9, 120],
	])('%i replicas fit %i columns: every column keeps its status, state and digest', (replicas, columns) => {
		const state = votingMode.advance(sim({replicas, model: 'kv'}), 12);
		const screen = view(state, columns, 17);
		if (screen.kind !== 'screen') throw new Error(screen.reason);
		const boxes = screen.panels[0]!.columns;
		expect(boxes.reduce((sum, column) => sum + column.width, 0)).toBeLessThanOrEqual(columns);
		for (const column of boxes) {
			const text = [column.title, ...column.lines].map(line => lineText(line)).join('\n');
			expect(text, column.id).toContain('● ok');
			expect(text, column.id).toMatch(/dig(est)? +[\da-f]{4}/);
			for (const line of [column.title, ...column.lines]) expect(lineText(line).length, `${column.id}: ${lineText(line)}`).toBeLessThanOrEqual(column.width - 2);
		}
	});

	it('in the narrowest columns the label gives way, never the value: digests and large balances stay whole', () => {
		const start = votingMode.advance(sim({replicas: 9}), 8);
		const rich = {...start, replicas: start.replicas.map(replica => ({...replica, state: {balance: 123_456}}))};
		for (const state of [start, rich]) {
			const screen = view(state, 117, 17);
			if (screen.kind !== 'screen') throw new Error(screen.reason);
			for (const column of screen.panels[0]!.columns) {
				expect(column.width).toBe(13);
				const rows = column.lines.map(line => lineText(line));
				expect(rows.find(row => row.startsWith('dig')), column.id).toMatch(/^dig +[\da-f]{4} *$/);
				expect(rows.find(row => /^bal/.test(row)), column.id).toMatch(state === rich ? /^bal.* 123456$/ : /^balance +\d+ *$/);
			}
		}
	});

	it('says when the terminal is too narrow or too short, and what it needs', () => {
		expect(view(sim({replicas: 9}), 80, 17)).toMatchObject({kind: 'too-small', reason: expect.stringMatching(/9 replicas need 117 columns \(13 each\); this terminal has 80/)});
		expect(view(sim(), 80, 5)).toMatchObject({kind: 'too-small', reason: expect.stringMatching(/more rows?/)});
	});
});
