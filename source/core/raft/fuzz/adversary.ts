/**
 * The fuzzer's adversary: a seeded schedule of faults, partly random in time
 * (crashes and restarts, partitions and heals, lost, duplicated, delayed and
 * reordered messages, timers fired early, loss and slow links) and partly
 * reactive: it watches each event and strikes at the moments the rules of
 * Figure 2 exist for. Each reactive move is generic (it would be a fair fault
 * against any Raft) and harmless to a correct one, but it reaches the
 * schedules that the bugs need far sooner than chance:
 *
 * - right after an election, crash and restart the new leader's voters and
 *   fire the timer of a server still in the older term (a vote that must
 *   survive a crash: forget-vote);
 * - right after a leader commits an entry of an earlier term, crash it (its
 *   own entry may not be on a majority yet: Figure 8, old-term-commit);
 * - right after a leader appends a client's entry, crash it or cut it off
 *   (uncommitted entries left behind, in a minority: they feed Figure 8 and
 *   the up-to-date check).
 *
 * It is also the client: it sends the requests (at random, every `requestGap`
 * ms on average, `requests` at most) as `request` actions in the plan, so
 * that shrinking keeps only the requests the violation needs.
 *
 * It is a pure function of the seed and the states it is shown.
 */
import {Draw, hash2} from '../../engine/random.js';
import {inFlight} from '../queries.js';
import type {MessagePick, RaftAction, RaftState} from '../types.js';

/** The adversary's random streams (its faults, its client's requests), apart from every stream of the cluster. */
const adversaryStream = 0xad_7e;
const clientStream = 0xad_7f;

export type Tactics = {
	/** Mean virtual ms between two random faults. */
	readonly faultGap: number;
	/** After an election: chance to strike, chance per voter to crash and restart it, chance to fire a lagging server's timer. */
	readonly afterElection: number;
	readonly crashVoter: number;
	readonly fireLagger: number;
	/** After a leader commits an entry of an earlier term: chance to crash it. */
	readonly afterOldCommit: number;
	/** After a leader appends a client's entry: chance to crash it, chance to cut it off. */
	readonly crashAppender: number;
	readonly isolateAppender: number;
	/** Mean virtual ms between two client requests, and how many at most. */
	readonly requestGap: number;
	readonly requests: number;
};

export const defaultTactics: Tactics = {
	faultGap: 150,
	afterElection: 0.5,
	crashVoter: 0.7,
	fireLagger: 0.8,
	afterOldCommit: 0.6,
	crashAppender: 0.08,
	isolateAppender: 0.05,
	requestGap: 100,
	requests: 200,
};

type Planned = {readonly time: number; readonly action: RaftAction};

export class Adversary {
	private readonly draw: Draw;
	private readonly size: number;
	/** Repairs due later (restarts, heals, loss and slowness undone), by time. */
	private agenda: Planned[] = [];
	private nextFault: number;
	private readonly clientDraw: Draw;
	private nextRequest: number;
	private requests = 0;

	constructor(
		seed: number,
		size: number,
		private readonly tactics: Tactics = defaultTactics,
	) {
		this.draw = new Draw(hash2(seed, adversaryStream));
		this.size = size;
		this.nextFault = this.gap();
		this.clientDraw = new Draw(hash2(seed, clientStream));
		this.nextRequest = this.requestGap();
	}

	private requestGap(): number {
		const mean = this.tactics.requestGap;
		return Math.ceil(mean / 2) + this.clientDraw.int(mean + 1);
	}

	/** When the next repair or request is due, if one is planned (the cluster may have nothing else to do). */
	nextRepair(): number | undefined {
		const repair = this.agenda[0]?.time;
		if (this.requests >= this.tactics.requests) return repair;
		return repair === undefined ? this.nextRequest : Math.min(repair, this.nextRequest);
	}

	/** Actions to take before the next event (due at `nextTime`): repairs and random faults due by then. */
	before(state: RaftState, nextTime: number): RaftAction[] {
		const actions: RaftAction[] = [];
		while (this.agenda.length > 0 && this.agenda[0]!.time <= nextTime) actions.push(this.agenda.shift()!.action);
		while (this.requests < this.tactics.requests && this.nextRequest <= nextTime) {
			actions.push({type: 'request'});
			this.requests++;
			this.nextRequest += this.requestGap();
		}

		while (this.nextFault <= nextTime) {
			actions.push(...this.randomFault(state));
			this.nextFault += this.gap();
		}

		return actions;
	}

	/** Actions to take right after the event that produced `state`. */
	after(state: RaftState): RaftAction[] {
		const actions: RaftAction[] = [];
		for (const change of state.last.changes) {
			const server = state.servers[change.server]!;
			if (change.roleAfter === 'leader' && change.roleBefore !== 'leader') actions.push(...this.afterElection(state, change.server));
			else if (server.role === 'leader' && server.commitIndex > change.commitBefore) actions.push(...this.afterCommit(state, change.server, change.commitBefore));
			else if (server.role === 'leader' && change.logFrom !== null && state.last.message?.body.type === 'ClientRequest') actions.push(...this.afterAppend(state, change.server));
		}

		return actions;
	}

	private gap(): number {
		return 1 + this.draw.int(2 * this.tactics.faultGap);
	}

	private later(state: RaftState, low: number, high: number, action: RaftAction): void {
		const time = state.time + low + this.draw.int(high - low + 1);
		let at = this.agenda.length;
		while (at > 0 && this.agenda[at - 1]!.time > time) at--;
		this.agenda.splice(at, 0, {time, action});
	}

	private server(): number {
		return this.draw.int(this.size);
	}

	private crashAndRestart(state: RaftState, id: number, low: number, high: number): RaftAction[] {
		if (state.servers[id]!.role === 'crashed') return [];
		this.later(state, low, high, {type: 'restart', server: id});
		return [{type: 'crash', server: id}];
	}

	private afterElection(state: RaftState, leader: number): RaftAction[] {
		const {tactics, draw} = this;
		if (!draw.chance(tactics.afterElection)) return [];
		const term = state.servers[leader]!.currentTerm;
		const actions: RaftAction[] = [];
		for (const voter of state.servers) {
			if (voter.id === leader || voter.votedFor !== leader || voter.currentTerm !== term || !draw.chance(tactics.crashVoter)) continue;
			actions.push({type: 'crash', server: voter.id}, {type: 'restart', server: voter.id});
		}

		const laggers = state.servers.filter(server => server.role !== 'crashed' && server.currentTerm < term);
		if (laggers.length > 0 && draw.chance(tactics.fireLagger)) actions.push({type: 'timeout', server: draw.pick(laggers).id});
		return actions;
	}

	private afterCommit(state: RaftState, leader: number, before: number): RaftAction[] {
		const server = state.servers[leader]!;
		let older = false;
		for (let index = before + 1; index <= server.commitIndex; index++) if (server.log.termAt(index) < server.currentTerm) older = true;
		if (!older || !this.draw.chance(this.tactics.afterOldCommit)) return [];
		return this.crashAndRestart(state, leader, 20, 600);
	}

	private afterAppend(state: RaftState, leader: number): RaftAction[] {
		const {tactics, draw} = this;
		if (draw.chance(tactics.crashAppender)) return this.crashAndRestart(state, leader, 20, 800);
		if (draw.chance(tactics.isolateAppender)) {
			this.later(state, 50, 800, {type: 'heal'});
			return [{type: 'isolate', server: leader}];
		}

		return [];
	}

	/** A message in flight, picked by its link and type (the first such in flight): a plan that says so survives shrinking. */
	private messagePick(state: RaftState): MessagePick | undefined {
		const messages = inFlight(state);
		if (messages.length === 0) return undefined;
		const {message} = this.draw.pick(messages);
		return {by: 'match', from: message.from, to: message.to, type: message.body.type};
	}

	private randomFault(state: RaftState): RaftAction[] {
		const {draw} = this;
		const roll = draw.int(30);
		if (roll < 6) {
			const up = state.servers.filter(server => server.role !== 'crashed');
			const leader = up.find(server => server.role === 'leader');
			const target = leader !== undefined && draw.chance(0.4) ? leader.id : up.length > 0 ? draw.pick(up).id : this.server();
			return this.crashAndRestart(state, target, 10, 800);
		}

		if (roll < 9) {
			const groupOf = Array.from({length: this.size}, () => draw.int(3));
			const groups = [0, 1, 2].map(group => groupOf.flatMap((g, id) => (g === group ? [id] : []))).filter(group => group.length > 0);
			if (groups.length < 2) return [];
			this.later(state, 50, 1000, {type: 'heal'});
			return [{type: 'partition', groups}];
		}

		if (roll < 11) {
			const leader = state.servers.find(server => server.role === 'leader');
			if (leader === undefined) return [];
			this.later(state, 50, 1000, {type: 'heal'});
			return [{type: 'isolate', server: leader.id}];
		}

		if (roll < 12) {
			const from = this.server();
			const to = (from + 1 + draw.int(this.size - 1)) % this.size;
			this.later(state, 50, 600, {type: 'heal'});
			return [{type: 'cut', from, to}];
		}

		const pick = roll < 25 ? this.messagePick(state) : undefined;
		if (roll < 25 && pick === undefined) return [];
		if (roll < 16) return [{type: 'drop', pick: pick!}];
		if (roll < 19) return [{type: 'duplicate', pick: pick!}];
		if (roll < 23) return [{type: 'delay', pick: pick!, ms: 1 + draw.int(300)}];
		if (roll < 25) return [{type: 'deliver', pick: pick!}];
		if (roll < 27) {
			const up = state.servers.filter(server => server.role !== 'crashed');
			return up.length === 0 ? [] : [{type: 'timeout', server: draw.pick(up).id}];
		}

		if (roll < 28) return [{type: 'request', server: this.server()}];
		const from = this.server();
		if (roll < 29) {
			this.later(state, 100, 1000, {type: 'loss', from, probability: 0});
			return [{type: 'loss', from, probability: draw.pick([0.1, 0.3, 0.5])}];
		}

		this.later(state, 100, 1000, {type: 'slow', from, ms: 0});
		return [{type: 'slow', from, ms: draw.pick([20, 50, 200])}];
	}
}
