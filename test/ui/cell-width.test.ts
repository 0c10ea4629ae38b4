import stringWidth from 'string-width';
import {expect, test} from 'vitest';
import {cellWidth, fit} from '../../source/core/engine/text.js';

test('the fast path agrees with string-width for every code point below U+2800', () => {
	const disagreements: string[] = [];
	for (let code = 0x20; code < 0x28_00; code++) {
		const character = String.fromCodePoint(code);
		if (cellWidth(character) !== stringWidth(character)) disagreements.push(code.toString(16));
	}

	expect(disagreements).toEqual([]);
});

test('mixed lines measure as string-width measures them, wide symbols included', () => {
	for (const line of ['#42 deposit 15 → 130', '▸R2 ✗ diverged', '↯ corrupted → balance 95', 'a=— b=7', '║ ─── ║', 'café ⚠ ok', 'wide ⚡ and 漢字']) {
		expect(cellWidth(line)).toBe(stringWidth(line));
	}
});

test('fit pads or cuts to exactly the width', () => {
	expect(fit('#3 deposit 40 → 215', 10)).toBe('#3 deposi…');
	expect(cellWidth(fit('⚡ corrupted', 8))).toBe(8);
	expect(fit('ok', 5)).toBe('ok   ');
});
