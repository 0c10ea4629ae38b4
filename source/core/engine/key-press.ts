/** A key press, in the shape Ink reports it (only the fields used here). */
export type KeyPress = {
	readonly input: string;
	readonly leftArrow?: boolean;
	readonly rightArrow?: boolean;
	readonly upArrow?: boolean;
	readonly downArrow?: boolean;
	readonly pageUp?: boolean;
	readonly pageDown?: boolean;
	readonly home?: boolean;
	readonly escape?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
	readonly return?: boolean;
	readonly delete?: boolean;
	readonly backspace?: boolean;
};

/** q quits (not Ctrl+Q, which a terminal may send for flow control), and so does Ctrl+C. */
export function isQuitKey(key: KeyPress): boolean {
	return (key.input === 'q' && !key.ctrl && !key.meta) || (Boolean(key.ctrl) && key.input === 'c');
}

/** P writes the screen as a PNG (the app does it: the core has no I/O). No mode uses P, and no presenter remote sends it. */
export const stillKey = 'P';

export function isStillKey(key: KeyPress): boolean {
	return key.input === stillKey && !key.ctrl && !key.meta;
}
