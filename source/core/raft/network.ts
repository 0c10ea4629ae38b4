/**
 * The network's settings in words, with Raft's server names: a clean
 * partition as groups, otherwise the cut links; loss and slowness.
 */
import {networkText as netText} from '../net/network.js';
import {raftNames} from './names.js';
import type {Network} from './types.js';

export {cutLinks, partitionGroups} from '../net/network.js';

export function networkText(network: Network, size: number): string {
	return netText(raftNames(size), network, size);
}
