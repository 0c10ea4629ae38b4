/**
 * The etcd decision line at every width and cluster size: each part (the
 * leader, the majority, the partition, a stale leader, slow links) is shown
 * whole, in its long or short form, or counted in "+N more"; none is cut.
 */
import {describe, expect, it} from 'vitest';
import {lineText} from '../../../source/core/engine/screen.js';
import {createEtcdState, observe} from '../../../source/core/etcd/observe.js';
import {decisionLines} from '../../../source/core/etcd/summary-lines.js';
import {clusterInfo, member, poll} from './fixtures.js';

/** m1 isolated and still leading its old term, m2 leading term 247 of a majority, slow links on m3. */
function troubled(members: number) {
	const state = createEtcdState(clusterInfo(members));
	const commit = 2470;
	return observe(
		state,
		poll(
			400,
			Array.from({length: members}, (_, i) => {
				if (i === 0) return member(0, {role: 'leader', term: 246, commit: commit - 30, input: 200});
				if (i === 1) return member(1, {role: 'leader', term: 247, commit, input: 240});
				return member(i, {role: 'follower', term: 247, lead: 1, commit, input: 240});
			}),
			{faults: {partition: [[0], Array.from({length: members - 1}, (_, i) => i + 1)], delays: members > 2 ? [{a: 2, ms: 200}] : []}},
		),
	);
}

const forms: Record<string, readonly RegExp[]> = {
	leader: [/★ m2 leads term 247 · commit 2470/, /★ m2 leads T247 · commit 2470/],
	majority: [/majority \d\/\d \(\d up\)/, /\d\/\d up, need \d/],
	partition: [/cut m1 \| m2( m\d)*/, /cut m1\|m2( m\d)*/],
	stale: [/m1 still leads term 246/, /m1 still leads T246/],
	slow: [/slow m3 \+200 ms/, /slow m3 \+200ms/],
};

describe('the etcd decision line keeps every part whole', () => {
	for (const members of [3, 5, 7]) {
		it(`${members} members, 80 (the narrowest screen) to 140 columns`, () => {
			const state = troubled(members);
			for (let width = 80; width <= 140; width++) {
				const text = lineText(decisionLines(state, width)[0]);
				expect(text.length, `${width}: ${text}`).toBeLessThanOrEqual(width);
				expect(text, `${width}`).not.toContain('…');
				const more = Number(/\+(\d+) more$/.exec(text)?.[1] ?? 0);
				const shown = Object.values(forms).filter(patterns => patterns.some(pattern => pattern.test(text))).length;
				expect(shown + more, `${width}: ${text}`).toBe(Object.keys(forms).length);
				// What matters most stays: who leads, and an old leader that still thinks it does; from 100 columns the partition too.
				expect(text).toMatch(forms.leader.find(pattern => pattern.test(text)) ?? /★ m2 leads/);
				expect(forms.stale.some(pattern => pattern.test(text)), `${width}: ${text}`).toBe(true);
				if (width >= 100) expect(forms.partition.some(pattern => pattern.test(text)), `${width}: ${text}`).toBe(true);
			}
		});
	}
});
