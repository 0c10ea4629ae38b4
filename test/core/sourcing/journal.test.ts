import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {append, dropOldest, emptyJournal, entriesBetween, entryAt, type Journal, journalEnd, journalOf, newest} from '../../../source/core/sourcing/journal.js';

describe('the chunked journal behaves like an array that forgets its oldest entries', () => {
	test('append, drop and read agree with a plain array model (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.integer({min: 0, max: 1000}).map(value => ({add: value})), fc.integer({min: 1, max: 90}).map(drop => ({drop})))), script => {
				let journal: Journal<number> = emptyJournal();
				let model: number[] = [];
				let dropped = 0;
				for (const step of script) {
					if ('add' in step) {
						journal = append(journal, step.add);
						model.push(step.add);
					} else {
						const drop = Math.min(step.drop, model.length);
						journal = dropOldest(journal, step.drop);
						model = model.slice(drop);
						dropped += drop;
					}

					expect(journal.first).toBe(dropped);
					expect(journal.length).toBe(model.length);
					expect(journalEnd(journal)).toBe(dropped + model.length);
					expect(entriesBetween(journal, 0)).toEqual(model);
					expect(newest(journal, 3)).toEqual(model.slice(-3));
					expect(entryAt(journal, dropped - 1)).toBeUndefined();
					if (model.length > 0) expect(entryAt(journal, journalEnd(journal) - 1)).toBe(model.at(-1));
				}
			}),
			{seed: 21, numRuns: 200},
		);
	});

	test('appending to a journal leaves the older value untouched (it is persistent)', () => {
		const older = journalOf(0, Array.from({length: 70}, (_, i) => i));
		const newer = append(older, 70);
		expect(entriesBetween(older, 0)).toHaveLength(70);
		expect(entriesBetween(newer, 0)).toHaveLength(71);
		expect(newer.chunks[0]).toBe(older.chunks[0]);
	});
});
