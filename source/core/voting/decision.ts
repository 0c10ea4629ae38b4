import {seg, type Line} from '../engine/screen.js';
import {cellWidth} from '../engine/text.js';
import {distinguishing, quorumLines, voteVerdict} from '../verdict.js';
import type {SimState} from '../types.js';

/**
 * The quorum line and the out-of-line line, as the core says them
 * (source/core/verdict.ts), shortened to `width` by dropping what matters
 * least first: the "tolerates" note and trailing asides, then the labels of
 * the differing values — never the values themselves or who holds them.
 */
export function decisionLines(sim: SimState, width = Number.POSITIVE_INFINITY): Line[] {
	const [decision, second] = quorumLines(sim);
	return [[seg(` ${shorten(decision.text, width - 1, () => compactNoMajority(sim))}`, decision.tone, true)], [seg(second.text ? ` ${shorten(second.text, width - 1)}` : '', second.tone)]];
}

const fits = (text: string, width: number) => cellWidth(text) <= width;

/** Drops " · …" asides from the end until the text fits; then tries the compact form, if any. */
function shorten(text: string, width: number, compact?: () => string | undefined): string {
	if (fits(text, width)) return text;
	const parts = text.split(' · ');
	for (let kept = parts.length - 1; kept >= 1; kept--) {
		const shorter = parts.slice(0, kept).join(' · ');
		if (fits(shorter, width)) return shorter;
	}

	return compact?.() ?? text;
}

/** "quorum #26 ✗ no majority: R1 70 · R2 25 · R3 50": each group's distinguishing values, without their labels when there is one value. */
function compactNoMajority(sim: SimState): string | undefined {
	const {status} = voteVerdict(sim);
	if (status.kind !== 'no-majority' || status.groups.length < 2) return undefined;
	const values = distinguishing(sim.model, status.groups.map(group => group.state));
	const singleField = sim.model.describeState(status.groups[0]!.state).length === 1;
	const shown = status.groups.map((group, i) => {
		const value = singleField ? sim.model.describeState(group.state)[0]![1] : values[i]!;
		return `${group.members.join('+')} ${value}`;
	});
	return `quorum #${status.index} ✗ no majority: ${shown.join(' · ')}`;
}
