/** A scenario's captions by their place on the run: the one in force at an earlier place, none before the first, the latest after a run went back. */
import {expect, test} from 'vitest';
import {captionAt, noCaption, settledAt, withCaption} from '../../../source/core/engine/caption-log.js';

const first = ['first'];
const second = ['second'];
const log = withCaption(withCaption([], {events: 3, entries: 1}, first), {events: 7, entries: 2}, second);

test('the caption in force at a place is the last one shown at or before it; none before the first', () => {
	expect(captionAt(log, {events: 2, entries: 1})).toBe(noCaption);
	expect(captionAt(log, {events: 3, entries: 1})).toBe(first);
	expect(captionAt(log, {events: 7, entries: 1})).toBe(first);
	expect(captionAt(log, {events: 7, entries: 2})).toBe(second);
	expect(captionAt(log, {events: 20, entries: 3})).toBe(second);
});

test('a caption shown at an earlier place drops those beyond it; a run that went back keeps its latest caption where it stands', () => {
	expect(withCaption(log, {events: 5, entries: 1}, ['again']).map(caption => caption.lines)).toEqual([first, ['again']]);
	const settled = settledAt(log, {events: 4, entries: 1});
	expect(captionAt(settled, {events: 4, entries: 1})).toBe(second);
	expect(captionAt(settled, {events: 3, entries: 1})).toBe(first);
	expect(settledAt(log, {events: 9, entries: 2})).toBe(log);
});
