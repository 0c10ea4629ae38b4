import {recentSize} from '../engine/recent.js';
import {recentAt} from './panel.js';
import type {InputRef, OrderState} from './types.js';

/** Input #id (a Raft request carries its number), if still kept. */
export function inputById(state: Pick<OrderState, 'inputLog' | 'inputs'>, id: number): InputRef | undefined {
	const kept = recentSize(state.inputLog);
	const index = id - (state.inputs - kept) - 1;
	if (index < 0 || index >= kept) return undefined;
	return recentAt(state.inputLog, index);
}
