/**
 * The fuzzer's adversary for Paxos: a pure function of the seed and the
 * states it is shown. Now and then it crashes a node (and restarts it a
 * little later), drops a message on a link, or makes a proposer try again;
 * and it strikes at the moments the bugs need: right after an acceptor
 * promises (a crash and restart), and after an instance is chosen in
 * Multi-Paxos (the leader crashes).
 */
import {Draw, hash2} from '../../engine/random.js';
import type {FuzzAdversary} from '../../fuzz/target.js';
import {acceptorNode} from '../names.js';
import {currentLeader, inFlight} from '../queries.js';
import type {PaxosAction, PaxosConfig, PaxosState} from '../types.js';

const adversaryStream = 301;

export class PaxosAdversary implements FuzzAdversary<PaxosState, PaxosAction> {
	private readonly draw: Draw;
	private readonly repairs: Array<{time: number; action: PaxosAction}> = [];
	private chosenSeen = 0;

	constructor(private readonly config: PaxosConfig) {
		this.draw = new Draw(hash2(config.seed, adversaryStream));
	}

	nextRepair(): number | undefined {
		return this.repairs.reduce<number | undefined>((soonest, item) => (soonest === undefined || item.time < soonest ? item.time : soonest), undefined);
	}

	before(_state: PaxosState, nextTime: number): readonly PaxosAction[] {
		const due = this.repairs.filter(item => item.time <= nextTime);
		for (const item of due) this.repairs.splice(this.repairs.indexOf(item), 1);
		return due.map(item => item.action);
	}

	after(state: PaxosState): readonly PaxosAction[] {
		const actions: PaxosAction[] = [];
		const {draw} = this;
		const {proposers, acceptors} = this.config;
		const promise = /^A(\d) promises /.exec(state.last.text);
		if (promise && draw.int(4) === 0) {
			// A crash right after a promise, and a restart at once.
			const node = acceptorNode(this.config, Number(promise[1]) - 1);
			actions.push({type: 'crash', node}, {type: 'restart', node});
		}

		if (this.config.multi && state.lamps.chosenCount > this.chosenSeen) {
			this.chosenSeen = state.lamps.chosenCount;
			const leader = currentLeader(state);
			if (leader && draw.int(3) === 0) {
				actions.push({type: 'crash', node: leader.id});
				this.repairs.push({time: state.time + 300 + draw.int(300), action: {type: 'restart', node: leader.id}});
			}
		}

		switch (draw.int(40)) {
			case 0: {
				const node = draw.int(proposers + acceptors);
				actions.push({type: 'crash', node});
				this.repairs.push({time: state.time + 20 + draw.int(300), action: {type: 'restart', node}});
				break;
			}

			case 1:
			case 2: {
				const items = inFlight(state);
				if (items.length > 0) {
					const {message} = items[draw.int(items.length)]!.event;
					actions.push({type: 'drop', pick: {by: 'match', from: message.from, to: message.to, type: message.body.type}});
				}

				break;
			}

			case 3:
				actions.push({type: 'propose', proposer: draw.int(proposers)});
				break;
			case 4:
				if (this.config.multi) actions.push({type: 'request'});
				break;
			default:
		}

		return actions;
	}
}
