/**
 * The modes that have a fuzzer (`replica-tui <mode> fuzz`), each loaded only
 * when asked for. A mode plugs in with one line here.
 */
import type {AnyFuzzTarget} from './target.js';

export const fuzzTargets: Readonly<Record<string, () => Promise<AnyFuzzTarget>>> = {
	raft: async () => (await import('../raft/fuzz/target.js')).raftFuzz,
	paxos: async () => (await import('../paxos/fuzz/target.js')).paxosFuzz,
	aeron: async () => (await import('../aeron/fuzz/target.js')).aeronFuzz,
};
