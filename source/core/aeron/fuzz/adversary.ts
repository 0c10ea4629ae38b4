/**
 * The Aeron fuzzer's adversary: a pure function of the seed. Every ~250 ms of
 * virtual time it draws one fault or action (kill, restart, isolate, heal,
 * a slow archive, a snapshot, a client request, a service timer), each one a
 * scenario verb, so a finding can be written as a scenario.
 */
import {hash3} from '../../engine/random.js';
import type {FuzzAdversary} from '../../fuzz/target.js';
import type {AeronAction, AeronState} from '../types.js';

const stream = 91;
const gap = 250;

export class AeronAdversary implements FuzzAdversary<AeronState, AeronAction> {
	private due = gap;
	private draws = 0;

	constructor(
		private readonly seed: number,
		private readonly members: number,
	) {}

	nextRepair(): number | undefined {
		return this.due;
	}

	before(state: AeronState, nextTime: number): AeronAction[] {
		if (nextTime < this.due) return [];
		this.due += gap;
		const draw = hash3(this.seed, stream, this.draws++);
		const member = (draw >>> 4) % this.members;
		const down = state.members[member]!.role === 'down';
		switch (draw % 10) {
			case 0:
				return [down ? {type: 'restart', member} : {type: 'kill', member}];
			case 1:
				return [{type: 'isolate', member}];
			case 2:
				return [{type: 'heal'}];
			case 3:
				return [{type: 'slow-archive', member, on: !state.members[member]!.slow}];
			case 4:
				return [{type: 'snapshot'}];
			case 5:
				return [{type: 'timer', delay: 200}];
			case 6:
				return [down ? {type: 'restart', member} : {type: 'request'}];
			default:
				return [{type: 'request'}];
		}
	}

	after(): AeronAction[] {
		return [];
	}
}
