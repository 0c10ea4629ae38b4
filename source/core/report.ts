import {quorumStatus} from './quorum.js';
import {replicaStatus} from './replica-status.js';
import {inputAt} from './simulation.js';
import type {SimState} from './types.js';

export function hexDigest(digest: number): string {
	return digest.toString(16).padStart(8, '0');
}

/** The end-of-run report: bounded in size however many inputs ran. */
export function report(sim: SimState) {
	const status = quorumStatus(sim);
	const decided = status.kind === 'decided' ? status.decision!.decided! : null;
	return {
		seed: sim.config.seed,
		model: sim.config.model,
		replicaCount: sim.replicas.length,
		inputs: sim.index,
		replicas: sim.replicas.map(replica => ({
			name: replica.name,
			status: replicaStatus(sim, replica).word,
			applied: replica.applied,
			state: replica.state,
			summary: sim.model.summary(replica.state),
			digest: hexDigest(replica.digest),
			faults: replica.history.map(record => ({type: record.type, at: record.at})),
			firstDivergence: replica.firstDivergence,
		})),
		quorum: {
			index: status.index,
			outcome: status.kind,
			decided: decided !== null,
			agree: decided?.count ?? 0,
			needed: status.needed,
			tolerates: status.tolerates,
			value: decided ? sim.model.summary(decided.state) : null,
			digest: decided ? hexDigest(decided.digest) : null,
			values: status.groups.map(group => ({replicas: group.members, value: sim.model.summary(group.state), digest: hexDigest(group.digest)})),
			flagged: status.outOfLine.map(entry => ({name: entry.name, reason: entry.reason, at: entry.at})),
		},
	};
}

/** One line of the trace: the input, each replica's result and the vote, at index `sim.index`. */
export function traceLine(sim: SimState) {
	const status = quorumStatus(sim);
	const decided = status.kind === 'decided' ? status.decision!.decided! : null;
	return {
		index: sim.index,
		input: sim.model.describeInput(inputAt(sim, sim.index)),
		replicas: sim.replicas.map(replica => {
			const last = replica.recent.at(-1);
			return {
				name: replica.name,
				applied: replica.applied,
				digest: hexDigest(replica.digest),
				value: sim.model.summary(replica.state),
				...(last?.index === sim.index && last.note ? {note: last.note} : {}),
				...(replica.crashed ? {crashed: true} : {}),
			};
		}),
		vote: {outcome: status.kind, agree: decided?.count ?? 0, value: decided ? sim.model.summary(decided.state) : null, flagged: status.outOfLine.map(entry => entry.name)},
	};
}
