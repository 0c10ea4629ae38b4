import {rewound, type Session} from '../core/engine/session.js';
import type {ScenarioStep} from './types.js';

export type Claim = {readonly line: number; readonly text: string; readonly kind: 'expect' | 'until'; readonly failure: string | undefined; readonly position: string};

/**
 * A scenario's claims as the timeline reaches them. A caption's claims must
 * hold while time passes under it: each expect stays in force through the
 * waits that follow, until the next caption or the next thing the scenario does
 * (keys, step, a verb, until, a pause point's release).
 */
export class ClaimLog {
	readonly claims: Claim[] = [];
	private standing: Array<{index: number; step: ScenarioStep & {kind: 'expect'}}> = [];

	/** `onClaim` sees each claim when it is checked, and again if a standing one fails later. */
	constructor(private readonly onClaim?: (claim: Claim) => void) {}

	record(step: ScenarioStep & {kind: 'expect' | 'until'}, failure: string | undefined, session: Session): void {
		const claim = {line: step.line, text: step.condition.text, kind: step.kind, failure, position: positionOf(session)};
		this.claims.push(claim);
		if (step.kind === 'expect') this.standing.push({index: this.claims.length - 1, step});
		this.onClaim?.(claim);
	}

	/** The scenario moved on: the claims so far are no longer in force. */
	moveOn(): void {
		this.standing = [];
	}

	/** Time passed (or the presenter acted) under the standing claims: each must still hold. */
	recheck(session: Session): void {
		// A board the presenter took back is not the scenario's: its claims belong to the place it left the board.
		if (rewound(session)) return;
		for (const {index, step} of this.standing) {
			if (this.claims[index]!.failure !== undefined) continue;
			const failure = step.condition.check(session.sim);
			if (failure === undefined) continue;
			this.claims[index] = {...this.claims[index]!, failure: `${failure} (later, while its caption still showed)`, position: positionOf(session)};
			this.onClaim?.(this.claims[index]);
		}
	}
}

export function positionOf(session: Session): string {
	const screen = session.mode.view(session.sim, {columns: 200, bodyRows: 60, selected: session.selected, cursor: session.cursor});
	return screen.kind === 'screen' ? screen.position : '';
}
