import type {KeyPress} from '../core/engine/key-press.js';

/** Named keys a scenario can press; any other single character is pressed as itself. */
const namedKeys: Readonly<Record<string, KeyPress>> = {
	space: {input: ' '},
	left: {input: '', leftArrow: true},
	right: {input: '', rightArrow: true},
	up: {input: '', upArrow: true},
	down: {input: '', downArrow: true},
	pgup: {input: '', pageUp: true},
	pgdn: {input: '', pageDown: true},
	home: {input: '', home: true},
	esc: {input: '', escape: true},
	enter: {input: '\r', return: true},
};

export const keyNames = Object.keys(namedKeys);

export function keyPressFor(token: string): KeyPress | undefined {
	const named = namedKeys[token.toLowerCase()];
	if (named) return named;
	return [...token].length === 1 ? {input: token} : undefined;
}
