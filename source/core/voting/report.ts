import {inputAt} from './simulation.js';
import type {SimState, Standing} from './types.js';
import {verdicts} from './verdict.js';

export function hexDigest(digest: number): string {
	return digest.toString(16).padStart(8, '0');
}

/** A standing as report fields: each an input index, or null. */
function divergence(standing: Standing) {
	return {
		checkedAt: standing.checked,
		agrees: standing.checked === null ? null : standing.agrees,
		agreesSince: standing.checked !== null && standing.agrees ? standing.runStart : null,
		divergedSince: standing.checked !== null && !standing.agrees ? standing.runStart : null,
		firstDivergence: standing.firstDivergence,
		lastDivergence: standing.lastDivergence,
	};
}

/**
 * The end-of-run report (--json), bounded in size however many inputs ran.
 * Documented field by field in docs/voting.md and docs/voting-report.schema.json.
 */
export function report(sim: SimState) {
	const {replicas, vote} = verdicts(sim);
	const {status} = vote;
	const decided = status.kind === 'decided' || status.kind === 'idle' ? status.decision!.decided! : null;
	return {
		seed: sim.config.seed,
		model: sim.config.model,
		replicaCount: sim.replicas.length,
		inputs: sim.index,
		replicas: sim.replicas.map((replica, id) => {
			const verdict = replicas[id]!;
			return {
				name: replica.name,
				status: verdict.kind,
				glyph: verdict.glyph,
				word: verdict.word,
				detail: verdict.detail,
				applied: replica.applied,
				behind: sim.index - replica.applied,
				crashed: replica.crashed,
				armed: verdict.armed,
				state: replica.state,
				summary: sim.model.summary(replica.state),
				digest: hexDigest(replica.digest),
				faults: replica.history.map(record => ({type: record.type, beforeInput: record.beforeInput})),
				...divergence(verdict.standing),
			};
		}),
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
			cannotReport: status.cannotReport,
			flagged: status.outOfLine.map(entry => ({name: entry.name, reason: entry.reason, divergedSince: entry.divergedSince, applied: entry.applied, behind: entry.behind})),
			decisionLine: vote.decision.text,
			outOfLineLine: vote.outOfLine.text,
		},
	};
}

/** How replica R applied input `index` itself, if it did and not plainly: the note on that transition. */
function noteFor(recent: SimState['replicas'][number]['recent'], index: number) {
	// A reordered pair puts input `index` second to last; nothing else puts it further back.
	for (let i = recent.length - 1; i >= Math.max(0, recent.length - 2); i--) {
		const transition = recent[i]!;
		if (transition.index === index && transition.input !== undefined) return transition.note;
	}

	return undefined;
}

/**
 * One line of the trace (--trace): input `sim.index` just issued (or, with
 * `kind` start or action, the run's start or a fault or repair just applied),
 * each replica's result and the vote on it. Documented in docs/voting.md and
 * docs/voting-trace.schema.json.
 */
export function traceLine(sim: SimState, kind: 'start' | 'input' | 'action' = 'input') {
	const {replicas, vote} = verdicts(sim);
	const {status} = vote;
	const decided = status.kind === 'decided' || status.kind === 'idle' ? status.decision!.decided! : null;
	return {
		kind,
		index: sim.index,
		input: sim.index === 0 ? null : sim.model.describeInput(inputAt(sim, sim.index)),
		replicas: sim.replicas.map((replica, id) => {
			const note = noteFor(replica.recent, sim.index);
			return {
				name: replica.name,
				status: replicas[id]!.kind,
				applied: replica.applied,
				digest: hexDigest(replica.digest),
				summary: sim.model.summary(replica.state),
				...(note ? {note} : {}),
				crashed: replica.crashed,
			};
		}),
		vote: {
			outcome: status.kind,
			agree: decided?.count ?? 0,
			value: decided ? sim.model.summary(decided.state) : null,
			flagged: status.outOfLine.map(entry => entry.name),
		},
	};
}
