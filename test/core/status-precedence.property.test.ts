/**
 * Issue 21 A: each replica's status is the first condition, in docs/voting.md's
 * order, that holds. The conditions are read off docs/voting.md's status table,
 * and checked here without the app's own helpers: "can never be decided" by
 * running the simulation on, left alone, until the vote closes; "the latest
 * decided vote on its state" from every vote observed while it was open.
 */
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {faultTypes} from '../../source/core/voting/fault.js';
import {report, traceLine} from '../../source/core/voting/report.js';
import {replicaStatus} from '../../source/core/voting/replica-status.js';
import {createSimulation, step} from '../../source/core/voting/simulation.js';
import type {ReplicaState, SimAction, SimConfig, SimState} from '../../source/core/voting/types.js';
import {replicaVerdict} from '../../source/core/voting/verdict.js';
import {modelName, seed} from './arbitraries.js';

const readme = readFileSync(new URL('../../docs/voting.md', import.meta.url), 'utf8');

/** The status table's rows, in docs/voting.md's order: glyph and `--json` status. */
function readmeStatuses(): Array<{glyph: string; status: string}> {
	const section = readme.slice(readme.indexOf('### Statuses and the quorum line'));
	const row = /^\| `([^`]+)`[^|]*\| `([a-z-]+)` \|/;
	return section.split('\n').flatMap(line => {
		const [, shown, status] = row.exec(line) ?? [];
		if (!shown) return [];
		return [{glyph: [...shown][0]!, status: status!}];
	});
}

/** What every vote said while it was open: the last observation of each index wins (votes change only while open). */
type Observed = Map<number, {readonly decided: number | undefined; readonly digests: ReadonlyArray<number | undefined>}>;

function observe(s: SimState, seen: Observed): void {
	for (const vote of s.votes) seen.set(vote.index, {decided: vote.decided?.digest, digests: vote.digests});
}

/**
 * Whether no value can reach a majority in the vote on input `index` any more,
 * even if every replica still to report it agreed with the largest group so
 * far. Who is still to report is found by running on, left alone (no more
 * faults, no repairs), until every live replica has passed it.
 */
function cannotBeDecided(s: SimState, index: number): boolean {
	const now = s.votes.find(vote => vote.index === index)!;
	const counts = new Map<number, number>();
	for (const digest of now.digests) if (digest !== undefined) counts.set(digest, (counts.get(digest) ?? 0) + 1);
	const largest = Math.max(0, ...counts.values());
	// A replica reports input `index` when it has applied it (a reordering one reports after each pair, and jumps over the first).
	const later = new Set<number>();
	let next: SimState = {...s, scheduled: []};
	for (let steps = 0; next.replicas.some(replica => !replica.crashed && replica.applied < index); steps++) {
		if (steps === 40) throw new Error(`#${index} is never reached`);
		next = step(next, {type: 'input'});
		for (const replica of next.replicas) if (replica.applied === index && now.digests[replica.id] === undefined) later.add(replica.id);
	}

	return largest + later.size < Math.floor(s.replicas.length / 2) + 1;
}

/** docs/voting.md's "when" column, as conditions on the simulation. */
function conditions(s: SimState, replica: ReplicaState, seen: Observed): Record<string, boolean> {
	const {faults} = replica;
	// The vote on its latest input, as last seen: still open, or closed as it was.
	const latest = seen.get(replica.applied);
	const open = s.votes.some(vote => vote.index === replica.applied);
	let judged: {agrees: boolean} | undefined;
	for (const [index, vote] of [...seen.entries()].sort(([a], [b]) => a - b)) {
		const digest = vote.digests[replica.id];
		if (index <= replica.applied && vote.decided !== undefined && digest !== undefined) judged = {agrees: digest === vote.decided};
	}

	const reports = latest ? new Set(latest.digests.filter(digest => digest !== undefined)) : new Set();
	return {
		// "it applies nothing"
		crashed: replica.crashed,
		// "the vote on its latest input can never be decided"
		'no-majority': latest !== undefined && latest.decided === undefined && (!open || cannotBeDecided(s, replica.applied)),
		// "the latest decided vote on its state disagreed with it"
		diverged: judged !== undefined && !judged.agrees,
		// "the lag fault"
		lagging: faults.lag,
		// "the vote on its latest input is still open and the reports so far differ"
		split: open && latest!.decided === undefined && reports.size > 1,
		// "a fault is armed, but it is in line"
		armed: faults.skipNext || faults.flaky || faults.reorder || faults.nondet,
		// "it has not applied the latest input for another reason"
		behind: replica.applied < s.index,
		ok: true,
	};
}

/** Every fault type; lag twice as often, since a split vote needs a late reporter. */
const anyFault = fc.constantFrom(...faultTypes, 'lag' as const);

const faultMix = fc.integer({min: 1, max: 9}).chain(replicas =>
	fc.record({
		config: fc.record({
			model: modelName,
			replicas: fc.constant(replicas),
			seed,
			faults: fc.array(fc.record({replica: fc.nat(replicas - 1), type: anyFault, atIndex: fc.nat(10)}), {maxLength: 6}),
		}) as fc.Arbitrary<SimConfig>,
		actions: fc.array(
			fc.oneof(
				{weight: 5, arbitrary: fc.constant<SimAction>({type: 'input'})},
				{weight: 1, arbitrary: fc.record({type: fc.constant('inject' as const), replica: fc.nat(replicas - 1), fault: anyFault})},
				{weight: 1, arbitrary: fc.record({type: fc.constant('repair' as const), replica: fc.nat(replicas - 1)})},
			),
			{maxLength: 16},
		),
	}),
);

describe('issue 21 A: the status follows docs/voting.md’s precedence', () => {
	const table = readmeStatuses();

	it('docs/voting.md lists every status once, crashed first and ok last', () => {
		expect(table.map(row => row.status)).toEqual(['crashed', 'no-majority', 'diverged', 'lagging', 'split', 'armed', 'behind', 'ok']);
	});

	it('for 1–9 replicas, every fault and every model, each replica’s status is the first condition that holds, in the column, the report and the trace alike', () => {
		const seenKinds = new Set<string>();
		fc.assert(
			fc.property(faultMix, ({config, actions}) => {
				let s = createSimulation(config);
				const seen: Observed = new Map();
				const check = () => {
					observe(s, seen);
					const reported = report(s).replicas;
					const traced = traceLine(s).replicas;
					for (const replica of s.replicas) {
						const holds = conditions(s, replica, seen);
						const expected = table.find(row => holds[row.status])!;
						const where = `${replica.name} at #${s.index}`;
						expect(replicaVerdict(s, replica).kind, where).toBe(expected.status);
						expect(replicaStatus(s, replica).glyph, where).toBe(expected.glyph);
						expect(reported[replica.id]!.status, where).toBe(expected.status);
						expect(traced[replica.id]!.status, where).toBe(expected.status);
						seenKinds.add(expected.status);
					}
				};

				check();
				for (const action of actions) {
					s = step(s, action);
					check();
				}
			}),
			{numRuns: 250},
		);
		// The runs reach every status but "behind", which no fault causes (the catch-all).
		expect([...seenKinds].sort()).toEqual(table.map(row => row.status).filter(status => status !== 'behind').sort());
	});
});
