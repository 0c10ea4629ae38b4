import {appendBounded} from '../engine/bounded.js';
import {issueBatch} from './batch.js';
import type {FaultType} from './fault.js';
import {eventLimit, historyLimit, recentLimit, replayLimit, voteWindow} from './limits.js';
import type {Model} from '../models/model.js';
import {modelNamed} from '../models/index.js';
import {majorityOf} from './majority.js';
import {Draw, hash3, hash4, Stream} from '../engine/random.js';
import {foldVote, noStanding, standingOf} from './standing.js';
import type {ActiveFaults, ReplicaState, SimAction, SimConfig, SimEvent, SimState, Standing, Transition, TransitionNote, VoteRecord} from './types.js';

const noFaults: ActiveFaults = {skipNext: false, flaky: false, lag: false, reorder: false, nondet: false};

/** The flag each lasting fault sets; crash and corrupt act on the replica itself. */
const armedFlag = {skip: 'skipNext', flaky: 'flaky', lag: 'lag', reorder: 'reorder', nondet: 'nondet'} as const satisfies Record<string, keyof ActiveFaults>;

export function replicaName(id: number): string {
	return `R${id + 1}`;
}

export function inputAt(sim: Pick<SimState, 'model' | 'config'>, index: number): unknown {
	return sim.model.generate(new Draw(hash3(sim.config.seed, Stream.input, index)));
}

export function createSimulation(config: SimConfig): SimState {
	const model = modelNamed(config.model);
	if (!model) throw new Error(`unknown model "${config.model}"`);
	const state = model.initial();
	const digest = model.digest(state);
	const replicas: ReplicaState[] = Array.from({length: config.replicas}, (_, id) => ({
		id,
		name: replicaName(id),
		state,
		digest,
		applied: 0,
		crashed: false,
		faults: noFaults,
		recent: [],
		history: [],
		settled: noStanding,
	}));
	// Vote #0: every replica starts in the initial state, so a change before input 1 (a corruption) is voted on too.
	const initial: VoteRecord = {
		index: 0,
		digests: replicas.map(() => digest),
		states: replicas.map(() => state),
		decided: {digest, state, count: config.replicas},
	};
	const scheduled = [...config.faults].sort((a, b) => a.atIndex - b.atIndex);
	let sim: SimState = {config, model, index: 0, replicas, scheduled, votes: [initial], lastDecision: initial, serial: 0, events: []};
	sim = injectDue(sim, 0);
	return sim;
}

export function step(sim: SimState, action: SimAction): SimState {
	switch (action.type) {
		case 'input':
			return issueInputs(sim, action.count ?? 1);

		case 'inject':
			return inject(sim, action.replica, action.fault);
		case 'repair':
			return repair(sim, action.replica);
	}
}

function injectDue(sim: SimState, index: number): SimState {
	let next = sim;
	while (next.scheduled.length > 0 && next.scheduled[0]!.atIndex <= index) {
		const [fault, ...rest] = next.scheduled;
		next = inject({...next, scheduled: rest}, fault!.replica, fault!.type);
	}

	return next;
}

/**
 * Issues `count` inputs as one state update. Each scheduled fault is injected
 * just before the input it names, so the batch is split there.
 */
function issueInputs(sim: SimState, count: number): SimState {
	// As a loop counting `count` down to zero would: a fraction rounds up, NaN or less than 1 issues none.
	let remaining = count > 0 ? Math.ceil(count) : 0;
	let next = sim;
	while (remaining > 0) {
		next = injectDue(next, next.index + 1);
		const upcoming = next.scheduled[0];
		// After injectDue, any upcoming fault is due after the next input, so each batch issues at least one.
		const batch = upcoming === undefined ? remaining : Math.min(remaining, upcoming.atIndex - 1 - next.index);
		next = issueBatch(next, batch);
		remaining -= batch;
	}

	return next;
}

function inject(sim: SimState, id: number, fault: FaultType): SimState {
	const tx = new Transaction({...sim, serial: sim.serial + 1});
	const replica = sim.replicas[id]!;
	tx.note(replica, {type: fault, beforeInput: sim.index + 1});
	switch (fault) {
		case 'skip':
		case 'flaky':
		case 'lag':
		case 'reorder':
		case 'nondet':
			tx.setFaults(id, {[armedFlag[fault]]: true});
			break;
		case 'crash':
			tx.replace(id, {crashed: true});
			break;
		case 'corrupt': {
			const after = sim.model.corrupt(replica.state, new Draw(hash4(sim.config.seed, Stream.corrupt, id, sim.serial)));
			const digest = sim.model.digest(after);
			tx.replace(id, {state: after, digest});
			tx.remember(id, [{index: replica.applied, input: undefined, before: replica.state, after, note: 'corrupted'}]);
			// The replica now reports its altered state for the input it is at, and that vote is decided again.
			if (!replica.crashed) tx.contribute(id, replica.applied, digest, after);
			break;
		}
	}

	return tx.commit(`${replica.name}: ${fault} injected`);
}

/**
 * Repair: restart a crashed replica, disarm its faults, replay the inputs it
 * missed; then, if it still disagrees with the majority decided at the current
 * input, copy that majority's state. With no majority there, the input log is
 * the truth (a deterministic machine's state is its log replayed from #1): the
 * replica is rebuilt by replaying it. Every outcome is said in one event.
 */
function repair(sim: SimState, id: number): SimState {
	const tx = new Transaction(sim);
	const replica = sim.replicas[id]!;
	// What it did, each part in words and tersely (for a narrow event line).
	const done: Array<readonly [string, string]> = [];
	if (replica.crashed) done.push(['restarted', 'restarted']);
	const armed = armedFaultNames(replica.faults);
	if (armed.length > 0) done.push([`disarmed ${armed.join(', ')}`, 'faults off']);
	tx.replace(id, {crashed: false, faults: noFaults});
	const missed = sim.index - replica.applied;
	const catchUp = missed > 0 && missed <= replayLimit;
	if (catchUp) {
		tx.replay(id, sim.index, 'replayed');
		done.push([`replayed ${plural(missed, 'missed input')}`, `replayed ${missed}`]);
	}

	const decided = tx.decisionAt(sim.index);
	if (!catchUp && missed > 0 && !decided) {
		return new Transaction(sim).commit(
			`${replica.name}: cannot repair: ${plural(missed, 'input')} behind, over the replay limit of ${replayLimit}, and no majority at #${sim.index} to copy`,
			`${replica.name}: cannot repair: ${missed} behind, no majority to copy`,
		);
	}

	const now = tx.replica(id);
	let outcome: string;
	let outcomeShort: string;
	if (decided) {
		const agreeing = `${decided.count} of ${sim.replicas.length}`;
		if (!catchUp && missed > 0) {
			tx.transfer(id, decided.state, 'transfer');
			outcome = `${plural(missed, 'input')} behind: copied the majority's state at #${sim.index} (${agreeing} agree) instead of replaying`;
			outcomeShort = `${missed} behind: copied majority`;
		} else if (now.digest === decided.digest) {
			outcome = `agrees with the majority at #${sim.index} (${agreeing})`;
			outcomeShort = 'agrees with majority';
		} else {
			tx.transfer(id, decided.state, 'transfer');
			outcome = `copied the majority's state at #${sim.index} (${agreeing} agree)`;
			outcomeShort = 'copied majority';
		}
	} else if (sim.index > replayLimit) {
		outcome = `no majority at #${sim.index} to check it against, and replaying ${sim.index} inputs from #1 is over the limit of ${replayLimit}`;
		outcomeShort = 'no majority, log too long';
	} else {
		const truth = tx.replayFrom(sim.model.initial(), 0, sim.index);
		const log = sim.index === 0 ? 'the initial state' : `the input log #1–#${sim.index} replayed`;
		if (sim.model.digest(truth) === now.digest) {
			outcome = `no majority at #${sim.index}, but it matches ${log}`;
			outcomeShort = `no majority, matches ${sim.index === 0 ? 'initial state' : 'log'}`;
		} else {
			tx.transfer(id, truth, 'rebuilt');
			outcome = `no majority at #${sim.index} to copy: rebuilt from ${log}`;
			outcomeShort = `no majority: rebuilt from ${sim.index === 0 ? 'initial state' : 'log'}`;
		}
	}

	const changed = done.length > 0 || tx.replica(id).digest !== replica.digest || tx.replica(id).applied !== replica.applied;
	if (!changed) return new Transaction(sim).commit(`${replica.name}: nothing to repair: ${outcome}`, `${replica.name}: nothing to repair: ${outcomeShort}`);
	tx.note(replica, {type: 'repair', beforeInput: sim.index + 1});
	const said = (form: 0 | 1, result: string) => `${replica.name}: ${[...done.map(part => part[form]), result].join(', ')}`;
	return tx.commit(said(0, outcome), said(1, outcomeShort));
}

function armedFaultNames(faults: ActiveFaults): string[] {
	return (Object.keys(armedFlag) as Array<keyof typeof armedFlag>).filter(fault => faults[armedFlag[fault]]);
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Mutable working copies for one inject or repair; `commit` returns the next immutable state. (Inputs take the faster path in batch.ts.) */
class Transaction {
	private readonly model: Model;
	private readonly replicas: ReplicaState[];
	private readonly votes: VoteRecord[];
	private readonly touched = new Set<number>();
	private readonly inputs = new Map<number, unknown>();

	constructor(private readonly sim: SimState) {
		this.model = sim.model;
		this.replicas = [...sim.replicas];
		this.votes = [...sim.votes];
	}

	replica(id: number): ReplicaState {
		return this.replicas[id]!;
	}

	replace(id: number, changes: Partial<ReplicaState>): void {
		this.replicas[id] = {...this.replicas[id]!, ...changes};
	}

	setFaults(id: number, changes: Partial<ActiveFaults>): void {
		this.replace(id, {faults: {...this.replicas[id]!.faults, ...changes}});
	}

	note(replica: ReplicaState, record: ReplicaState['history'][number]): void {
		this.replace(replica.id, {history: appendBounded(this.replicas[replica.id]!.history, [record], historyLimit)});
	}

	remember(id: number, transitions: readonly Transition[]): void {
		this.replace(id, {recent: appendBounded(this.replicas[id]!.recent, transitions, recentLimit)});
	}

	input(index: number): unknown {
		let input = this.inputs.get(index);
		if (input === undefined) {
			input = inputAt(this.sim, index);
			this.inputs.set(index, input);
		}

		return input;
	}

	/** Replays the inputs replica `id` missed, up to `target`, with no faults: repair clears them first. */
	replay(id: number, target: number, note: TransitionNote): void {
		const replica = this.replicas[id]!;
		if (replica.applied >= target) return;
		const transitions: Transition[] = [];
		let {state} = replica;
		for (let index = replica.applied + 1; index <= target; index++) {
			const input = this.input(index);
			const after = this.model.apply(state, input);
			if (target - index < recentLimit) transitions.push({index, input, before: state, after, note});
			state = after;
			this.contribute(id, index, this.model.digest(after), after);
		}

		this.replicas[id] = {...replica, state, digest: this.model.digest(state), applied: target, recent: appendBounded(replica.recent, transitions, recentLimit)};
	}

	/** The state `from` after applying inputs (fromIndex, toIndex] with no faults. */
	replayFrom(from: unknown, fromIndex: number, toIndex: number): unknown {
		let state = from;
		for (let index = fromIndex + 1; index <= toIndex; index++) state = this.model.apply(state, this.input(index));
		return state;
	}

	/** Replica `id` takes `state` as its state at the current input, and reports it. */
	transfer(id: number, state: unknown, note: 'transfer' | 'rebuilt'): void {
		const replica = this.replicas[id]!;
		const digest = this.model.digest(state);
		this.replicas[id] = {
			...replica,
			state,
			digest,
			applied: this.sim.index,
			recent: appendBounded(replica.recent, [{index: this.sim.index, input: undefined, before: replica.state, after: state, note}], recentLimit),
		};
		this.contribute(id, this.sim.index, digest, state);
	}

	/** Replica `id` reports `state` for input `index`, replacing any earlier report, if that vote is still open. */
	contribute(id: number, index: number, digest: number, state: unknown): void {
		const position = this.votes.length - 1 - (this.sim.index - index);
		const vote = this.votes[position];
		if (vote?.index !== index) return;
		const digests = [...vote.digests];
		const states = [...vote.states];
		digests[id] = digest;
		states[id] = state;
		this.votes[position] = {...vote, digests, states};
		this.touched.add(position);
	}

	/** What the vote at `index` decides with the reports made so far, if it is open. */
	decisionAt(index: number): VoteRecord['decided'] {
		const vote = this.votes[this.votes.length - 1 - (this.sim.index - index)];
		return vote?.index === index ? decide(vote, majorityOf(this.replicas.length)) : null;
	}

	/** The next state, with every vote that got a report decided again and `text` as the last event. */
	/** `short`: the event in fewer words, for a narrow event line. */
	commit(text: string, short?: string): SimState {
		const needed = majorityOf(this.replicas.length);
		for (const position of this.touched) {
			const vote = this.votes[position]!;
			this.votes[position] = {...vote, decided: decide(vote, needed)};
		}

		const votes = this.settleClosedVotes();
		const next: SimState = {...this.sim, replicas: this.replicas, votes, lastDecision: this.lastDecision(votes)};
		const events: SimEvent[] = [];
		for (const replica of next.replicas) {
			for (const said of standingEvents(replica.name, standingOf(this.sim, this.sim.replicas[replica.id]!), standingOf(next, replica))) {
				events.push({index: this.sim.index, text: said});
			}
		}

		events.push(short === undefined ? {index: this.sim.index, text} : {index: this.sim.index, text, short});
		return {...next, events: appendBounded(this.sim.events, events, eventLimit)};
	}

	/** The latest decided vote: an open one, else the last one decided before the open ones. */
	private lastDecision(votes: readonly VoteRecord[]): VoteRecord | null {
		for (let position = votes.length - 1; position >= 0; position--) if (votes[position]!.decided) return votes[position]!;
		const previous = this.sim.lastDecision;
		return previous && (votes.length === 0 || previous.index < votes[0]!.index) ? previous : null;
	}

	/** Closes the votes no replica needs any more, folding each into the standing of those who reported to it. */
	private settleClosedVotes(): VoteRecord[] {
		// A live replica still needs the vote on its latest report (its status reads it; a corruption re-reports to it) and every later one.
		let oldestNeeded = this.sim.index;
		for (const replica of this.replicas) {
			if (!replica.crashed) oldestNeeded = Math.min(oldestNeeded, replica.applied);
		}

		oldestNeeded = Math.max(oldestNeeded, this.sim.index - voteWindow + 1);
		let first = this.votes.findIndex(vote => vote.index >= oldestNeeded);
		if (first === -1) first = this.votes.length;
		for (const vote of this.votes.slice(0, first)) {
			if (!vote.decided) continue;
			for (const [id, digest] of vote.digests.entries()) {
				if (digest !== undefined) this.replace(id, {settled: foldVote(this.replicas[id]!.settled, vote, id)});
			}
		}

		return first === 0 ? this.votes : this.votes.slice(first);
	}
}

/** Events for what changed in a replica's standing: a new divergence, agreeing again, a divergence decided late. */
export function standingEvents(name: string, before: Standing, after: Standing): string[] {
	if (after.checked === null) return [];
	if (after.checked !== before.checked || after.agrees !== before.agrees) {
		if (!after.agrees && (before.checked === null || before.agrees || before.runStart !== after.runStart)) {
			const again = before.firstDivergence !== null && before.firstDivergence < after.runStart!;
			return [`${name} diverged ${again ? 'again ' : ''}at #${after.runStart}`];
		}

		if (after.agrees && before.checked !== null && !before.agrees) return [`${name} agrees again at #${after.runStart}`];
		return [];
	}

	const late = after.lastDivergence;
	if (late && late.to < after.checked && (before.lastDivergence === null || late.to > before.lastDivergence.to)) {
		return [`${name} disagreed at #${late.to} (decided late)`];
	}

	return [];
}

/** The first digest, in replica order, to reach `needed` reports (counted as a Map would count them). */
function decide(vote: VoteRecord, needed: number): VoteRecord['decided'] {
	const {digests} = vote;
	for (let id = 0; id < digests.length; id++) {
		const digest = digests[id];
		if (digest === undefined) continue;
		let count = 0;
		for (let other = 0; other <= id; other++) if (digests[other] === digest) count++;
		if (count >= needed) return {digest, state: vote.states[id], count: countOf(vote, digest)};
	}

	return null;
}

function countOf(vote: VoteRecord, digest: number): number {
	return vote.digests.filter(d => d === digest).length;
}
