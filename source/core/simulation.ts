import {appendBounded} from './bounded.js';
import {issueBatch} from './batch.js';
import type {FaultType} from './fault.js';
import {eventLimit, historyLimit, recentLimit, replayLimit, voteWindow} from './limits.js';
import type {Model} from './model.js';
import {modelNamed} from './models/index.js';
import {Draw, hash3, hash4, Stream} from './random.js';
import type {ActiveFaults, ReplicaState, SimAction, SimConfig, SimEvent, SimState, Transition, VoteRecord} from './types.js';

const noFaults: ActiveFaults = {skipNext: false, flaky: false, lag: false, reorder: false};

/** The flag each lasting fault sets; crash and corrupt act on the replica itself. */
const armedFlag = {skip: 'skipNext', flaky: 'flaky', lag: 'lag', reorder: 'reorder'} as const satisfies Record<string, keyof ActiveFaults>;

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
		firstDivergence: null,
		check: null,
	}));
	const scheduled = [...config.faults].sort((a, b) => a.atIndex - b.atIndex);
	let sim: SimState = {config, model, index: 0, replicas, scheduled, votes: [], lastDecision: null, serial: 0, events: []};
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
	tx.note(replica, {type: fault, at: sim.index + 1});
	switch (fault) {
		case 'skip':
		case 'flaky':
		case 'lag':
		case 'reorder':
			tx.setFaults(id, {[armedFlag[fault]]: true});
			break;
		case 'crash':
			tx.replace(id, {crashed: true});
			break;
		case 'corrupt': {
			const after = sim.model.corrupt(replica.state, new Draw(hash4(sim.config.seed, Stream.corrupt, id, sim.serial)));
			tx.replace(id, {state: after, digest: sim.model.digest(after)});
			tx.remember(id, [{index: replica.applied, input: undefined, before: replica.state, after, note: 'corrupted'}]);
			break;
		}
	}

	tx.event(`${replica.name}: ${fault} injected`);
	return tx.commit();
}

function repair(sim: SimState, id: number): SimState {
	const tx = new Transaction(sim);
	const replica = sim.replicas[id]!;
	tx.note(replica, {type: 'repair', at: sim.index + 1});
	tx.replace(id, {crashed: false, faults: noFaults, firstDivergence: null});
	const missed = sim.index - replica.applied;
	// Before the first input there is no vote, but every replica agrees on the initial state.
	const majority = sim.lastDecision ?? (sim.index === 0 ? initialAgreement(sim) : null);
	if (missed > replayLimit && majority) {
		tx.transfer(id, majority);
		tx.event(`${replica.name}: ${missed} inputs behind; copied the majority's state instead of replaying`);
		return tx.commit();
	}

	tx.replay(id, sim.index);
	const caughtUp = tx.replica(id);
	if (majority) {
		const expected = tx.replayFrom(majority.decided!.state, majority.index, sim.index);
		if (sim.model.digest(expected) !== caughtUp.digest) {
			tx.transfer(id, majority);
			tx.event(`${replica.name}: repaired by state transfer from the majority`);
			return tx.commit();
		}
	}

	tx.event(missed > 0 ? `${replica.name}: repaired, replayed ${missed} missed input${missed === 1 ? '' : 's'}` : `${replica.name}: repaired`);
	return tx.commit();
}

function initialAgreement(sim: SimState): VoteRecord {
	const state = sim.model.initial();
	return {index: 0, digests: [], states: [], decided: {digest: sim.model.digest(state), state, count: sim.replicas.length}};
}

/** Mutable working copies for one inject or repair; `commit` returns the next immutable state. (Inputs take the faster path in batch.ts.) */
class Transaction {
	private readonly model: Model;
	private readonly replicas: ReplicaState[];
	private readonly votes: VoteRecord[];
	private readonly touched = new Set<number>();
	private readonly events: SimEvent[] = [];
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

	event(text: string): void {
		this.events.push({index: this.sim.index, text});
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
	replay(id: number, target: number): void {
		const replica = this.replicas[id]!;
		if (replica.applied >= target) return;
		const transitions: Transition[] = [];
		let {state} = replica;
		for (let index = replica.applied + 1; index <= target; index++) {
			const input = this.input(index);
			const after = this.model.apply(state, input);
			if (target - index < recentLimit) transitions.push({index, input, before: state, after, note: 'replayed'});
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

	/** Copies the majority's state into replica `id` and brings it up to date. */
	transfer(id: number, majority: VoteRecord): void {
		const replica = this.replicas[id]!;
		const state = this.replayFrom(majority.decided!.state, majority.index, this.sim.index);
		const digest = this.model.digest(state);
		this.replicas[id] = {
			...replica,
			state,
			digest,
			applied: this.sim.index,
			firstDivergence: null,
			check: null,
			recent: appendBounded(replica.recent, [{index: this.sim.index, input: undefined, before: replica.state, after: state, note: 'transfer'}], recentLimit),
		};
		this.contribute(id, this.sim.index, digest, state);
	}

	private contribute(id: number, index: number, digest: number, state: unknown): void {
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

	commit(): SimState {
		const n = this.replicas.length;
		const needed = Math.floor(n / 2) + 1;
		let {lastDecision} = this.sim;
		for (const position of [...this.touched].sort((a, b) => a - b)) {
			const vote = this.votes[position]!;
			const decided = decide(vote, needed);
			const record = {...vote, decided};
			this.votes[position] = record;
			if (!decided) continue;
			if (!lastDecision || record.index >= lastDecision.index) lastDecision = record;
			for (const [id, digest] of vote.digests.entries()) {
				if (digest !== undefined) this.check(id, record.index, digest === decided.digest);
			}
		}

		return {
			...this.sim,
			replicas: this.replicas,
			votes: this.prunedVotes(),
			lastDecision,
			events: appendBounded(this.sim.events, this.events, eventLimit),
		};
	}

	private check(id: number, index: number, agrees: boolean): void {
		const replica = this.replicas[id]!;
		if (replica.check && replica.check.index > index) return;
		const firstDivergence = agrees || replica.firstDivergence !== null ? replica.firstDivergence : index;
		if (!agrees && replica.firstDivergence === null) this.event(`${replica.name} diverged at #${index}`);
		this.replicas[id] = {...replica, check: {index, agrees}, firstDivergence};
	}

	private prunedVotes(): VoteRecord[] {
		let oldestNeeded = this.sim.index;
		for (const replica of this.replicas) {
			if (!replica.crashed) oldestNeeded = Math.min(oldestNeeded, replica.applied + 1);
		}

		oldestNeeded = Math.max(oldestNeeded, this.sim.index - voteWindow + 1);
		const first = this.votes.findIndex(vote => vote.index >= oldestNeeded);
		return first <= 0 ? this.votes : this.votes.slice(first);
	}
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
