/**
 * The consensus panel: a Raft cluster of three servers (the Raft core, not a
 * copy of it) orders the inputs. Every input goes to the cluster as a client
 * request at the moment the client sends it; a server delivers an input when
 * it applies the committed entry. A restarted server re-applies its log from
 * index 1 to rebuild its state machine: those entries were delivered before,
 * and count as replays, not deliveries.
 *
 * An adapter on the Raft core's public functions: the Raft cluster keeps its
 * own event queue, which the engine merges with this mode's.
 */
import {latest, recentSize} from '../engine/recent.js';
import {applyAction} from '../raft/actions.js';
import {defaultConfig as raftDefaults} from '../raft/config.js';
import {runUntil as raftRunUntil} from '../raft/engine.js';
import type {RaftConfig, RaftState} from '../raft/types.js';
import {inputLabel} from './names.js';
import type {Step} from './step.js';
import type {InputRef, OrderConfig, OrderState} from './types.js';

export const consensusServers = 3;

export function raftConfigFor(config: OrderConfig): RaftConfig {
	return {
		...raftDefaults,
		servers: consensusServers,
		seed: config.seed,
		model: config.model,
		latencyMin: config.latencyMin,
		latencyMax: config.latencyMax,
		// Requests come only from this mode's clients, as manual requests of the Raft client.
		workload: 0,
		requests: 0,
		bugs: [],
	};
}

/** The Raft cluster with its clock moved up to `now` (every Raft event before `now` has been handled already). */
export function raftAt(raft: RaftState, now: number): RaftState {
	if (raft.time >= now) return raft;
	return raftRunUntil(raft, now, 0).state;
}

/** The input a Raft request carries, if still kept. */
export function inputById(state: Pick<OrderState, 'inputLog' | 'inputs'>, id: number): InputRef | undefined {
	const kept = recentSize(state.inputLog);
	const index = id - (state.inputs - kept) - 1;
	if (index < 0 || index >= kept) return undefined;
	return latest(state.inputLog, kept)[index];
}

/**
 * Where the client sends: the Raft client's own guess, unless that server is
 * down — a refused connection tells a client at once — then the first server
 * that is up (it redirects the client or says it knows no leader).
 */
function target(raft: RaftState): number | undefined {
	const guess = raft.client.leaderGuess;
	if (guess === null || raft.servers[guess]!.role !== 'crashed') return undefined;
	return raft.servers.find(server => server.role !== 'crashed')?.id;
}

export function consensusInput(step: Step, ref: InputRef): void {
	const raft = raftAt(step.raft, step.now);
	const server = target(raft);
	const next = applyAction(raft, server === undefined ? {type: 'request'} : {type: 'request', server});
	step.raft = next;
	const request = next.client.nextRequest - 1;
	if (request !== ref.id) step.say(`(the Raft client numbered ${inputLabel(ref.client, ref.number)} as request #${request}, not #${ref.id}: the consensus panel cannot follow it)`);
}

/** Deliveries (and replays) of entries the Raft servers applied in the event just handled. */
export function consensusApplied(step: Step): void {
	for (const {server, index, entry} of step.raft.last.applied) {
		const replica = step.read('consensus').replicas[server]!;
		if (index <= replica.delivered) {
			step.edit('consensus').replays++;
			continue;
		}

		const ref = inputById(step, entry.request);
		if (ref === undefined) {
			step.edit('consensus').stats.unchecked++;
			continue;
		}

		step.deliver('consensus', server, ref);
	}

	syncUp(step);
}

/** Each consensus replica is up exactly when its Raft server is. */
export function syncUp(step: Step): void {
	for (const server of step.raft.servers) {
		const replica = step.read('consensus').replicas[server.id]!;
		const up = server.role !== 'crashed';
		if (replica.up === up) continue;
		const editable = step.replica('consensus', server.id);
		editable.up = up;
		editable.downSince = up ? null : step.now;
	}
}
