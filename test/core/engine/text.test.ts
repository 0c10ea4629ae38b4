/**
 * The engine's text and line helpers every mode's view uses: widths in
 * terminal cells (a wide character takes two), cutting with …, padding,
 * centring, choosing the first text that fits, wrapping into rows, and cutting
 * or padding a line of segments.
 */
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {cutLine, line, lineText, lineWidth, padLine, seg} from '../../../source/core/engine/screen.js';
import {center, cellWidth, cut, fit, fitFirst, padEnd, padStart, wrapLines} from '../../../source/core/engine/text.js';

describe('text in cells', () => {
	it('cuts with … only when the text is wider than the room', () => {
		expect(cut('heartbeat', 9)).toBe('heartbeat');
		expect(cut('heartbeat', 5)).toBe('hear…');
		expect(cut('heartbeat', 1)).toBe('…');
		expect(cut('heartbeat', 0)).toBe('');
		expect(cut('漢字漢字', 8)).toBe('漢字漢字');
		expect(stringWidth(cut('漢字漢字', 5))).toBeLessThanOrEqual(5);
		expect(cut('漢字漢字', 5)).toMatch(/^漢字…$/);
	});

	it('pads at the end or the start, and centres, counting cells', () => {
		expect(padEnd('ab', 4)).toBe('ab  ');
		expect(padStart('ab', 4)).toBe('  ab');
		expect(padEnd('toolong', 3)).toBe('toolong');
		expect(padEnd('漢', 4)).toBe('漢  ');
		expect(padStart('⚡', 3)).toBe(' ⚡');
		expect(center('S1', 6)).toBe('  S1  ');
		expect(center('S1', 5)).toBe(' S1  ');
		expect(center('漢', 5)).toBe(' 漢  ');
		expect(center('S10 leader', 4)).toBe('S10…');
		expect(fit('漢字', 3)).toBe('漢…');
	});

	it('picks the first option that fits, else cuts the last', () => {
		expect(fitFirst(['commit 3 · applied 3', 'commit 3 app 3', 'c3 a3'], 15)).toBe('commit 3 app 3');
		expect(fitFirst(['commit 3 · applied 3', 'c3 a3'], 3)).toBe('c3…');
		expect(fitFirst(['漢字 wide', 'narrow'], 7)).toBe('narrow');
		expect(fitFirst([], 4)).toBe('');
	});

	it('wraps at the last space that fits, breaks long words, and cuts the last row', () => {
		expect(wrapLines('the leader sends AppendEntries', 12, 3)).toEqual(['the leader', 'sends', 'AppendEntri…']);
		expect(wrapLines('abcdefghijkl mn', 5, 4)).toEqual(['abcde', 'fghij', 'kl mn']);
		expect(wrapLines('one two three', 20, 2)).toEqual(['one two three']);
		expect(wrapLines('', 10, 2)).toEqual([]);
		for (const row of wrapLines('漢字 漢字漢字 漢字', 6, 3)) expect(cellWidth(row)).toBeLessThanOrEqual(6);
		expect(wrapLines('漢字 漢字漢字 漢字', 6, 3)).toEqual(['漢字', '漢字漢', '字 漢…']);
	});
});

describe('lines of segments', () => {
	const row = line(seg('★ ', 'good'), 'S1 leader', seg(' 漢', 'warn'));

	it('measures in cells', () => {
		expect(lineWidth(row)).toBe(2 + 9 + 3);
		expect(lineWidth([])).toBe(0);
	});

	it('cuts a line: whole segments that fit, the next one cut with …, the rest dropped', () => {
		expect(cutLine(row, 14)).toEqual(row);
		expect(cutLine(row, 6)).toEqual([{text: '★ ', tone: 'good'}, {text: 'S1 …'}]);
		expect(cutLine(row, 2)).toEqual([{text: '★ ', tone: 'good'}]);
		expect(lineWidth(cutLine(row, 13))).toBeLessThanOrEqual(13);
	});

	it('pads a line to exactly the width, or cuts it', () => {
		expect(lineText(padLine(row, 16))).toBe('★ S1 leader 漢  ');
		expect(lineWidth(padLine(row, 16))).toBe(16);
		expect(lineText(padLine(row, 6))).toBe('★ S1 …');
		expect(lineWidth(padLine(row, 13))).toBe(13);
	});
});
