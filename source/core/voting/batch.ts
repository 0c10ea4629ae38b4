/**
 * The fast path for issuing inputs: `issueBatch(sim, count)` issues `count`
 * inputs as one state update, with exactly the result of issuing them one at a
 * time (same states, digests, recent transitions, votes, checks and events).
 *
 * Inside a batch everything is mutable and reused: each replica is a working
 * record with a small ring of its last `recentLimit` transitions, and each open
 * vote is a working slot in a ring. Only what outlives the batch becomes
 * immutable data at the end: replicas that changed, the votes still open, the
 * last decision and the events. The caller splits batches at scheduled faults.
 *
 * The working records live in one module-level workspace, reused by every call
 * and reset at its start, so a single input costs little more than its own
 * work. Nothing in it is ever reachable from a returned state.
 */
import {appendBounded} from '../engine/bounded.js';
import {clockRange, flakyProbability, lagDistance} from './fault.js';
import {eventLimit, recentLimit, voteWindow} from './limits.js';
import {Draw, hashStart, mix32, Stream} from '../engine/random.js';
import type {ActiveFaults, ReplicaState, SimEvent, SimState, Standing, Transition, TransitionNote, VoteRecord} from './types.js';

// Local copies of the imported constants and helpers, read in the hot loop.
const mix = mix32;
const keepRecent = recentLimit;
const lag = lagDistance;
const flakyBelow = flakyProbability;
const voteSpan = voteWindow;
const twoToThe32 = 4_294_967_296;

/** One replica during a batch: its fields, mutable, plus its new transitions. */
class WorkingReplica {
	source!: ReplicaState;
	name = '';
	/** Anything changed, so the replica needs a new record at the end. */
	dirty = false;
	state: unknown = undefined;
	digest = 0;
	applied = 0;
	crashed = false;
	skipNext = false;
	flaky = false;
	lag = false;
	reorder = false;
	nondet = false;
	faultsChanged = false;
	// The standing from closed votes (Standing, with -1 for null), folded as votes close.
	settledChecked = -1;
	settledAgrees = false;
	settledRunStart = -1;
	settledFirst = -1;
	settledFrom = -1;
	settledTo = -1;
	settledChanged = false;
	// The latest decision seen (open votes included), only to say in events when a divergence starts or ends.
	seenChecked = -1;
	seenAgrees = false;
	seenDiverged = false;
	/** hash32(seed, Stream.flaky, id) before its final `>>> 0`: the flaky draw's prefix. */
	flakyPrefix = 0;
	/** The same for the simulated clock a non-deterministic replica reads. */
	clockPrefix = 0;
	// The last `recentLimit` transitions made in this batch, as a ring.
	readonly ringIndex = new Float64Array(keepRecent);
	readonly ringInput: unknown[] = Array.from({length: keepRecent});
	readonly ringBefore: unknown[] = Array.from({length: keepRecent});
	readonly ringAfter: unknown[] = Array.from({length: keepRecent});
	readonly ringNote: Array<TransitionNote | undefined> = Array.from({length: keepRecent});
	readonly ringCommutes: Array<boolean | undefined> = Array.from({length: keepRecent});
	readonly ringReading: Array<number | undefined> = Array.from({length: keepRecent});
	ringNext = 0;
	/** Transitions made in this batch (may exceed the ring's size). */
	added = 0;

	load(source: ReplicaState, seed: number, votes: readonly VoteRecord[]): void {
		this.source = source;
		this.name = source.name;
		this.dirty = false;
		this.state = source.state;
		this.digest = source.digest;
		this.applied = source.applied;
		this.crashed = source.crashed;
		const {faults} = source;
		this.skipNext = faults.skipNext;
		this.flaky = faults.flaky;
		this.lag = faults.lag;
		this.reorder = faults.reorder;
		this.nondet = faults.nondet;
		this.faultsChanged = false;
		const {settled} = source;
		this.settledChecked = settled.checked ?? -1;
		this.settledAgrees = settled.agrees;
		this.settledRunStart = settled.runStart ?? -1;
		this.settledFirst = settled.firstDivergence ?? -1;
		this.settledFrom = settled.lastDivergence?.from ?? -1;
		this.settledTo = settled.lastDivergence?.to ?? -1;
		this.settledChanged = false;
		this.seenChecked = this.settledChecked;
		this.seenAgrees = this.settledAgrees;
		this.seenDiverged = this.settledFirst !== -1;
		for (const vote of votes) {
			const digest = vote.digests[source.id];
			if (!vote.decided || digest === undefined) continue;
			this.seenChecked = vote.index;
			this.seenAgrees = digest === vote.decided.digest;
			if (!this.seenAgrees) this.seenDiverged = true;
		}

		this.flakyPrefix = mix(mix(mix(hashStart, seed), Stream.flaky), source.id);
		this.clockPrefix = mix(mix(mix(hashStart, seed), Stream.clock), source.id);
		this.ringNext = 0;
		this.added = 0;
	}

	/** The replica as immutable data, sharing everything that did not change. */
	result(): ReplicaState {
		if (!this.dirty) return this.source;
		const {source} = this;
		const faults: ActiveFaults = this.faultsChanged ? {skipNext: this.skipNext, flaky: this.flaky, lag: this.lag, reorder: this.reorder, nondet: this.nondet} : source.faults;
		return {
			id: source.id,
			name: source.name,
			state: this.state,
			digest: this.digest,
			applied: this.applied,
			crashed: source.crashed,
			faults,
			recent: this.recent(),
			history: source.history,
			settled: this.settledChanged ? this.settled() : source.settled,
		};
	}

	/** Folds a closed, decided vote at `index` into the settled standing (as foldStanding does). */
	settle(index: number, agrees: boolean): void {
		if (this.settledChecked === -1 || this.settledAgrees !== agrees) this.settledRunStart = index;
		this.settledChecked = index;
		this.settledAgrees = agrees;
		if (!agrees) {
			if (this.settledFirst === -1) this.settledFirst = index;
			this.settledFrom = this.settledRunStart;
			this.settledTo = index;
		}

		this.settledChanged = true;
		this.dirty = true;
	}

	private settled(): Standing {
		const orNull = (value: number) => (value === -1 ? null : value);
		return {
			checked: orNull(this.settledChecked),
			agrees: this.settledAgrees,
			runStart: orNull(this.settledRunStart),
			firstDivergence: orNull(this.settledFirst),
			lastDivergence: this.settledFrom === -1 ? null : {from: this.settledFrom, to: this.settledTo},
		};
	}

	/** `appendBounded(source.recent, <this batch's transitions>, recentLimit)`. */
	private recent(): readonly Transition[] {
		const old = this.source.recent;
		if (this.added === 0) return old;
		const fresh = Math.min(this.added, keepRecent);
		const kept = Math.min(keepRecent - fresh, old.length);
		// Sized up front: slicing and then pushing would copy the array twice.
		const recent = new Array<Transition>(kept + fresh);
		for (let k = 0, from = old.length - kept; k < kept; k++) recent[k] = old[from + k]!;
		for (let k = kept, at = (this.ringNext - fresh + keepRecent) % keepRecent; k < kept + fresh; k++, at = at + 1 === keepRecent ? 0 : at + 1) {
			recent[k] = transition(this.ringIndex[at]!, this.ringInput[at], this.ringBefore[at], this.ringAfter[at], this.ringNote[at], this.ringCommutes[at], this.ringReading[at]);
		}

		return recent;
	}
}

/** A transition, with `commutes` and `reading` only where they say something (as a one-off step would write it). */
function transition(index: number, input: unknown, before: unknown, after: unknown, note: TransitionNote | undefined, commutes: boolean | undefined, reading: number | undefined): Transition {
	if (commutes === undefined && reading === undefined) return {index, input, before, after, note};
	return {index, input, before, after, note, ...(commutes === undefined ? {} : {commutes}), ...(reading === undefined ? {} : {reading})};
}

/** One open vote during a batch. Valid for index `index` only while `generation` is the batch's. */
class VoteSlot {
	generation = -1;
	index = -1;
	/** The immutable record matching this slot, while `changed` is false. */
	record: VoteRecord | null = null;
	changed = false;
	/** Contributed to during the current input: to be decided at its end. */
	touched = false;
	/** The length of the record's digests array: the highest reporting id + 1. */
	length = 0;
	has: Uint8Array;
	digests: Float64Array;
	states: unknown[];
	decided = false;
	decidedDigest = 0;
	decidedState: unknown = undefined;
	decidedCount = 0;

	constructor(replicas: number) {
		this.has = new Uint8Array(replicas);
		this.digests = new Float64Array(replicas);
		this.states = Array.from({length: replicas});
	}

	open(generation: number, index: number): void {
		this.generation = generation;
		this.index = index;
		this.record = null;
		this.changed = true;
		this.touched = false;
		// Only ids below `length` can have reported.
		for (let id = 0; id < this.length; id++) this.has[id] = 0;
		this.length = 0;
		this.decided = false;
	}

	load(generation: number, record: VoteRecord): void {
		this.open(generation, record.index);
		this.record = record;
		this.changed = false;
		if (record.decided) {
			this.decided = true;
			this.decidedDigest = record.decided.digest;
			this.decidedState = record.decided.state;
			this.decidedCount = record.decided.count;
		}

		const {digests, states} = record;
		this.length = digests.length;
		for (let id = 0; id < digests.length; id++) {
			const digest = digests[id];
			if (digest === undefined) continue;
			this.has[id] = 1;
			this.digests[id] = digest;
			this.states[id] = states[id];
		}
	}

	/** As the majority vote decides: the first digest, in replica order, to reach `needed` reports. */
	decide(needed: number): void {
		const {has, digests, length} = this;
		this.decided = false;
		for (let id = 0; id < length; id++) {
			if (has[id] === 0) continue;
			const digest = digests[id]!;
			let count = 0;
			for (let other = 0; other <= id; other++) if (has[other] === 1 && sameDigest(digests[other]!, digest)) count++;
			if (count < needed) continue;
			count = 0;
			for (let other = 0; other < length; other++) if (has[other] === 1 && digests[other] === digest) count++;
			this.decided = true;
			this.decidedDigest = digest;
			this.decidedState = this.states[id];
			this.decidedCount = count;
			return;
		}
	}

	/** The slot as an immutable record (cached until it changes again). */
	result(): VoteRecord {
		if (!this.changed) return this.record!;
		const digests: Array<number | undefined> = [];
		const states: unknown[] = [];
		for (let id = 0; id < this.length; id++) {
			const reported = this.has[id] === 1;
			digests.push(reported ? this.digests[id] : undefined);
			states.push(reported ? this.states[id] : undefined);
		}

		const decided = this.decided ? {digest: this.decidedDigest, state: this.decidedState, count: this.decidedCount} : null;
		this.record = {index: this.index, digests, states, decided};
		this.changed = false;
		return this.record;
	}
}

/** Digests counted together as a Map would count them (SameValueZero). */
function sameDigest(a: number, b: number): boolean {
	return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

const inputCache = 128;

class Workspace {
	generation = 0;
	replicas: WorkingReplica[] = [];
	slots: VoteSlot[] = [];
	mask = 0;
	slotWidth = 0;
	readonly inputIndex = new Float64Array(inputCache).fill(-1);
	readonly inputs: unknown[] = Array.from({length: inputCache});
	readonly draw = new Draw(0);
	/** The indices of the votes loaded from the state this batch started from. */
	readonly loaded: number[] = [];

	prepare(replicas: number, votes: number): void {
		this.generation = (this.generation + 1) | 0;
		this.loaded.length = 0;
		while (this.replicas.length < replicas) this.replicas.push(new WorkingReplica());
		// Room for every open vote plus the next one, so a slot is reused only after its vote closed.
		const open = Math.max(voteSpan, votes) + 2;
		if (open > this.slots.length || replicas > this.slotWidth) {
			const size = 2 ** Math.ceil(Math.log2(open));
			this.slotWidth = Math.max(replicas, this.slotWidth);
			this.slots = Array.from({length: Math.max(size, this.slots.length)}, () => new VoteSlot(this.slotWidth));
			this.mask = this.slots.length - 1;
		}

		this.inputIndex.fill(-1);
	}
}

let shared: Workspace | undefined;

/**
 * Issues inputs sim.index+1 … sim.index+count, assuming no fault is scheduled
 * before any of them (the caller injects those and splits the batch there).
 */
export function issueBatch(sim: SimState, count: number): SimState {
	const {model, config} = sim;
	const n = sim.replicas.length;
	const ws = (shared ??= new Workspace());
	const sourceVotes = sim.votes;
	ws.prepare(n, sourceVotes.length);
	const {generation, slots, mask, inputIndex, inputs, draw, loaded} = ws;
	const replicas = ws.replicas;
	for (let id = 0; id < n; id++) replicas[id]!.load(sim.replicas[id]!, config.seed, sourceVotes);

	// Open votes are consecutive and end at sim.index; load them lazily.
	const sourceFirst = sourceVotes.length > 0 ? sourceVotes[0]!.index : sim.index + 1;
	if (sourceVotes.length > 0 && (sourceVotes.at(-1)!.index !== sim.index || sourceVotes.length !== sim.index - sourceFirst + 1)) {
		throw new Error('open votes must be consecutive and end at the current input');
	}

	let first = sourceFirst;
	const needed = Math.floor(n / 2) + 1;
	const inputPrefix = mix(mix(hashStart, config.seed), Stream.input);
	const events: SimEvent[] = [];
	let lastRecord = sim.lastDecision;
	let lastSlot: VoteSlot | null = null;
	let lastIndex = lastRecord === null ? 0 : lastRecord.index;
	const end = sim.index + count;

	for (let index = sim.index + 1; index <= end; index++) {
		slots[index & mask]!.open(generation, index);
		let touchedLow = index + 1;
		let touchedHigh = -1;

		for (let id = 0; id < n; id++) {
			const replica = replicas[id]!;
			if (replica.crashed) continue;
			const until = replica.lag ? index - lag : index;
			if (replica.applied >= until) continue;
			const lateNote: TransitionNote | undefined = replica.lag ? 'late' : undefined;
			do {
				if (replica.reorder) {
					if (replica.applied + 2 > until) break;
					const first = replica.applied + 1;
					const commutes = pairCommutes(replica.state, first);
					applyOne(replica, first + 1, 'early');
					applyOne(replica, first, 'late');
					replica.ringCommutes[replica.ringNext === 0 ? keepRecent - 1 : replica.ringNext - 1] = commutes;
					replica.applied += 2;
				} else {
					applyOne(replica, replica.applied + 1, lateNote);
					replica.applied += 1;
				}

				const digest = model.digest(replica.state);
				replica.digest = digest;
				// Contribute to the vote on the input just applied, if it is still open.
				const at = replica.applied;
				if (at < first) continue;
				const slot = slotFor(at);
				slot.has[id] = 1;
				slot.digests[id] = digest;
				slot.states[id] = replica.state;
				if (id >= slot.length) slot.length = id + 1;
				slot.changed = true;
				if (!slot.touched) {
					slot.touched = true;
					if (at < touchedLow) touchedLow = at;
					if (at > touchedHigh) touchedHigh = at;
				}
			} while (replica.applied < until);
		}

		// Decide the votes touched by this input, oldest first, and check each reporter against the decision.
		for (let at = touchedLow; at <= touchedHigh; at++) {
			const slot = slots[at & mask]!;
			if (slot.generation !== generation || slot.index !== at || !slot.touched) continue;
			slot.touched = false;
			const decidedBefore = slot.decided;
			slot.decide(needed);
			if (!slot.decided) continue;
			if ((lastSlot === null && lastRecord === null) || at >= lastIndex) {
				lastSlot = slot;
				lastRecord = null;
				lastIndex = at;
			}

			for (let id = 0; id < slot.length; id++) {
				if (slot.has[id] === 1) check(replicas[id]!, at, slot.digests[id] === slot.decidedDigest, index, !decidedBefore);
			}
		}

		// Close the votes no replica still needs (a live one needs the vote on its latest report and every later one), or beyond the window.
		let oldestNeeded = index;
		for (let id = 0; id < n; id++) {
			const replica = replicas[id]!;
			if (!replica.crashed && replica.applied < oldestNeeded) oldestNeeded = replica.applied;
		}

		if (oldestNeeded < index - voteSpan + 1) oldestNeeded = index - voteSpan + 1;
		while (first < oldestNeeded) {
			settleVote(first);
			if (lastSlot?.index === first) {
				lastRecord = lastSlot.result();
				lastSlot = null;
			}

			first++;
		}
	}

	// The votes still open: those from before the batch as they were, unless loaded (and maybe changed), then the new ones.
	const votes = new Array<VoteRecord>(end - first + 1);
	for (let at = first; at <= sim.index; at++) votes[at - first] = sourceVotes[at - sourceFirst]!;
	for (const at of loaded) {
		if (at >= first) votes[at - first] = slots[at & mask]!.result();
	}

	for (let at = Math.max(first, sim.index + 1); at <= end; at++) votes[at - first] = slots[at & mask]!.result();

	const lastDecision = lastSlot === null ? lastRecord : lastSlot.result();
	const nextReplicas: ReplicaState[] = [];
	for (let id = 0; id < n; id++) nextReplicas.push(replicas[id]!.result());
	// Spelled out rather than spread: the same keys in the same order, and much faster.
	return {
		config,
		model,
		index: end,
		replicas: nextReplicas,
		scheduled: sim.scheduled,
		votes,
		lastDecision,
		serial: sim.serial,
		events: appendBounded(sim.events, events, eventLimit),
	};

	/** Folds the vote at `at`, closing now, into the settled standing of every replica that reported to it. */
	function settleVote(at: number): void {
		const slot = slots[at & mask]!;
		if (slot.generation === generation && slot.index === at) {
			if (!slot.decided) return;
			const {has, digests, decidedDigest} = slot;
			for (let id = 0; id < slot.length; id++) {
				if (has[id] === 0) continue;
				const replica = replicas[id]!;
				const agrees = digests[id] === decidedDigest;
				// The common case, one more vote in a run of agreement, only moves the latest index.
				if (agrees && replica.settledAgrees && replica.settledChecked !== -1) {
					replica.settledChecked = at;
					replica.settledChanged = true;
					replica.dirty = true;
				} else {
					replica.settle(at, agrees);
				}
			}

			return;
		}

		const record = sourceVotes[at - sourceFirst]!;
		if (!record.decided) return;
		const {digests} = record;
		for (let id = 0; id < digests.length; id++) {
			const digest = digests[id];
			if (digest !== undefined) replicas[id]!.settle(at, digest === record.decided.digest);
		}
	}

	/** Whether inputs `first` and `first + 1` give the same state from `state` in either order. */
	function pairCommutes(state: unknown, first: number): boolean {
		const a = inputAt(first);
		const b = inputAt(first + 1);
		return model.digest(model.apply(model.apply(state, a), b)) === model.digest(model.apply(model.apply(state, b), a));
	}

	function slotFor(at: number): VoteSlot {
		const slot = slots[at & mask]!;
		if (slot.generation !== generation || slot.index !== at) {
			slot.load(generation, sourceVotes[at - sourceFirst]!);
			loaded.push(at);
		}

		return slot;
	}

	function inputAt(at: number): unknown {
		const position = at & (inputCache - 1);
		if (inputIndex[position] === at) return inputs[position];
		const input = model.generate(draw.reseed(mix(inputPrefix, at) >>> 0));
		inputIndex[position] = at;
		inputs[position] = input;
		return input;
	}

	function applyOne(replica: WorkingReplica, at: number, note: TransitionNote | undefined): void {
		const input = inputAt(at);
		const skip = replica.skipNext || (replica.flaky && (mix(replica.flakyPrefix, at) >>> 0) / twoToThe32 < flakyBelow);
		if (replica.skipNext) {
			replica.skipNext = false;
			replica.faultsChanged = true;
		}

		const before = replica.state;
		const reading = replica.nondet && !skip ? (mix(replica.clockPrefix, at) >>> 0) % clockRange : -1;
		const after = skip ? before : reading === -1 ? model.apply(before, input) : model.applyReadingClock(before, input, reading);
		const ring = replica.ringNext;
		replica.ringIndex[ring] = at;
		replica.ringInput[ring] = input;
		replica.ringBefore[ring] = before;
		replica.ringAfter[ring] = after;
		replica.ringNote[ring] = skip ? 'skipped' : reading === -1 ? note : (note ?? 'nondet');
		replica.ringCommutes[ring] = undefined;
		replica.ringReading[ring] = reading === -1 ? undefined : reading;
		replica.ringNext = ring + 1 === keepRecent ? 0 : ring + 1;
		replica.added++;
		replica.state = after;
		replica.dirty = true;
	}

	/** A decision at `at` compared with one replica's report: says so in an event when a divergence starts, ends or is found late. */
	function check(replica: WorkingReplica, at: number, agrees: boolean, now: number, newlyDecided: boolean): void {
		if (at > replica.seenChecked) {
			if (!agrees && (replica.seenChecked === -1 || replica.seenAgrees)) {
				events.push({index: now, text: `${replica.name} diverged ${replica.seenDiverged ? 'again ' : ''}at #${at}`});
			} else if (agrees && replica.seenChecked !== -1 && !replica.seenAgrees) {
				events.push({index: now, text: `${replica.name} agrees again at #${at}`});
			}

			replica.seenChecked = at;
			replica.seenAgrees = agrees;
		} else if (at < replica.seenChecked && !agrees && newlyDecided) {
			events.push({index: now, text: `${replica.name} disagreed at #${at} (decided late)`});
		}

		if (!agrees) replica.seenDiverged = true;
	}
}
