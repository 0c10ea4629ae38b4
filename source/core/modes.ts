import type {AnyMode} from './engine/mode.js';
import {aeronMode} from './aeron/mode.js';
import {orderMode} from './order/mode.js';
import {paxosMode} from './paxos/mode.js';
import {raftMode} from './raft/mode.js';
import {sourcingMode} from './sourcing/mode.js';
import {votingMode} from './voting/mode.js';

/** Every simulated mode, by the name typed on the command line (`replica-tui raft`). */
export const modes: Readonly<Record<string, AnyMode>> = {voting: votingMode, raft: raftMode, order: orderMode, sourcing: sourcingMode, paxos: paxosMode, aeron: aeronMode};
export const modeNames = Object.keys(modes);

export function modeNamed(name: string): AnyMode | undefined {
	return Object.hasOwn(modes, name) ? modes[name] : undefined;
}
