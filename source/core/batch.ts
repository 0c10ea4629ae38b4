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
import {appendBounded} from './bounded.js';
import {flakyProbability, lagDistance} from './fault.js';
import {eventLimit, recentLimit, voteWindow} from './limits.js';
import {Draw, hashStart, mix32, Stream} from './random.js';
import type {ActiveFaults, ReplicaState, SimEvent, SimState, Transition, TransitionNote, VoteRecord} from './types.js';

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
	faultsChanged = false;
	firstDivergence: number | null = null;
	hasCheck = false;
	checkIndex = 0;
	checkAgrees = false;
	checkChanged = false;
	/** hash32(seed, Stream.flaky, id) before its final `>>> 0`: the flaky draw's prefix. */
	flakyPrefix = 0;
	// The last `recentLimit` transitions made in this batch, as a ring.
	readonly ringIndex = new Float64Array(keepRecent);
	readonly ringInput: unknown[] = Array.from({length: keepRecent});
	readonly ringBefore: unknown[] = Array.from({length: keepRecent});
	readonly ringAfter: unknown[] = Array.from({length: keepRecent});
	readonly ringNote: Array<TransitionNote | undefined> = Array.from({length: keepRecent});
	ringNext = 0;
	/** Transitions made in this batch (may exceed the ring's size). */
	added = 0;

	load(source: ReplicaState, seed: number): void {
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
		this.faultsChanged = false;
		this.firstDivergence = source.firstDivergence;
		this.hasCheck = source.check !== null;
		this.checkIndex = source.check?.index ?? 0;
		this.checkAgrees = source.check?.agrees ?? false;
		this.checkChanged = false;
		this.flakyPrefix = mix(mix(mix(hashStart, seed), Stream.flaky), source.id);
		this.ringNext = 0;
		this.added = 0;
	}

	/** The replica as immutable data, sharing everything that did not change. */
	result(): ReplicaState {
		if (!this.dirty) return this.source;
		const {source} = this;
		const faults: ActiveFaults = this.faultsChanged ? {skipNext: this.skipNext, flaky: this.flaky, lag: this.lag, reorder: this.reorder} : source.faults;
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
			firstDivergence: this.firstDivergence,
			check: this.checkChanged ? {index: this.checkIndex, agrees: this.checkAgrees} : source.check,
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
			recent[k] = {index: this.ringIndex[at]!, input: this.ringInput[at], before: this.ringBefore[at], after: this.ringAfter[at], note: this.ringNote[at]};
		}

		return recent;
	}
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
	for (let id = 0; id < n; id++) replicas[id]!.load(sim.replicas[id]!, config.seed);

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
					applyOne(replica, replica.applied + 2, 'early');
					applyOne(replica, replica.applied + 1, 'late');
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
			slot.decide(needed);
			if (!slot.decided) continue;
			if ((lastSlot === null && lastRecord === null) || at >= lastIndex) {
				lastSlot = slot;
				lastRecord = null;
				lastIndex = at;
			}

			for (let id = 0; id < slot.length; id++) {
				if (slot.has[id] === 1) check(replicas[id]!, at, slot.digests[id] === slot.decidedDigest, index);
			}
		}

		// Close the votes no replica still needs, or beyond the window.
		let oldestNeeded = index;
		for (let id = 0; id < n; id++) {
			const replica = replicas[id]!;
			if (!replica.crashed && replica.applied + 1 < oldestNeeded) oldestNeeded = replica.applied + 1;
		}

		if (oldestNeeded < index - voteSpan + 1) oldestNeeded = index - voteSpan + 1;
		while (first < oldestNeeded) {
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
		const after = skip ? before : model.apply(before, input);
		const ring = replica.ringNext;
		replica.ringIndex[ring] = at;
		replica.ringInput[ring] = input;
		replica.ringBefore[ring] = before;
		replica.ringAfter[ring] = after;
		replica.ringNote[ring] = skip ? 'skipped' : note;
		replica.ringNext = ring + 1 === keepRecent ? 0 : ring + 1;
		replica.added++;
		replica.state = after;
		replica.dirty = true;
	}

	function check(replica: WorkingReplica, at: number, agrees: boolean, now: number): void {
		if (replica.hasCheck && replica.checkIndex > at) return;
		if (!agrees && replica.firstDivergence === null) {
			events.push({index: now, text: `${replica.name} diverged at #${at}`});
			replica.firstDivergence = at;
		}

		replica.hasCheck = true;
		replica.checkIndex = at;
		replica.checkAgrees = agrees;
		replica.checkChanged = true;
		replica.dirty = true;
	}
}
