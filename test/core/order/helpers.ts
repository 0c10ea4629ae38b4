import type {RawFlags} from '../../../source/core/engine/mode.js';
import {orderMode} from '../../../source/core/order/mode.js';
import type {OrderState} from '../../../source/core/order/types.js';

/** A run with fixed 10 ms latency and no automatic inputs: every input is sent by hand, so every time can be worked out by hand. */
export function handRun(flags: RawFlags = {}): OrderState {
	return orderMode.create(orderMode.parseConfig({seed: '1', workload: '0', latency: '10', ...flags}));
}

/**
 * Handles every event up to `time` (virtual ms), and moves the clock there, so
 * that an action can happen at exactly that time. (The shell keeps its own
 * clock between events and applies actions at the last event's time; a test
 * that works times out by hand needs them at chosen times.)
 */
export function runTo(state: OrderState, time: number): OrderState {
	const done = orderMode.runUntil(state, time, 1_000_000).state;
	return done.time >= time ? done : {...done, time};
}

/** Applies a scenario verb line, e.g. "send A" or "delay none A->R2 20". */
export function verb(state: OrderState, line: string): OrderState {
	const action = orderMode.scenario.verb(line.split(' '));
	if (typeof action === 'string') throw new Error(action);
	return orderMode.apply(state, action);
}

/** Checks an `expect` claim; returns undefined when it holds, else what is wrong. */
export function claim(state: OrderState, line: string): string | undefined {
	const parsed = orderMode.scenario.expectation(line.split(' '));
	if (typeof parsed === 'string') throw new Error(parsed);
	return parsed.check(state);
}

/** Each replica's delivered sequence (its kept part) as labels, e.g. ["A1 B1", "B1 A1", "A1 B1"]. */
export function sequences(state: OrderState, arch: keyof OrderState['archs']): string[] {
	return state.archs[arch].replicas.map(replica =>
		[...replica.recent.previous, ...replica.recent.current].map(item => `${String.fromCodePoint(65 + item.ref.client)}${item.ref.number}`).join(' '),
	);
}
