/**
 * Every claim follows from the state: after any sequence of inputs, faults and
 * repairs, what is said about each replica and about the vote (status, standing,
 * quorum lines, report, trace) matches the replicas' states and the votes.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lagDistance} from '../../source/core/voting/fault.js';
import {majorityOf, quorumStatus} from '../../source/core/voting/quorum.js';
import {report, traceLine} from '../../source/core/voting/report.js';
import {createSimulation, step} from '../../source/core/voting/simulation.js';
import {standingOf} from '../../source/core/voting/standing.js';
import type {SimState} from '../../source/core/voting/types.js';
import {replicaVerdict, verdicts} from '../../source/core/voting/verdict.js';
import {configAndActions} from './arbitraries.js';
import {faultFreeDigests} from './helpers.js';

function run(config: Parameters<typeof createSimulation>[0], actions: Parameters<typeof step>[1][], each: (s: SimState) => void): SimState {
	let s = createSimulation(config);
	each(s);
	for (const action of actions) {
		s = step(s, action);
		each(s);
	}

	return s;
}

describe('what is said follows from the state, after any actions', () => {
	it('each replica’s report for the input it is at is its state now (a corruption or repair re-reports)', () => {
		fc.assert(
			fc.property(configAndActions, ({config, actions}) => {
				run(config, actions, s => {
					for (const replica of s.replicas) {
						const vote = s.votes.find(candidate => candidate.index === replica.applied);
						const reported = vote?.digests[replica.id];
						if (!replica.crashed && reported !== undefined) expect(reported).toBe(replica.digest);
					}
				});
			}),
			{numRuns: 200},
		);
	});

	it('the vote counts the reports: decided exactly when a majority of all replicas reported one state, with that count', () => {
		fc.assert(
			fc.property(configAndActions, ({config, actions}) => {
				run(config, actions, s => {
					for (const vote of s.votes) {
						const counts = new Map<number, number>();
						for (const digest of vote.digests) if (digest !== undefined) counts.set(digest, (counts.get(digest) ?? 0) + 1);
						const winner = [...counts].find(([, count]) => count >= majorityOf(s.replicas.length));
						expect(vote.decided?.digest).toBe(winner?.[0]);
						expect(vote.decided?.count).toBe(winner?.[1]);
					}
				});
			}),
			{numRuns: 200},
		);
	});

	it('no replica whose state differs from the decided value is called ok, and none that matches it is called diverged', () => {
		fc.assert(
			fc.property(configAndActions, ({config, actions}) => {
				run(config, actions, s => {
					const current = s.votes.at(-1)!;
					if (!current.decided) return;
					for (const replica of s.replicas) {
						if (replica.crashed || replica.applied !== s.index || current.digests[replica.id] === undefined) continue;
						const {kind} = replicaVerdict(s, replica);
						if (replica.digest === current.decided.digest) expect(kind).not.toBe('diverged');
						else expect(['diverged']).toContain(kind);
					}
				});
			}),
			{numRuns: 200},
		);
	});

	it('a replica’s standing follows every decided vote it reported to, including ones decided late or decided again', () => {
		fc.assert(
			fc.property(configAndActions, ({config, actions}) => {
				run(config, actions, s => {
					for (const replica of s.replicas) {
						const standing = standingOf(s, replica);
						let latest: {index: number; agrees: boolean} | undefined;
						for (const vote of s.votes) {
							const digest = vote.digests[replica.id];
							if (!vote.decided || digest === undefined) continue;
							const agrees = digest === vote.decided.digest;
							latest = {index: vote.index, agrees};
							if (!agrees) {
								expect(standing.firstDivergence).not.toBeNull();
								expect(standing.firstDivergence).toBeLessThanOrEqual(vote.index);
								expect(standing.lastDivergence!.to).toBeGreaterThanOrEqual(vote.index);
							}
						}

						if (latest) expect({index: standing.checked, agrees: standing.agrees}).toEqual(latest);
						if (standing.checked !== null && !standing.agrees) expect(standing.lastDivergence).toEqual({from: standing.runStart, to: standing.checked});
						// What the column says describes it now: "diverged since" only while it disagrees.
						const {detail, kind} = replicaVerdict(s, replica);
						// "as of #N:" when its latest input has not been judged yet.
						const asOf = standing.checked !== null && standing.checked < replica.applied ? `as of #${standing.checked}: ` : '';
						if (kind === 'ok') expect(detail).not.toMatch(/^(as of #\d+: )?diverged since/);
						if (kind === 'diverged') expect(detail).toMatch(new RegExp(`^${asOf}diverged since #${standing.runStart}\\b`));
					}
				});
			}),
			{numRuns: 200},
		);
	});

	it('the report, the trace and the quorum lines say the same thing; with no majority nobody is called diverged', () => {
		fc.assert(
			fc.property(configAndActions, ({config, actions}) => {
				run(config, actions, s => {
					const said = verdicts(s);
					const r = report(s);
					expect(r.replicas.map(replica => [replica.status, replica.glyph, replica.word, replica.detail])).toEqual(
						said.replicas.map(verdict => [verdict.kind, verdict.glyph, verdict.word, verdict.detail]),
					);
					expect([r.quorum.decisionLine, r.quorum.outOfLineLine]).toEqual([said.vote.decision.text, said.vote.outOfLine.text]);
					expect(r.quorum.outcome).toBe(said.vote.status.kind);
					if (s.index > 0) {
						const line = traceLine(s);
						expect(line.vote.flagged).toEqual(r.quorum.flagged.map(entry => entry.name));
						expect(line.replicas.map(replica => replica.status)).toEqual(r.replicas.map(replica => replica.status));
					}

					if (r.quorum.outcome === 'no-majority') {
						expect(r.quorum.flagged.filter(entry => entry.reason === 'diverged')).toEqual([]);
						expect(r.quorum.outOfLineLine).toMatch(/none is called diverged/);
					}

					for (const entry of r.quorum.flagged) expect(r.quorum.outOfLineLine).toContain(entry.name);
				});
			}),
			{numRuns: 200},
		);
	});
});

describe('repair, from any state', () => {
	it('says what it did in one event; copies only a majority decided at the current input, else replays the log from #1', () => {
		fc.assert(
			fc.property(configAndActions, fc.nat(8), ({config, actions}, pick) => {
				const before = run(config, actions, () => undefined);
				const id = pick % before.replicas.length;
				const name = before.replicas[id]!.name;
				const after = step(before, {type: 'repair', replica: id});
				const said = after.events.at(-1)!.text;
				expect(said.startsWith(`${name}: `)).toBe(true);
				const repairEvents = after.events.slice(before.events.length > 0 ? -Math.max(1, after.events.length - before.events.length) : 0).filter(event => event.text.startsWith(`${name}: `));
				expect(repairEvents).toHaveLength(1);
				if (said.includes('cannot repair')) {
					expect(after.replicas).toEqual(before.replicas);
					return;
				}

				const replica = after.replicas[id]!;
				expect(replica.crashed).toBe(false);
				expect(Object.values(replica.faults).some(Boolean)).toBe(false);
				expect(replica.applied).toBe(after.index);
				const current = after.votes.at(-1)!;
				if (current.decided) {
					expect(replica.digest).toBe(current.decided.digest);
				} else {
					expect(replica.digest).toBe(faultFreeDigests(config.model, config.seed, after.index)[after.index]);
					expect(replica.recent.at(-1)?.note === 'transfer' && replica.recent.at(-1)?.index === after.index && before.replicas[id] !== replica).toBe(false);
				}

				if (said.startsWith(`${name}: nothing to repair`)) expect(after.replicas).toEqual(before.replicas);
			}),
			{numRuns: 300},
		);
	});
});

describe('a vote says what will happen', () => {
	it('a vote said to be waiting does get the reports it waits for; one said to have no majority is never decided', () => {
		fc.assert(
			fc.property(configAndActions, ({config, actions}) => {
				let s = run(config, actions, () => undefined);
				const status = quorumStatus(s);
				const index = s.index;
				if (status.kind !== 'waiting' && status.kind !== 'no-majority') return;
				// Scheduled faults firing meanwhile could change who reports: look only where none is due.
				if (s.scheduled.some(fault => fault.atIndex <= index + lagDistance + 3)) return;
				const reportedAt = (replica: SimState['replicas'][number]) => replica.recent.some(transition => transition.index === index) && replica.applied >= index;
				for (let i = 0; i < lagDistance + 3; i++) {
					s = step(s, {type: 'input'});
					const vote = s.votes.find(candidate => candidate.index === index);
					if (status.kind === 'no-majority' && vote) expect(vote.decided).toBeNull();
				}

				// A report can arrive and its vote close in the same step: what the replica applied tells.
				if (status.kind === 'waiting') for (const name of status.pending) expect(reportedAt(s.replicas.find(replica => replica.name === name)!)).toBe(true);
			}),
			{numRuns: 300},
		);
	});
});
